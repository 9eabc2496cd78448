import { describe, expect, it, vi } from 'vitest';
import { createApi, type Api, type CallName } from '../../../shared/contract';
import { emptyDraftContent } from '../../../shared/model/draft';
import { dispatch } from '../../../electron/core/dispatch';
import { openServices, type Services } from '../../../electron/core/services';
import { LibraryStore } from '../../../renderer/src/state/libraryStore';
import { useMicropubSite } from '../../support/micropubSite';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();

/** Rows the stores here ask at once: small, so that twelve drafts make several pages. */
const PAGE_ROWS = 4;

interface Counted {
  readonly api: Api;
  /** Every call made, by name, and how many drafts each page answer carried. */
  readonly calls: string[];
  readonly pageSizes: number[];
}

/** The contract over the core in this process, counting the calls made through it. */
function countedApi(services: Services): Counted {
  const calls: string[] = [];
  const pageSizes: number[] = [];
  const api = createApi(
    async (name: CallName, input) => {
      calls.push(name);
      const result = await dispatch(services.handlers, name, input, { logError: () => undefined });
      if (name === 'listDraftPage' && result.ok) pageSizes.push((result.value as { drafts: unknown[] }).drafts.length);
      return result;
    },
    (listener) => services.events.subscribe(listener),
  );
  return { api, calls, pageSizes };
}

async function value<T>(call: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A library of `count` drafts titled "Draft 1" (oldest) to "Draft N" (newest); their ids, newest first. */
async function libraryOf(count: number): Promise<{ services: Services; api: Api; newestFirst: string[] }> {
  const services = await openServices({
    dataFolder: await newFolder(),
    access: { mode: 'write', program: { kind: 'dev-host' } },
    logError: () => undefined,
  });
  const { api } = countedApi(services);
  const ids: string[] = [];
  for (let number = 1; number <= count; number += 1) {
    ids.push((await value(api.createDraft({ content: { ...emptyDraftContent(), title: `Draft ${number}` } }))).id);
  }
  const listed = await value(api.listDrafts({}));
  return { services, api, newestFirst: listed.map((summary) => summary.id) };
}

/** The store's rows, as titles ('?' for a row not asked yet). */
function titles(store: LibraryStore): string[] {
  const { list, summaries } = store.getState();
  return list.ids.map((id) => (id === undefined ? '?' : (summaries.get(id)?.title ?? 'missing')));
}

/** Waits until every row from `from` to `to` is here and the list is not being asked again. */
async function rowsHere(store: LibraryStore, from: number, to: number): Promise<void> {
  await vi.waitFor(() => {
    const { list } = store.getState();
    expect(list.state).toBe('ready');
    expect(list.ids.slice(from, to)).not.toContain(undefined);
  });
}

describe('the renderer’s store, by pages', () => {
  const site = useMicropubSite();

  it('asks the first page at start, then only the rows the list shows; never every summary', async () => {
    const { services, newestFirst } = await libraryOf(12);
    const counted = countedApi(services);
    const store = new LibraryStore(counted.api, { pageRows: PAGE_ROWS });
    await store.start();

    expect(titles(store)).toEqual(['Draft 12', 'Draft 11', 'Draft 10', 'Draft 9', ...Array<string>(8).fill('?')]);
    store.showRows(10, 12);
    await rowsHere(store, 10, 12);
    expect(store.getState().list.ids.slice(10)).toEqual(newestFirst.slice(10));
    // Rows asked once are kept: showing them again asks nothing.
    const asked = counted.calls.length;
    store.showRows(0, 3);
    store.showRows(10, 12);
    expect(counted.calls.length).toBe(asked);
    expect(counted.calls).not.toContain('listDrafts');
    expect(Math.max(...counted.pageSizes)).toBeLessThanOrEqual(PAGE_ROWS * 2);
    store.stop();
    await services.close();
  }, 60_000);

  it('moves a saved draft on top without asking; a new or trashed draft makes it ask the shown rows again', async () => {
    const { services, api, newestFirst } = await libraryOf(12);
    const counted = countedApi(services);
    const store = new LibraryStore(counted.api, { pageRows: PAGE_ROWS });
    await store.start();
    store.showRows(10, 12);
    await rowsHere(store, 10, 12);
    const oldest = newestFirst[11] ?? '';

    // The oldest draft, shown at the bottom, is saved: it goes on top, known exactly, nothing asked.
    const asked = counted.calls.length;
    await value(api.saveDraft({ id: oldest, changes: { title: 'Draft 1, revised' } }));
    expect(counted.calls.length).toBe(asked);
    expect(titles(store)[0]).toBe('Draft 1, revised');
    expect(store.getState().list).toMatchObject({ state: 'ready' });
    expect(store.getState().list.ids).toHaveLength(12);

    // A new draft: was it among the rows not asked? Only the core can say; the shown rows are asked again.
    const made = await value(api.createDraft({ content: { ...emptyDraftContent(), title: 'Draft 13' } }));
    await rowsHere(store, 10, 13);
    expect(store.getState().list.ids).toHaveLength(13);
    // Asked again from the top: the new draft is where the list can show it.
    expect(titles(store)[0]).toBe('Draft 13');
    const trashed = newestFirst[5] ?? '';
    await value(api.trashDraft({ id: trashed }));
    await vi.waitFor(() => expect(store.getState().list.ids).toHaveLength(12));
    await rowsHere(store, 10, 12);

    // What the store holds agrees, row by row, with the core's list now.
    const now = (await value(api.listDrafts({}))).map((summary) => summary.id);
    expect(now[0]).toBe(made.id);
    expect(now).not.toContain(trashed);
    store.getState().list.ids.forEach((id, index) => {
      if (id !== undefined) expect(id).toBe(now[index]);
    });
    store.stop();
    await services.close();
  }, 60_000);

  it('a filter or a search asks its first page afresh, and the shown rows as they are shown', async () => {
    const { services, api } = await libraryOf(12);
    const counted = countedApi(services);
    const store = new LibraryStore(counted.api, { pageRows: PAGE_ROWS });
    await store.start();
    store.setQuery({ search: 'Draft' });
    await vi.waitFor(() => expect(store.getState().list.state).toBe('ready'), { timeout: 5_000 });
    expect(store.getState().list.ids).toHaveLength(12);
    expect(store.getState().list.ids.filter((id) => id !== undefined)).toHaveLength(PAGE_ROWS);
    store.showRows(8, 12);
    await rowsHere(store, 8, 12);
    // A search's matches are the index's to judge: a save makes the list ask again, and it stays whole.
    const [first] = store.getState().list.ids;
    await value(api.saveDraft({ id: first ?? '', changes: { title: 'Renamed' } }));
    await vi.waitFor(() => expect(store.getState().list.ids).toHaveLength(11));
    await rowsHere(store, 8, 11);
    expect(counted.calls).not.toContain('listDrafts');
    store.stop();
    await services.close();
  }, 60_000);

  it('knows the titles of the drafts the outbox names, also those outside the rows asked', async () => {
    const { services, api, newestFirst } = await libraryOf(12);
    const counted = countedApi(services);
    const store = new LibraryStore(counted.api, { pageRows: PAGE_ROWS });
    await store.start();
    const account = await value(
      api.addAccount({ kind: 'micropub', address: site().url, user: '', secret: site().token }),
    );
    await value(api.setOnline({ online: false }));
    const oldest = newestFirst[11] ?? '';
    expect(store.getState().summaries.has(oldest)).toBe(false);

    await value(api.publishDraft({ draftId: oldest, accountIds: [account.id], schedule: { status: 'publish' } }));

    await vi.waitFor(() => expect(store.getState().summaries.get(oldest)?.title).toBe('Draft 1'));
    // Its title came alone: the list's rows are as they were.
    expect(store.getState().list.ids.filter((id) => id !== undefined)).toHaveLength(PAGE_ROWS);
    expect(counted.calls).toContain('listDraftSummaries');
    expect(counted.calls).not.toContain('listDrafts');
    store.stop();
    await services.close();
  }, 60_000);

  it('asks a new query again when a change came while its first page was on its way', async () => {
    const { services, api } = await libraryOf(3);
    // Pages are answered at once but handed over late: a change made meanwhile is not in them.
    const late = createApi(
      async (name: CallName, input) => {
        const result = await dispatch(services.handlers, name, input, { logError: () => undefined });
        if (name === 'listDraftPage') await new Promise((resolve) => setTimeout(resolve, 200));
        return result;
      },
      (listener) => services.events.subscribe(listener),
    );
    const store = new LibraryStore(late, { pageRows: PAGE_ROWS });
    await store.start();
    store.setQuery({ tag: 'mosul' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const made = await value(
      api.createDraft({ content: { ...emptyDraftContent(), title: 'Tagged', hashtags: ['Mosul'] } }),
    );

    await vi.waitFor(() => expect(store.getState().list).toMatchObject({ ids: [made.id], state: 'ready' }), {
      timeout: 5_000,
    });
    store.stop();
    await services.close();
  }, 60_000);
});
