import type { Draft } from '../../../shared/model/draft';
import type { FileStamp } from './draftStore';
import type { IndexedStamp, WordIndex } from './wordIndex';

/** The drafts a query matches. */
export interface Matches {
  has(id: string): boolean;
  /**
   * Which drafts of a list match, by position (`listed` is read now: the answer holds until the
   * list changes). Asking by position spares looking up every draft's row number by its id,
   * which took as long as the query itself over a list of 100,000 drafts.
   */
  along(listed: readonly Listed[]): MatchesAlong;
}

/** Which drafts of a list match, by their position in it. */
export interface MatchesAlong {
  at(position: number): boolean;
}

/** What the search needs of a listed draft. */
interface Listed {
  readonly id: string;
}

/** Row numbers start at 1: 0 stands for a draft with no trusted row in the file. */
const NO_ROW = 0;

const NO_MATCHES: Matches = { has: () => false, along: () => ({ at: () => false }) };

/**
 * A query's matches: the rows of the file that hold its words (a byte per row number, 1 where
 * the row matches) and the drafts in memory that do. Classes, not closures made for each query:
 * the pass over the list calls `at` for every draft, and V8 keeps that call optimized from one
 * query to the next only while it is the same function.
 */
class QueryMatches implements Matches {
  readonly #inFile: Uint8Array;
  readonly #inMemory: ReadonlySet<string>;
  readonly #trusted: ReadonlyMap<string, number>;
  readonly #rowsAlong: (listed: readonly Listed[]) => Uint32Array;

  constructor(
    inFile: Uint8Array,
    inMemory: ReadonlySet<string>,
    trusted: ReadonlyMap<string, number>,
    rowsAlong: (listed: readonly Listed[]) => Uint32Array,
  ) {
    this.#inFile = inFile;
    this.#inMemory = inMemory;
    this.#trusted = trusted;
    this.#rowsAlong = rowsAlong;
  }

  has(id: string): boolean {
    const number = this.#trusted.get(id);
    return (number !== undefined && this.#inFile[number] === 1) || this.#inMemory.has(id);
  }

  along(listed: readonly Listed[]): MatchesAlong {
    return new ListMatches(this.#inFile, this.#inMemory, listed, this.#rowsAlong(listed));
  }
}

class ListMatches implements MatchesAlong {
  readonly #inFile: Uint8Array;
  readonly #inMemory: ReadonlySet<string>;
  readonly #listed: readonly Listed[];
  /** The trusted row number of the draft at each position of the list, NO_ROW where there is none. */
  readonly #rows: Uint32Array;

  constructor(inFile: Uint8Array, inMemory: ReadonlySet<string>, listed: readonly Listed[], rows: Uint32Array) {
    this.#inFile = inFile;
    this.#inMemory = inMemory;
    this.#listed = listed;
    this.#rows = rows;
  }

  at(position: number): boolean {
    if (this.#inFile[this.#rows[position] ?? NO_ROW] === 1) return true;
    return this.#inMemory.size > 0 && this.#inMemory.has(this.#listed[position]?.id ?? '');
  }
}

type Words = typeof import('./wordIndex');
let loadingWords: Promise<Words> | null = null;

/**
 * The index's code and SQLite itself, loaded when search is first needed: a command that shows
 * one draft or lists the library never loads them.
 */
function loadWords(): Promise<Words> {
  loadingWords ??= import('./wordIndex');
  return loadingWords;
}

/** How long the writer's saves must pause before their words are indexed. */
const INDEX_DELAY_MS = 250;
/** How long words may wait for such a pause while the writer keeps typing. */
const INDEX_MAX_DELAY_MS = 5_000;
/**
 * How long after open the index is opened and starts catching up with the documents, unless a
 * search needs it sooner: loading SQLite and reading drafts compete for the CPU with the window's
 * first paint, which matters more then.
 */
const FILL_DELAY_MS = 2_000;
/** Drafts read at once while catching up. */
const FILL_BATCH = 8;
/** Drafts written to the index in one transaction while catching up. */
const WRITE_BATCH = 256;

export interface SearchIndexOptions {
  /** The library folder: the index lives in search.sqlite there. */
  readonly folder: string;
  /** A reader (a CLI command while the app may be writing) writes nothing: what the file does not cover, it indexes in memory. */
  readonly readOnly: boolean;
  readonly logError: (message: string, error: unknown) => void;
}

/**
 * Full-text search over title, commentary, quotes, their sources and hashtags, persisted beside
 * the library (SQLite FTS5, see wordIndex.ts) so that it is ready at once after open.
 *
 * The documents are the truth. Each draft in the file carries the stamp of the document its words
 * were read from; at open (`catchUp`) a draft whose document has another stamp, or none, is read
 * again (in the background, from a moment after open or as soon as a search waits), and a search
 * waits until that is done. Every draft's words are in exactly one trusted place: the file (the
 * drafts in #trusted) or memory (what the file does not hold correctly: for a reader, which never
 * writes, the drafts changed since the file was written; for a writer, drafts whose words the
 * file could not take). A save is indexed after a short pause in the writer's saves, and a search
 * indexes what is still pending first. A damaged index file is made again.
 */
export class SearchIndex {
  readonly #options: SearchIndexOptions;
  #words: Words | null = null;
  /** The index beside the library: read and written by a writer, only read by a reader; null when it cannot be used. */
  #file: WordIndex | null = null;
  /** The drafts whose rows in the file describe their documents, each with its row number there (see #trust). */
  readonly #trusted = new Map<string, number>();
  /** Counts the changes of #trusted: row numbers found for a list are good while it stays the same. */
  #trustChanges = 0;
  /** The row number of each draft of the last list searched, position by position (see #rowsAlong). */
  #rowsOfList: {
    readonly listed: readonly Listed[];
    readonly rows: Uint32Array;
    readonly trustChanges: number;
  } | null = null;
  /** The words of every other draft (made when first needed). */
  #memory: WordIndex | null = null;
  readonly #pending = new Map<string, { draft: Draft; stamp: FileStamp }>();
  /** Drafts saved since open: their words are newer than anything catching up reads. */
  readonly #savedSinceOpen = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #pendingSince: number | null = null;
  #ready: Promise<void> = Promise.resolve();
  #startFilling: () => void = () => undefined;
  /** Whether anything waits for the index: then catching up starts at once. */
  #wanted = false;
  #stopped = false;

  constructor(options: SearchIndexOptions) {
    this.#options = options;
  }

  /**
   * Opens the index file a moment after open (or at once when a search waits) and compares it
   * with the documents as the library found them at open (`current`: every draft's document
   * stamp). A writer drops the rows of drafts that are gone; drafts whose words are missing or out
   * of date are read with `load` and indexed in the background. Searches wait until that is done.
   */
  catchUp(current: ReadonlyMap<string, FileStamp>, load: (id: string) => Promise<Draft | null>): void {
    this.#ready = this.#catchUp(current, load);
  }

  async #catchUp(current: ReadonlyMap<string, FileStamp>, load: (id: string) => Promise<Draft | null>): Promise<void> {
    if (!this.#wanted) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, FILL_DELAY_MS);
        timer.unref();
        this.#startFilling = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    // Closing before search was ever needed (a short CLI command): the next open catches up.
    if (this.#isStopped()) return;
    this.#words = await loadWords();
    const indexed = this.#openFile(this.#words);
    const stale: string[] = [];
    for (const [id, stamp] of current) {
      const known = indexed.get(id);
      if (known && known.size === stamp.size && known.mtimeMs === stamp.mtimeMs) this.#trust(id, known.number);
      else stale.push(id);
    }
    const gone = [...indexed.keys()].filter((id) => !current.has(id));
    if (gone.length > 0 && !this.#options.readOnly) this.#writeFile((file) => file.remove(gone));
    // Saves made before the index was opened are indexed as usual now.
    if (this.#pending.size > 0) this.#indexPending();
    let batch: { draft: Draft; stamp: FileStamp }[] = [];
    for (let start = 0; start < stale.length; start += FILL_BATCH) {
      if (this.#isStopped()) return;
      // Reading a few drafts at once overlaps their disk reads with one another.
      const ids = stale.slice(start, start + FILL_BATCH);
      const stored = await Promise.all(ids.map((id) => load(id)));
      for (const [position, id] of ids.entries()) {
        const draft = stored[position];
        const stamp = current.get(id);
        if (draft && stamp) batch.push({ draft, stamp });
      }
      if (batch.length >= WRITE_BATCH) {
        this.#index(this.#notSavedSince(batch));
        batch = [];
      }
    }
    this.#index(this.#notSavedSince(batch));
  }

  /** Resolves once the index covers every draft the library had when it opened. */
  ready(): Promise<void> {
    this.#wanted = true;
    this.#startFilling();
    return this.#ready;
  }

  /**
   * Stops catching up: the library is closing, and a short-lived process (a CLI command) would
   * otherwise stay alive reading every draft for an index nobody will ask.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.ready();
  }

  /**
   * Queues a draft's new words, with the stamp of the document just written. Indexing runs on
   * the main thread and its commit waits for the disk, so it waits for a pause in the writer's
   * saves (or, while they keep typing, at most a few seconds) and indexes only the latest
   * version; a search indexes whatever is still queued first.
   */
  put(draft: Draft, stamp: FileStamp): void {
    this.#savedSinceOpen.add(draft.id);
    this.#pending.set(draft.id, { draft, stamp });
    const now = Date.now();
    this.#pendingSince ??= now;
    if (this.#timer) clearTimeout(this.#timer);
    const wait = Math.min(INDEX_DELAY_MS, Math.max(0, this.#pendingSince + INDEX_MAX_DELAY_MS - now));
    this.#timer = setTimeout(() => this.#indexPending(), wait);
    this.#timer.unref();
  }

  /** Forgets a draft deleted for good. */
  remove(id: string): void {
    this.#pending.delete(id);
    this.#distrust(id);
    this.#memory?.remove([id]);
    this.#writeFile((file) => file.remove([id]));
  }

  /** The drafts holding every word of the query (each as the start of a word). */
  async find(query: string): Promise<Matches> {
    await this.ready();
    this.#indexPending();
    const match = (this.#words ?? (await loadWords())).matchQuery(query);
    if (match === null) return NO_MATCHES;
    const inMemory = new Set(this.#memory?.match(match) ?? []);
    const inFile = this.#file?.matchNumbers(match) ?? new Uint8Array(0);
    return new QueryMatches(inFile, inMemory, this.#trusted, (listed) => this.#rowsAlong(listed));
  }

  /**
   * The trusted row number of each draft of a list, position by position (NO_ROW where it has
   * none). Looking up 100,000 row numbers by id took ~10 ms, as long as the query; they are kept
   * for the next search, and found again only when the list or the trusted rows have changed
   * since: comparing the list with the one kept takes a fraction of a millisecond.
   */
  #rowsAlong(listed: readonly Listed[]): Uint32Array {
    const kept = this.#rowsOfList;
    if (kept !== null && kept.trustChanges === this.#trustChanges && sameItems(kept.listed, listed)) return kept.rows;
    const rows = new Uint32Array(listed.length);
    for (let position = 0; position < listed.length; position += 1) {
      const id = listed[position]?.id;
      rows[position] = (id === undefined ? undefined : this.#trusted.get(id)) ?? NO_ROW;
    }
    // A copy: the list given may be changed in place.
    this.#rowsOfList = { listed: [...listed], rows, trustChanges: this.#trustChanges };
    return rows;
  }

  /** Every change of #trusted goes through #trust and #distrust, which count it. */
  #trust(id: string, number: number): void {
    if (this.#trusted.get(id) === number) return;
    this.#trusted.set(id, number);
    this.#trustChanges += 1;
  }

  #distrust(id: string): void {
    if (this.#trusted.delete(id)) this.#trustChanges += 1;
  }

  /** Writes what is pending and closes the index file. */
  async close(): Promise<void> {
    await this.stop();
    this.#indexPending();
    this.#file?.close();
    this.#file = null;
    this.#memory?.close();
    this.#memory = null;
  }

  /** Opens the index file; returns what it holds (each draft's row number and document stamp). */
  #openFile({ WordIndex }: Words): Map<string, IndexedStamp> {
    const { folder, readOnly, logError } = this.#options;
    try {
      this.#file = readOnly ? WordIndex.openFileToRead(folder) : WordIndex.openFile(folder);
      return new Map((this.#file?.stamps() ?? []).map((stamp) => [stamp.id, stamp]));
    } catch (error) {
      this.#file?.close();
      this.#file = null;
      // A reader leaves the file alone: what it cannot read, it indexes in memory.
      if (readOnly) return new Map();
      logError('The search index could not be read; it is being made again from the drafts', error);
      try {
        WordIndex.removeFile(folder);
        this.#file = WordIndex.openFile(folder);
      } catch (remakeError) {
        logError('The search index cannot be kept beside the library; it is kept in memory', remakeError);
      }
      return new Map();
    }
  }

  /** Read through a method: the library may close (stop) at any await of the catch-up. */
  #isStopped(): boolean {
    return this.#stopped;
  }

  /** A save since open is newer than the document catching up read: that save is indexed instead. */
  #notSavedSince(batch: readonly { draft: Draft; stamp: FileStamp }[]): { draft: Draft; stamp: FileStamp }[] {
    return batch.filter(({ draft }) => !this.#savedSinceOpen.has(draft.id));
  }

  #indexPending(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pendingSince = null;
    // Before catchUp has loaded the index's code, saves wait in #pending: catchUp indexes them.
    if (this.#pending.size === 0 || this.#words === null) return;
    const entries = [...this.#pending.values()];
    this.#pending.clear();
    this.#index(entries);
  }

  /** Indexes drafts in the file where it can (a writer's), else in memory. */
  #index(entries: readonly { draft: Draft; stamp: FileStamp }[]): void {
    if (entries.length === 0) return;
    const ids = entries.map(({ draft }) => draft.id);
    let numbers: number[] = [];
    const written = !this.#options.readOnly && this.#writeFile((file) => (numbers = file.put(entries)));
    if (written) {
      this.#memory?.remove(ids);
      for (const [position, id] of ids.entries()) this.#trust(id, numbers[position] ?? failNoNumber(id));
    } else {
      for (const id of ids) this.#distrust(id);
      this.#memory ??= (this.#words ?? failNoWords()).WordIndex.inMemory();
      this.#memory.put(entries);
    }
  }

  /**
   * Runs a write on the file; false when there is no file or it refused (a full disk, a damaged
   * file). Nothing is lost: those words go to memory, and at the next open the file, whose stamps
   * no longer match the documents, is brought up to date from them.
   */
  #writeFile(write: (file: WordIndex) => void): boolean {
    if (this.#file === null) return false;
    try {
      write(this.#file);
      return true;
    } catch (error) {
      this.#options.logError('The search index could not be updated', error);
      return false;
    }
  }
}

/** Whether two lists hold the same items (the same objects) in the same order. */
function sameItems<T>(one: readonly T[], other: readonly T[]): boolean {
  if (one.length !== other.length) return false;
  for (let position = 0; position < one.length; position += 1) if (one[position] !== other[position]) return false;
  return true;
}

/** The file gives a row number for each draft it takes, in the order given. */
function failNoNumber(id: string): never {
  throw new Error(`The search index gave no row number for the draft ${id}.`);
}

/** Drafts are indexed only after catchUp has loaded the index's code. */
function failNoWords(): never {
  throw new Error('The search index was used before it was opened.');
}
