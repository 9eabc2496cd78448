import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { limits } from '../../../../shared/model/limits';

interface AltTextDialogProps {
  /** What the image is called (its file name), so the writer knows which one is meant. */
  readonly name: string;
  readonly onDescribe: (alt: string, caption: string) => void;
}

/**
 * Asks for an image's alt text the moment it is added (and an optional caption), while the core
 * processes it. Skipping leaves it without; the status bar then says so until it gets one.
 */
export function AltTextDialog({ name, onDescribe }: AltTextDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  useEffect(() => dialog.current?.showModal(), []);

  function submit(event: SyntheticEvent): void {
    event.preventDefault();
    onDescribe(alt.trim(), caption.trim());
  }

  return (
    <dialog
      ref={dialog}
      className="alt-text-dialog"
      aria-label="Describe the image"
      onCancel={(event) => {
        event.preventDefault();
        onDescribe('', '');
      }}
    >
      <form onSubmit={submit}>
        <h2>Describe the image</h2>
        <p className="hint">
          {name ? `“${name}”: ` : ''}what does it show? Readers who cannot see it hear or read this instead.
        </p>
        <label>
          Alt text
          <input
            autoFocus
            value={alt}
            maxLength={limits.altTextCharacters}
            onChange={(event) => setAlt(event.target.value)}
            placeholder="A harbour at dusk, boats drawn up on the shingle"
          />
        </label>
        <label>
          Caption (optional, shown under the image)
          <input value={caption} onChange={(event) => setCaption(event.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={() => onDescribe('', '')}>
            Skip for now
          </button>
          <button type="submit" className="primary">
            Done
          </button>
        </div>
      </form>
    </dialog>
  );
}
