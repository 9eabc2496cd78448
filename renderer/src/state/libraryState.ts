import type { AppEvent } from '../../../shared/contract';
import type { Account } from '../../../shared/model/account';
import type { DraftSummary, PublishTargets } from '../../../shared/model/draft';
import { hashtagKey } from '../../../shared/model/hashtags';
import type { DraftQuery, TagCount } from '../../../shared/model/library';
import type { LibraryNotice } from '../../../shared/model/notice';
import type { OutboxEntry } from '../../../shared/model/outbox';
import { listOrder } from '../../../shared/model/summary';

/**
 * The drafts list: which drafts match the query, in list order (most recently updated first),
 * by id; their summaries live in `LibraryState.summaries`.
 *
 * Today `ids` is the whole list (`offset` 0, `total` its length). It is shaped so that a window
 * of the list can replace it without changing its readers: `offset` is where `ids` starts in the
 * whole list and `total` how many drafts match in all, so a windowed list answered by the core
 * (a page of ids and the total) fills the same three fields, and events keep applying: a changed
 * draft that sorts inside the window moves there, one that sorts before it shifts `offset`.
 */
export interface ListSlice {
  readonly query: DraftQuery;
  readonly ids: readonly string[];
  readonly offset: number;
  readonly total: number;
  /**
   * `loading` until the core answered the query; `stale` when an event may have changed which
   * drafts match in a way only the core can tell (a full-text search): the store asks again.
   */
  readonly state: 'loading' | 'ready' | 'stale';
}

/** Everything the renderer knows of the library, as the core told it: loaded once, then kept by events. */
export interface LibraryState {
  /** False until the first load was answered. */
  readonly loaded: boolean;
  /** Every summary the store holds (those the list shows, and any draft opened), by id. */
  readonly summaries: ReadonlyMap<string, DraftSummary>;
  readonly list: ListSlice;
  readonly tags: readonly TagCount[];
  readonly accounts: readonly Account[];
  /** Every outbox entry, by id (in recording order). */
  readonly outbox: ReadonlyMap<string, OutboxEntry>;
  /** Where each opened draft stands on each blog (the outbox owns it; the core joins it in). */
  readonly targets: ReadonlyMap<string, PublishTargets>;
  readonly notices: readonly LibraryNotice[];
  /** Why the library could not be read, in words, when it could not. */
  readonly problem: string | null;
}

export const emptyLibraryState: LibraryState = {
  loaded: false,
  summaries: new Map(),
  list: { query: {}, ids: [], offset: 0, total: 0, state: 'loading' },
  tags: [],
  accounts: [],
  outbox: new Map(),
  targets: new Map(),
  notices: [],
  problem: null,
};

/** What the core answered to a full load (the store's first, or after it lost the event stream). */
export interface LoadedLibrary {
  readonly query: DraftQuery;
  readonly drafts: readonly DraftSummary[];
  readonly tags: readonly TagCount[];
  readonly accounts: readonly Account[];
  readonly outbox: readonly OutboxEntry[];
  readonly notices: readonly LibraryNotice[];
}

export function loaded(state: LibraryState, answer: LoadedLibrary): LibraryState {
  return {
    ...withList(state, answer.query, answer.drafts),
    loaded: true,
    tags: answer.tags,
    accounts: answer.accounts,
    outbox: new Map(answer.outbox.map((entry) => [entry.id, entry])),
    notices: answer.notices,
    problem: null,
  };
}

/** The list as the core answered `query`. */
export function withList(state: LibraryState, query: DraftQuery, drafts: readonly DraftSummary[]): LibraryState {
  const summaries = new Map(state.summaries);
  for (const summary of drafts) summaries.set(summary.id, summary);
  const ids = drafts.map((summary) => summary.id);
  return { ...state, summaries, list: { query, ids, offset: 0, total: ids.length, state: 'ready' }, problem: null };
}

/** A draft opened on the desk: its summary's targets as the core joined them. */
export function withTargets(state: LibraryState, draftId: string, targets: PublishTargets): LibraryState {
  return { ...state, targets: new Map(state.targets).set(draftId, targets) };
}

/** Applies one event of the core: each carries what changed, so nothing is asked again (but a search). */
export function applyEvent(state: LibraryState, event: AppEvent): LibraryState {
  switch (event.type) {
    case 'draft-changed':
      return placed(
        { ...state, summaries: new Map(state.summaries).set(event.summary.id, event.summary) },
        event.summary,
      );
    case 'drafts-deleted': {
      const gone = new Set(event.ids);
      const summaries = new Map([...state.summaries].filter(([id]) => !gone.has(id)));
      const targets = new Map([...state.targets].filter(([id]) => !gone.has(id)));
      const ids = state.list.ids.filter((id) => !gone.has(id));
      const list = { ...state.list, ids, total: state.list.total - (state.list.ids.length - ids.length) };
      return { ...state, summaries, targets, list };
    }
    case 'tags-changed':
      return { ...state, tags: event.tags };
    case 'target-changed': {
      const known = state.targets.get(event.draftId);
      const targets = known
        ? new Map(state.targets).set(event.draftId, { ...known, [event.accountId]: event.state })
        : state.targets;
      const summary = state.summaries.get(event.draftId);
      if (!summary) return { ...state, targets };
      const updated = { ...summary, status: event.status };
      return placed({ ...state, targets, summaries: new Map(state.summaries).set(summary.id, updated) }, updated);
    }
    case 'outbox-entry-changed':
      return { ...state, outbox: new Map(state.outbox).set(event.entry.id, event.entry) };
    case 'accounts-changed':
      return { ...state, accounts: event.accounts };
    case 'notice': {
      const { notice } = event;
      const known = state.notices.some(
        (each) => each.draftId === notice.draftId && each.at === notice.at && each.kind === notice.kind,
      );
      return known ? state : { ...state, notices: [...state.notices, notice] };
    }
    // The Blogs dialog and the themed preview keep their snapshots themselves.
    case 'theme-snapshot-changed':
    case 'command':
    case 'open-draft':
    case 'open-url':
      return state;
  }
}

/**
 * The list after a draft's summary changed: in it, at its place by last update, when it matches
 * the query; out of it when not. A full-text search cannot be judged here: the list is stale.
 */
function placed(state: LibraryState, summary: DraftSummary): LibraryState {
  const { list } = state;
  if (list.state === 'loading') return state;
  if (list.query.search?.trim()) return { ...state, list: { ...list, state: 'stale' } };
  const without = list.ids.filter((id) => id !== summary.id);
  const removed = list.ids.length - without.length;
  if (!matches(list.query, summary)) return { ...state, list: { ...list, ids: without, total: list.total - removed } };
  const position = without.findIndex((id) => {
    const other = state.summaries.get(id);
    return other !== undefined && listOrder(summary, other) < 0;
  });
  const ids = [...without];
  ids.splice(position === -1 ? ids.length : position, 0, summary.id);
  return { ...state, list: { ...list, ids, total: list.total - removed + 1 } };
}

/** Whether a summary belongs in the list for `query` (everything but a full-text search). */
export function matches(query: DraftQuery, summary: DraftSummary): boolean {
  const trash = query.trash ?? 'exclude';
  if (trash === 'exclude' && summary.trashedAt !== null) return false;
  if (trash === 'only' && summary.trashedAt === null) return false;
  if (query.status !== undefined && summary.status !== query.status) return false;
  if (query.tag !== undefined) {
    const tag = hashtagKey(query.tag);
    if (!summary.hashtags.some((each) => hashtagKey(each) === tag)) return false;
  }
  return true;
}

/** How many remote writes wait to go out, and how many need the writer: what the toolbar says. */
export interface OutboxCounts {
  readonly waiting: number;
  readonly needsYou: number;
}

export function outboxCounts(outbox: ReadonlyMap<string, OutboxEntry>): OutboxCounts {
  let waiting = 0;
  let needsYou = 0;
  for (const { state } of outbox.values()) {
    if (state.state === 'queued' || state.state === 'sending' || state.state === 'retrying') waiting += 1;
    else if (state.state === 'needs-you') needsYou += 1;
  }
  return { waiting, needsYou };
}
