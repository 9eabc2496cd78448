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
