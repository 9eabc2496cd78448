import type { DraftSummary } from '../../../../shared/model/draft';
import { relativeTime } from '../../format/relativeTime';
import { StatusBadge } from './StatusBadge';

interface DraftListItemProps {
  readonly draft: DraftSummary;
  readonly selected: boolean;
  readonly onSelect: (id: string) => void;
}

export function DraftListItem({ draft, selected, onSelect }: DraftListItemProps) {
  return (
    <button type="button" aria-current={selected ? 'true' : undefined} onClick={() => onSelect(draft.id)}>
      <span className="draft-title">{draft.title || 'Untitled'}</span>
      <span className="draft-first-words">{draft.firstWords || 'No words yet'}</span>
      <span className="draft-meta">
        <StatusBadge status={draft.status} />
        <time dateTime={draft.updatedAt} title={new Date(draft.updatedAt).toLocaleString()}>
          {relativeTime(draft.updatedAt)}
        </time>
      </span>
    </button>
  );
}
