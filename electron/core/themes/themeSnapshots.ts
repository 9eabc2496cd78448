import { isThemeSnapshotStale, type ThemeSnapshot, type ThemeSnapshotInfo } from '../../../shared/model/themeSnapshot';
import { AppError } from '../../../shared/result';
import type { SnapshotSource } from './snapshotSource';
import type { SnapshotStore } from './snapshotStore';

export interface ThemeSnapshotsOptions {
  readonly store: SnapshotStore;
  /** Where an account's theme is read from, and the blog's name for messages. */
  readonly sourceFor: (accountId: string) => Promise<{ readonly source: SnapshotSource; readonly blogName: string }>;
  readonly isOnline: () => boolean;
  /** Tells the hosts that an account's snapshot changed (taken again, or removed). */
  readonly announce: (accountId: string, info: ThemeSnapshotInfo | null) => void;
  readonly logError: (message: string, error: unknown) => void;
  readonly now?: () => Date;
}

/**
 * The blogs' theme snapshots: taken on request, and again in the background when the one kept is
 * older than a week and the blog can be reached (the old one is shown meanwhile). One snapshot of
 * a blog is taken at a time.
 */
export class ThemeSnapshots {
  readonly #options: ThemeSnapshotsOptions;
  readonly #now: () => Date;
  readonly #taking = new Map<string, Promise<ThemeSnapshot>>();

  constructor(options: ThemeSnapshotsOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  async list(): Promise<ThemeSnapshotInfo[]> {
    const ids = await this.#options.store.accountIds();
    const snapshots = await Promise.all(ids.map((id) => this.#options.store.read(id)));
    return snapshots.filter((snapshot) => snapshot !== null).map(infoOf);
  }

  /** The account's snapshot; refreshed in the background when stale. Not found when there is none yet. */
  async get(accountId: string, blogName: string): Promise<ThemeSnapshot> {
    const snapshot = await this.#options.store.read(accountId);
    if (snapshot === null) {
      throw new AppError('not-found', `There is no snapshot of ${blogName}'s theme yet.`);
    }
    if (isThemeSnapshotStale(snapshot.takenAt, this.#now()) && this.#options.isOnline()) {
      this.take(accountId).catch((error: unknown) =>
        this.#options.logError(`The theme snapshot of ${blogName} could not be refreshed`, error),
      );
    }
    return snapshot;
  }

  /** Takes the account's snapshot now (or joins the one being taken), keeps it, and announces it. */
  async take(accountId: string): Promise<ThemeSnapshotInfo> {
    const running = this.#taking.get(accountId);
    if (running) return infoOf(await running);
    const taking = this.#takeAndKeep(accountId).finally(() => this.#taking.delete(accountId));
    this.#taking.set(accountId, taking);
    return infoOf(await taking);
  }

  /** Takes the account's snapshot without keeping it: for a reader that may not write the library. */
  async takeWithoutKeeping(accountId: string): Promise<ThemeSnapshot> {
    const { source, blogName } = await this.#options.sourceFor(accountId);
    // Loaded when a snapshot is taken: the parsers it needs are not worth a start of every process.
    const { takeThemeSnapshot } = await import('./takeSnapshot');
    return takeThemeSnapshot(source, { accountId, blogName, now: this.#now(), logError: this.#options.logError });
  }

  async forget(accountId: string): Promise<void> {
    await this.#options.store.remove(accountId);
    this.#options.announce(accountId, null);
  }

  async #takeAndKeep(accountId: string): Promise<ThemeSnapshot> {
    const snapshot = await this.takeWithoutKeeping(accountId);
    await this.#options.store.write(snapshot);
    this.#options.announce(accountId, infoOf(snapshot));
    return snapshot;
  }
}

export function infoOf(snapshot: ThemeSnapshot): ThemeSnapshotInfo {
  return { accountId: snapshot.accountId, takenAt: snapshot.takenAt, postUrl: snapshot.postUrl, found: snapshot.found };
}
