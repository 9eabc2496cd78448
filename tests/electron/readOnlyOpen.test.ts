import { copyFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LibraryAccess } from '../../electron/core/openLibrary';
import { openServices } from '../../electron/core/services';
import { snapshotFolder } from '../support/folderSnapshot';
import { reblogPost } from '../support/fixtures';
import { useTempFolders } from '../support/tempFolder';

const newFolder = useTempFolders();
const V1_FIXTURES = fileURLToPath(new URL('../fixtures/library/v1', import.meta.url));
const READ: LibraryAccess = { mode: 'read' };
const WRITE: LibraryAccess = { mode: 'write', program: { kind: 'app' } };

function open(dataFolder: string, access: LibraryAccess) {
  return openServices({ dataFolder, access, logError: () => undefined, online: false });
}

/** An outbox entry as format 1 (before the outbox owned publishing states) wrote it. */
function outboxEntry(id: string, draftId: string, state: Record<string, unknown>): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id,
    sequence: 0,
    draftId,
    accountId: 'account-0001',
    action: 'publish',
    schedule: { status: 'publish' },
    identity: 'commonplace-test-0001',
    remote: null,
    mayExist: false,
    force: false,
    attempts: 1,
    createdAt: '2020-01-01T10:00:00.000Z',
    state,
  };
}

/**
 * A library that a writer opening it would change: a format-1 draft to migrate, a save cut short
 * (only the previous copy left), no index, a temp file left by a crash, an outbox entry caught
 * mid-send and a finished one past its retention.
 */
async function libraryAWriterWouldTouch(): Promise<{ folder: string; interrupted: string }> {
  const folder = await newFolder();
  const services = await open(folder, WRITE);
  const kept = await services.library.create(reblogPost());
  const interrupted = await services.library.create({ ...reblogPost(), title: 'Cut short' });
  await services.close();
  const drafts = path.join(folder, 'drafts');
  for (const name of await readdir(V1_FIXTURES)) await copyFile(path.join(V1_FIXTURES, name), path.join(drafts, name));
  await rm(path.join(drafts, `${interrupted.id}.previous.json`), { force: true });
  await rename(path.join(drafts, `${interrupted.id}.json`), path.join(drafts, `${interrupted.id}.previous.json`));
  await rm(path.join(folder, 'index.json'));
  await writeFile(path.join(drafts, `.${kept.id}.json.0123456789ab.tmp`), '{"half": ');
  const outbox = path.join(folder, 'outbox');
  const sending = outboxEntry('entry-sending-0001', kept.id, {
    state: 'sending',
    startedAt: '2020-01-01T10:00:01.000Z',
  });
  const finished = outboxEntry('entry-finished-01', kept.id, { state: 'done', at: '2020-01-01T10:00:02.000Z' });
  for (const entry of [sending, finished]) {
    await writeFile(path.join(outbox, `${String(entry['id'])}.json`), JSON.stringify(entry));
  }
  return { folder, interrupted: interrupted.id };
}

describe('opening a library read-only', () => {
  it('reads what a writer would migrate, recover and re-index, and writes nothing at all', async () => {
    const { folder, interrupted } = await libraryAWriterWouldTouch();
    const before = await snapshotFolder(folder);

    const services = await open(folder, READ);
    const titles = (await services.library.list()).map((summary) => summary.title).sort();
    expect(titles).toHaveLength(3);
    expect(titles).toContain('Cut short');
    expect((await services.view.get('v1-draft-00000001')).targets['account-0002']).toMatchObject({
      state: 'needs-you',
    });
    expect((await services.library.get(interrupted)).title).toBe('Cut short');
    await services.library.revisions(interrupted);
    await services.library.tags();
    // The entry caught mid-send is shown as it is (the app may be sending it now); the old one is not listed.
    expect(services.outbox.list().map((entry) => [entry.id, entry.state.state])).toEqual([
      ['entry-sending-0001', 'sending'],
    ]);
    expect(services.accounts.list()).toEqual([]);
    await services.close();
    expect(await snapshotFolder(folder)).toEqual(before);

    // The same library opened for writing is changed: the comparison above could have failed.
    await (await open(folder, WRITE)).close();
    expect(await snapshotFolder(folder)).not.toEqual(before);
  });

  it('refuses every change', async () => {
    const folder = await newFolder();
    const writer = await open(folder, WRITE);
    const draft = await writer.library.create(reblogPost());
    await writer.close();
    const services = await open(folder, READ);
    const refused = { kind: 'unavailable', message: expect.stringContaining('read-only') as unknown };
    await expect(services.library.create(reblogPost())).rejects.toMatchObject(refused);
    await expect(services.library.save(draft.id, reblogPost())).rejects.toMatchObject(refused);
    await expect(services.library.trash(draft.id)).rejects.toMatchObject(refused);
    await expect(services.library.emptyTrash()).rejects.toMatchObject(refused);
    await expect(services.outbox.drain()).rejects.toMatchObject(refused);
    await expect(
      services.outbox.publish({ draftId: draft.id, accountId: 'account-0001', schedule: { status: 'publish' } }),
    ).rejects.toMatchObject(refused);
    await expect(services.accounts.remove('account-0001')).rejects.toMatchObject(refused);
    await services.close();
  });

  it('refuses a damaged draft or outbox entry instead of moving it to quarantine', async () => {
    for (const damage of ['draft', 'outbox entry'] as const) {
      const folder = await newFolder();
      const writer = await open(folder, WRITE);
      const draft = await writer.library.create(reblogPost());
      const sound = await writer.library.create({ ...reblogPost(), title: 'Sound' });
      await writer.close();
      const file =
        damage === 'draft'
          ? path.join(folder, 'drafts', `${draft.id}.json`)
          : path.join(folder, 'outbox', 'entry-damaged-01.json');
      await writeFile(file, '{"schemaVersion": 1, "id": ');
      // The index no longer matches the damaged document, so opening looks at it.
      await rm(path.join(folder, 'index.json'));
      const before = await snapshotFolder(folder);

      const refusal = {
        kind: 'unavailable',
        message: expect.stringMatching(
          /is damaged.*\. Commonplace repairs it when it next opens the library for writing/,
        ) as unknown,
      };
      if (damage === 'outbox entry') {
        // The outbox's records open with the library, for where every draft stands.
        await expect(open(folder, READ)).rejects.toMatchObject(refusal);
      } else {
        // A reader lists the drafts when asked (not as it opens): the damage is found then, and
        // a sound draft can still be shown meanwhile, as `drafts show` does.
        const services = await open(folder, READ);
        expect((await services.view.get(sound.id)).title).toBe('Sound');
        await expect(services.library.list()).rejects.toMatchObject(refusal);
        await expect(services.view.get(draft.id)).rejects.toMatchObject(refusal);
        await services.close();
      }
      expect(await snapshotFolder(folder)).toEqual(before);
    }
  });

  it('reads a library folder that does not exist yet as empty, and does not create it', async () => {
    const folder = path.join(await newFolder(), 'not-yet');
    const services = await open(folder, READ);
    expect(await services.library.list()).toEqual([]);
    expect(services.outbox.list()).toEqual([]);
    await services.close();
    await expect(readdir(folder)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('needs no lock: reads while a writer holds the library', async () => {
    const folder = await newFolder();
    const writer = await open(folder, WRITE);
    await writer.library.create(reblogPost());
    await expect(open(folder, WRITE)).rejects.toMatchObject({ name: 'LibraryLockedError' });
    const reader = await open(folder, READ);
    expect(await reader.library.list()).toHaveLength(1);
    await reader.close();
    await writer.close();
  });
});
