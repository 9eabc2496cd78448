import { useEffect, useRef } from 'react';
import { describeKeys, shortcuts, type ShortcutName } from '../shortcuts';
import { useBooleanPreference } from '../state/usePreference';

/** Every shortcut, in a modal dialog. */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [tabIndents, setTabIndents] = useBooleanPreference('tabIndents', false);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="shortcuts-sheet" aria-label="Keyboard shortcuts" onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      <dl>
        {(Object.keys(shortcuts) as ShortcutName[]).map((name) => (
          <div key={name}>
            <dt>{shortcuts[name].label}</dt>
            <dd>
              <kbd>{describeKeys(shortcuts[name].keys)}</kbd>
            </dd>
          </div>
        ))}
      </dl>
      <p className="field-note" id="tab-note">
        The app’s shortcuts work in every field. In the commentary, Tab moves on to the next field, as everywhere; with
        Tab indentation on, Tab indents and Esc, then Tab leaves.
      </p>
      <label>
        <input
          type="checkbox"
          checked={tabIndents}
          aria-describedby="tab-note"
          onChange={(event) => setTabIndents(event.target.checked)}
        />
        Tab indents in the commentary
      </label>
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
