import type { DraftSummary } from '../../../shared/model/draft';

interface DraftListProps {
  readonly drafts: readonly DraftSummary[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  readonly onCreate: () => void;
}

export function DraftList({ drafts, selectedId, onSelect, onCreate }: DraftListProps) {
  return (
    <nav className="sidebar" aria-label="Drafts">
      <button type="button" className="new-draft" onClick={onCreate}>
        New draft
      </button>
      {drafts.length === 0 ? (
        <p className="empty">No drafts yet. Start one with “New draft”.</p>
      ) : (
        <ul>
          {drafts.map((draft) => (
            <li key={draft.id}>
              <button
                type="button"
                aria-current={draft.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(draft.id)}
              >
                <span className="draft-title">{draft.title || 'Untitled'}</span>
                <span className="draft-first-words">{draft.firstWords}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
