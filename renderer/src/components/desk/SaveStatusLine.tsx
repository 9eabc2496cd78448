import type { SaveStatus } from '../../state/useAutosave';

const labels = {
  saved: 'Saved',
  unsaved: 'Edited',
  saving: 'Saving…',
  conflict: 'Not saved: changed elsewhere',
  updating: 'Changed elsewhere: updating…',
} as const;

/** Tells the writer, always, whether their words are on disk. */
export function SaveStatusLine({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  if (status.kind === 'failed') {
    return (
      <span role="alert" aria-label="Save status" className="save-failed">
        Not saved: {status.message}{' '}
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      </span>
    );
  }
  if (status.kind === 'saved' && status.withheld.length > 0) {
    return (
      <span role="alert" aria-label="Save status" className="save-withheld">
        Saved, except: {status.withheld.join(' ')}
      </span>
    );
  }
  return (
    <span role="status" aria-label="Save status" className={`save-${status.kind}`}>
      {labels[status.kind]}
    </span>
  );
}
