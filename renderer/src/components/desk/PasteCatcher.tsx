import { useEffect, useRef, type ClipboardEvent } from 'react';
import type { ClipboardPayload } from '../../../../shared/model/clipboard';
import { payloadFromDataTransfer } from '../../quotes/clipboardFormats';

interface PasteCatcherProps {
  readonly purpose: string;
  readonly onPaste: (payload: ClipboardPayload) => void;
  readonly onCancel: () => void;
}

/**
 * A browser page may not read the clipboard unasked, so where the host cannot read it (the dev
 * host) the writer pastes into this field, and its paste event carries every format copied.
 */
export function PasteCatcher({ purpose, onPaste, onCancel }: PasteCatcherProps) {
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);

  function paste(event: ClipboardEvent<HTMLTextAreaElement>): void {
    event.preventDefault();
    onPaste(payloadFromDataTransfer(event.clipboardData));
  }

  return (
    <div className="paste-catcher" role="dialog" aria-label={purpose}>
      <label>
        Press Ctrl+V (⌘V on a Mac) to {purpose.toLowerCase()}
        <textarea
          ref={field}
          aria-label="Paste here"
          rows={2}
          value=""
          onChange={() => undefined}
          onPaste={paste}
          onKeyDown={(event) => event.key === 'Escape' && onCancel()}
        />
      </label>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
