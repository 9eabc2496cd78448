import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { LibraryIndex, type Listing } from '../../../electron/core/library/libraryIndex';
import { DRAFT_SCHEMA_VERSION } from '../../../shared/model/draft';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();

function summary(id: string, minute: number): Listing {
  const at = new Date(Date.parse('2026-11-24T10:00:00.000Z') + minute * 60_000).toISOString();
  return {
    id,
    title: id,
    firstWords: '',
    hashtags: [],
    contentHash: 'hash',
    createdAt: at,
    updatedAt: at,
    revision: 1,
    trashedAt: null,
  };
}

/** The list's order as a whole sort gives it: newest first, then by id. */
function sortedAfresh(index: LibraryIndex): string[] {
  return index
    .listings()
    .sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? 1 : -1))
    .map((each) => each.id);
}

const change = fc.oneof(
  // Few ids and few minutes: the same draft changes again, and drafts share a moment.
  fc.record({ kind: fc.constant('put' as const), id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), minute: fc.nat(6) }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'z') }),
  fc.record({ kind: fc.constant('read' as const) }),
);

describe('the summaries in the list order', () => {
  it('stay in the order a whole sort gives through any puts and removes, without sorting again', async () => {
    const folder = await newFolder();
    await fc.assert(
      fc.asyncProperty(fc.array(change, { maxLength: 40 }), async (changes) => {
        const index = new LibraryIndex(folder, {
          delayMs: 60_000,
          logError: () => undefined,
          readOnly: true,
          folderMtime: () => null,
        });
        await index.load();
        for (const each of changes) {
          if (each.kind === 'put') index.put(summary(each.id, each.minute), { size: 1, mtimeMs: 1 });
          else if (each.kind === 'remove') index.remove(each.id);
          // Reading keeps the order; changes before the first read find none kept yet.
          else expect(index.newestFirst().map((summary) => summary.id)).toEqual(sortedAfresh(index));
        }
        expect(index.newestFirst().map((summary) => summary.id)).toEqual(sortedAfresh(index));
      }),
    );
  });

  it('moves a draft saved just now to the top of the order it keeps', async () => {
    const index = new LibraryIndex(await newFolder(), {
      delayMs: 60_000,
      logError: () => undefined,
      readOnly: true,
      folderMtime: () => null,
    });
    await index.load();
    for (const [minute, id] of ['a', 'b', 'c'].entries()) index.put(summary(id, minute), { size: 1, mtimeMs: 1 });
    const kept = index.newestFirst();
    expect(kept.map((each) => each.id)).toEqual(['c', 'b', 'a']);
    index.put(summary('a', 9), { size: 2, mtimeMs: 2 });
    // The same array, brought up to date in place: nothing sorted the whole list again.
    expect(index.newestFirst()).toBe(kept);
    expect(kept.map((each) => each.id)).toEqual(['a', 'c', 'b']);
  });
});

describe('index.json', () => {
  it('is written in the list order, so the next open finds the summaries already sorted', async () => {
    const folder = await newFolder();
    const index = new LibraryIndex(folder, {
      delayMs: 60_000,
      logError: () => undefined,
      readOnly: false,
      folderMtime: () => null,
    });
    await index.load();
    // Put in an order that is not the list's: oldest first, and one draft saved again last.
    for (const [minute, id] of ['draft-aa', 'draft-bb', 'draft-cc', 'draft-dd'].entries())
      index.put(summary(id, minute), { size: 1, mtimeMs: 1 });
    index.put(summary('draft-bb', 9), { size: 2, mtimeMs: 2 });
    await index.flush();
    const written = JSON.parse(await readFile(path.join(folder, 'index.json'), 'utf8')) as { id: string[] };
    expect(written.id).toEqual(['draft-bb', 'draft-dd', 'draft-cc', 'draft-aa']);

    const reopened = new LibraryIndex(folder, {
      delayMs: 60_000,
      logError: () => undefined,
      readOnly: true,
      folderMtime: () => null,
    });
    await reopened.load();
    expect(reopened.listings().map((each) => each.id)).toEqual(['draft-bb', 'draft-dd', 'draft-cc', 'draft-aa']);
    expect(reopened.listing('draft-bb')).toEqual(summary('draft-bb', 9));
    expect(reopened.entries.get('draft-bb')).toMatchObject({ size: 2, mtimeMs: 2 });
  });

  it('is read as damaged (and so rebuilt from the documents) when its fields do not line up or hold another type', async () => {
    const folder = await newFolder();
    const index = new LibraryIndex(folder, {
      delayMs: 60_000,
      logError: () => undefined,
      readOnly: false,
      folderMtime: () => null,
    });
    await index.load();
    for (const [minute, id] of ['draft-aa', 'draft-bb'].entries())
      index.put(summary(id, minute), { size: 1, mtimeMs: 1 });
    await index.flush();
    const file = path.join(folder, 'index.json');
    const written = JSON.parse(await readFile(file, 'utf8')) as { title: string[]; hashtags: string[][] };
    for (const damaged of [
      { ...written, title: written.title.slice(1) },
      { ...written, title: [1, 2] },
      { ...written, hashtags: [['tag'], 'tag'] },
    ]) {
      await writeFile(file, JSON.stringify(damaged));
      const reopened = new LibraryIndex(folder, {
        delayMs: 60_000,
        logError: () => undefined,
        readOnly: true,
        folderMtime: () => null,
      });
      await reopened.load();
      expect(reopened.listings()).toEqual([]);
    }
  });

  it('reads the index an earlier version wrote (one object per draft), so an update lists at once', async () => {
    const folder = await newFolder();
    const listing = summary('draft-aa', 0);
    const entry = { listing, size: 3, mtimeMs: 4, draftVersion: DRAFT_SCHEMA_VERSION };
    await writeFile(
      path.join(folder, 'index.json'),
      JSON.stringify({ schemaVersion: 3, drafts: { 'draft-aa': entry } }),
    );
    const index = new LibraryIndex(folder, {
      delayMs: 60_000,
      logError: () => undefined,
      readOnly: true,
      folderMtime: () => null,
    });
    await index.load();
    expect(index.entries).toEqual(new Map([['draft-aa', entry]]));
    expect(index.isCurrent('draft-aa', { size: 3, mtimeMs: 4 })).toBe(true);
  });
});

const LONG_AGO = new Date('2026-01-01T00:00:00.000Z');

async function writtenStamp(folder: string): Promise<unknown> {
  return (JSON.parse(await readFile(path.join(folder, 'index.json'), 'utf8')) as { folderMtimeMs: unknown })
    .folderMtimeMs;
}

describe('the stamp LibraryIndex writes', () => {
  const still = () => LONG_AGO.getTime();

  function index(folder: string, folderMtime: () => number | null, delayMs = 60_000) {
    return new LibraryIndex(folder, { delayMs, logError: () => undefined, readOnly: false, folderMtime });
  }

  it('is taken only once every entry was checked, and never while a change to the folder is under way', async () => {
    const folder = await newFolder();
    const written = index(folder, still);
    await written.load();
    written.put(summary('draft-aa', 0), { size: 1, mtimeMs: 1 });
    await written.flush();
    expect(await writtenStamp(folder)).toBeNull();

    written.replaceAll(new Map(written.entries));
    await written.change(async () => {
      await written.flush();
      expect(await writtenStamp(folder)).toBeNull();
    });
    await written.flush();
    expect(await writtenStamp(folder)).toBe(LONG_AGO.getTime());

    written.untrust();
    await written.flush();
    expect(await writtenStamp(folder)).toBeNull();
  });

  it('is taken again once the folder has stood still, when it had moved just before a write', async () => {
    const folder = await newFolder();
    let folderTime = Date.now();
    const written = index(folder, () => folderTime, 20);
    await written.load();
    written.replaceAll(
      new Map([
        ['draft-aa', { listing: summary('draft-aa', 0), size: 1, mtimeMs: 1, draftVersion: DRAFT_SCHEMA_VERSION }],
      ]),
    );
    await written.flush();
    expect(await writtenStamp(folder)).toBeNull();
    folderTime = LONG_AGO.getTime();
    await vi.waitFor(async () => expect(await writtenStamp(folder)).toBe(LONG_AGO.getTime()));
    await written.close();
  });

  it('is absent from an index version 4 wrote, which is still read whole', async () => {
    const folder = await newFolder();
    const columns = {
      schemaVersion: 4,
      id: ['draft-aa'],
      title: ['draft-aa'],
      firstWords: [''],
      hashtags: [[]],
      createdAt: ['2026-11-24T10:00:00.000Z'],
      updatedAt: ['2026-11-24T10:00:00.000Z'],
      revision: [1],
      trashedAt: [null],
      contentHash: ['hash'],
      size: [3],
      mtimeMs: [4],
      draftVersion: [DRAFT_SCHEMA_VERSION],
    };
    await writeFile(path.join(folder, 'index.json'), JSON.stringify(columns));
    const read = index(folder, still);
    await read.load();
    expect(read.listing('draft-aa')).toEqual(summary('draft-aa', 0));
    expect(read.matchesFolder(new Set(['draft-aa']))).toBe(false);
  });
});
