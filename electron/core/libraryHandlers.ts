import type { Handlers } from '../../shared/contract';
import { imageUses } from '../../shared/media/references';
import { emptyDraftContent } from '../../shared/model/draft';
import type { DraftLibrary } from './library/draftLibrary';
import type { MediaService } from './media/mediaService';

/** The contract's calls that only the draft library (and its images) answer. */
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
  | 'getRevision'
  | 'restoreRevision'
  | 'listTags'
  | 'listNotices'
  | 'addImage'
  | 'draftImages';

export type LibraryHandlers = Pick<Handlers, LibraryCallName>;

/**
 * The library's calls, implemented over the library and its images alone (the CLI's draft
 * commands need no more). `media`: the library's images, which a host may load only when a call
 * first needs them (their code, and sharp's, is no part of listing or showing drafts without images).
 */
export function libraryHandlers(library: DraftLibrary, media: () => Promise<MediaService>): LibraryHandlers {
  return {
    listDrafts: (query) => library.list(query),
    listDraftPage: ({ query, offset, limit }) => library.page(query, offset, limit),
    getDraft: ({ id }) => library.get(id),
    createDraft: ({ content }) => library.create(content ?? emptyDraftContent()),
    saveDraft: ({ id, content }) => library.save(id, content),
    trashDraft: ({ id }) => library.trash(id),
    restoreDraft: ({ id }) => library.restore(id),
    emptyTrash: async () => {
      const emptied = await library.emptyTrash();
      // Only now, never before: a trashed draft (and its history) keeps its images until here, and
      // an emptying that can still be undone keeps the images of what it set aside.
      const imagesRemoved = await (await media()).removeUnused(await library.imagesInUse());
      return { ...emptied, imagesRemoved };
    },
    undoEmptyTrash: async ({ batch }) => ({ restored: await library.undoEmptyTrash(batch) }),
    listRevisions: ({ id }) => library.revisions(id),
    getRevision: ({ id, revision }) => library.revision(id, revision),
    restoreRevision: ({ id, revision }) => library.restoreRevision(id, revision),
    listTags: () => library.tags(),
    listNotices: () => Promise.resolve([...library.notices()]),
    addImage: async ({ data }) => (await media()).add(Buffer.from(data, 'base64')),
    draftImages: async ({ id }) => {
      const draft = await library.get(id);
      // A draft without images needs nothing of the media library: `drafts show` stays quick.
      return imageUses(draft).length === 0 ? [] : (await media()).draftImages(draft);
    },
  };
}
