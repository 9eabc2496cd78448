import type { DraftStatus } from '../../../../shared/model/draft';

export const statusLabels: Readonly<Record<DraftStatus, string>> = {
  draft: 'Draft',
  queued: 'Queued',
  published: 'Published',
  changed: 'Changed since publish',
  'needs-you': 'Needs you',
  conflict: 'Conflict',
};

export function StatusBadge({ status }: { status: DraftStatus }) {
  return <span className={`badge badge-${status}`}>{statusLabels[status]}</span>;
}
