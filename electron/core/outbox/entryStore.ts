import { mkdir, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { OutboxEntrySchema, type OutboxEntry } from '../../../shared/model/outbox';
import { isTempFile, syncFolder } from '../storage/durableWrite';
import { NewerVersionError, openDocument, type DocumentCodec } from '../storage/jsonDocument';
import { RepairNeededError } from '../storage/readOnly';
import { migrateEntryDocument } from './entryMigrations';

function codecFor(file: string): DocumentCodec<OutboxEntry> {
  return { parse: (json) => OutboxEntrySchema.parse(migrateEntryDocument(json, file)) };
}

/**
 * The outbox on disk: `<library>/outbox/<entry id>.json`, one durable lowdb document per entry,
 * so recording or updating one entry costs O(that entry) and a crash leaves each whole.
 */
export class EntryStore {
  readonly #folder: string;

  constructor(libraryFolder: string) {
    this.#folder = path.join(libraryFolder, 'outbox');
  }

  /**
   * Reads every entry; a damaged one is moved to `outbox/quarantine/` and reported, never fatal.
   * A reader (`readOnly`) creates nothing and moves nothing: a damaged entry is refused. An
   * entry written by a newer app is left on disk, untouched, and reported.
   */
  async loadAll(
    logError: (message: string, error: unknown) => void,
    { readOnly = false }: { readonly readOnly?: boolean } = {},
  ): Promise<OutboxEntry[]> {
    if (!readOnly) await mkdir(this.#folder, { recursive: true });
    const entries: OutboxEntry[] = [];
    for (const name of await this.#names()) {
      if (!name.endsWith('.json') || isTempFile(name)) continue;
      const file = path.join(this.#folder, name);
      try {
        const document = openDocument<OutboxEntry | null>(file, codecFor(file), null);
        await document.read();
        if (document.data) entries.push(document.data);
      } catch (error) {
        if (error instanceof NewerVersionError) {
          logError(`The outbox entry ${name} was left alone`, error);
          continue;
        }
        if (readOnly) throw new RepairNeededError(`The outbox entry ${name} is damaged.`);
        logError(`The outbox entry ${name} was damaged and set aside`, error);
        await this.#quarantine(file, name).catch((moveError: unknown) =>
          logError(`The damaged outbox entry ${name} could not be moved`, moveError),
        );
      }
    }
    return entries;
  }

  /**
   * Writes the entry durably: when this resolves, it survives a crash or a power cut. An entry
   * that would not read back is refused before anything is written.
   */
  async save(entry: OutboxEntry): Promise<void> {
    const file = this.#file(entry.id);
    const document = openDocument<OutboxEntry>(file, codecFor(file), OutboxEntrySchema.parse(entry));
    await document.write();
  }

  async remove(id: string): Promise<void> {
    await unlink(this.#file(id)).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    });
  }

  async #names(): Promise<string[]> {
    try {
      return await readdir(this.#folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  #file(id: string): string {
    return path.join(this.#folder, `${id}.json`);
  }

  async #quarantine(file: string, name: string): Promise<void> {
    const quarantine = path.join(this.#folder, 'quarantine');
    await mkdir(quarantine, { recursive: true });
    await rename(file, path.join(quarantine, name));
    await syncFolder(this.#folder);
  }
}
