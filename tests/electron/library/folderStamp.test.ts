import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftLibrary } from '../../../electron/core/library/draftLibrary';
import { DraftStore } from '../../../electron/core/library/draftStore';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';

/**
 * A reader (the CLI) trusts index.json without checking each document's stamp when the drafts
 * folder has not moved since the writer stamped it; these tests hold the writer to stamping only
 * when every entry matched the folder, and the reader to checking whenever the folder moved.
 */
const newFolder = useTempFolders();
afterEach(() => vi.restoreAllMocks());

const LONG_AGO = new Date('2026-01-01T00:00:00.000Z');

function open(folder: string, readOnly: boolean) {
  return DraftLibrary.open({ folder, logError: () => undefined, readOnly, indexDelayMs: 60_000 });
}

/** The drafts folder as if it had stood still for a long time. */
function stillFolder(folder: string): Promise<void> {
  return utimes(path.join(folder, 'drafts'), LONG_AGO, LONG_AGO);
}

async function writtenStamp(folder: string): Promise<unknown> {
  return (JSON.parse(await readFile(path.join(folder, 'index.json'), 'utf8')) as { folderMtimeMs: unknown })
    .folderMtimeMs;
}

/** Lists read-only, counting the document stamps checked on the way. */
async function readerTitles(folder: string): Promise<{ titles: string[]; stamped: number }> {
  const stamps = vi.spyOn(DraftStore.prototype, 'stamps');
  const reader = await open(folder, true);
  try {
    const titles = (await reader.list()).map((listing) => listing.title);
    return { titles, stamped: stamps.mock.calls.reduce((sum, [ids]) => sum + ids.length, 0) };
  } finally {
    stamps.mockRestore();
    await reader.close();
  }
}

describe('a reader of a library whose drafts folder has not moved', () => {
  it('lists from index.json without checking each document, and checks them all once the folder moves', async () => {
    const folder = await newFolder();
    const writer = await open(folder, false);
    const first = await writer.create({ ...reblogPost(), title: 'First' });
    await writer.create({ ...reblogPost(), title: 'Second' });
    await stillFolder(folder);
    await writer.close();
    expect(await writtenStamp(folder)).toBe(LONG_AGO.getTime());
    expect(await readerTitles(folder)).toEqual({ titles: ['Second', 'First'], stamped: 0 });

    // A save the writer has not indexed on disk yet (index.json is written 60 s later) moves the folder.
    const again = await open(folder, false);
    await again.save(first.id, { title: 'First, edited' });
    expect(await readerTitles(folder)).toEqual({ titles: ['First, edited', 'Second'], stamped: 2 });
    await again.close();
  });

  it('checks every document when a draft is gone though the folder kept its time', async () => {
    const folder = await newFolder();
    const writer = await open(folder, false);
    const gone = await writer.create({ ...reblogPost(), title: 'Gone' });
    await writer.create({ ...reblogPost(), title: 'Kept' });
    await stillFolder(folder);
    await writer.close();
    await rm(path.join(folder, 'drafts', `${gone.id}.json`));
    await rm(path.join(folder, 'drafts', `${gone.id}.previous.json`), { force: true });
    await stillFolder(folder);
    expect(await readerTitles(folder)).toEqual({ titles: ['Kept'], stamped: 1 });
  });

  it('is never given a stamp by a writer that closes right after a save (the folder may yet move within its clock tick)', async () => {
    const folder = await newFolder();
    const writer = await open(folder, false);
    await writer.create({ ...reblogPost(), title: 'Just now' });
    await writer.close();
    expect(await writtenStamp(folder)).toBeNull();
    expect((await readerTitles(folder)).stamped).toBe(1);
  });

  it('is not given a stamp after a damaged draft was repaired outside a save, until every document is checked again', async () => {
    const folder = await newFolder();
    const writer = await open(folder, false);
    const damaged = await writer.create({ ...reblogPost(), title: 'Damaged' });
    await writer.save(damaged.id, { title: 'Damaged, saved twice' });
    await writer.close();
    await writeFile(path.join(folder, 'drafts', `${damaged.id}.json`), '{"half": ');

    const reopened = await open(folder, false);
    await reopened.listed();
    await stillFolder(folder);
    await reopened.close();
    // The repair went through the writer's open (every document checked): the stamp is earned.
    expect(await writtenStamp(folder)).toBe(LONG_AGO.getTime());

    const third = await open(folder, false);
    await third.listed();
    await writeFile(path.join(folder, 'drafts', `${damaged.id}.json`), '{"half": ');
    await third.get(damaged.id);
    await stillFolder(folder);
    await third.close();
    expect(await writtenStamp(folder)).toBeNull();
  });
});
