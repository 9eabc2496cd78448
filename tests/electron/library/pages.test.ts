import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { openLibraryAndOutbox } from '../../../electron/core/libraryAndOutbox';
import { libraryHandlers } from '../../../electron/core/libraryHandlers';
import type { DraftContent } from '../../../shared/model/draft';
import type { DraftQuery } from '../../../shared/model/library';
import { MAX_PAGE_DRAFTS } from '../../../shared/model/library';
import { draftStatuses } from '../../../shared/model/status';
import { MemoryBlog } from '../outbox/support/memoryBlog';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { openOffline } from './support/offlineLibrary';

const newFolder = useTempFolders();
const titled = (title: string, hashtags: string[] = []): DraftContent => ({ ...reblogPost(), title, hashtags });

/** A library of `count` drafts, created a minute apart, except every fifth, created with the one before. */
async function libraryOf(count: number) {
  let minutes = 0;
  const { library, view, close } = await openOffline(
    await newFolder(),
    () => new Date(Date.parse('2026-11-24T10:00:00.000Z') + minutes * 60_000),
  );
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    if (index % 5 !== 4) minutes += 1;
    ids.push((await library.create(titled(`Draft ${index}`, index % 3 === 0 ? ['third'] : []))).id);
  }
  return { library, view, close, ids, tick: () => (minutes += 1) };
}

describe('the list by pages', () => {
  it('gives each window of the list with the total, and the windows make up the list exactly', async () => {
    const { library, close } = await libraryOf(23);
    const whole = (await library.list()).map((summary) => summary.id);
    expect(whole).toHaveLength(23);
    const pieces: string[] = [];
    for (let offset = 0; offset < 23; offset += 5) {
      const page = await library.page({}, offset, 5);
      expect(page.total).toBe(23);
      expect(page.offset).toBe(offset);
      pieces.push(...page.drafts.map((summary) => summary.id));
    }
    // Drafts saved at the same moment keep one order, so that pages never overlap or skip.
    expect(pieces).toEqual(whole);
    expect(await library.page({}, 40, 5)).toEqual({ total: 23, offset: 40, drafts: [] });
    await close();
  });

  it('applies search, tag and trash before paging, and counts what matches', async () => {
    const { library, close, ids } = await libraryOf(12);
    await library.trash(ids[0] ?? '');
    const tagged = await library.page({ tag: 'THIRD' }, 0, 2);
    expect(tagged.total).toBe(3);
    expect(tagged.drafts.map((summary) => summary.title)).toEqual(['Draft 9', 'Draft 6']);
    expect((await library.page({ trash: 'only' }, 0, 10)).drafts.map((summary) => summary.id)).toEqual([ids[0]]);
    expect((await library.page({ search: 'draft 11' }, 0, 10)).total).toBe(1);
    expect((await library.page({ trash: 'include' }, 0, 1)).total).toBe(12);
    await close();
  });

  it('puts a draft edited just now at the top of the first page', async () => {
    const { library, close, ids, tick } = await libraryOf(8);
    const oldest = ids[0] ?? '';
    expect((await library.page({}, 7, 1)).drafts[0]?.id).toBe(oldest);
    tick();
    await library.save(oldest, titled('Draft 0, edited'));
    const first = await library.page({}, 0, 3);
    expect(first.drafts.map((summary) => summary.title)).toEqual(['Draft 0, edited', 'Draft 7', 'Draft 6']);
    expect(first.total).toBe(8);
    await close();
  });

  it('refuses a window too large or out of range at the boundary, with a clear reason', async () => {
    const { library, view, close } = await libraryOf(1);
    // Paging needs nothing of the images.
    const handlers = libraryHandlers(library, view, () => Promise.reject(new Error('no images here')));
    const ask = (input: unknown) => dispatch(handlers, 'listDraftPage', input, { logError: () => undefined });
    expect(await ask({ query: {}, offset: 0, limit: MAX_PAGE_DRAFTS + 1 })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    });
    expect(await ask({ query: {}, offset: -1, limit: 10 })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    });
    expect(await ask({ query: {}, offset: 0, limit: 10 })).toMatchObject({ ok: true, value: { total: 1 } });
    await close();
  });

  it('filters by status in the core: each page is the window of the whole list with that status', async () => {
    const blog = new MemoryBlog();
    const { library, outbox, view, close } = await openLibraryAndOutbox({
      folder: await newFolder(),
      logError: () => undefined,
      adapterFor: () => Promise.resolve(blog),
      postStyleFor: () => ({ hashtagsInTitle: false }),
      publish: () => undefined,
    });
    const ids: string[] = [];
    for (let index = 0; index < 14; index += 1) {
      ids.push((await library.create(titled(`Draft ${index}`, index % 3 === 0 ? ['third'] : []))).id);
    }
    const at = (index: number) => ids[index] ?? '';
    const publish = (index: number) =>
      outbox.publish({ draftId: at(index), accountId: 'account-0001', schedule: { status: 'publish' } });
    for (const index of [1, 2, 3, 6, 9]) await publish(index);
    await library.save(at(2), titled('Draft 2, edited'));
    await library.save(at(6), titled('Draft 6, edited', ['third']));
    await library.trash(at(3));
    await library.trash(at(5));
    outbox.setOnline(false);
    for (const index of [4, 12]) await publish(index);
    // A publish cancelled before it went out: the outbox holds records of the draft, which is a draft still.
    const cancelled = await publish(13);
    if (cancelled.kind !== 'queued') throw new Error('offline, a publish waits in the outbox');
    await outbox.cancel(cancelled.entryId);
    expect(Object.keys(outbox.targetsOf(at(13)))).toEqual(['account-0001']);
    expect(view.summary(at(13)).status).toBe('draft');

    const queries: Omit<DraftQuery, 'status'>[] = [{}, { tag: 'third' }, { trash: 'include' }, { search: 'draft' }];
    const seen = new Set<string>();
    for (const query of queries) {
      const whole = await view.list(query);
      for (const status of draftStatuses) {
        const expected = whole.filter((summary) => summary.status === status);
        if (expected.length > 0) seen.add(status);
        expect(await view.list({ ...query, status })).toEqual(expected);
        const pieces = [];
        for (let offset = 0; offset <= expected.length; offset += 2) {
          const page = await view.page({ ...query, status }, offset, 2);
          expect(page.total).toBe(expected.length);
          pieces.push(...page.drafts);
        }
        expect(pieces).toEqual(expected);
      }
    }
    // The library above holds drafts of each of these states, so each filter was tried on some.
    expect([...seen].sort()).toEqual(['changed', 'draft', 'published', 'queued']);
    await close();
  });
});
