import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { syncFolder } from '../storage/durableWrite';

const FOLDER = 'emptied-trash';

/**
 * Where emptying the trash puts the drafts' files (documents and histories) until the library
 * closes, so that an emptying done by a slip can be undone while the app is open. Each emptying
 * is one batch: emptied-trash/<batch>/ mirrors the library's own folders.
 */
export class EmptiedTrash {
  readonly #library: string;
  readonly #folder: string;

  constructor(libraryFolder: string) {
    this.#library = libraryFolder;
    this.#folder = path.join(libraryFolder, FOLDER);
  }

  /** Moves the files (those that exist) of the library into the batch, keeping their places. */
  async setAside(batch: string, files: readonly string[]): Promise<void> {
    const moved = new Set<string>();
    for (const file of files) {
      const target = path.join(this.#folder, batch, path.relative(this.#library, file));
      await mkdir(path.dirname(target), { recursive: true });
      try {
        await rename(file, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      moved.add(path.dirname(file)).add(path.dirname(target));
    }
    await Promise.all([...moved].map(syncFolder));
  }

  /** Moves a batch's files back where they were; returns them (empty for an unknown batch). */
  async bringBack(batch: string): Promise<string[]> {
    const root = path.join(this.#folder, batch);
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    const restored: string[] = [];
    for (const entry of entries.filter((each) => each.isFile())) {
      const from = path.join(entry.parentPath, entry.name);
      const to = path.join(this.#library, path.relative(root, from));
      await mkdir(path.dirname(to), { recursive: true });
      await rename(from, to);
      restored.push(to);
    }
    await Promise.all([...new Set(restored.map((file) => path.dirname(file)))].map(syncFolder));
    await rm(root, { recursive: true, force: true });
    return restored;
  }

  /**
   * The text of every file set aside, for what it still refers to (images): a batch can come back
   * until the library closes, so what it uses must stay until then.
   */
  async texts(): Promise<string[]> {
    const entries = await readdir(this.#folder, { recursive: true, withFileTypes: true }).catch(() => []);
    const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
    return Promise.all(files.map((file) => readFile(file, 'utf8')));
  }

  /** Deletes every batch for good: when the library closes (or opens after a crash). */
  async clear(): Promise<void> {
    await rm(this.#folder, { recursive: true, force: true });
  }
}
