import { readFile } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import { writeFileDurably, type DurableWriteOptions } from './durableWrite';

/** A document that exists but cannot be read back as what it should hold. */
export class CorruptDocumentError extends Error {
  readonly file: string;

  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super(`${file} is corrupt: ${reason}`, options);
    this.name = 'CorruptDocumentError';
    this.file = file;
  }
}

/** A document written by a newer version of the app: left untouched, never quarantined. */
export class NewerVersionError extends Error {
  constructor(file: string, version: number) {
    super(`${file} was written by a newer version of Commonplace (format ${version}); update the app to open it.`);
    this.name = 'NewerVersionError';
  }
}

/**
 * lowdb's adapter for one JSON document, durable on write (see writeFileDurably) and strict on
 * read: an empty, truncated or invalid file is reported as corrupt (lowdb's own JSONFile throws
 * a bare SyntaxError, lowdb#571) so the library can quarantine it and recover.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly file: string;
  readonly #codec: DocumentCodec<T>;
  readonly #options: DurableWriteOptions;

  constructor(file: string, codec: DocumentCodec<T>, options: DurableWriteOptions = {}) {
    this.file = file;
    this.#codec = codec;
    this.#options = options;
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
      return this.#codec.parse(json);
    } catch (error) {
      if (error instanceof NewerVersionError) throw error;
      throw new CorruptDocumentError(this.file, error instanceof Error ? error.message : String(error), {
        cause: error,
      });
    }
  }

  write(data: T): Promise<void> {
    return writeFileDurably(
      this.file,
      JSON.stringify(this.#codec.toJson ? this.#codec.toJson(data) : data),
      this.#options,
    );
  }
}

/** How a document's JSON becomes the value lowdb holds (validated), and back. */
export interface DocumentCodec<T> {
  /** Throws when the JSON is not a valid document. */
  parse(json: unknown): T;
  /** What is written for the value; the value itself when absent. */
  toJson?(data: T): unknown;
}

/** A codec that validates with a zod-like schema and writes the value as it is. */
export function schemaCodec<T>(schema: { parse(json: unknown): T }): DocumentCodec<T> {
  return { parse: (json) => schema.parse(json) };
}

/** Opens a lowdb database over one durable JSON document. */
export function openDocument<T>(
  file: string,
  codec: DocumentCodec<T>,
  initial: T,
  options: DurableWriteOptions = {},
): Low<T> {
  return new Low(new DurableJsonFile(file, codec, options), initial);
}
