import { useEffect } from 'react';

const VISIBLE_MS = 10_000;

/** "Quote removed. Undo": a short-lived offer to take back a removal. */
export function UndoBar({ message, onUndo, onExpire }: { message: string; onUndo: () => void; onExpire: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onExpire, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [message, onExpire]);
  return (
    <div className="undo-bar" role="status" aria-label="Undo">
      {message}
      <button type="button" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
