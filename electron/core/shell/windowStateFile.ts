import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably } from '../storage/durableWrite';
import type { WindowState } from './windowPlacement';

/** The file in Electron's userData folder that remembers where the window was. */
export const WINDOW_STATE_FILE = 'window-state.json';

/**
 * Remembers the window's place in a small JSON file. Saves are written one at a time and only
 * the latest waiting one is written next, since a window dragged across the screen produces many.
 */
export class WindowStateFile {
  readonly #file: string;
  readonly #logError: (message: string, error: unknown) => void;
  #next: WindowState | null = null;
  #writing: Promise<void> | null = null;

  constructor(file: string, logError: (message: string, error: unknown) => void) {
    this.#file = file;
    this.#logError = logError;
  }

  /** What was saved, unchecked (restoreWindowPlacement validates it); null if nothing readable is there. */
  async read(): Promise<unknown> {
    try {
      return JSON.parse(await readFile(this.#file, 'utf8')) as unknown;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.#logError('The window state was unreadable', error);
      return null;
    }
  }

  save(state: WindowState): void {
    this.#next = state;
    this.#writing ??= this.#drain();
  }

  /** Resolves once every save so far is on disk (or has failed and been logged). */
  async flush(): Promise<void> {
    await this.#writing;
  }

  async #drain(): Promise<void> {
    await mkdir(path.dirname(this.#file), { recursive: true }).catch(() => undefined);
    for (let state = this.#next; state !== null; state = this.#next) {
      this.#next = null;
      try {
        await writeFileDurably(this.#file, `${JSON.stringify(state)}\n`);
      } catch (error) {
        this.#logError('The window state could not be saved', error);
      }
    }
    this.#writing = null;
  }
}
