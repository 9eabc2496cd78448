import type { AppEvent } from '../../shared/contract';
import { DraftLibrary, type LibraryOptions } from './library/draftLibrary';
import { LibraryView } from './libraryView';
import { Outbox, type OutboxOptions } from './outbox/outbox';
import { OutboxRecords } from './outbox/outboxRecords';

/** How finished outbox entries stay listed, unless said otherwise. */
const DEFAULT_RETENTION_MS = 7 * 24 * 3600_000;

export interface LibraryAndOutboxOptions
  extends
    Pick<LibraryOptions, 'folder' | 'logError' | 'readOnly' | 'now' | 'newId' | 'indexDelayMs' | 'history'>,
    Omit<OutboxOptions, 'folder' | 'records' | 'library' | 'onChange' | 'logError' | 'readOnly' | 'now' | 'newId'> {
  /** Where the changes of both are announced, as the contract's events. */
  readonly publish: (event: AppEvent) => void;
  /** Ids for outbox entries (drafts take `newId`). */
  readonly newEntryId?: () => string;
}

export interface LibraryAndOutbox {
  readonly library: DraftLibrary;
  readonly outbox: Outbox;
  readonly view: LibraryView;
  /** Stops the outbox, then flushes the library. */
  readonly close: () => Promise<void>;
}

/**
 * Opens the drafts and the outbox that owns where each stands on its blogs, wired together: the
 * outbox's records open first, so that drafts of an older format hand their publishing states
 * over as the library migrates them; the view joins both and announces their changes.
 */
export async function openLibraryAndOutbox(options: LibraryAndOutboxOptions): Promise<LibraryAndOutbox> {
  const { publish, newEntryId, folder, logError, readOnly, now, newId, indexDelayMs, history, ...outboxOptions } =
    options;
  let outbox: Outbox | null = null;
  let view: LibraryView | null = null;
  const records = await OutboxRecords.open({
    folder,
    logError,
    now: now ?? (() => new Date()),
    retentionMs: options.retentionMs ?? DEFAULT_RETENTION_MS,
    readOnly: readOnly ?? false,
  });
  const library = await DraftLibrary.open({
    folder,
    logError,
    ...(readOnly === undefined ? {} : { readOnly }),
    ...(now ? { now } : {}),
    ...(newId ? { newId } : {}),
    ...(indexDelayMs === undefined ? {} : { indexDelayMs }),
    ...(history ? { history } : {}),
    onChange: (change) => view?.libraryChanged(change),
    adoptLegacy: async (draftId, legacy) => {
      if (legacy.targets === undefined) return;
      if (outbox) await outbox.adoptLegacyTargets(draftId, legacy.targets);
      else await records.adoptLegacyTargets(draftId, legacy.targets);
    },
  });
  // Where drafts stand is derived from their content hashes: the outbox opens knowing those of the
  // drafts it holds records of.
  await library.listedFor(records.posts().map(({ draftId }) => draftId));
  const opened = await Outbox.open({
    ...outboxOptions,
    folder,
    records,
    library,
    logError,
    onChange: (change) => view?.outboxChanged(change),
    ...(now ? { now } : {}),
    ...(newEntryId ? { newId: newEntryId } : {}),
  });
  outbox = opened;
  const joined = new LibraryView({
    library,
    outbox: opened,
    draftsWithRecords: () => new Set(records.posts().map(({ draftId }) => draftId)),
    publish,
    logError,
  });
  view = joined;
  return {
    library,
    outbox: opened,
    view: joined,
    close: async () => {
      await opened.close();
      await library.close();
    },
  };
}
