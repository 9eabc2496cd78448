import { describe, expect, it, vi } from 'vitest';
import { createApi, type Api } from '../../../shared/contract';
import { dispatch } from '../../../electron/core/dispatch';
import { openServices, type Services } from '../../../electron/core/services';
import { outboxCounts, type LibraryState } from '../../../renderer/src/state/libraryState';
import { LibraryStore } from '../../../renderer/src/state/libraryStore';
import { useMicropubSite } from '../../support/micropubSite';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();

/** The contract over the core in this process: calls through the dispatch, events from the hub. */
function apiOver(services: Services): Api {
  return createApi(
    (name, input) => dispatch(services.handlers, name, input, { logError: () => undefined }),
    (listener) => services.events.subscribe(listener),
  );
}

/** The store's state as plain data, to compare two stores. */
function plain(state: LibraryState) {
  return {
    list: state.list,
    summaries: Object.fromEntries(
      state.list.ids.flatMap((id) => (id === undefined ? [] : [[id, state.summaries.get(id)]])),
    ),
    tags: state.tags,
    accounts: state.accounts,
    outbox: [...state.outbox.values()].sort((a, b) => a.sequence - b.sequence),
    targets: Object.fromEntries(state.targets),
    notices: state.notices,
  };
}

async function value<T>(call: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('the renderer’s store', () => {
  const site = useMicropubSite();

  it('fed only by the core’s events after one load, equals a store loaded afresh', async () => {
    const services = await openServices({
      dataFolder: await newFolder(),
      access: { mode: 'write', program: { kind: 'dev-host' } },
      logError: () => undefined,
    });
    const api = apiOver(services);
    const calls: string[] = [];
    const counted = createApi(
      (name, input) => {
        calls.push(name);
        return dispatch(services.handlers, name, input, { logError: () => undefined });
      },
      (listener) => services.events.subscribe(listener),
    );
    const fed = new LibraryStore(counted);
    await fed.start();
    const loadCalls = calls.length;

    const account = await value(
      api.addAccount({ kind: 'micropub', address: site().url, user: '', secret: site().token }),
    );
    const first = await value(api.createDraft({ content: reblogPost() }));
    const second = await value(api.createDraft({ content: { ...reblogPost(), title: 'Second', hashtags: ['Mosul'] } }));
    const third = await value(api.createDraft({ content: { ...reblogPost(), title: 'Third' } }));
    await fed.open(first.id);
    await value(api.saveDraft({ id: first.id, changes: { title: 'First, edited', hashtags: ['ISIS', 'Books'] } }));
    await value(api.publishDraft({ draftId: first.id, accountIds: [account.id], schedule: { status: 'publish' } }));
    await value(api.saveDraft({ id: first.id, changes: { commentary: 'Changed since it went out.' } }));
    await value(api.setOnline({ online: false }));
    await value(api.publishDraft({ draftId: second.id, accountIds: [account.id], schedule: { status: 'draft' } }));
    await value(api.setOnline({ online: true }));
    await value(api.drainOutbox({}));
    await value(api.trashDraft({ id: third.id }));
    await value(api.emptyTrash({}));
    // The store asked nothing after its load (opening a draft aside): every change came as an event.
    expect(calls.slice(loadCalls)).toEqual(['getDraft']);

    const fresh = new LibraryStore(api);
    await fresh.start();
    await fresh.open(first.id);
    expect(plain(fed.getState())).toEqual(plain(fresh.getState()));
    expect(fed.getState().list.ids).toEqual([first.id, second.id]);
    expect(fed.getState().targets.get(first.id)?.[account.id]?.state).toBe('changed-since-publish');
    // Sent as a draft: the blog holds it, unpublished.
    expect(fed.getState().summaries.get(second.id)?.status).toBe('draft');
    expect(fed.getState().tags).toEqual([
      { tag: 'Books', count: 1 },
      { tag: 'ISIS', count: 1 },
      { tag: 'Mosul', count: 1 },
    ]);
    fed.stop();
    fresh.stop();
    await services.close();
  }, 60_000);

  it('counts what waits to go out from the outbox’s own events: none once a publish is done', async () => {
    const services = await openServices({
      dataFolder: await newFolder(),
      access: { mode: 'write', program: { kind: 'dev-host' } },
      logError: () => undefined,
    });
    const api = apiOver(services);
    const store = new LibraryStore(api);
    await store.start();
    const account = await value(
      api.addAccount({ kind: 'micropub', address: site().url, user: '', secret: site().token }),
    );
    const draft = await value(api.createDraft({ content: reblogPost() }));
    const seen: number[] = [];
    const unsubscribe = store.subscribe(() => seen.push(outboxCounts(store.getState().outbox).waiting));

    await value(api.publishDraft({ draftId: draft.id, accountIds: [account.id], schedule: { status: 'publish' } }));

    expect(seen).toContain(1);
    expect(outboxCounts(store.getState().outbox)).toEqual({ waiting: 0, needsYou: 0 });
    unsubscribe();
    store.stop();
    await services.close();
  }, 60_000);

  it('keeps a filtered list by the filter, and asks again only for a search', async () => {
    const services = await openServices({
      dataFolder: await newFolder(),
      access: { mode: 'write', program: { kind: 'dev-host' } },
      logError: () => undefined,
    });
    const api = apiOver(services);
    let lists = 0;
    const store = new LibraryStore(
      createApi(
        (name, input) => {
          if (name === 'listDraftPage') lists += 1;
          return dispatch(services.handlers, name, input, { logError: () => undefined });
        },
        (listener) => services.events.subscribe(listener),
      ),
    );
    await store.start();
    const tagged = await value(api.createDraft({ content: { ...reblogPost(), hashtags: ['Mosul'] } }));
    await value(api.createDraft({ content: reblogPost() }));
    store.setQuery({ tag: 'mosul' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState().list.ids).toEqual([tagged.id]);
    const asked = lists;
    const later = await value(api.createDraft({ content: { ...reblogPost(), title: 'Later', hashtags: ['Mosul'] } }));
    expect(store.getState().list.ids).toEqual([later.id, tagged.id]);
    await value(api.saveDraft({ id: tagged.id, changes: { hashtags: [] } }));
    expect(store.getState().list.ids).toEqual([later.id]);
    expect(lists).toBe(asked);

    // Whether a draft matches words is the search index's to say: a change there is asked again.
    store.setQuery({ search: 'Later' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(store.getState().list.ids).toEqual([later.id]);
    const searched = lists;
    await value(api.saveDraft({ id: tagged.id, changes: { title: 'Later still' } }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lists).toBe(searched + 1);
    expect(store.getState().list).toMatchObject({ ids: [tagged.id, later.id], state: 'ready' });
    store.stop();
    await services.close();
  }, 60_000);

  it('shows the list before the tags are counted, and takes the count unless an event brought newer tags', async () => {
    const services = await openServices({
      dataFolder: await newFolder(),
      access: { mode: 'write', program: { kind: 'dev-host' } },
      logError: () => undefined,
    });
    const api = apiOver(services);
    await value(api.createDraft({ content: { ...reblogPost(), hashtags: ['Mosul'] } }));
    /** A store whose tag count is held until `release` is called. */
    const heldTags = () => {
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const store = new LibraryStore(
        createApi(
          async (name, input) => {
            const answer = dispatch(services.handlers, name, input, { logError: () => undefined });
            if (name === 'listTags') await held;
            return answer;
          },
          (listener) => services.events.subscribe(listener),
        ),
      );
      return { store, release };
    };

    const first = heldTags();
    const loading = first.store.start();
    await vi.waitFor(() => expect(first.store.getState().list.ids).toHaveLength(1));
    expect(first.store.getState().tags).toEqual([]);
    first.release();
    await loading;
    expect(first.store.getState().tags).toEqual([{ tag: 'Mosul', count: 1 }]);

    // The count asked before a save that changed the tags answers after the save's event: not taken.
    const second = heldTags();
    const loaded = second.store.start();
    await vi.waitFor(() => expect(second.store.getState().list.ids).toHaveLength(1));
    await value(api.createDraft({ content: { ...reblogPost(), hashtags: ['Mosul', 'Kurds'] } }));
    const afterEvent = second.store.getState().tags;
    expect(afterEvent).toEqual(expect.arrayContaining([{ tag: 'Kurds', count: 1 }]));
    second.release();
    await loaded;
    expect(second.store.getState().tags).toEqual(afterEvent);
    for (const store of [first.store, second.store]) store.stop();
    await services.close();
  });
});
