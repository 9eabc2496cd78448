import { spawn } from 'node:child_process';
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openLibraryAndOutbox } from '../../../electron/core/libraryAndOutbox';
import { DRAFT_SCHEMA_VERSION, PublishStateSchema, type PublishTargets } from '../../../shared/model/draft';
import { withNeedsYouCause } from '../../../electron/core/outbox/linkStore';
import { snapshotFolder } from '../../support/folderSnapshot';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();
const V2_LIBRARY = fileURLToPath(new URL('../../fixtures/library/v2', import.meta.url));
const HANG = fileURLToPath(new URL('./support/migrateThenHang.ts', import.meta.url));

// A state that needed the writer then said only why; read now, its cause is "other".
const V2DraftSchema = z.looseObject({
  id: z.string(),
  schemaVersion: z.literal(2),
  targets: z.record(z.string(), z.preprocess(withNeedsYouCause, PublishStateSchema)),
});
const V2IndexSchema = z.looseObject({
  drafts: z.record(z.string(), z.looseObject({ summary: z.looseObject({ status: z.string() }) })),
});

/** What the library made by main says, per draft: its targets and its listed status. */
async function statesOnMain(): Promise<Map<string, { targets: PublishTargets; status: string }>> {
  const index = V2IndexSchema.parse(JSON.parse(await readFile(path.join(V2_LIBRARY, 'index.json'), 'utf8')));
  const states = new Map<string, { targets: PublishTargets; status: string }>();
  const folder = path.join(V2_LIBRARY, 'drafts');
  for (const name of await readdir(folder)) {
    if (name.endsWith('.previous.json')) continue;
    const draft = V2DraftSchema.parse(JSON.parse(await readFile(path.join(folder, name), 'utf8')));
    states.set(draft.id, { targets: draft.targets, status: index.drafts[draft.id]?.summary.status ?? 'missing' });
  }
  return states;
}

async function copyOfTheV2Library(): Promise<string> {
  const folder = await newFolder();
  await cp(V2_LIBRARY, folder, { recursive: true });
  return folder;
}

function open(folder: string, readOnly = false) {
  return openLibraryAndOutbox({
    folder,
    readOnly,
    logError: () => undefined,
    adapterFor: () => Promise.reject(new Error('no blog in this test')),
    postStyleFor: () => ({ hashtagsInTitle: false }),
    publish: () => undefined,
    online: false,
  });
}

/** Opens the library and checks that every draft stands where main said, on every blog. */
async function expectNothingLost(folder: string): Promise<void> {
  const expected = await statesOnMain();
  const { view, close } = await open(folder);
  try {
    for (const [id, { targets, status }] of expected) {
      expect((await view.get(id)).targets, id).toEqual(targets);
      expect(view.summary(id).status, id).toBe(status);
    }
    expect(expected.size).toBe(9);
  } finally {
    await close();
  }
  for (const name of await readdir(path.join(folder, 'drafts'))) {
    const document = z
      .looseObject({ schemaVersion: z.number() })
      .parse(JSON.parse(await readFile(path.join(folder, 'drafts', name), 'utf8')));
    if (name.endsWith('.previous.json')) continue;
    expect(document.schemaVersion, name).toBe(DRAFT_SCHEMA_VERSION);
    expect(document, name).not.toHaveProperty('targets');
  }
}

/** Runs the migration in a process of its own and SIGKILLs it after `count` drafts were handed over. */
function killMidway(folder: string, count: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', HANG, folder, String(count)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line === `adopted ${count}`) child.kill('SIGKILL');
      else reject(new Error(`the migration did not stop midway: ${line}`));
    });
    child.once('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error('it exited by itself')),
    );
  });
}

describe('moving publishing states out of drafts written by main (format 2)', () => {
  it('loses no state: every draft stands where it stood, on every blog, and drafts hold content only', async () => {
    await expectNothingLost(await copyOfTheV2Library());
  });

  it('is idempotent: a second open changes nothing and finds the same states', async () => {
    const folder = await copyOfTheV2Library();
    await (await open(folder)).close();
    const drafts = await snapshotFolder(path.join(folder, 'drafts'));
    const outbox = await snapshotFolder(path.join(folder, 'outbox'));
    await expectNothingLost(folder);
    expect(await snapshotFolder(path.join(folder, 'drafts'))).toEqual(drafts);
    expect(await snapshotFolder(path.join(folder, 'outbox'))).toEqual(outbox);
  });

  it.each([1, 5, 9])(
    'survives a SIGKILL after %i drafts were handed over (before the last was rewritten): rerun, nothing is lost',
    async (count) => {
      const folder = await copyOfTheV2Library();
      await killMidway(folder, count);
      const stillOld = (await readdir(path.join(folder, 'drafts'))).filter((name) => !name.includes('previous'));
      const versions = await Promise.all(
        stillOld.map(
          async (name) =>
            z
              .looseObject({ schemaVersion: z.number() })
              .parse(JSON.parse(await readFile(path.join(folder, 'drafts', name), 'utf8'))).schemaVersion,
        ),
      );
      // Killed midway: some documents were rewritten, the one being handed over was not.
      expect(versions).toContain(2);
      await expectNothingLost(folder);
    },
    60_000,
  );

  it('reads an unmigrated library read-only with every state, writing nothing', async () => {
    const folder = await copyOfTheV2Library();
    const before = await snapshotFolder(folder);
    const expected = await statesOnMain();
    const { view, close } = await open(folder, true);
    for (const [id, { targets }] of expected) expect((await view.get(id)).targets, id).toEqual(targets);
    await close();
    expect(await snapshotFolder(folder)).toEqual(before);
  });
});
