import type { Handlers } from '../../shared/contract';
import { emptyDraftContent } from '../../shared/model/draft';
import type { DraftLibrary } from './library/draftLibrary';
import type { QuoteService } from './quotes/quoteService';

/** The contract's calls, implemented over the core services. */
export function createHandlers(services: { readonly library: DraftLibrary; readonly quotes: QuoteService }): Handlers {
  const { library, quotes } = services;
  return {
    listDrafts: (query) => library.list(query),
    getDraft: ({ id }) => library.get(id),
    createDraft: ({ content }) => library.create(content ?? emptyDraftContent()),
    saveDraft: ({ id, content }) => library.save(id, content),
    trashDraft: ({ id }) => library.trash(id),
    restoreDraft: ({ id }) => library.restore(id),
    emptyTrash: async () => ({ deleted: await library.emptyTrash() }),
    listRevisions: ({ id }) => library.revisions(id),
    restoreRevision: ({ id, revision }) => library.restoreRevision(id, revision),
    listTags: () => Promise.resolve(library.tags()),
    readClipboard: () => Promise.resolve(quotes.readClipboard()),
    quoteFromClipboard: ({ clipboard }) => Promise.resolve(quotes.fromClipboard(clipboard)),
    enrichSource: ({ source }) => quotes.enrichSource(source),
    listNotices: () => Promise.resolve([...library.notices()]),
  };
}
