import { useEffect } from 'react';

const VISIBLE_MS = 10_000;

interface UndoBarProps {
  readonly message: string;
  readonly onUndo: () => void;
  readonly onExpire: () => void;
  /** How long the offer stands. */
  readonly visibleMs?: number;
}

/** "Quote removed. Undo": a short-lived offer to take back a removal. */
export function UndoBar({ message, onUndo, onExpire, visibleMs = VISIBLE_MS }: UndoBarProps) {
  useEffect(() => {
    const timer = setTimeout(onExpire, visibleMs);
    return () => clearTimeout(timer);
  }, [message, onExpire, visibleMs]);
  return (
    <div className="undo-bar" role="status" aria-label="Undo">
      {message}
      <button type="button" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
