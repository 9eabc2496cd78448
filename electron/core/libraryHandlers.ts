import type { Handlers } from '../../shared/contract';
import type { LibraryCallName } from '../../shared/libraryCalls';
import { imageUses } from '../../shared/media/references';
import { emptyDraftContent } from '../../shared/model/draft';
import type { DraftLibrary } from './library/draftLibrary';
import type { LibraryView } from './libraryView';
import type { MediaService } from './media/mediaService';

export type LibraryHandlers = Pick<Handlers, LibraryCallName>;

/**
 * The library's calls, implemented over the library, the view that joins in where each draft
 * stands on its blogs (the outbox's), and its images (the CLI's draft commands need no more).
 * `media`: the library's images, which a host may load only when a call first needs them (their
 * code, and sharp's, is no part of listing or showing drafts without images).
 */
export function libraryHandlers(
  library: DraftLibrary,
  view: LibraryView,
  media: () => Promise<MediaService>,
): LibraryHandlers {
  return {
    listDrafts: (query) => view.list(query),
    listDraftPage: ({ query, offset, limit }) => view.page(query, offset, limit),
    listDraftSummaries: ({ ids }) => view.summaries(ids),
    getDraft: ({ id }) => view.get(id),
    createDraft: async ({ content }) => view.view(await library.create(content ?? emptyDraftContent())),
    saveDraft: async ({ id, changes, baseRevision, keepReplaced }) => {
      const { revision } = await library.save(id, changes, { baseRevision, keepReplaced });
      return { revision, summary: view.summary(id) };
    },
    trashDraft: async ({ id }) => view.view(await library.trash(id)),
    restoreDraft: async ({ id }) => view.view(await library.restore(id)),
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
    restoreRevision: async ({ id, revision }) => view.view(await library.restoreRevision(id, revision)),
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
