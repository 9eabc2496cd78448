import { useEffect, useRef } from 'react';
import { describeKeys, shortcuts, type ShortcutName } from '../shortcuts';

/** Every shortcut, in a modal dialog. */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
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
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
