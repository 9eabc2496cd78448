import { AppError } from '../../shared/result';
import type { DraftLibrary } from './library/draftLibrary';
import { openLibraryAndOutbox } from './libraryAndOutbox';
import type { LibraryView } from './libraryView';
import type { MediaService } from './media/mediaService';
import { acquireLibraryLock, type LibraryLock } from './lock/libraryLock';
import { LibraryLockedError } from './lock/lockMessages';
import type { LockProgram } from './lock/lockRecord';

/** How a host opens the library. */
export type LibraryAccess =
  /** Holds the library's lock until close(): one process at a time writes a library. */
  | { readonly mode: 'write'; readonly program: LockProgram }
  /** Writes nothing and takes no lock: reading while another process (the app) writes. */
  | { readonly mode: 'read' };

export interface LibraryOpenOptions {
  /** The library folder. */
  readonly dataFolder: string;
  readonly access: LibraryAccess;
  readonly now?: () => Date;
  readonly logError: (message: string, error: unknown) => void;
}

/** The draft library, under the library's lock when it writes, with the view that joins in where drafts stand. */
export interface OpenedLibrary {
  readonly library: DraftLibrary;
  /** The drafts with where each stands on its blogs, as the outbox's records say (nothing is sent). */
  readonly view: LibraryView;
  /** The library's images, loaded (with their code) when first asked for. */
  media(): Promise<MediaService>;
  /** Flushes pending writes and releases the lock. */
  close(): Promise<void>;
}

/**
 * Takes the library's lock for a writer; throws a LibraryLockedError naming the holder when
 * another process has it. A reader gets null: it takes no lock.
 */
export async function lockFor(options: LibraryOpenOptions): Promise<LibraryLock | null> {
  if (options.access.mode === 'read') return null;
  const program = options.access.program;
  const now = options.now ?? (() => new Date());
  const outcome = await acquireLibraryLock({ folder: options.dataFolder, program, now });
  if (!outcome.ok) throw new LibraryLockedError(outcome.refusal, program, now());
  return outcome.lock;
}

/**
 * Opens the drafts and the outbox's records of where they stand, offline (no accounts, nothing is
 * sent; the images when first asked for): what the CLI's commands that read or edit drafts need.
 * The outbox's records open with the drafts because they own the publishing states that drafts of
 * an older format hand over as they are migrated.
 */
export async function openLibrary(options: LibraryOpenOptions): Promise<OpenedLibrary> {
  const lock = await lockFor(options);
  try {
    const noBlogs = (): never => {
      throw new AppError('unavailable', 'This command does not publish: its blogs are not opened.');
    };
    const { library, view, close } = await openLibraryAndOutbox({
      folder: options.dataFolder,
      logError: options.logError,
      readOnly: options.access.mode === 'read',
      ...(options.now ? { now: options.now } : {}),
      adapterFor: () => Promise.resolve().then(noBlogs),
      postStyleFor: noBlogs,
      online: false,
      publish: () => undefined,
    });
    let media: Promise<MediaService> | null = null;
    return {
      library,
      view,
      media() {
        media ??= import('./media/mediaService').then(
          ({ MediaService }) =>
            new MediaService({
              folder: options.dataFolder,
              fetch,
              now: options.now ?? (() => new Date()),
              readOnly: options.access.mode === 'read',
            }),
        );
        return media;
      },
      async close() {
        try {
          await close();
        } finally {
          await lock?.release();
        }
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}
