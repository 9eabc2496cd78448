import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../../electron/core/lock/libraryLock';
import { LockRecordSchema } from '../../../electron/core/lock/lockRecord';
import { startDevHost, type RunningDevHost } from '../../e2e/support/devHost';
import { callHost } from '../../e2e/support/hostApi';
import { runCli } from '../../support/cli';
import { REBLOG_POST_FILE } from '../../support/fixtures';
import { snapshotFolder } from '../../support/folderSnapshot';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();
const hosts: RunningDevHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.stop()));
});

/** Starts `commonplace serve` on the folder; returns the pid its lock names, and the host. */
async function serveLibrary(folder: string): Promise<{ pid: number; host: RunningDevHost }> {
  const host = await startDevHost(folder);
  hosts.push(host);
  const pid = LockRecordSchema.parse(JSON.parse(await readFile(path.join(folder, LOCK_FILE), 'utf8'))).pid;
  return { pid, host };
}

describe('the CLI while the app has the library open', () => {
  it('refuses commands that change the library, and runs those that read it without writing a byte', async () => {
    const folder = await newFolder();
    const id = (await runCli(folder, ['drafts', 'create', '--from', REBLOG_POST_FILE])).stdout.trim();
    const { pid, host } = await serveLibrary(folder);
    // The app writes its search index a moment after it opens; a search waits until it has.
    await callHost(host, 'listDrafts', { search: 'anything' });
    const before = await snapshotFolder(folder);

    const changes = [
      ['drafts', 'create', '--from', REBLOG_POST_FILE],
      ['drafts', 'trash', id],
      ['drafts', 'empty-trash'],
      ['drafts', 'restore-revision', id, '1'],
      ['quotes', 'open', 'commonplace://quote?url=https%3A%2F%2Fexample.com%2F&title=T&text=Words'],
      ['accounts', 'remove', 'account-0001'],
      ['publish', id, '--to', 'account-0001'],
      ['outbox', 'drain'],
    ];
    for (const args of changes) {
      const refused = await runCli(folder, args);
      expect({ args, code: refused.code, stdout: refused.stdout }).toEqual({ args, code: 1, stdout: '' });
      expect(refused.stderr).toMatch(
        new RegExp(
          `^commonplace: Commonplace is open on this library \\(dev host, pid ${pid}, since \\d\\d:\\d\\d\\)\\. ` +
            `Quit it, or do this in the app\\.\\n$`,
        ),
      );
    }

    const reads = [
      ['drafts', 'list', '--json'],
      ['drafts', 'show', id, '--json'],
      ['drafts', 'render', id],
      ['drafts', 'revisions', id],
      ['tags'],
      ['accounts', 'list'],
      ['outbox', 'list', '--json'],
    ];
    for (const args of reads) {
      const read = await runCli(folder, args);
      expect({ args, code: read.code, stderr: read.stderr }).toEqual({ args, code: 0, stderr: '' });
    }
    expect((await runCli(folder, ['drafts', 'list', '--json'])).stdout).toContain(id);
    expect(await snapshotFolder(folder)).toEqual(before);

    // Once the app has quit, the same command goes through.
    await hosts.splice(0)[0]?.stop();
    expect((await runCli(folder, ['drafts', 'trash', id])).code).toBe(0);
  }, 120_000);

  it('serve refuses a library that is already open, naming the one that has it', async () => {
    const folder = await newFolder();
    const { pid } = await serveLibrary(folder);
    const second = await runCli(folder, ['serve']);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(
      new RegExp(
        `^commonplace: Commonplace is already open on this library \\(dev host, pid ${pid}, since \\d\\d:\\d\\d\\)\\. ` +
          `Use it there, or quit it first\\.\\n$`,
      ),
    );
  }, 60_000);
});
