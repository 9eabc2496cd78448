import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  DRAFT_SCHEMA_VERSION,
  DraftSchema,
  emptyDraftContent,
  type Draft,
  type DraftChanges,
  type DraftContent,
} from '../../../shared/model/draft';
import { contentHash } from '../../../shared/model/contentHash';
import { applyChanges, combineChanges } from '../../../shared/model/draftChanges';
import type { MediaFile } from '../../../shared/model/image';
import { filesUsed } from '../../../shared/media/references';
import { hashtagKey } from '../../../shared/model/hashtags';
import type { DraftQuery, RevisionSummary, TagCount } from '../../../shared/model/library';
import type { LibraryNotice } from '../../../shared/model/notice';
import { AppError } from '../../../shared/result';
import { countWords } from '../../../shared/text/words';
import { CorruptDocumentError, NewerVersionError } from '../storage/jsonDocument';
import { readOnlyRefusal, RepairNeededError } from '../storage/readOnly';
import { CoalescingQueue } from './coalescingQueue';
import { EmptiedTrash } from './emptiedTrash';
import { DraftStore, type FileStamp, type StoredDraft } from './draftStore';
import { indexEntry, LibraryIndex, listingOf, type IndexEntry, type Listing } from './libraryIndex';
import { ListingFilter } from './listingFilter';
import type { LegacyFields } from './migrations';
import { defaultHistoryPolicy, isLargeChange, RevisionHistory, type HistoryPolicy } from './revisionHistory';
import { SearchIndex } from './searchIndex';

/**
 * What changed in the library, once it is on disk: a draft written (created, saved, trashed,
 * restored; `before` is its listing until then), drafts deleted for good, or a notice for the
 * writer. The hosts turn these into the contract's events.
 */
export type LibraryChange =
  | { readonly kind: 'saved'; readonly draft: Draft; readonly listing: Listing; readonly before: Listing | undefined }
  | { readonly kind: 'deleted'; readonly ids: readonly string[] }
  | { readonly kind: 'notice'; readonly notice: LibraryNotice };

/** Which drafts the library lists (where drafts stand on blogs is not the library's to filter). */
export type ListingQuery = Omit<DraftQuery, 'status'>;

/** A window of the drafts that match, and how many match in all. */
export interface ListingPage {
  readonly total: number;
  readonly offset: number;
  readonly drafts: readonly Listing[];
}

/** What a new draft may bring from elsewhere (an import): its id and its dates. */
export interface CreateOptions {
  readonly id?: string;
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

export interface LibraryOptions {
  /** The library folder; created when missing. */
  readonly folder: string;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** How long the index waits for more changes before it is written. */
  readonly indexDelayMs?: number;
  readonly history?: HistoryPolicy;
  /** Where failures that no caller is waiting for are reported. */
  readonly logError: (message: string, error: unknown) => void;
  /** Hears every change, once it is on disk. */
  readonly onChange?: (change: LibraryChange) => void;
  /**
   * Receives what an older document held that drafts no longer keep, before the document is
   * rewritten in the current format (where the draft stood on its blogs goes to the outbox).
   */
  readonly adoptLegacy?: (draftId: string, legacy: LegacyFields) => Promise<void>;
  /**
   * Reads only, writing nothing at all (no index, migration or repair), for reading while another
   * process may be writing: an older document is migrated in memory; a damaged one is refused.
   */
  readonly readOnly?: boolean;
}

/**
 * The writer's drafts: one durable lowdb document per draft (a save costs O(that draft)), an
 * index of summaries for listing, a bounded revision history, and full-text search. Documents
 * are the truth; a damaged one is quarantined and its draft restored from its last good copy.
 */
export class DraftLibrary {
  readonly #folder: string;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #logError: (message: string, error: unknown) => void;
  readonly #onChange: (change: LibraryChange) => void;
  readonly #adoptLegacy: (draftId: string, legacy: LegacyFields) => Promise<void>;
  readonly #readOnly: boolean;
  readonly #store: DraftStore;
  readonly #index: LibraryIndex;
  readonly #history: RevisionHistory;
  readonly #search: SearchIndex;
  readonly #emptied: EmptiedTrash;
  readonly #saves: CoalescingQueue<Save, Draft>;
  readonly #locks = new Map<string, Promise<unknown>>();
  readonly #notices: LibraryNotice[] = [];
  #indexing: Promise<void> | null = null;
  #searchStarting: Promise<void> | null = null;
  /** The drafts written most recently, as written: a save need not read back what it just wrote. */
  readonly #recent = new Map<string, Draft>();
  /** A reader's listings of the few drafts `listedFor` read one by one, until every draft is listed. */
  readonly #listedAlone = new Map<string, Listing>();

  private constructor(options: LibraryOptions) {
    this.#folder = options.folder;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
    this.#logError = options.logError;
    this.#onChange = options.onChange ?? (() => undefined);
    this.#adoptLegacy = options.adoptLegacy ?? (() => Promise.resolve());
    this.#readOnly = options.readOnly ?? false;
    this.#store = new DraftStore(options.folder);
    this.#emptied = new EmptiedTrash(options.folder);
    this.#index = new LibraryIndex(options.folder, {
      delayMs: options.indexDelayMs ?? 10_000,
      logError: options.logError,
      readOnly: this.#readOnly,
      folderMtime: () => this.#store.folderMtime(),
    });
    this.#history = new RevisionHistory(options.folder, options.history ?? defaultHistoryPolicy, this.#readOnly);
    this.#search = new SearchIndex({ folder: options.folder, readOnly: this.#readOnly, logError: options.logError });
    this.#saves = new CoalescingQueue(
      (id, { changes, baseRevision, keepReplaced }) =>
        this.#exclusive(id, () =>
          this.#update(id, (draft) => changed(draft, changes), {
            touch: true,
            baseRevision,
            forceSnapshot: keepReplaced,
          }),
        ),
      // A save checked against the revision it was made over (or keeping what it replaces) runs, and is answered, alone.
      (earlier, later) =>
        runsAlone(earlier) || runsAlone(later) ? null : { changes: combineChanges(earlier.changes, later.changes) },
    );
  }

  /**
   * Opens (or creates) the library in `options.folder`: a writer migrates, recovers and
   * re-indexes as needed, and search catches up in the background. A reader does that work
   * only when it is first asked something that needs it, so `drafts show` reads one document.
   */
  static async open(options: LibraryOptions): Promise<DraftLibrary> {
    const library = new DraftLibrary(options);
    if (!library.#readOnly) {
      await library.#store.prepare();
      await library.#history.prepare();
      // What the trash held at a crash is gone as if the app had closed: undo lasts while it is open.
      await library.#emptied.clear();
      await library.#searchStarted();
    }
    return library;
  }

  /**
   * Resolves once every draft is listed: what the outbox derives where drafts stand against (their
   * content hashes). A writer is listed at open; a reader lists when first asked.
   */
  listed(): Promise<void> {
    return this.#indexed();
  }

  /**
   * Resolves once the named drafts are listed (what the outbox needs of the drafts it holds
   * records of). A writer lists every draft at open; a reader reads a few documents rather than
   * the whole index and every document's stamp, so `drafts show` stays quick in a large library.
   */
  async listedFor(ids: readonly string[]): Promise<void> {
    if (this.#indexing !== null || ids.length > FEW_DRAFTS) return this.#indexed();
    for (const id of new Set(ids)) {
      try {
        const draft = await this.#loadForIndex(id);
        if (draft) this.#listedAlone.set(id, listingOf(draft));
      } catch (error) {
        // As when the whole library is listed: a draft that cannot be read is left out.
        if (error instanceof RepairNeededError) throw error;
        this.#logError(`The draft ${id} was left out of the library`, error);
      }
    }
  }

  /** The summaries' index, loaded and brought in line with the documents (once). */
  #indexed(): Promise<void> {
    this.#indexing ??= (async () => {
      // The folder is read (off the main thread) while index.json is parsed.
      const [ids] = await Promise.all([this.#store.ids(), this.#index.load()]);
      // A reader trusts a folder that has not moved since index.json was written; a writer checks
      // every document's stamp, so that one rewritten in place by another program is found.
      if (!this.#readOnly || !this.#index.matchesFolder(ids)) await this.#reconcile([...ids]);
      // Every draft is listed now: the index answers for all.
      this.#listedAlone.clear();
    })();
    return this.#indexing;
  }

  /** Search, caught up with the documents as #indexed found them (started once). */
  #searchStarted(): Promise<void> {
    this.#searchStarting ??= (async () => {
      await this.#indexed();
      // Damaged documents were recovered by #reconcile; one damaged since is recovered when opened.
      const stamps = new Map(Array.from(this.#index.entries, ([id, { size, mtimeMs }]) => [id, { size, mtimeMs }]));
      this.#search.catchUp(stamps, async (id) => {
        try {
          // As the writer sees it: a save that a crash cut between its renames is its previous copy.
          return await this.#load(id);
        } catch (error) {
          this.#logError(`The draft ${id} could not be indexed for search`, error);
          return null;
        }
      });
    })();
    return this.#searchStarting;
  }

  get folder(): string {
    return this.#folder;
  }

  /** Resolves once full-text search covers the whole library (it fills in the background at open). */
  async searchReady(): Promise<void> {
    await this.#searchStarted();
    await this.#search.ready();
  }

  /** What the library did on the writer's behalf since it opened (recoveries, refusals). */
  notices(): readonly LibraryNotice[] {
    return [...this.#notices];
  }

  /**
   * Every draft that matches the query, most recently updated first; `also`: a further test a
   * draft must pass (what the library does not know of it, such as where it stands on blogs).
   */
  async list(query: ListingQuery = {}, also?: (listing: Listing) => boolean): Promise<Listing[]> {
    const { all, filter } = await this.#matching(query, also);
    return filter === null ? [...all] : all.filter((listing, position) => filter.keeps(listing, position));
  }

  /**
   * A window of the drafts that match (see `list`), and how many match in all. One pass over the
   * list that keeps only the window: filtering 100,000 drafts into a new list for each page (the
   * trash left out) cost more than the page.
   */
  async page(
    query: ListingQuery,
    offset: number,
    limit: number,
    also?: (listing: Listing) => boolean,
  ): Promise<ListingPage> {
    const { all, filter } = await this.#matching(query, also);
    if (filter === null) return { total: all.length, offset, drafts: all.slice(offset, offset + limit) };
    const drafts: Listing[] = [];
    let total = 0;
    for (let position = 0; position < all.length; position += 1) {
      const listing = all[position];
      if (listing === undefined || !filter.keeps(listing, position)) continue;
      if (total >= offset && drafts.length < limit) drafts.push(listing);
      total += 1;
    }
    return { total, offset, drafts };
  }

  /** The draft's listing, without reading the draft; undefined when there is no such draft. */
  listing(id: string): Listing | undefined {
    return this.#index.listing(id) ?? this.#listedAlone.get(id);
  }

  /** The fingerprint of the draft's content (what the outbox compares with what it sent); null when there is no such draft. */
  contentHash(id: string): string | null {
    return this.listing(id)?.contentHash ?? null;
  }

  /** Every listing in list order, and the test the draft at each position must pass to match (null: every draft matches). */
  async #matching(
    query: ListingQuery,
    also: ((listing: Listing) => boolean) | undefined,
  ): Promise<{ all: readonly Listing[]; filter: ListingFilter | null }> {
    await this.#indexed();
    const trash = query.trash ?? 'exclude';
    const tag = query.tag === undefined ? undefined : { key: hashtagKey(query.tag), keyOf: memoized(hashtagKey) };
    const search = query.search?.trim() ? query.search : undefined;
    if (search !== undefined) await this.#searchStarted();
    const matches = search === undefined ? null : await this.#search.find(search);
    const all = this.#index.newestFirst();
    if (trash === 'include' && tag === undefined && matches === null && also === undefined)
      return { all, filter: null };
    return { all, filter: new ListingFilter({ trash, tag, matches: matches?.along(all) ?? null, also }) };
  }

  async get(id: string): Promise<Draft> {
    const draft = await this.#load(id);
    if (!draft) throw new AppError('not-found', `There is no draft with id ${id}.`);
    return draft;
  }

  /**
   * A new draft. An import may give its id (so that importing again finds it, and an export's
   * drafts keep theirs) and its dates; an id already in the library is refused.
   */
  async create(content: DraftContent = emptyDraftContent(), options: CreateOptions = {}): Promise<Draft> {
    const now = this.#now().toISOString();
    const draft = DraftSchema.parse({
      ...content,
      schemaVersion: DRAFT_SCHEMA_VERSION,
      id: options.id ?? this.#newId(),
      createdAt: options.createdAt ?? now,
      updatedAt: options.updatedAt ?? options.createdAt ?? now,
      revision: 1,
      trashedAt: null,
    });
    await this.#exclusive(draft.id, async () => {
      // Under the draft's lock already: read as its owner (#load would wait for this very task).
      if (options.id !== undefined && (await this.#loadOwned(draft.id)) !== null) {
        throw new AppError('conflict', `The library already has a draft with id ${draft.id}.`);
      }
      await this.#write(draft);
    });
    return draft;
  }

  /**
   * Changes the draft's content: the fields given (the whole content, or only what changed).
   * Saves of one draft run in order, each over the one before; the last acknowledged wins.
   * `baseRevision`: the revision the changes were made over; a draft changed elsewhere since is
   * not saved over (`conflict`). `keepReplaced`: the version replaced is kept in the history (the
   * writer chose their version over one saved elsewhere).
   */
  save(id: string, changes: DraftChanges, check: SaveCheck = {}): Promise<Draft> {
    return this.#saves.submit(id, { changes, ...check });
  }

  /**
   * Keeps the version that went out to a blog in the history, marked with its account, when the
   * draft still holds what was sent (`sentHash`); the outbox calls this when a post is published.
   */
  keepPublishedVersion(id: string, accountId: string, sentHash: string): Promise<void> {
    return this.#exclusive(id, async () => {
      // Under the draft's lock already: read as its owner (get would wait for this very task).
      const current = this.#recent.get(id) ?? (await this.#loadOwned(id));
      if (current !== null && contentHash(current) === sentHash) {
        await this.#history.snapshot(current, this.#now(), accountId);
      }
    });
  }

  trash(id: string): Promise<Draft> {
    return this.#exclusive(id, () => this.#update(id, (draft) => ({ ...draft, trashedAt: this.#now().toISOString() })));
  }

  restore(id: string): Promise<Draft> {
    return this.#exclusive(id, () => this.#update(id, (draft) => ({ ...draft, trashedAt: null })));
  }

  /**
   * Deletes every trashed draft, with its history: their files are set aside until the library
   * closes, so `undoEmptyTrash(batch)` can bring them back meanwhile. Returns how many, and the batch.
   */
  async emptyTrash(): Promise<{ deleted: number; batch: string | null }> {
    if (this.#readOnly) throw readOnlyRefusal();
    await this.#indexed();
    const trashed = this.#index.listings().filter((listing) => listing.trashedAt !== null);
    if (trashed.length === 0) return { deleted: 0, batch: null };
    const batch = this.#newId();
    for (const { id } of trashed) {
      await this.#exclusive(id, () =>
        this.#index.change(async () => {
          this.#recent.delete(id);
          const files = [this.#store.file(id), this.#store.previousFile(id), await this.#history.settledFile(id)];
          await this.#emptied.setAside(batch, files);
          this.#index.remove(id);
          this.#search.remove(id);
        }),
      );
    }
    this.#onChange({ kind: 'deleted', ids: trashed.map(({ id }) => id) });
    return { deleted: trashed.length, batch };
  }

  /** Brings back the drafts an emptying of the trash took, while the library is still open; returns how many. */
  async undoEmptyTrash(batch: string): Promise<number> {
    if (this.#readOnly) throw readOnlyRefusal();
    await this.#indexed();
    // The drafts come back to the folder before their entries do.
    this.#index.untrust();
    const files = await this.#emptied.bringBack(batch);
    const ids = new Set(
      files
        .filter((file) => path.dirname(file) === this.#store.folder && !file.endsWith('.previous.json'))
        .map((file) => path.basename(file, '.json')),
    );
    if (files.length === 0) {
      throw new AppError(
        'not-found',
        'Those drafts are gone for good: the trash is emptied for good when the app closes.',
      );
    }
    for (const id of ids) {
      const draft = await this.get(id);
      const stamp = await this.#store.stamp(id);
      const listing = listingOf(draft);
      this.#index.put(listing, stamp);
      this.#search.put(draft, stamp);
      this.#onChange({ kind: 'saved', draft, listing, before: undefined });
    }
    return ids.size;
  }

  /**
   * Every library image that a draft (trashed ones too), one of its kept revisions, or an emptying
   * of the trash that can still be undone uses: what must stay in media/. Reads every document, so
   * it is for rare moments such as emptying the trash.
   */
  async imagesInUse(): Promise<Set<MediaFile>> {
    await this.#indexed();
    // What was set aside is read as text: any mention of an image keeps it, whatever shape the file is in.
    const used = new Set<MediaFile>(
      (await this.#emptied.texts()).flatMap((text) => [...text.matchAll(MEDIA_FILE_MENTION)].map(([file]) => file)),
    );
    for (const id of [...this.#index.entries.keys()]) {
      const draft = await this.#load(id).catch(() => null);
      if (draft) for (const file of filesUsed(draft)) used.add(file);
      for (const { content } of await this.#history.list(id).catch(() => [])) {
        for (const file of filesUsed(content)) used.add(file);
      }
    }
    return used;
  }

  /** The draft's earlier versions, newest first. */
  async revisions(id: string): Promise<RevisionSummary[]> {
    await this.get(id);
    return (await this.#history.list(id)).map(({ revision, savedAt, content, publishedTo }) => ({
      revision,
      savedAt,
      title: content.title,
      words: countWords(content.commentary),
      ...(publishedTo === undefined ? {} : { publishedTo }),
    }));
  }

  /** One earlier version's content, to compare with the draft before restoring it. */
  async revision(id: string, revision: number): Promise<DraftContent> {
    const found = (await this.#history.list(id)).find((entry) => entry.revision === revision);
    if (!found) throw new AppError('not-found', `The draft ${id} has no saved revision ${revision}.`);
    return found.content;
  }

  /** Brings an earlier version back as a new revision; the version it replaces stays in history. */
  async restoreRevision(id: string, revision: number): Promise<Draft> {
    const found = (await this.#history.list(id)).find((entry) => entry.revision === revision);
    if (!found) throw new AppError('not-found', `The draft ${id} has no saved revision ${revision}.`);
    return this.#exclusive(id, () =>
      this.#update(id, (draft) => ({ ...draft, ...found.content }), { touch: true, forceSnapshot: true }),
    );
  }

  /** Every tag in use outside the trash, with how many drafts use it, most used first. */
  async tags(): Promise<TagCount[]> {
    await this.#indexed();
    const counts = new Map<string, { tag: string; count: number }>();
    const keyOf = memoized(hashtagKey);
    for (const listing of this.#index.listings()) {
      if (listing.trashedAt !== null) continue;
      for (const tag of listing.hashtags) {
        const key = keyOf(tag);
        const entry = counts.get(key) ?? { tag, count: 0 };
        entry.count += 1;
        counts.set(key, entry);
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }

  /** Waits for pending saves and snapshots, and writes the index; call before the process exits. */
  async close(): Promise<void> {
    await this.#search.stop();
    await this.#saves.idle();
    await Promise.allSettled(this.#locks.values());
    await this.#history.idle();
    await this.#index.close();
    await this.#search.close();
    if (!this.#readOnly) await this.#emptied.clear();
  }

  /** Runs `task` after every earlier task on the same draft: one writer per draft at a time. */
  #exclusive<T>(id: string, task: () => Promise<T>): Promise<T> {
    // Every change to a draft comes through here.
    if (this.#readOnly) return Promise.reject(readOnlyRefusal());
    const previous = this.#locks.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.#locks.set(id, next);
    void next
      .catch(() => undefined)
      .finally(() => {
        if (this.#locks.get(id) === next) this.#locks.delete(id);
      });
    return next;
  }

  async #update(
    id: string,
    change: (draft: Draft) => Draft,
    options: { touch?: boolean; forceSnapshot?: boolean | undefined; baseRevision?: number | undefined } = {},
  ): Promise<Draft> {
    // Under the draft's lock already: read as its owner (get would wait for this very task).
    const current = this.#recent.get(id) ?? (await this.#loadOwned(id));
    if (!current) throw new AppError('not-found', `There is no draft with id ${id}.`);
    const now = this.#now();
    if (options.baseRevision !== undefined && options.baseRevision !== current.revision) {
      throw new AppError(
        'conflict',
        `“${current.title || 'Untitled'}” was changed elsewhere (another window or a command) after revision ${options.baseRevision}, which these edits were made over: they were not saved over it.`,
      );
    }
    const changed = change(current);
    if (options.forceSnapshot || this.#history.dueForSnapshot(id, now) || isLargeChange(current, changed)) {
      this.#history
        .snapshot(current, now)
        .catch((error: unknown) => this.#logError(`A revision of ${id} could not be kept`, error));
    }
    const next = DraftSchema.parse({
      ...changed,
      revision: current.revision + 1,
      updatedAt: options.touch ? now.toISOString() : current.updatedAt,
    });
    await this.#write(next);
    return next;
  }

  #write(draft: Draft): Promise<void> {
    return this.#index.change(() => this.#writeListed(draft));
  }

  async #writeListed(draft: Draft): Promise<void> {
    let stamp;
    try {
      stamp = await this.#store.write(draft);
    } catch (error) {
      throw new AppError('storage', `“${draft.title || 'Untitled'}” is not saved yet: ${storageTrouble(error)}`, {
        cause: error,
      });
    }
    const before = this.#index.listing(draft.id);
    const listing = listingOf(draft);
    this.#index.put(listing, stamp);
    this.#search.put(draft, stamp);
    this.#remember(draft);
    this.#onChange({ kind: 'saved', draft, listing, before });
  }

  #remember(draft: Draft): void {
    this.#recent.delete(draft.id);
    this.#recent.set(draft.id, draft);
    if (this.#recent.size > RECENT_DRAFTS) {
      const oldest = this.#recent.keys().next();
      if (!oldest.done) this.#recent.delete(oldest.value);
    }
  }

  /**
   * Reads a draft; null when it is gone. A save renames the current document aside before it
   * renames the new one in, so a read between the two finds no document: only the draft's lock
   * tells that moment from a crash. So a missing or damaged document is looked at again, and
   * recovered, under the lock, after any save of it; recovering at once would put the copy the
   * save just replaced back over the save.
   */
  async #load(id: string): Promise<Draft | null> {
    // Any trouble here is met again, and reported, by #loadOwned's own read.
    const stored = await this.#store.read(id).catch(() => null);
    if (stored) return stored.draft;
    // A reader writes nothing and holds no lock: the copy before a save in progress is its draft.
    return this.#readOnly ? this.#loadOwned(id) : this.#exclusive(id, () => this.#loadOwned(id));
  }

  /** Reads a draft as the one writer of it (under its lock, or read-only), recovering a missing or damaged document. */
  async #loadOwned(id: string): Promise<Draft | null> {
    let stored: StoredDraft | null;
    try {
      stored = await this.#store.read(id);
    } catch (error) {
      if (error instanceof CorruptDocumentError) return this.#recoverDamaged(id, error);
      if (error instanceof NewerVersionError) {
        this.#notify('newer-version', id, error.message);
        throw new AppError('storage', error.message, { cause: error });
      }
      throw new AppError('storage', `The draft ${id} could not be read: ${reason(error)}`, { cause: error });
    }
    return stored ? stored.draft : this.#recoverInterrupted(id);
  }

  /** A crash between the two renames of a save leaves only the previous copy: it is the draft. */
  async #recoverInterrupted(id: string): Promise<Draft | null> {
    const previous = await this.#store.readPrevious(id).catch(() => null);
    if (!previous) return null;
    await this.#adoptLegacy(id, previous.legacy);
    // A reader may also see this mid-save of another process: the previous copy is the draft then too.
    if (!this.#readOnly) {
      this.#index.untrust();
      await this.#store.write(previous.draft);
    }
    return previous.draft;
  }

  async #recoverDamaged(id: string, damage: CorruptDocumentError): Promise<Draft | null> {
    if (this.#readOnly) throw new RepairNeededError(`The draft ${id} is damaged on disk.`);
    this.#index.untrust();
    const quarantined = await this.#store.quarantine(id, this.#now());
    this.#logError(`The draft ${id} was damaged and moved to ${quarantined}`, damage);
    const previous = await this.#store.readPrevious(id).catch(() => null);
    if (previous) await this.#adoptLegacy(id, previous.legacy);
    const fromHistory = previous ? null : (await this.#history.list(id).catch(() => []))[0];
    const restored: Draft | null =
      previous?.draft ??
      (fromHistory ? this.#fromRevision(id, fromHistory.revision, fromHistory.savedAt, fromHistory.content) : null);
    if (!restored) {
      this.#notify('unrecoverable', id, `A damaged draft could not be restored; its file was kept at ${quarantined}.`);
      return null;
    }
    await this.#store.write(restored);
    this.#notify(
      'recovered',
      id,
      `“${restored.title || 'Untitled'}” was damaged on disk and has been restored from its last good revision ` +
        `(${restored.revision}, saved ${restored.updatedAt}). The damaged file was kept at ${quarantined}.`,
    );
    return restored;
  }

  #fromRevision(id: string, revision: number, savedAt: string, content: DraftContent): Draft {
    return {
      ...content,
      schemaVersion: DRAFT_SCHEMA_VERSION,
      id,
      createdAt: savedAt,
      updatedAt: savedAt,
      revision,
      trashedAt: null,
    };
  }

  /** Brings the index in line with the documents on disk (`ids`: every draft found there), migrating old formats on the way. */
  async #reconcile(ids: readonly string[]): Promise<void> {
    const known = this.#index.entries;
    const stamps = await this.#store.stamps(ids);
    const current = (id: string, position: number) => {
      const stamp = stamps[position];
      return stamp !== null && stamp !== undefined && this.#index.isCurrent(id, stamp);
    };
    // Mostly every entry is current: then the index stays as it is, and nothing is copied.
    if (ids.length === known.size && ids.every(current)) {
      this.#index.trust();
      return;
    }
    const entries = new Map<string, IndexEntry>();
    for (const [position, id] of ids.entries()) {
      const entry = known.get(id);
      if (entry && current(id, position)) {
        entries.set(id, entry);
        continue;
      }
      try {
        const draft = await this.#loadForIndex(id);
        if (draft) entries.set(id, indexEntry(listingOf(draft), await this.#stampAfterLoad(id)));
      } catch (error) {
        if (error instanceof RepairNeededError) throw error;
        this.#logError(`The draft ${id} was left out of the library`, error);
      }
    }
    this.#index.replaceAll(entries);
    await this.#index.flush();
  }

  /**
   * Like #load, but also rewrites a document of an older format in the current one (unless
   * read-only), once what it held that drafts no longer keep has been handed over: killed in
   * between, the next open finds the old document and hands it over again (handing over is
   * idempotent), so nothing is lost.
   */
  async #loadForIndex(id: string): Promise<Draft | null> {
    const stored = await this.#store.read(id).catch(() => null);
    if (stored && stored.formatVersion < DRAFT_SCHEMA_VERSION) {
      await this.#adoptLegacy(id, stored.legacy);
      if (!this.#readOnly) {
        this.#index.untrust();
        await this.#store.write(stored.draft);
      }
      return stored.draft;
    }
    return stored ? stored.draft : this.#load(id);
  }

  /** A reader recovers an interrupted save in memory only: then there is no document to stamp. */
  async #stampAfterLoad(id: string): Promise<FileStamp> {
    if (!this.#readOnly) return this.#store.stamp(id);
    return this.#store.stamp(id).catch(() => ({ size: -1, mtimeMs: -1 }));
  }

  #notify(kind: LibraryNotice['kind'], draftId: string, message: string): void {
    const notice: LibraryNotice = { kind, draftId, message, at: this.#now().toISOString() };
    this.#notices.push(notice);
    this.#onChange({ kind: 'notice', notice });
  }
}

/** What a save asks of the draft it replaces (see `DraftLibrary.save`). */
export interface SaveCheck {
  readonly baseRevision?: number | undefined;
  readonly keepReplaced?: boolean | undefined;
}

interface Save extends SaveCheck {
  readonly changes: DraftChanges;
}

function runsAlone(save: Save): boolean {
  return save.baseRevision !== undefined || save.keepReplaced === true;
}

/** The draft with the changes made; refused when they name a quote the draft no longer has. */
function changed(draft: Draft, changes: DraftChanges): Draft {
  const content = applyChanges(draft, changes);
  if (!content) {
    throw new AppError('conflict', 'This save names a quote the draft no longer has: open the draft again, then edit.');
  }
  return { ...draft, ...content };
}

/**
 * Up to how many drafts a reader lists by reading their documents one by one (`listedFor`): reading
 * a document costs about what listing 20–30 drafts from the index does, stamps included.
 */
const FEW_DRAFTS = 100;

/** How many just-written drafts are kept in memory: the few a writer has open. */
const RECENT_DRAFTS = 16;

/** A library image's file name wherever it appears in a document's text. */
const MEDIA_FILE_MENTION = /[0-9a-f]{64}\.(?:jpg|png|webp|gif)/g;

/**
 * What a failed write means to the writer. A full disk or a folder that became read-only passes
 * once the writer (or the system) frees space or fixes the folder; the page keeps the words and
 * tries again by itself, so the message says so.
 */
function storageTrouble(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return 'the disk is full. Your words stay on screen; free some space and saving resumes by itself.';
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return 'the library folder cannot be written (it may have become read-only). Your words stay on screen; saving resumes by itself once it can be written again.';
  }
  return `${reason(error)}. Your words stay on screen; saving is tried again by itself.`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `compute` remembered per argument for one pass over the library: a library holds few distinct
 * hashtags, and normalising each again for every draft costs tens of milliseconds at 10,000 drafts.
 */
function memoized(compute: (raw: string) => string): (raw: string) => string {
  const known = new Map<string, string>();
  return (raw) => {
    let value = known.get(raw);
    if (value === undefined) {
      value = compute(raw);
      known.set(raw, value);
    }
    return value;
  };
}
