import type { Draft, DraftStatus, DraftSummary } from './draft';

const FIRST_WORDS_CHARACTERS = 160;

/** The first words of the commentary as plain text, for the library list. */
export function firstWordsOf(markdown: string): string {
  const plain = markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length <= FIRST_WORDS_CHARACTERS ? plain : `${plain.slice(0, FIRST_WORDS_CHARACTERS).trimEnd()}\u2026`;
}

/** The draft as a list shows it; its status across blogs comes from the outbox, which owns it. */
export function summarize(draft: Draft, status: DraftStatus): DraftSummary {
  return {
    id: draft.id,
    title: draft.title,
    firstWords: firstWordsOf(draft.commentary),
    hashtags: [...draft.hashtags],
    status,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    revision: draft.revision,
    trashedAt: draft.trashedAt,
  };
}

/**
 * The order of every drafts list: most recently updated first, and by id between drafts updated
 * in the same millisecond, so that a list kept up to date by events matches one asked afresh.
 */
export function listOrder(a: { id: string; updatedAt: string }, b: { id: string; updatedAt: string }): number {
  return compare(b.updatedAt, a.updatedAt) || compare(a.id, b.id);
}

/** Code-unit order: the library's times are all ISO 8601 in UTC, where it is the order of time. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
