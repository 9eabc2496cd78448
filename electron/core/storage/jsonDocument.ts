import { readFile } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import { writeFileDurably } from './durableWrite';

/** A document that exists but cannot be read back as what it should hold. */
export class CorruptDocumentError extends Error {
  readonly file: string;

  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super(`${file} is corrupt: ${reason}`, options);
    this.name = 'CorruptDocumentError';
    this.file = file;
  }
}

/**
 * lowdb's adapter for one JSON document, durable on write (see writeFileDurably) and strict on
 * read: an empty, truncated or invalid file is reported as corrupt (lowdb's own JSONFile throws
 * a bare SyntaxError, lowdb#571) so the library can quarantine it and recover.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly file: string;
  readonly #parse: (json: unknown) => T;

  constructor(file: string, parse: (json: unknown) => T) {
    this.file = file;
    this.#parse = parse;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new CorruptDocumentError(this.file, text === '' ? 'it is empty' : 'it is not valid JSON', { cause: error });
    }
    try {
      return this.#parse(json);
    } catch (error) {
      throw new CorruptDocumentError(this.file, error instanceof Error ? error.message : String(error), {
        cause: error,
      });
    }
  }

  write(data: T): Promise<void> {
    return writeFileDurably(this.file, JSON.stringify(data));
  }
}

/** Opens a lowdb database over one durable JSON document. */
export function openDocument<T>(file: string, parse: (json: unknown) => T, initial: T): Low<T> {
  return new Low(new DurableJsonFile(file, parse), initial);
}
