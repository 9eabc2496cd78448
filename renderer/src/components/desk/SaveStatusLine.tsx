import type { SaveStatus } from '../state/useAutosave';

/** Tells the writer, always, whether their words are on disk. */
export function SaveStatusLine({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  switch (status.kind) {
    case 'saved':
      return <span role="status">Saved</span>;
    case 'unsaved':
      return <span role="status">Edited</span>;
    case 'saving':
      return <span role="status">Saving…</span>;
    case 'failed':
      return (
        <span role="alert" className="save-failed">
          Not saved: {status.message}{' '}
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        </span>
      );
  }
}
