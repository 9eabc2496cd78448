import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ThemeSnapshotSchema, type ThemeSnapshot } from '../../../shared/model/themeSnapshot';
import { cutThemePage } from '../../../shared/theme/themePage';
import { isTempFile, syncFolder, writeFileDurably } from '../storage/durableWrite';
import { readOnlyRefusal } from '../storage/readOnly';

/**
 * The library's theme snapshots: `themes/<account id>.json`, one document per blog, each written
 * whole and durably (temp file, fsync, rename, folder fsync), so a crash leaves the old snapshot
 * or the new one. A document that cannot be read back is reported and treated as no snapshot:
 * it is only a cache of the blog's page, taken again on request.
 */
export class SnapshotStore {
  readonly #folder: string;
  readonly #readOnly: boolean;
  readonly #logError: (message: string, error: unknown) => void;

  constructor(options: { dataFolder: string; readOnly: boolean; logError: (message: string, error: unknown) => void }) {
    this.#folder = path.join(options.dataFolder, 'themes');
    this.#readOnly = options.readOnly;
    this.#logError = options.logError;
  }

  async read(accountId: string): Promise<ThemeSnapshot | null> {
    let text: string;
    try {
      text = await readFile(this.#file(accountId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const snapshot = ThemeSnapshotSchema.parse(JSON.parse(text));
      if (snapshot.accountId !== accountId) throw new Error(`it belongs to account ${snapshot.accountId}`);
      cutThemePage(snapshot.page);
      return snapshot;
    } catch (error) {
      this.#logError(`The theme snapshot ${this.#file(accountId)} cannot be read; it will be taken again`, error);
      return null;
    }
  }

  /** The accounts that have a snapshot file. */
  async accountIds(): Promise<string[]> {
    try {
      const names = await readdir(this.#folder);
      return names.filter((name) => name.endsWith('.json') && !isTempFile(name)).map((name) => name.slice(0, -5));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async write(snapshot: ThemeSnapshot): Promise<void> {
    if (this.#readOnly) throw readOnlyRefusal();
    await mkdir(this.#folder, { recursive: true });
    await writeFileDurably(this.#file(snapshot.accountId), JSON.stringify(ThemeSnapshotSchema.parse(snapshot)));
  }

  async remove(accountId: string): Promise<void> {
    if (this.#readOnly) throw readOnlyRefusal();
    await rm(this.#file(accountId), { force: true });
    await syncFolder(this.#folder).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    });
  }

  #file(accountId: string): string {
    // Account ids are IdSchema strings (letters, digits, _ and -): safe as file names.
    return path.join(this.#folder, `${accountId}.json`);
  }
}
