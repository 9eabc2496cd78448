import type { Handlers } from '../../shared/contract';
import { emptyDraftContent, type Draft } from '../../shared/model/draft';
import { AppError } from '../../shared/result';
import type { Accounts } from './accounts/accounts';
import type { DraftLibrary } from './library/draftLibrary';
import type { MediaService } from './media/mediaService';
import type { Outbox } from './outbox/outbox';
import type { QuoteService } from './quotes/quoteService';
import type { ThemeSnapshots } from './themes/themeSnapshots';

/** The contract's calls, implemented over the core services. */
export function createHandlers(services: {
  readonly library: DraftLibrary;
  readonly quotes: QuoteService;
  readonly accounts: Accounts;
  readonly outbox: Outbox;
  readonly media: MediaService;
  readonly themes: ThemeSnapshots;
}): Handlers {
  const { library, quotes, accounts, outbox, media, themes } = services;
  return {
    listDrafts: (query) => library.list(query),
    getDraft: ({ id }) => library.get(id),
    createDraft: ({ content }) => library.create(content ?? emptyDraftContent()),
    saveDraft: ({ id, content }) => library.save(id, content),
    trashDraft: ({ id }) => library.trash(id),
    restoreDraft: ({ id }) => library.restore(id),
    emptyTrash: async () => {
      const emptied = await library.emptyTrash();
      // Only now, never before: a trashed draft (and its history) keeps its images until here, and
      // an emptying that can still be undone keeps the images of what it set aside.
      const imagesRemoved = await media.removeUnused(await library.imagesInUse());
      return { ...emptied, imagesRemoved };
    },
    undoEmptyTrash: async ({ batch }) => ({ restored: await library.undoEmptyTrash(batch) }),
    listRevisions: ({ id }) =>
      library.revisions(
        id,
        (accountId) => accounts.list().find((account) => account.id === accountId)?.blogName ?? 'a blog since removed',
      ),
    getRevision: ({ id, revision }) => library.revision(id, revision),
    restoreRevision: ({ id, revision }) => library.restoreRevision(id, revision),
    listTags: () => Promise.resolve(library.tags()),
    readClipboard: () => quotes.readClipboard(),
    quoteFromClipboard: ({ clipboard }) => Promise.resolve(quotes.fromClipboard(clipboard)),
    enrichSource: ({ source }) => quotes.enrichSource(source),
    addImage: ({ data }) => media.add(Buffer.from(data, 'base64')),
    addImageFromWeb: ({ url }) => media.addFromWeb(url),
    draftImages: async ({ id }) => media.draftImages(await library.get(id)),
    listAccounts: () => Promise.resolve(accounts.list()),
    addAccount: (input) => accounts.add(input),
    removeAccount: async ({ id }) => {
      await accounts.remove(id);
      await themes.forget(id);
      return { removed: true as const };
    },
    setAccountOptions: ({ id, options }) => accounts.setOptions(id, options),
    blogFeatures: async ({ accountId }) => (await accounts.adapterFor(accountId)).features(),
    vaultInfo: () => Promise.resolve(accounts.vaultInfo()),
    publishDraft: async ({ draftId, accountIds, schedule }) => {
      refuseTrashed(await library.get(draftId));
      for (const accountId of accountIds) accounts.get(accountId);
      // Each blog's attempt runs on its own; one failing never holds up or undoes another.
      return Promise.all(
        accountIds.map(async (accountId) => ({
          accountId,
          outcome: await outbox.publish({ draftId, accountId, schedule }),
        })),
      );
    },
    removeFromBlog: (request) => outbox.remove(request),
    listOutbox: () => Promise.resolve(outbox.list()),
    drainOutbox: () => outbox.drain(),
    retryOutboxEntry: ({ entryId }) => outbox.retry(entryId),
    cancelOutboxEntry: ({ entryId }) => outbox.cancel(entryId),
    conflictDetails: ({ draftId, accountId }) => outbox.conflictDetails(draftId, accountId),
    resolveConflict: async ({ draftId, accountId, resolution }) => {
      if (resolution === 'keep-mine') refuseTrashed(await library.get(draftId));
      return outbox.resolveConflict(draftId, accountId, resolution);
    },
    pullPosts: ({ accountId, count }) => outbox.pull(accountId, count),
    setOnline: ({ online }) => {
      outbox.setOnline(online);
      return Promise.resolve({});
    },
    listThemeSnapshots: () => themes.list(),
    getThemeSnapshot: ({ accountId }) => themes.get(accountId, accounts.get(accountId).blogName),
    takeThemeSnapshot: ({ accountId }) => themes.take(accountId),
    listNotices: () => Promise.resolve([...library.notices()]),
  };
}

/** A draft in the trash is kept, not published: it must be restored first (the app reads it only). */
function refuseTrashed(draft: Draft): void {
  if (draft.trashedAt === null) return;
  throw new AppError(
    'conflict',
    `“${draft.title || 'Untitled'}” is in the trash, so it cannot be published; restore it first.`,
  );
}
