import type { Api, AppEvent } from '../../../shared/contract';
import type { DraftView } from '../../../shared/model/draft';
import { MAX_PAGE_DRAFTS, type DraftQuery } from '../../../shared/model/library';
import type { Result } from '../../../shared/result';
import {
  applyEvent,
  emptyLibraryState,
  loaded,
  outboxDraftsUnknown,
  withPage,
  withSummaries,
  withTargets,
  type LibraryState,
} from './libraryState';

/** How long a search waits for the writer to stop typing before it is asked. */
const SEARCH_PAUSE_MS = 150;
/** Rows asked at once: a few screenfuls, so that scrolling rarely reaches a row not here yet. */
const PAGE_ROWS = 100;

export interface LibraryStoreOptions {
  /** Rows asked at once (tests make it small, to page through a small library). */
  readonly pageRows?: number;
}

/** A window of the list asked of the core: `replace` drops every other row held, `fill` adds to them. */
interface Asked {
  readonly query: DraftQuery;
  readonly offset: number;
  readonly limit: number;
  readonly mode: 'replace' | 'fill';
}

/**
 * The renderer's one store of what the core told it: loaded once, then kept up to date by the
 * core's events (each carries what changed), and read by components through useLibraryStore.
 * A small external store (useSyncExternalStore reads it), holding plain immutable state.
 * The drafts list comes by pages: the first at start and for each new query, then the rows the
 * list shows as it scrolls (`showRows`); never every summary at once.
 */
export class LibraryStore {
  readonly #api: Api;
  readonly #listeners = new Set<() => void>();
  #state: LibraryState = emptyLibraryState;
  /** Events heard while the first load was on its way: applied, in order, over its answer. */
  #early: AppEvent[] | null = [];
  readonly #pageRows: number;
  /** The windows asked and not yet answered. */
  readonly #asking = new Set<Asked>();
  /** How many events may have changed the list: an answer asked before one may predate it. */
  #listChanges = 0;
  /** The rows the list shows (from, to exclusive): asked after a list asked afresh arrives. */
  #shown = { from: 0, to: 0 };
  /** Drafts whose summaries were asked for the outbox's titles (a deleted one is not asked again). */
  readonly #titlesAsked = new Set<string>();
  #searchTimer: ReturnType<typeof setTimeout> | null = null;
  #stopListening: (() => void) | null = null;
  /** The first load (asked once, however often `start` is called). */
  #loading: Promise<void> | null = null;
  /** How many tag counts the events brought: the first load's answer may predate one of them. */
  #tagChanges = 0;

  constructor(api: Api, options: LibraryStoreOptions = {}) {
    this.#api = api;
    this.#pageRows = Math.min(options.pageRows ?? PAGE_ROWS, MAX_PAGE_DRAFTS);
  }

  getState = (): LibraryState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /**
   * Starts following the core's events, and loads everything once: the page calls it before its
   * first render, so that the core answers while React draws. Resolves when all is loaded.
   */
  start(): Promise<void> {
    this.#stopListening ??= this.#api.onEvent((event) => this.#hear(event));
    this.#loading ??= this.#load();
    return this.#loading;
  }

  async #load(): Promise<void> {
    const query = this.#state.list.query;
    const first = Promise.all([
      this.#api.listDraftPage({ query, offset: 0, limit: this.#pageRows }),
      this.#api.listAccounts({}),
      this.#api.listOutbox({}),
      this.#api.listNotices({}),
    ]);
    // Asked last and not waited for: counting the tags takes a pass over every draft, and the
    // list need not wait for the tag filter's choices.
    const tagChanges = this.#tagChanges;
    const tags = this.#api.listTags({});
    const [page, accounts, outbox, notices] = await first;
    if (!page.ok) {
      this.#fail(`Your library could not be read: ${page.error.message}`);
      return;
    }
    let state = loaded(this.#state, {
      query,
      page: page.value,
      tags: [],
      accounts: accounts.ok ? accounts.value : [],
      outbox: outbox.ok ? outbox.value : [],
      notices: notices.ok ? notices.value : [],
    });
    for (const event of this.#early ?? []) state = applyEvent(state, event);
    this.#early = null;
    this.#set(state);
    if (state.list.state === 'stale') this.#askAgain();
    this.#askOutboxTitles();
    const counted = await tags;
    // Tags an event brought since are as new as the answer, or newer.
    if (counted.ok && this.#tagChanges === tagChanges) this.#set({ ...this.#state, tags: counted.value });
  }

  /** Stops following events (the page is going away). */
  stop(): void {
    this.#stopListening?.();
    this.#stopListening = null;
    if (this.#searchTimer) clearTimeout(this.#searchTimer);
  }

  /** Shows the drafts matching `query`: its first page asked of the core (a search after a short pause). */
  setQuery(query: DraftQuery): void {
    this.#set({ ...this.#state, list: { ...this.#state.list, query, state: 'loading' } });
    if (this.#searchTimer) clearTimeout(this.#searchTimer);
    this.#searchTimer = null;
    const ask = () => this.#ask({ query, offset: 0, limit: this.#pageRows, mode: 'replace' });
    if (query.search?.trim()) this.#searchTimer = setTimeout(ask, SEARCH_PAUSE_MS);
    else ask();
  }

  /**
   * The list shows rows `from` to `to` (exclusive; with the ones drawn beyond the edges): those
   * not here yet are asked, with a margin around them, in one window.
   */
  showRows = (from: number, to: number): void => {
    this.#shown = { from, to };
    const { list } = this.#state;
    if (list.state !== 'ready' || !list.ids.slice(from, to).includes(undefined)) return;
    const window = this.#windowAround(from, to);
    const covered = [...this.#asking].some(
      (asked) => asked.query === list.query && asked.offset <= from && asked.offset + asked.limit >= to,
    );
    if (!covered) this.#ask({ query: list.query, ...window, mode: 'fill' });
  };

  /** Opens a draft: the whole draft for the desk; where it stands on its blogs is kept here. */
  async open(id: string): Promise<Result<DraftView>> {
    const result = await this.#api.getDraft({ id });
    if (result.ok) this.showing(result.value);
    return result;
  }

  /** The desk shows this draft (opened, made, restored): where it stands on its blogs is kept here. */
  showing(draft: DraftView): void {
    this.#set(withTargets(this.#state, draft.id, draft.targets));
  }

  #hear(event: AppEvent): void {
    if (event.type === 'tags-changed') this.#tagChanges += 1;
    if (this.#early) {
      this.#early.push(event);
      return;
    }
    // Counted even while a query's first page is on its way (the list is left alone then): that
    // answer may predate the change.
    if (event.type === 'draft-changed' || event.type === 'drafts-deleted' || event.type === 'target-changed')
      this.#listChanges += 1;
    const state = applyEvent(this.#state, event);
    if (state === this.#state) return;
    this.#set(state);
    // An answer on its way is asked again when it comes (it may predate this change).
    if (state.list.state === 'stale' && !this.#waitingFor(state.list.query)) this.#askAgain();
    if (event.type === 'outbox-entry-changed') this.#askOutboxTitles();
  }

  /** The outbox names drafts by title: those of drafts outside the rows asked are asked by id. */
  #askOutboxTitles(): void {
    const ids = outboxDraftsUnknown(this.#state)
      .filter((id) => !this.#titlesAsked.has(id))
      .slice(0, MAX_PAGE_DRAFTS);
    if (ids.length === 0) return;
    for (const id of ids) this.#titlesAsked.add(id);
    void this.#api.listDraftSummaries({ ids }).then((answer) => {
      if (answer.ok) this.#set(withSummaries(this.#state, answer.value));
      else this.#fail(`The outbox's drafts could not be read: ${answer.error.message}`);
    });
  }

  /** The rows shown, and a margin around them, at least one page and at most the most one page may hold. */
  #windowAround(from: number, to: number): { offset: number; limit: number } {
    const margin = Math.ceil(this.#pageRows / 2);
    const offset = Math.max(0, from - margin);
    return { offset, limit: Math.min(MAX_PAGE_DRAFTS, Math.max(this.#pageRows, to + margin - offset)) };
  }

  #waitingFor(query: DraftQuery): boolean {
    return [...this.#asking].some((asked) => asked.query === query);
  }

  /**
   * The list may be wrong: its first page is asked again and replaces every row held, then the
   * rows shown are asked (a new draft goes on top, where the list scrolls to show it).
   */
  #askAgain(): void {
    this.#ask({ query: this.#state.list.query, offset: 0, limit: this.#pageRows, mode: 'replace' });
  }

  /**
   * Asks the core for a window of the list. An answer to a query the writer has since changed is
   * dropped; one asked before an event changed the list may miss that change, so the rows shown
   * are asked again after it.
   */
  #ask(asked: Asked): void {
    this.#asking.add(asked);
    const changes = this.#listChanges;
    const { query, offset, limit, mode } = asked;
    void this.#api.listDraftPage({ query, offset, limit }).then((answer) => {
      this.#asking.delete(asked);
      if (this.#state.list.query !== query) return;
      if (!answer.ok) {
        this.#fail(`Your library could not be read: ${answer.error.message}`);
        return;
      }
      this.#set(withPage(this.#state, query, answer.value, mode));
      if (this.#listChanges !== changes && !this.#waitingFor(query)) this.#askAgain();
      else this.showRows(this.#shown.from, this.#shown.to);
    });
  }

  #fail(problem: string): void {
    this.#set({ ...this.#state, problem });
  }

  #set(state: LibraryState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }
}
