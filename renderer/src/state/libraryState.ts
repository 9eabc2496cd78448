import type { AppEvent } from '../../../shared/contract';
import type { Account } from '../../../shared/model/account';
import type { DraftSummary, PublishTargets } from '../../../shared/model/draft';
import { hashtagKey } from '../../../shared/model/hashtags';
import type { DraftPage, DraftQuery, TagCount } from '../../../shared/model/library';
import type { LibraryNotice } from '../../../shared/model/notice';
import type { OutboxEntry } from '../../../shared/model/outbox';
import { listOrder } from '../../../shared/model/summary';

/**
 * The drafts list: which drafts match the query, in list order (most recently updated first),
 * by id; their summaries live in `LibraryState.summaries`.
 *
 * `ids` has one slot per matching draft, so its length is how many match in all; a slot holds
 * the draft's id once the core sent the page holding it, and is empty (undefined) until then: the
 * page asks for the rows it shows, never for the whole list. Events keep the filled slots true
 * where the list's order says exactly where a changed draft goes (a saved draft moves on top);
 * where it cannot tell (a draft that may sit in a stretch not asked for, a full-text search),
 * the list is stale and the store asks the core again.
 */
export interface ListSlice {
  readonly query: DraftQuery;
  readonly ids: readonly (string | undefined)[];
  /**
   * `loading` until the core answered the query; `stale` when an event may have changed which
   * drafts match, or where, in a way only the core can tell: the store asks again.
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
  list: { query: {}, ids: [], state: 'loading' },
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
  /** The list's first page, and how many drafts match in all. */
  readonly page: DraftPage;
  readonly tags: readonly TagCount[];
  readonly accounts: readonly Account[];
  readonly outbox: readonly OutboxEntry[];
  readonly notices: readonly LibraryNotice[];
}

export function loaded(state: LibraryState, answer: LoadedLibrary): LibraryState {
  return {
    ...withPage(state, answer.query, answer.page, 'replace'),
    loaded: true,
    tags: answer.tags,
    accounts: answer.accounts,
    outbox: new Map(answer.outbox.map((entry) => [entry.id, entry])),
    notices: answer.notices,
    problem: null,
  };
}

/**
 * The list with a page the core answered for `query`: `replace` drops every other row (a new
 * query, or a list that went stale); `fill` adds it to the rows already there, unless the list
 * has changed since in a way the page contradicts (another count, a draft at another place):
 * then the page alone is kept, and the rest is asked again as it is shown.
 */
export function withPage(
  state: LibraryState,
  query: DraftQuery,
  page: DraftPage,
  mode: 'replace' | 'fill',
): LibraryState {
  const summaries = new Map(state.summaries);
  for (const summary of page.drafts) summaries.set(summary.id, summary);
  const pageIds = page.drafts.map((summary) => summary.id);
  const onPage = new Set(pageIds);
  const { list } = state;
  const end = page.offset + pageIds.length;
  const fits =
    mode === 'fill' &&
    list.query === query &&
    list.state === 'ready' &&
    list.ids.length === page.total &&
    list.ids.every((id, index) => id === undefined || (index >= page.offset && index < end) || !onPage.has(id));
  const ids = fits ? [...list.ids] : new Array<string | undefined>(page.total).fill(undefined);
  ids.splice(page.offset, pageIds.length, ...pageIds);
  ids.length = page.total;
  return { ...state, summaries, list: { query, ids, state: 'ready' }, problem: null };
}

/** The rows the list shows: how many match, and each one's summary once its page is here. */
export interface DraftRows {
  readonly total: number;
  readonly at: (index: number) => DraftSummary | undefined;
  /** Where a draft is in the list; -1 when it is not among the rows asked for. */
  readonly indexOf: (id: string) => number;
}

export function draftRows(list: ListSlice, summaries: ReadonlyMap<string, DraftSummary>): DraftRows {
  const { ids } = list;
  return {
    total: ids.length,
    at: (index) => {
      const id = ids[index];
      return id === undefined ? undefined : summaries.get(id);
    },
    indexOf: (id) => ids.indexOf(id),
  };
}

/** Summaries asked for what names drafts outside the list (the outbox's entries): kept beside the list's. */
export function withSummaries(state: LibraryState, known: readonly DraftSummary[]): LibraryState {
  const summaries = new Map(state.summaries);
  for (const summary of known) if (!summaries.has(summary.id)) summaries.set(summary.id, summary);
  return { ...state, summaries };
}

/** The drafts the outbox names whose summaries are not here (for their titles). */
export function outboxDraftsUnknown(state: LibraryState): string[] {
  const unknown = new Set<string>();
  for (const { draftId } of state.outbox.values()) if (!state.summaries.has(draftId)) unknown.add(draftId);
  return [...unknown];
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
      const { list } = state;
      const gone = new Set(event.ids);
      // A deleted draft not among the rows may have been in a stretch not asked for, unless its
      // summary says it never belonged in this list.
      const unplaced = event.ids.some((id) => {
        const summary = state.summaries.get(id);
        return !list.ids.includes(id) && (summary === undefined || matches(list.query, summary));
      });
      const summaries = new Map([...state.summaries].filter(([id]) => !gone.has(id)));
      const targets = new Map([...state.targets].filter(([id]) => !gone.has(id)));
      const ids = list.ids.filter((id) => id === undefined || !gone.has(id));
      const stale = unplaced && list.state === 'ready' && list.ids.includes(undefined);
      return { ...state, summaries, targets, list: { ...list, ids, state: stale ? 'stale' : list.state } };
    }
    case 'tags-changed':
      return { ...state, tags: event.tags };
    case 'target-changed': {
      const known = state.targets.get(event.draftId);
      const targets = known
        ? new Map(state.targets).set(event.draftId, { ...known, [event.accountId]: event.state })
        : state.targets;
      const summary = state.summaries.get(event.draftId);
      // A draft not known here may now match a status filter: only the core can say where it goes.
      if (!summary) return state.list.query.status === undefined ? { ...state, targets } : stale({ ...state, targets });
      const updated = { ...summary, status: event.status };
      const summaries = new Map(state.summaries).set(summary.id, updated);
      // Without a status filter, a status moves no draft: one outside the rows asked stays there.
      if (state.list.query.status === undefined && !state.list.ids.includes(summary.id))
        return { ...state, targets, summaries };
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
    case 'archive-progress':
    case 'command':
    case 'open-draft':
    case 'open-url':
      return state;
  }
}

/**
 * The list after a draft's summary changed: at its place by last update when it matches the
 * query, out of it when not. Stale when that place cannot be told here: a full-text search (the
 * search index's to judge), a draft that may have been in a stretch of rows not asked for, or
 * a place between two rows that are not both here.
 */
function placed(state: LibraryState, summary: DraftSummary): LibraryState {
  const { list } = state;
  if (list.state === 'loading') return state;
  if (list.query.search?.trim()) return stale(state);
  const at = list.ids.indexOf(summary.id);
  if (at < 0 && list.ids.includes(undefined)) return stale(state);
  const ids = [...list.ids];
  if (at >= 0) ids.splice(at, 1);
  if (!matches(list.query, summary)) return { ...state, list: { ...list, ids } };
  const place = placeOf(ids, summary, state.summaries);
  if (place === null) return stale(state);
  ids.splice(place, 0, summary.id);
  return { ...state, list: { ...list, ids } };
}

/**
 * Where `summary` goes among `ids` (itself not among them) by list order: before the first row
 * that sorts after it. Null when the row before that one is not here: it could sort either way.
 */
function placeOf(
  ids: readonly (string | undefined)[],
  summary: DraftSummary,
  summaries: ReadonlyMap<string, DraftSummary>,
): number | null {
  for (let index = 0; index < ids.length; index += 1) {
    const id = ids[index];
    if (id === undefined) continue;
    const other = summaries.get(id);
    if (other === undefined) return null;
    if (listOrder(summary, other) < 0) return index === 0 || ids[index - 1] !== undefined ? index : null;
  }
  return ids.length === 0 || ids[ids.length - 1] !== undefined ? ids.length : null;
}

function stale(state: LibraryState): LibraryState {
  return state.list.state === 'ready' ? { ...state, list: { ...state.list, state: 'stale' } } : state;
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
