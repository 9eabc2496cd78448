import { randomUUID } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  DRAFT_SCHEMA_VERSION,
  DraftSchema,
  DraftSummarySchema,
  emptyDraftContent,
  type Draft,
  type DraftContent,
  type DraftSummary,
} from '../../../shared/model/draft';
import { AppError } from '../../../shared/result';
import { isTempFile } from '../storage/durableWrite';
import { CorruptDocumentError, openDocument } from '../storage/jsonDocument';
import { CoalescingQueue } from './coalescingQueue';
import { summarize } from './summary';

export interface LibraryOptions {
  /** The library folder; created when missing. */
  readonly folder: string;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** How long the index waits for more changes before it is written. */
  readonly indexDelayMs?: number;
  /** Where failures that no caller is waiting for are reported. */
  readonly logError: (message: string, error: unknown) => void;
}

const IndexEntrySchema = z.strictObject({
  summary: DraftSummarySchema,
  /** The document's size and mtime when the summary was taken: a mismatch means the index is stale. */
  size: z.number(),
  mtimeMs: z.number(),
});
type IndexEntry = z.infer<typeof IndexEntrySchema>;

const IndexSchema = z.strictObject({
  schemaVersion: z.literal(1),
  drafts: z.record(z.string(), IndexEntrySchema),
});
type Index = z.infer<typeof IndexSchema>;

const DRAFTS_FOLDER = 'drafts';
const INDEX_FILE = 'index.json';

/**
 * The writer's drafts on disk: one durable lowdb document per draft, so a save costs O(that
 * draft), plus an index of summaries for listing. The documents are the truth; the index is a
 * cache, written lazily and checked against the documents at open.
 */
export class DraftLibrary {
  readonly #folder: string;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #index: ReturnType<typeof openDocument<Index>>;
  readonly #saves: CoalescingQueue<DraftContent, Draft>;
  readonly #indexDelayMs: number;
  readonly #logError: (message: string, error: unknown) => void;
  #indexTimer: ReturnType<typeof setTimeout> | null = null;
  #indexWrite: Promise<void> = Promise.resolve();

  private constructor(options: LibraryOptions) {
    this.#folder = options.folder;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
    this.#indexDelayMs = options.indexDelayMs ?? 500;
    this.#logError = options.logError;
    this.#index = openDocument(path.join(this.#folder, INDEX_FILE), (json) => IndexSchema.parse(json), {
      schemaVersion: 1,
      drafts: {},
    });
    this.#saves = new CoalescingQueue((id, content) => this.#writeContent(id, content));
  }

  /** Opens (or creates) the library in `options.folder`, bringing the index up to date. */
  static async open(options: LibraryOptions): Promise<DraftLibrary> {
    const library = new DraftLibrary(options);
    await mkdir(library.#draftsFolder, { recursive: true });
    await library.#loadIndex();
    return library;
  }

  get folder(): string {
    return this.#folder;
  }

  list(options: { includeTrashed?: boolean } = {}): DraftSummary[] {
    return Object.values(this.#index.data.drafts)
      .map((entry) => entry.summary)
      .filter((summary) => options.includeTrashed === true || summary.trashedAt === null)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async get(id: string): Promise<Draft> {
    const draft = await this.#read(id);
    if (!draft) throw new AppError('not-found', `There is no draft with id ${id}.`);
    return draft;
  }

  async create(content: DraftContent = emptyDraftContent()): Promise<Draft> {
    const now = this.#now().toISOString();
    const draft: Draft = {
      ...content,
      schemaVersion: DRAFT_SCHEMA_VERSION,
      id: this.#newId(),
      createdAt: now,
      updatedAt: now,
      revision: 1,
      trashedAt: null,
      targets: [],
    };
    await this.#write(DraftSchema.parse(draft));
    return draft;
  }

  /** Replaces the draft's content. Saves of one draft run in order; the last acknowledged wins. */
  save(id: string, content: DraftContent): Promise<Draft> {
    return this.#saves.submit(id, content);
  }

  /** Waits for pending saves and writes the index; call before the process exits. */
  async close(): Promise<void> {
    await this.#saves.idle();
    await this.#flushIndex();
  }

  get #draftsFolder(): string {
    return path.join(this.#folder, DRAFTS_FOLDER);
  }

  #draftFile(id: string): string {
    return path.join(this.#draftsFolder, `${id}.json`);
  }

  async #writeContent(id: string, content: DraftContent): Promise<Draft> {
    const current = await this.get(id);
    const draft: Draft = {
      ...current,
      ...content,
      updatedAt: this.#now().toISOString(),
      revision: current.revision + 1,
    };
    await this.#write(draft);
    return draft;
  }

  async #read(id: string): Promise<Draft | null> {
    const document = openDocument<Draft | null>(this.#draftFile(id), (json) => DraftSchema.parse(json), null);
    try {
      await document.read();
    } catch (error) {
      if (error instanceof CorruptDocumentError) {
        throw new AppError('storage', `The draft ${id} could not be read: ${error.message}`, { cause: error });
      }
      throw storageError(`The draft ${id} could not be read`, error);
    }
    return document.data;
  }

  async #write(draft: Draft): Promise<void> {
    const file = this.#draftFile(draft.id);
    const document = openDocument<Draft | null>(file, (json) => DraftSchema.parse(json), draft);
    try {
      await document.write();
      const { size, mtimeMs } = await stat(file);
      this.#index.data.drafts[draft.id] = { summary: summarize(draft), size, mtimeMs };
    } catch (error) {
      throw storageError(`The draft "${draft.title || draft.id}" could not be saved`, error);
    }
    this.#scheduleIndexWrite();
  }

  async #loadIndex(): Promise<void> {
    try {
      await this.#index.read();
    } catch (error) {
      if (!(error instanceof CorruptDocumentError)) throw error;
      this.#index.data = { schemaVersion: 1, drafts: {} };
    }
    const changed = await this.#reconcileIndex();
    if (changed) await this.#flushIndex();
  }

  /** Brings the index in line with the documents on disk; true when anything had to change. */
  async #reconcileIndex(): Promise<boolean> {
    const names = (await readdir(this.#draftsFolder)).filter((name) => name.endsWith('.json') && !isTempFile(name));
    const known = this.#index.data.drafts;
    const reconciled: Record<string, IndexEntry> = {};
    let changed = names.length !== Object.keys(known).length;
    for (const name of names) {
      const id = name.slice(0, -'.json'.length);
      const { size, mtimeMs } = await stat(this.#draftFile(id));
      const entry = known[id];
      if (entry?.size === size && entry.mtimeMs === mtimeMs) {
        reconciled[id] = entry;
        continue;
      }
      changed = true;
      try {
        const draft = await this.#read(id);
        if (draft) reconciled[id] = { summary: summarize(draft), size, mtimeMs };
      } catch (error) {
        this.#logError(`The draft ${id} was left out of the library`, error);
      }
    }
    this.#index.data.drafts = reconciled;
    return changed;
  }

  #scheduleIndexWrite(): void {
    if (this.#indexTimer) return;
    this.#indexTimer = setTimeout(() => {
      this.#indexTimer = null;
      this.#flushIndex().catch((error: unknown) => this.#logError('The library index could not be written', error));
    }, this.#indexDelayMs);
    this.#indexTimer.unref();
  }

  #flushIndex(): Promise<void> {
    if (this.#indexTimer) {
      clearTimeout(this.#indexTimer);
      this.#indexTimer = null;
    }
    // Index writes are chained so two never race on the same file.
    this.#indexWrite = this.#indexWrite.catch(() => undefined).then(() => this.#index.write());
    return this.#indexWrite;
  }
}

function storageError(what: string, error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('storage', `${what}: ${reason}`, { cause: error });
}
