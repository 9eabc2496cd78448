import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'libsql';
import type { Draft } from '../../../shared/model/draft';
import type { FileStamp } from './draftStore';

/** The search index's file, beside the drafts: a cache of their words that can always be made again. */
export const SEARCH_FILE = 'search.sqlite';

/** Bumped when the tables or the tokenizer change: an index of another version is made again. */
const INDEX_VERSION = 2;

// `content=''` keeps only the index, not a second copy of every draft's text; `detail=none` keeps
// which drafts hold a word but not where (the list is ordered by date, never by rank or phrase),
// which makes the index a tenth of the size and queries over common words several times faster.
// Accents and case never matter ("zurich" finds "Zürich").
// `prefix`: every typed word is a prefix ("peop" finds "people"). FTS5 answers a prefix of a
// length listed here from a prefix index, streaming; any other it answers by first merging the
// lists of every word that starts with it, which for a word in every draft cost 25–80 ms at 100,000
// drafts ("people" is 6 letters; version 1 listed 2 and 3). Lengths 2 to 8 cover most words typed
// whole, for ~40% more file and a first fill ~1.5× as long.
// An index of another version is made again from the drafts, once, in the background.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS drafts (
    number INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    -- As JavaScript wrote it: a REAL would come back through JSON rounded to 15 digits, and the
    -- stamps must compare exactly.
    mtimeMs TEXT NOT NULL
  );
  CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5(
    title, commentary, quotes, sources, hashtags,
    content = '', contentless_delete = 1, detail = none,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6 7 8'
  );
  PRAGMA user_version = ${INDEX_VERSION};
`;

/** A draft's searchable text, field by field. */
function searchText(draft: Draft): [string, string, string, string, string] {
  return [
    draft.title,
    draft.commentary,
    draft.quotes.map((quote) => `${quote.excerpt}\n${quote.note}`).join('\n'),
    draft.quotes
      .map(({ source }) => [source.title, source.author, source.siteName, source.url ?? ''].join('\n'))
      .join('\n'),
    draft.hashtags.join(' '),
  ];
}

/**
 * The words of what the writer typed as an FTS5 query: every word must appear as the start of a
 * word of the draft. Each is quoted, so nothing typed is read as query syntax; null when nothing
 * searchable was typed. Words split where the tokenizer splits them (anything but letters, digits
 * and combining marks).
 */
export function matchQuery(typed: string): string | null {
  const words = typed.split(/[^\p{L}\p{N}\p{M}]+/u).filter((word) => word !== '');
  return words.length === 0 ? null : words.map((word) => `"${word}"*`).join(' ');
}

/**
 * The first column of a statement's first row (libsql's `pluck` and `pragma(…, { simple })` leave
 * the row an object, so rows are read raw, as arrays).
 */
function firstValue(statement: Database.Statement, ...parameters: unknown[]): unknown {
  const row: unknown = statement.raw().get(...parameters);
  return Array.isArray(row) ? (row as unknown[])[0] : undefined;
}

const COMMA = 0x2c;
const DIGIT_ZERO = 0x30;

/** Which document a draft's words were read from, and the draft's row number in the index. */
export interface IndexedStamp extends FileStamp {
  readonly id: string;
  readonly number: number;
}

/**
 * One SQLite FTS5 index of drafts' words (libsql): a file beside the library, or memory. Each
 * draft's row records the stamp of the document its words were read from, so that the library
 * can tell at open which rows still describe their documents.
 */
export class WordIndex {
  readonly #db: Database.Database;
  readonly #readOnly: boolean;

  private constructor(db: Database.Database, readOnly: boolean) {
    this.#db = db;
    this.#readOnly = readOnly;
  }

  /** An index in memory: for a reader's drafts that the file does not describe, or when the file cannot be used. */
  static inMemory(): WordIndex {
    const db = new Database(':memory:');
    db.exec(SCHEMA);
    return new WordIndex(db, false);
  }

  /**
   * The library's index file, made when missing. Throws when it cannot be used (damaged, of
   * another version, or unwritable): the caller removes it and makes it again.
   */
  static openFile(libraryFolder: string): WordIndex {
    const db = new Database(path.join(libraryFolder, SEARCH_FILE));
    try {
      // A rollback journal, not WAL: a reader (a CLI command while the app runs) then needs no
      // file of its own beside the index, and writes nothing at all.
      db.exec('PRAGMA journal_mode = DELETE; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
      const version = firstValue(db.prepare('PRAGMA user_version'));
      const tables = firstValue(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('drafts', 'words')"));
      if (tables === 0) db.exec(SCHEMA);
      else if (version !== INDEX_VERSION || tables !== 2) throw new Error(`an index of version ${String(version)}`);
      return new WordIndex(db, false);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The library's index file for reading only (nothing is written, not even a journal); null when there is none. */
  static openFileToRead(libraryFolder: string): WordIndex | null {
    const file = path.join(libraryFolder, SEARCH_FILE);
    let db: Database.Database;
    try {
      db = new Database(`${pathToFileURL(file).href}?mode=ro`);
    } catch {
      return null;
    }
    try {
      db.exec('PRAGMA busy_timeout = 2000;');
      if (firstValue(db.prepare('PRAGMA user_version')) !== INDEX_VERSION) throw new Error('another version');
      return new WordIndex(db, true);
    } catch {
      db.close();
      return null;
    }
  }

  /** Removes the library's index file (and its journal), to make it again. */
  static removeFile(libraryFolder: string): void {
    const file = path.join(libraryFolder, SEARCH_FILE);
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }

  /** Every indexed draft with its row number and the stamp of the document its words came from. */
  stamps(): IndexedStamp[] {
    // One row holding them all: fetching 100,000 rows one by one costs more than parsing one string.
    const json = firstValue(
      this.#db.prepare('SELECT json_group_array(json_array(id, number, size, mtimeMs)) FROM drafts'),
    );
    const rows = JSON.parse(typeof json === 'string' ? json : '[]') as [string, number, number, string][];
    return rows.map(([id, number, size, mtimeMs]) => ({ id, number, size, mtimeMs: Number(mtimeMs) }));
  }

  /**
   * Puts (or replaces) drafts' words, each with the stamp of the document they were read from; one
   * transaction. Returns each draft's row number (what `matchNumbers` answers), in the order given.
   */
  put(entries: readonly { draft: Draft; stamp: FileStamp }[]): number[] {
    this.#assertWritable();
    const numberOf = this.#db.prepare('SELECT number FROM drafts WHERE id = ?');
    const forget = this.#db.prepare('DELETE FROM words WHERE rowid = ?');
    const upsert = this.#db.prepare(
      'INSERT INTO drafts (id, size, mtimeMs) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET size = excluded.size, mtimeMs = excluded.mtimeMs RETURNING number',
    );
    const add = this.#db.prepare(
      'INSERT INTO words (rowid, title, commentary, quotes, sources, hashtags) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const numbers: number[] = [];
    this.#transaction(() => {
      for (const { draft, stamp } of entries) {
        const known = firstValue(numberOf, draft.id);
        if (typeof known === 'number') forget.run(known);
        const number = firstValue(upsert, draft.id, stamp.size, String(stamp.mtimeMs));
        if (typeof number !== 'number') throw new Error(`No row number for the draft ${draft.id}.`);
        add.run(number, ...searchText(draft));
        numbers.push(number);
      }
    });
    return numbers;
  }

  /** Forgets drafts (deleted for good, or gone from the library); one transaction. */
  remove(ids: Iterable<string>): void {
    this.#assertWritable();
    const numberOf = this.#db.prepare('SELECT number FROM drafts WHERE id = ?');
    const forgetWords = this.#db.prepare('DELETE FROM words WHERE rowid = ?');
    const forgetDraft = this.#db.prepare('DELETE FROM drafts WHERE number = ?');
    this.#transaction(() => {
      for (const id of ids) {
        const number = firstValue(numberOf, id);
        if (typeof number !== 'number') continue;
        forgetWords.run(number);
        forgetDraft.run(number);
      }
    });
  }

  /**
   * The drafts holding every word of an FTS5 query (see matchQuery), by row number (the numbers
   * `put` and `stamps` give): a byte per row number, 1 where the draft matches. Row numbers are
   * SQLite's rowids, given from 1 up (a new row takes the largest plus one), so that is a few
   * hundred kilobytes at most. A common word matches nearly every draft: joining 100,000 rows to
   * their ids and parsing those strings cost several times what finding them did, and parsing the
   * numbers as a JSON array and then setting the bytes took twice what reading them straight does.
   */
  matchNumbers(query: string): Uint8Array {
    const largest = firstValue(this.#db.prepare('SELECT max(number) FROM drafts'));
    const matched = new Uint8Array((typeof largest === 'number' ? largest : 0) + 1);
    // As bytes: making a JavaScript string of them and reading it back took twice as long.
    const list = firstValue(
      this.#db.prepare('SELECT CAST(group_concat(rowid) AS BLOB) FROM words WHERE words MATCH ?'),
      query,
    );
    if (!(list instanceof Uint8Array)) return matched;
    // Decimal numbers separated by commas: read digit by digit, with no string or array made.
    // Every row of the words has its row in the drafts (both are written in one transaction).
    // An indexed loop: `for…of` over the bytes is several times slower until the loop is optimized.
    let number = 0;
    for (let at = 0; at < list.length; at += 1) {
      const code = list[at] ?? COMMA;
      if (code === COMMA) {
        if (number < matched.length) matched[number] = 1;
        number = 0;
      } else number = number * 10 + (code - DIGIT_ZERO);
    }
    if (number < matched.length) matched[number] = 1;
    return matched;
  }

  /** The ids of the drafts holding every word of an FTS5 query (see matchQuery). */
  match(query: string): string[] {
    // One row holding them all, as for stamps(): a common word can match every draft.
    const json = firstValue(
      this.#db.prepare(
        'SELECT json_group_array(drafts.id) FROM words JOIN drafts ON drafts.number = words.rowid WHERE words MATCH ?',
      ),
      query,
    );
    const ids = JSON.parse(typeof json === 'string' ? json : '[]') as unknown[];
    return ids.filter((id): id is string => typeof id === 'string');
  }

  close(): void {
    this.#db.close();
  }

  #transaction(work: () => void): void {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.#db.exec('COMMIT');
    } catch (error) {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  #assertWritable(): void {
    if (this.#readOnly) throw new Error('This search index was opened for reading only.');
  }
}
