import path from 'node:path';
import { z } from 'zod';
import { DRAFT_SCHEMA_VERSION, DraftSummarySchema, type Draft } from '../../../shared/model/draft';
import { contentHash } from '../../../shared/model/contentHash';
import { firstWordsOf, listOrder } from '../../../shared/model/summary';
import { CorruptDocumentError, openDocument, type DocumentCodec } from '../storage/jsonDocument';
import type { FileStamp } from './draftStore';

/**
 * What the library lists of a draft: its summary without the status (the outbox owns where a
 * draft stands on its blogs; it is joined in), and the fingerprint of its content, from which the
 * outbox tells a post "changed since publish" without reading the draft.
 */
export const ListingSchema = DraftSummarySchema.omit({ status: true }).extend({ contentHash: z.string().min(1) });
export type Listing = z.infer<typeof ListingSchema>;

export function listingOf(draft: Draft): Listing {
  return {
    id: draft.id,
    title: draft.title,
    firstWords: firstWordsOf(draft.commentary),
    hashtags: [...draft.hashtags],
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    revision: draft.revision,
    trashedAt: draft.trashedAt,
    contentHash: contentHash(draft),
  };
}

const IndexEntrySchema = z.strictObject({
  listing: ListingSchema,
  /** The document's stamp when the summary was taken: a different stamp means the entry is stale. */
  size: z.number(),
  mtimeMs: z.number(),
  draftVersion: z.number().int(),
});
export type IndexEntry = z.infer<typeof IndexEntrySchema>;

/**
 * The entries by id, in list order: what the library holds of index.json. A Map, not an object:
 * at 100,000 drafts Object.values of an object that many keys took ~70 ms, a Map's values ~1 ms.
 */
interface Index {
  drafts: Map<string, IndexEntry>;
  /**
   * The drafts folder's modification time at a moment when every entry was known to match its
   * document (null when the writer could not say so): a reader finding the folder unchanged since
   * need not stat each document. Every save renames within the folder, so any save moves it.
   */
  folderMtimeMs: number | null;
}

// The index is a cache of the documents: a version it cannot read is simply rebuilt.
const INDEX_VERSION = 5;

/**
 * How long the folder must have stood still before its time can stamp the index: a file system's
 * clock is coarse (FAT counts in 2 s, ext4 in a kernel tick), so a rename just after the stamp
 * could leave the folder's time as it was.
 */
const FOLDER_STILL_MS = 2_000;

/**
 * index.json holds one array per field, each in list order (entry i of every array is the i-th
 * draft). Its check is of types only, a loop per array: checking 10,000 drafts' values one by one
 * through zod took ~80 ms of a ~400 ms `drafts list`. The values were checked by the draft's
 * schema when their document was read, and index.json is written from nothing else; what this
 * check must catch is a damaged or foreign file (and a stale entry is caught by its stamp).
 */
const columnsShape = {
  id: column(isString),
  title: column(isString),
  firstWords: column(isString),
  hashtags: column((value): value is string[] => Array.isArray(value) && value.every(isString)),
  createdAt: column(isString),
  updatedAt: column(isString),
  revision: column(isWholeNumber),
  trashedAt: column((value): value is string | null => value === null || isString(value)),
  contentHash: column(isString),
  size: column(isWholeNumber),
  mtimeMs: column((value): value is number => Number.isFinite(value)),
  draftVersion: column(isWholeNumber),
};

const ColumnsSchema = z
  .strictObject({ ...columnsShape, schemaVersion: z.literal(INDEX_VERSION), folderMtimeMs: z.number().nullable() })
  .refine(columnsLineUp, 'every field has one value per draft');
type Columns = z.infer<typeof ColumnsSchema>;

/** index.json as version 4 wrote it: the same columns, without the folder's stamp. */
const Version4Schema = z
  .strictObject({ ...columnsShape, schemaVersion: z.literal(4) })
  .refine(columnsLineUp, 'every field has one value per draft');

type ColumnValues = { [Field in keyof typeof columnsShape]: z.output<(typeof columnsShape)[Field]> };

function columnsLineUp(columns: ColumnValues): boolean {
  return [
    columns.title,
    columns.firstWords,
    columns.hashtags,
    columns.createdAt,
    columns.updatedAt,
    columns.revision,
    columns.trashedAt,
    columns.contentHash,
    columns.size,
    columns.mtimeMs,
    columns.draftVersion,
  ].every((values) => values.length === columns.id.length);
}

/** index.json as version 3 wrote it (one object per draft), read once so that an update lists at once. */
const Version3Schema = z.strictObject({
  schemaVersion: z.literal(3),
  drafts: z.record(z.string(), IndexEntrySchema),
});

const indexCodec: DocumentCodec<Index> = {
  parse(json) {
    const version = typeof json === 'object' && json !== null && 'schemaVersion' in json ? json.schemaVersion : null;
    if (version === 3) {
      return { drafts: new Map(Object.entries(Version3Schema.parse(json).drafts)), folderMtimeMs: null };
    }
    const columns = version === 4 ? { ...Version4Schema.parse(json), folderMtimeMs: null } : ColumnsSchema.parse(json);
    const drafts = new Map<string, IndexEntry>();
    for (const [row, id] of columns.id.entries()) drafts.set(id, entryAt(columns, row, id));
    return { drafts, folderMtimeMs: columns.folderMtimeMs };
  },
  toJson({ drafts, folderMtimeMs }): Columns {
    const columns: Columns = {
      schemaVersion: INDEX_VERSION,
      folderMtimeMs,
      id: [],
      title: [],
      firstWords: [],
      hashtags: [],
      createdAt: [],
      updatedAt: [],
      revision: [],
      trashedAt: [],
      contentHash: [],
      size: [],
      mtimeMs: [],
      draftVersion: [],
    };
    for (const { listing, size, mtimeMs, draftVersion } of drafts.values()) {
      columns.id.push(listing.id);
      columns.title.push(listing.title);
      columns.firstWords.push(listing.firstWords);
      columns.hashtags.push(listing.hashtags);
      columns.createdAt.push(listing.createdAt);
      columns.updatedAt.push(listing.updatedAt);
      columns.revision.push(listing.revision);
      columns.trashedAt.push(listing.trashedAt);
      columns.contentHash.push(listing.contentHash);
      columns.size.push(size);
      columns.mtimeMs.push(mtimeMs);
      columns.draftVersion.push(draftVersion);
    }
    return columns;
  },
};

/** An array whose every value is a `T`. */
function column<T>(is: (value: unknown) => value is T) {
  return z.custom<T[]>((value) => Array.isArray(value) && value.every(is), 'a field holds values of another type');
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isWholeNumber(value: unknown): value is number {
  return Number.isInteger(value);
}

/** The `row`-th entry of the columns (the refinement made every column as long as the ids). */
function entryAt(columns: ColumnValues, row: number, id: string): IndexEntry {
  const at = <T>(column: readonly T[]): T => column[row] as T;
  return {
    listing: {
      id,
      title: at(columns.title),
      firstWords: at(columns.firstWords),
      hashtags: at(columns.hashtags),
      createdAt: at(columns.createdAt),
      updatedAt: at(columns.updatedAt),
      revision: at(columns.revision),
      trashedAt: at(columns.trashedAt),
      contentHash: at(columns.contentHash),
    },
    size: at(columns.size),
    mtimeMs: at(columns.mtimeMs),
    draftVersion: at(columns.draftVersion),
  };
}

/**
 * The listings the library lists, in index.json. Written lazily (a save never waits for it)
 * and checked against the documents' stamps at open, since the documents are the truth.
 */
export class LibraryIndex {
  readonly #document;
  readonly #delayMs: number;
  readonly #logError: (message: string, error: unknown) => void;
  readonly #readOnly: boolean;
  readonly #folderMtime: () => number | null;
  /** True while every entry is known to match its document (since a reconcile, kept by puts and removes). */
  #trusted = false;
  /** Changes to the drafts folder under way whose entries are not put yet. */
  #changing = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #closed = false;
  #write: Promise<void> = Promise.resolve();
  /**
   * The summaries in the list's order, sorted once and then kept in order as drafts change:
   * sorting 100,000 costs ~100 ms, which a page after every autosave would otherwise pay.
   */
  #newestFirst: Listing[] | null = null;

  /**
   * `readOnly`: the index lives in memory only and is never written. `folderMtime`: the drafts
   * folder's modification time now (null when there is no folder).
   */
  constructor(
    libraryFolder: string,
    options: {
      delayMs: number;
      logError: (message: string, error: unknown) => void;
      readOnly: boolean;
      folderMtime: () => number | null;
    },
  ) {
    this.#document = openDocument<Index>(path.join(libraryFolder, 'index.json'), indexCodec, {
      drafts: new Map(),
      folderMtimeMs: null,
    });
    this.#delayMs = options.delayMs;
    this.#logError = options.logError;
    this.#readOnly = options.readOnly;
    this.#folderMtime = options.folderMtime;
  }

  /** Reads index.json; a missing, damaged or outdated one starts empty and is rebuilt. */
  async load(): Promise<void> {
    try {
      await this.#document.read();
    } catch (error) {
      if (!(error instanceof CorruptDocumentError)) throw error;
      this.#document.data = { drafts: new Map(), folderMtimeMs: null };
    }
  }

  /**
   * True when index.json was written with the drafts folder as it is now (`ids`: the drafts found
   * in it): then no document changed since every entry matched it, and none needs its stamp checked.
   * A document rewritten in place by another program (not renamed, as every save here is) does
   * not move the folder's time; the next writer's open, which checks every stamp, finds it.
   */
  matchesFolder(ids: ReadonlySet<string>): boolean {
    const { drafts, folderMtimeMs } = this.#document.data;
    if (folderMtimeMs === null || this.#folderMtime() !== folderMtimeMs || ids.size !== drafts.size) return false;
    for (const [id, entry] of drafts) if (!ids.has(id) || entry.draftVersion !== DRAFT_SCHEMA_VERSION) return false;
    return true;
  }

  /**
   * Runs a change to the drafts folder that ends with the put or remove of its entry: until then
   * the folder may hold what the entries do not, so no write stamps the folder meanwhile.
   */
  async change<T>(task: () => Promise<T>): Promise<T> {
    this.#changing += 1;
    try {
      return await task();
    } finally {
      this.#changing -= 1;
    }
  }

  /** Every entry was just checked against its document (and found current). */
  trust(): void {
    this.#trusted = true;
    // The stamp index.json holds may be of an older folder: written anew, it spares readers the check.
    if (this.#document.data.folderMtimeMs !== this.#folderMtime()) this.#scheduleWrite();
  }

  /** A document changed without its entry: no folder stamp until the next check of every document. */
  untrust(): void {
    this.#trusted = false;
  }

  get entries(): ReadonlyMap<string, IndexEntry> {
    return this.#document.data.drafts;
  }

  listings(): Listing[] {
    return Array.from(this.#document.data.drafts.values(), (entry) => entry.listing);
  }

  /**
   * Every listing, most recently updated first; among drafts updated at the same moment, by id,
   * so that the order is the same at every call and pages of it never overlap or skip.
   */
  newestFirst(): readonly Listing[] {
    this.#newestFirst ??= this.listings().sort(listOrder);
    return this.#newestFirst;
  }

  listing(id: string): Listing | undefined {
    return this.#document.data.drafts.get(id)?.listing;
  }

  /** True when the entry matches the document on disk and needs no re-reading. */
  isCurrent(id: string, stamp: FileStamp): boolean {
    const entry = this.#document.data.drafts.get(id);
    return entry?.size === stamp.size && entry.mtimeMs === stamp.mtimeMs && entry.draftVersion === DRAFT_SCHEMA_VERSION;
  }

  /** Replaces all entries at once (after reconciling with the documents). */
  replaceAll(entries: Map<string, IndexEntry>): void {
    this.#document.data.drafts = entries;
    this.#trusted = true;
    this.#newestFirst = null;
    this.#scheduleWrite();
  }

  put(listing: Listing, stamp: FileStamp): void {
    const drafts = this.#document.data.drafts;
    const previous = drafts.get(listing.id)?.listing;
    drafts.set(listing.id, { listing, ...stamp, draftVersion: DRAFT_SCHEMA_VERSION });
    if (previous) this.#takeOut(previous);
    this.#newestFirst?.splice(positionOf(this.#newestFirst, listing), 0, listing);
    this.#scheduleWrite();
  }

  remove(id: string): void {
    const drafts = this.#document.data.drafts;
    const previous = drafts.get(id)?.listing;
    if (!previous) return;
    // In place: copying 100,000 entries for each draft the trash lets go is quadratic.
    drafts.delete(id);
    this.#takeOut(previous);
    this.#scheduleWrite();
  }

  /** Takes a listing out of the kept order (which is sorted again when next asked if it is not found). */
  #takeOut(listing: Listing): void {
    if (!this.#newestFirst) return;
    const position = positionOf(this.#newestFirst, listing);
    if (this.#newestFirst[position] === listing) this.#newestFirst.splice(position, 1);
    else this.#newestFirst = null;
  }

  /** Writes now; writes are chained so two never race on the file. */
  flush(): Promise<void> {
    if (this.#readOnly) return Promise.resolve();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#write = this.#write
      .catch(() => undefined)
      .then(() => {
        // Stamped before the entries are taken: a change after the stamp moves the folder past it.
        this.#document.data.folderMtimeMs = this.#folderStamp();
        this.#putInListOrder();
        return this.#document.write();
      });
    return this.#write;
  }

  /** The folder's time, when every entry matches the folder and the folder has stood still long enough. */
  #folderStamp(): number | null {
    if (!this.#trusted || this.#changing > 0) return null;
    const mtimeMs = this.#folderMtime();
    if (mtimeMs === null) return null;
    if (Date.now() - mtimeMs < FOLDER_STILL_MS) {
      // Stamped again once it has stood still, so that readers are spared the check after all.
      this.#scheduleWrite();
      return null;
    }
    return mtimeMs;
  }

  /**
   * Orders the entries as the list shows them, so that index.json is written in that order: the
   * next open then sorts a list already in order, which takes one pass (~5 ms at 100,000 drafts)
   * rather than a whole sort (~80 ms) before the first page.
   */
  #putInListOrder(): void {
    const drafts = this.#document.data.drafts;
    const ordered = new Map<string, IndexEntry>();
    for (const { id } of this.newestFirst()) {
      const entry = drafts.get(id);
      if (entry) ordered.set(id, entry);
    }
    this.#document.data.drafts = ordered;
  }

  /** Writes what is pending, and nothing after. */
  close(): Promise<void> {
    const written = this.flush();
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    return written;
  }

  #scheduleWrite(): void {
    if (this.#timer || this.#readOnly || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.flush().catch((error: unknown) => this.#logError('The library index could not be written', error));
    }, this.#delayMs);
    this.#timer.unref();
  }
}

/** Where `listing` is, or would go, in `sorted` (in list order; ids are unique, so the place is one). */
function positionOf(sorted: readonly Listing[], listing: Listing): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (listOrder(sorted[middle] as Listing, listing) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function indexEntry(listing: Listing, stamp: FileStamp): IndexEntry {
  return { listing, ...stamp, draftVersion: DRAFT_SCHEMA_VERSION };
}
