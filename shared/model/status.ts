import type { DraftStatus, PublishState, PublishTargets } from './draft';

/** Where a draft stands overall, across its blogs (see DraftStatusSchema); a plain list, for the CLI's help. */
export const draftStatuses = ['draft', 'queued', 'published', 'changed', 'needs-you', 'conflict'] as const;

// When blogs disagree, the badge shows what most needs the writer: a conflict before an error,
// an error before pending work, pending work before "changed", "changed" before "published".
const precedence: readonly DraftStatus[] = ['conflict', 'needs-you', 'queued', 'changed', 'published', 'draft'];

function statusOf(state: PublishState): DraftStatus {
  switch (state.state) {
    case 'not-published':
      return 'draft';
    case 'queued':
    case 'sending':
      return 'queued';
    // A post the blog holds as a draft is no more published than one never sent.
    case 'published':
      return state.held?.as === 'draft' ? 'draft' : 'published';
    case 'changed-since-publish':
      return state.held?.as === 'draft' ? 'draft' : 'changed';
    case 'needs-you':
      return 'needs-you';
    case 'conflict':
      return 'conflict';
  }
}

/** The draft's overall status, from its state on each blog. */
export function draftStatus(targets: PublishTargets): DraftStatus {
  const statuses = new Set(Object.values(targets).map(statusOf));
  return precedence.find((status) => statuses.has(status)) ?? 'draft';
}
