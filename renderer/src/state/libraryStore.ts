import type { Api, AppEvent } from '../../../shared/contract';
import type { DraftView } from '../../../shared/model/draft';
import type { DraftQuery } from '../../../shared/model/library';
import type { Result } from '../../../shared/result';
import { applyEvent, emptyLibraryState, loaded, withList, withTargets, type LibraryState } from './libraryState';

/** How long a search waits for the writer to stop typing before it is asked. */
const SEARCH_PAUSE_MS = 150;

/**
 * The renderer's one store of what the core told it: loaded once, then kept up to date by the
 * core's events (each carries what changed), and read by components through useLibraryStore.
 * A small external store (useSyncExternalStore reads it), holding plain immutable state.
 */
export class LibraryStore {
  readonly #api: Api;
  readonly #listeners = new Set<() => void>();
  #state: LibraryState = emptyLibraryState;
  /** Events heard while the first load was on its way: applied, in order, over its answer. */
  #early: AppEvent[] | null = [];
  #asking: DraftQuery | null = null;
  /** An event made the list stale while it was being asked: its answer may miss that change. */
  #staleWhileAsking = false;
  #searchTimer: ReturnType<typeof setTimeout> | null = null;
  #stopListening: (() => void) | null = null;

  constructor(api: Api) {
    this.#api = api;
  }

  getState = (): LibraryState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Starts following the core's events, then loads everything once. */
  async start(): Promise<void> {
    this.#stopListening ??= this.#api.onEvent((event) => this.#hear(event));
    const query = this.#state.list.query;
    const [drafts, tags, accounts, outbox, notices] = await Promise.all([
      this.#api.listDrafts(query),
      this.#api.listTags({}),
      this.#api.listAccounts({}),
      this.#api.listOutbox({}),
      this.#api.listNotices({}),
    ]);
    if (!drafts.ok) {
      this.#fail(`Your library could not be read: ${drafts.error.message}`);
      return;
    }
    let state = loaded(this.#state, {
      query,
      drafts: drafts.value,
      tags: tags.ok ? tags.value : [],
      accounts: accounts.ok ? accounts.value : [],
      outbox: outbox.ok ? outbox.value : [],
      notices: notices.ok ? notices.value : [],
    });
    for (const event of this.#early ?? []) state = applyEvent(state, event);
    this.#early = null;
    this.#set(state);
    if (state.list.state === 'stale') this.#askList(state.list.query);
  }

  /** Stops following events (the page is going away). */
  stop(): void {
    this.#stopListening?.();
    this.#stopListening = null;
    if (this.#searchTimer) clearTimeout(this.#searchTimer);
  }

  /** Shows the drafts matching `query`: asked of the core (a search after a short pause). */
  setQuery(query: DraftQuery): void {
    this.#set({ ...this.#state, list: { ...this.#state.list, query, state: 'loading' } });
    if (this.#searchTimer) clearTimeout(this.#searchTimer);
    this.#searchTimer = null;
    if (query.search?.trim()) this.#searchTimer = setTimeout(() => this.#askList(query), SEARCH_PAUSE_MS);
    else this.#askList(query);
  }

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
    if (this.#early) {
      this.#early.push(event);
      return;
    }
    const state = applyEvent(this.#state, event);
    if (state === this.#state) return;
    this.#set(state);
    if (state.list.state !== 'stale') return;
    if (this.#asking === state.list.query) this.#staleWhileAsking = true;
    else this.#askList(state.list.query);
  }

  /** Asks the core for the list; an answer to a query the writer has since changed is dropped. */
  #askList(query: DraftQuery): void {
    this.#asking = query;
    this.#staleWhileAsking = false;
    void this.#api.listDrafts(query).then((listed) => {
      if (this.#asking === query) this.#asking = null;
      if (this.#state.list.query !== query) return;
      if (!listed.ok) {
        this.#fail(`Your library could not be read: ${listed.error.message}`);
        return;
      }
      this.#set(withList(this.#state, query, listed.value));
      if (this.#staleWhileAsking) this.#askList(query);
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
