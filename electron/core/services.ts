import type { Handlers } from '../../shared/contract';
import { randomUUID } from 'node:crypto';
import type { ClipboardPayload } from '../../shared/model/clipboard';
import { Accounts } from './accounts/accounts';
import { ArchiveJobs } from './archive/archiveJobs';
import type { VaultSealers } from './accounts/credentialVault';
import { googleSettingsFromEnvironment } from './accounts/googleConfig';
import { defaultKeyFile, localKeySealer } from './accounts/localKeySealer';
import { defaultDataFolder } from './dataFolder';
import { EventHub } from './events';
import { createHandlers } from './handlers';
import type { DraftLibrary } from './library/draftLibrary';
import { openLibraryAndOutbox } from './libraryAndOutbox';
import type { LibraryView } from './libraryView';
import type { LibraryLock } from './lock/libraryLock';
import { MediaService } from './media/mediaService';
import { lockFor, type LibraryAccess } from './openLibrary';
import type { Outbox } from './outbox/outbox';
import type { PathPurpose } from './shell/pathDialog';
import { createQuoteService, type QuoteService } from './quotes/quoteService';
import { buildFolderSource, builtSiteFolder } from './themes/buildFolderSource';
import { networkSource } from './themes/networkSource';
import { SnapshotStore } from './themes/snapshotStore';
import { ThemeSnapshots } from './themes/themeSnapshots';

export interface ServiceOptions {
  /** The library folder. */
  readonly dataFolder: string;
  readonly access: LibraryAccess;
  readonly now?: () => Date;
  readonly logError: (message: string, error: unknown) => void;
  /** The network for reading source pages (and, later, blogs); the global fetch by default. */
  readonly fetch?: typeof fetch;
  /** The OS clipboard, where the host can read it (Electron). */
  readonly readClipboard?: () => Promise<ClipboardPayload>;
  /**
   * How blog secrets are sealed: the OS keyring in Electron where it has one; by default a key
   * kept outside the library, in the user's app data folder.
   */
  readonly sealers?: VaultSealers;
  /**
   * Whether the outbox may reach blogs on its own from the start. A CLI command that only reads
   * the library passes false, so it never sends anything in passing.
   */
  readonly online?: boolean;
  /** Opens a page in the writer's browser (Google's sign-in); each host has its own way. */
  readonly openBrowser?: (url: string) => void;
  /** The OS's file dialogs (Electron); elsewhere the page asks for a path. */
  readonly choosePath?: (purpose: PathPurpose) => Promise<string | null>;
}

/** How long one request to a blog or a source page may take, body included. */
const NETWORK_TIMEOUT_MS = 30_000;

/** Everything a host needs: the core services, wired, and the contract's handlers over them. */
export interface Services {
  readonly library: DraftLibrary;
  /** The library as the renderer sees it: drafts with their states on blogs joined in. */
  readonly view: LibraryView;
  readonly quotes: QuoteService;
  readonly accounts: Accounts;
  readonly outbox: Outbox;
  readonly archive: ArchiveJobs;
  readonly media: MediaService;
  readonly themes: ThemeSnapshots;
  /** Events for the renderer; hosts forward them over their own channel. */
  readonly events: EventHub;
  readonly handlers: Handlers;
  /** Flushes pending writes and releases the library; the host calls it before it exits. */
  close(): Promise<void>;
}

/**
 * Opens the library and its services. A writer first takes the library's lock, and throws a
 * LibraryLockedError naming the holder when another process has it.
 */
export async function openServices(options: ServiceOptions): Promise<Services> {
  const lock = await lockFor(options);
  try {
    return await openUnderLock(options, lock);
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

async function openUnderLock(options: ServiceOptions, lock: LibraryLock | null): Promise<Services> {
  const readOnly = options.access.mode === 'read';
  const events = new EventHub();
  const quotes = createQuoteService({
    fetch: options.fetch ?? fetch,
    now: options.now ?? (() => new Date()),
    newId: randomUUID,
    logError: options.logError,
    ...(options.readClipboard ? { readClipboard: options.readClipboard } : {}),
  });
  const google = googleSettingsFromEnvironment();
  const transport = { fetch: options.fetch ?? fetch, timeoutMs: NETWORK_TIMEOUT_MS };
  const accounts = await Accounts.open({
    dataFolder: options.dataFolder,
    ...(google ? { google } : {}),
    // By default the page is asked to open it: the renderer lives in a browser or hands it to one.
    openBrowser: options.openBrowser ?? ((url) => events.publish({ type: 'open-url', url })),
    sealers: options.sealers ?? { seal: localKeySealer(defaultKeyFile(defaultDataFolder())) },
    transport,
    readOnly,
    onChange: (accounts) => events.publish({ type: 'accounts-changed', accounts }),
  });
  const { library, outbox, view, close } = await openLibraryAndOutbox({
    folder: options.dataFolder,
    logError: options.logError,
    readOnly,
    ...(options.now ? { now: options.now } : {}),
    adapterFor: (accountId) => accounts.adapterFor(accountId),
    postStyleFor: (accountId) => accounts.get(accountId).options,
    online: options.online ?? true,
    publish: (event) => events.publish(event),
  });
  const media = new MediaService({
    folder: options.dataFolder,
    fetch: options.fetch ?? fetch,
    now: options.now ?? (() => new Date()),
    readOnly,
  });
  const archive = new ArchiveJobs({
    library,
    media: media.store,
    view,
    outbox,
    accounts,
    events,
    now: options.now ?? (() => new Date()),
    newId: randomUUID,
  });
  const themes = new ThemeSnapshots({
    store: new SnapshotStore({ dataFolder: options.dataFolder, readOnly, logError: options.logError }),
    sourceFor: async (accountId) => {
      const account = accounts.get(accountId);
      const adapter = await accounts.adapterFor(accountId);
      const built = account.kind === 'static' ? builtSiteFolder(account.site) : null;
      return {
        source:
          built === null
            ? networkSource(adapter, transport)
            : buildFolderSource(adapter, { folder: built, url: account.address }),
        blogName: account.blogName,
      };
    },
    isOnline: () => outbox.online && !readOnly,
    announce: (accountId, info) => events.publish({ type: 'theme-snapshot-changed', accountId, info }),
    logError: options.logError,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    library,
    view,
    quotes,
    accounts,
    outbox,
    archive,
    media,
    themes,
    events,
    handlers: createHandlers({
      library,
      view,
      quotes,
      accounts,
      outbox,
      archive,
      media,
      themes,
      ...(options.choosePath ? { choosePath: options.choosePath } : {}),
    }),
    async close() {
      try {
        await close();
      } finally {
        await lock?.release();
      }
    },
  };
}
