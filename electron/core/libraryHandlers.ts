import type { Handlers } from '../../shared/contract';
import { emptyDraftContent } from '../../shared/model/draft';
import type { DraftLibrary } from './library/draftLibrary';

/** The contract's calls that only the draft library answers. */
export type LibraryCallName =
  | 'listDrafts'
  | 'listDraftPage'
  | 'getDraft'
  | 'createDraft'
  | 'saveDraft'
  | 'trashDraft'
  | 'restoreDraft'
  | 'emptyTrash'
  | 'undoEmptyTrash'
  | 'listRevisions'
  | 'restoreRevision'
  | 'listTags'
  | 'listNotices';

export type LibraryHandlers = Pick<Handlers, LibraryCallName>;

/** The library's calls, implemented over the library alone (the CLI's draft commands need no more). */
export function libraryHandlers(library: DraftLibrary): LibraryHandlers {
  return {
    listDrafts: (query) => library.list(query),
    listDraftPage: ({ query, offset, limit }) => library.page(query, offset, limit),
    getDraft: ({ id }) => library.get(id),
    createDraft: ({ content }) => library.create(content ?? emptyDraftContent()),
    saveDraft: ({ id, content }) => library.save(id, content),
    trashDraft: ({ id }) => library.trash(id),
    restoreDraft: ({ id }) => library.restore(id),
    emptyTrash: () => library.emptyTrash(),
    undoEmptyTrash: async ({ batch }) => ({ restored: await library.undoEmptyTrash(batch) }),
    listRevisions: ({ id }) => library.revisions(id),
    restoreRevision: ({ id, revision }) => library.restoreRevision(id, revision),
    listTags: () => library.tags(),
    listNotices: () => Promise.resolve([...library.notices()]),
  };
}
