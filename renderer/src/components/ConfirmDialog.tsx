import { useEffect, useRef } from 'react';

interface ConfirmDialogProps {
  readonly title: string;
  readonly message: string;
  /** The destructive action, named for what it does ("Delete 3 drafts"). */
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/**
 * Asks before something destructive. Cancel comes first and has the focus, so a key pressed by
 * a slip (Enter, Space, Escape) never does the damage.
 */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    cancel.current?.focus();
  }, []);
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      className="confirm-dialog"
      aria-label={title}
      aria-describedby="confirm-message"
      onClose={onCancel}
    >
      <h2>{title}</h2>
      <p id="confirm-message">{message}</p>
      <div className="dialog-actions">
        <button ref={cancel} type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
