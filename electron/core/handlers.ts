import type { Handlers } from '../../shared/contract';
import type { Draft } from '../../shared/model/draft';
import { AppError } from '../../shared/result';
import type { Accounts } from './accounts/accounts';
import type { ArchiveJobs } from './archive/archiveJobs';
import type { DraftLibrary } from './library/draftLibrary';
import { libraryHandlers } from './libraryHandlers';
import type { LibraryView } from './libraryView';
import type { MediaService } from './media/mediaService';
import type { Outbox } from './outbox/outbox';
import type { QuoteService } from './quotes/quoteService';
import type { PathPurpose } from './shell/pathDialog';
import type { ThemeSnapshots } from './themes/themeSnapshots';

/** The contract's calls, implemented over the core services. */
export function createHandlers(services: {
  readonly library: DraftLibrary;
  readonly view: LibraryView;
  readonly quotes: QuoteService;
  readonly accounts: Accounts;
  readonly outbox: Outbox;
  readonly archive: ArchiveJobs;
  readonly media: MediaService;
  /** The OS's file dialogs, where the host has them (Electron). */
  readonly choosePath?: (purpose: PathPurpose) => Promise<string | null>;
  readonly themes: ThemeSnapshots;
}): Handlers {
  const { library, view, quotes, accounts, outbox, archive, media, choosePath, themes } = services;
  return {
    ...libraryHandlers(library, view, () => Promise.resolve(media)),
    readClipboard: () => quotes.readClipboard(),
    quoteFromClipboard: ({ clipboard }) => Promise.resolve(quotes.fromClipboard(clipboard)),
    enrichSource: ({ source }) => quotes.enrichSource(source),
    addImageFromWeb: ({ url }) => media.addFromWeb(url),
    listAccounts: () => Promise.resolve(accounts.list()),
    addAccount: (input) => accounts.add(input),
    removeAccount: async ({ id }) => {
      const { blogName } = accounts.get(id);
      await accounts.remove(id);
      const cancelled = await outbox.cancelForBlog(id, `The blog “${blogName}” was removed from your blogs.`);
      await themes.forget(id);
      return { removed: true as const, posts: outbox.postsOn(id), cancelled };
    },
    updateAccount: (changes) => accounts.update(changes),
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
    exportLibrary: (request) => archive.export(request),
    importArchive: (request) => archive.import(request),
    cancelArchiveJob: ({ jobId }) => Promise.resolve({ cancelled: archive.cancel(jobId) }),
    choosePath: async ({ purpose }) => {
      if (!choosePath) throw new AppError('unavailable', 'This window has no file dialog: type the path instead.');
      return { path: await choosePath(purpose) };
    },
    listThemeSnapshots: () => themes.list(),
    getThemeSnapshot: ({ accountId }) => themes.get(accountId, accounts.get(accountId).blogName),
    takeThemeSnapshot: ({ accountId }) => themes.take(accountId),
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
