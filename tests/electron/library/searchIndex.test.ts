import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DraftLibrary } from '../../../electron/core/library/draftLibrary';
import { DraftStore, type FileStamp } from '../../../electron/core/library/draftStore';
import { SearchIndex } from '../../../electron/core/library/searchIndex';
import { SEARCH_FILE, WordIndex } from '../../../electron/core/library/wordIndex';
import { DRAFT_SCHEMA_VERSION, DraftSchema, emptyDraftContent, type Draft } from '../../../shared/model/draft';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();
const quiet = { logError: () => undefined };

function draft(id: string, title: string): Draft {
  const at = '2026-11-24T09:00:00.000Z';
  return DraftSchema.parse({
    ...emptyDraftContent(),
    title,
    id,
    schemaVersion: DRAFT_SCHEMA_VERSION,
    createdAt: at,
    updatedAt: at,
    revision: 1,
    trashedAt: null,
  });
}

function stampsOf(ids: readonly string[]): Map<string, FileStamp> {
  // Real stamps: file times with a fraction of a millisecond, which the index must keep exactly.
  return new Map(
    ids.map((id, position) => [id, { size: 100 + position, mtimeMs: 1_796_470_107_357.0774 + position * 1.3 }]),
  );
}

/** Every id the tests below give their drafts. */
const everyId = Array.from({ length: 1_000 }, (_, number) => `draft-${String(number).padStart(4, '0')}`);

/** The drafts a query finds, of those the tests name. */
async function found(index: SearchIndex, query: string): Promise<Set<string>> {
  const matches = await index.find(query);
  return new Set(everyId.filter((id) => matches.has(id)));
}

describe('SearchIndex', () => {
  it('catches up in the background, and a search waits until every draft is in', async () => {
    const index = new SearchIndex({ folder: await newFolder(), readOnly: false, ...quiet });
    const ids = Array.from({ length: 50 }, (_, number) => `draft-${String(number).padStart(4, '0')}`);
    index.catchUp(stampsOf(ids), async (id) => {
      await new Promise((resolve) => setImmediate(resolve));
      return draft(id, id === 'draft-0049' ? 'The last one, about lighthouses' : 'Nothing to see');
    });
    expect(await found(index, 'lighthouses')).toEqual(new Set(['draft-0049']));
    await index.close();
  });

  it('stops catching up once stopped, so that a closing process does not read the rest of the library', async () => {
    const index = new SearchIndex({ folder: await newFolder(), readOnly: false, ...quiet });
    const ids = Array.from({ length: 1_000 }, (_, number) => `draft-${String(number).padStart(4, '0')}`);
    let loaded = 0;
    index.catchUp(stampsOf(ids), async (id) => {
      loaded += 1;
      await new Promise((resolve) => setImmediate(resolve));
      return draft(id, 'Words');
    });
    void index.ready();
    for (let tick = 0; tick < 5; tick += 1) await new Promise((resolve) => setImmediate(resolve));
    await index.stop();
    const loadedWhenStopped = loaded;
    expect(loadedWhenStopped).toBeGreaterThan(0);
    expect(loadedWhenStopped).toBeLessThan(ids.length);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loaded).toBe(loadedWhenStopped);
    await index.close();
  });

  it('leaves the start to the window, then catches up at once when a search asks', async () => {
    const index = new SearchIndex({ folder: await newFolder(), readOnly: false, ...quiet });
    let loaded = 0;
    index.catchUp(stampsOf(['draft-0001', 'draft-0002']), async (id) => {
      loaded += 1;
      await Promise.resolve();
      return draft(id, 'Harbour notes');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loaded).toBe(0);
    expect(await found(index, 'harbour')).toEqual(new Set(['draft-0001', 'draft-0002']));
    expect(loaded).toBe(2);
    await index.close();
  });

  it('keeps the words beside the library: reopened with the same documents, it reads none of them', async () => {
    const folder = await newFolder();
    const ids = ['draft-0001', 'draft-0002'];
    const first = new SearchIndex({ folder, readOnly: false, ...quiet });
    first.catchUp(stampsOf(ids), (id) => Promise.resolve(draft(id, `Harbour ${id}`)));
    await first.ready();
    await first.close();

    const again = new SearchIndex({ folder, readOnly: false, ...quiet });
    let loaded = 0;
    again.catchUp(stampsOf(ids), () => {
      loaded += 1;
      return Promise.resolve(null);
    });
    expect(await found(again, 'harbour')).toEqual(new Set(ids));
    expect(loaded).toBe(0);

    // A document whose stamp changed is read again: the index never trusts itself over it.
    await again.close();
    const changed = new SearchIndex({ folder, readOnly: false, ...quiet });
    const stamps = stampsOf(ids);
    stamps.set('draft-0002', { size: 999, mtimeMs: 999 });
    changed.catchUp(stamps, (id) => Promise.resolve(draft(id, 'Lighthouse keeping')));
    expect(await found(changed, 'harbour')).toEqual(new Set(['draft-0001']));
    expect(await found(changed, 'lighthouse')).toEqual(new Set(['draft-0002']));
    await changed.close();
  });

  it('answers along a list by position, after the list changed in place and after a draft was indexed', async () => {
    const index = new SearchIndex({ folder: await newFolder(), readOnly: false, ...quiet });
    const words = new Map([
      ['draft-0001', 'Harbour lights'],
      ['draft-0002', 'Open sea'],
    ]);
    index.catchUp(stampsOf([...words.keys()]), (id) => Promise.resolve(draft(id, words.get(id) ?? '')));
    const listed = [{ id: 'draft-0001' }, { id: 'draft-0002' }, { id: 'draft-0003' }];
    const matching = async (query: string) => {
      const matches = (await index.find(query)).along(listed);
      return listed.filter((_, position) => matches.at(position)).map(({ id }) => id);
    };
    expect(await matching('harbour')).toEqual(['draft-0001']);
    // The same list, reordered in place (as the library's list moves an edited draft to the top).
    listed.reverse();
    expect(await matching('harbour')).toEqual(['draft-0001']);
    expect(await matching('sea')).toEqual(['draft-0002']);
    // The list unchanged, a draft of it newly indexed.
    index.put(draft('draft-0003', 'Harbour master'), { size: 1, mtimeMs: 1 });
    expect(await matching('harbour')).toEqual(['draft-0003', 'draft-0001']);
    index.remove('draft-0001');
    expect(await matching('harbour')).toEqual(['draft-0003']);
    await index.close();
  });

  it('takes what the writer types as words, never as query syntax', async () => {
    const index = new SearchIndex({ folder: await newFolder(), readOnly: false, ...quiet });
    index.catchUp(stampsOf(['draft-0001']), (id) => Promise.resolve(draft(id, 'Near the "harbour" - at sea')));
    expect(await found(index, 'NEAR(harbour sea)')).toEqual(new Set(['draft-0001']));
    expect(await found(index, '"harbour')).toEqual(new Set(['draft-0001']));
    expect(await found(index, '-sea')).toEqual(new Set(['draft-0001']));
    expect(await found(index, 'harbour OR nothing')).toEqual(new Set());
    expect(await found(index, '*')).toEqual(new Set());
    expect(await found(index, '“”„')).toEqual(new Set());
    await index.close();
  });
});

describe('the library’s search index file', () => {
  it('is not opened by a library closed before search was needed: a short command leaves it alone', async () => {
    const folder = await newFolder();
    const library = await DraftLibrary.open({ folder, ...quiet });
    const created = await library.create({ ...reblogPost(), title: 'About lighthouses' });
    await library.close();
    expect(existsSync(path.join(folder, SEARCH_FILE))).toBe(false);
    // The next library to search catches up with what that one saved.
    const next = await DraftLibrary.open({ folder, ...quiet });
    expect((await next.list({ search: 'lighthouses' })).map((summary) => summary.id)).toEqual([created.id]);
    await next.close();
    expect(existsSync(path.join(folder, SEARCH_FILE))).toBe(true);
  });

  it('is made again when damaged, while the library opens, lists and saves as usual', async () => {
    const folder = await newFolder();
    const library = await DraftLibrary.open({ folder, ...quiet });
    const kept = await library.create({ ...reblogPost(), title: 'About lighthouses' });
    await library.create({ ...reblogPost(), title: 'About harbours' });
    await library.searchReady();
    await library.close();
    const file = path.join(folder, SEARCH_FILE);
    expect((await readFile(file)).subarray(0, 15).toString()).toBe('SQLite format 3');
    await writeFile(file, 'not an index at all '.repeat(500));

    const problems: string[] = [];
    const reopened = await DraftLibrary.open({ folder, logError: (message) => problems.push(message) });
    // Usable before search has caught up: the list and saves do not wait for it.
    expect((await reopened.list()).map((summary) => summary.title).sort()).toEqual([
      'About harbours',
      'About lighthouses',
    ]);
    await reopened.save(kept.id, { ...reblogPost(), title: 'About lighthouses and keepers' });
    expect((await reopened.list({ search: 'keepers' })).map((summary) => summary.id)).toEqual([kept.id]);
    expect(await reopened.list({ search: 'harbours' })).toHaveLength(1);
    expect(problems.some((message) => message.includes('search index'))).toBe(true);
    await reopened.close();

    const index = WordIndex.openFile(folder);
    expect(index.stamps()).toHaveLength(2);
    index.close();
  });

  it('catches up with a document changed while the library was closed', async () => {
    const folder = await newFolder();
    const library = await DraftLibrary.open({ folder, ...quiet });
    const created = await library.create({ ...reblogPost(), title: 'About lighthouses' });
    await library.close();
    // Another version of the app, or a restored backup, changed the document.
    await new DraftStore(folder).write({ ...created, title: 'About harbours', revision: 9 });

    const reopened = await DraftLibrary.open({ folder, ...quiet });
    expect(await reopened.list({ search: 'lighthouses' })).toEqual([]);
    expect((await reopened.list({ search: 'harbours' })).map((summary) => summary.id)).toEqual([created.id]);
    await reopened.close();
  });

  it('is only read by a reader, which indexes in memory what the file does not cover', async () => {
    const folder = await newFolder();
    const library = await DraftLibrary.open({ folder, ...quiet });
    const created = await library.create({ ...reblogPost(), title: 'About lighthouses' });
    await library.searchReady();
    await library.close();
    await new DraftStore(folder).write({ ...created, title: 'About harbours', revision: 9 });
    const before = await readFile(path.join(folder, SEARCH_FILE));

    const reader = await DraftLibrary.open({ folder, ...quiet, readOnly: true });
    expect(await reader.list({ search: 'lighthouses' })).toEqual([]);
    expect((await reader.list({ search: 'harbours' })).map((summary) => summary.id)).toEqual([created.id]);
    await reader.close();
    expect((await readFile(path.join(folder, SEARCH_FILE))).equals(before)).toBe(true);
  });
});
