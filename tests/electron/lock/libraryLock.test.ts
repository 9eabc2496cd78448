import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLibraryLock, LOCK_FILE } from '../../../electron/core/lock/libraryLock';
import { lockRefusalMessage } from '../../../electron/core/lock/lockMessages';
import type { LockProgram, LockRecord, LockRefusal } from '../../../electron/core/lock/lockRecord';
import { useTempFolders } from '../../support/tempFolder';

const BOOT_ID_FILE = '/proc/sys/kernel/random/boot_id';
const THIS_BOOT = existsSync(BOOT_ID_FILE) ? readFileSync(BOOT_ID_FILE, 'utf8').trim() : null;
const CONTENDER = fileURLToPath(new URL('./support/contender.ts', import.meta.url));
const newFolder = useTempFolders();

interface Contender {
  readonly pid: number;
  /** Resolves once the process waits for "go" (with --go-on-stdin). */
  readonly ready: Promise<void>;
  /** What the process reported after trying. */
  readonly outcome: Promise<{ held?: true; refused?: LockRefusal }>;
  readonly exited: Promise<void>;
  go(): void;
  kill(signal: NodeJS.Signals): Promise<void>;
}

const running: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

function startContender(folder: string, program: LockProgram, flags: readonly string[] = []): Contender {
  const child = spawn(process.execPath, ['--import', 'tsx', CONTENDER, folder, JSON.stringify(program), ...flags]);
  running.push(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise<void>((resolve) => lines.once('line', () => resolve()));
  const outcome = new Promise<{ held?: true; refused?: LockRefusal }>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line !== 'ready') resolve(JSON.parse(line) as { held?: true; refused?: LockRefusal });
    });
    void exited.then(() => reject(new Error(`the contender exited without a word: ${stderr}`)));
  });
  return {
    pid: child.pid ?? 0,
    ready,
    outcome,
    exited,
    go: () => child.stdin.write('go\n'),
    async kill(signal) {
      child.kill(signal);
      await exited;
    },
  };
}

function lockRecord(overrides: Partial<LockRecord>): LockRecord {
  return {
    schemaVersion: 1,
    token: 'a-token-nobody-holds',
    pid: 999_999,
    hostname: os.hostname(),
    bootId: THIS_BOOT,
    program: { kind: 'app' },
    since: new Date().toISOString(),
    ...overrides,
  };
}

/** A pid that no process has now: a child that has exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}

describe('the library lock', () => {
  it('refuses a second process, naming the one that holds the library', async () => {
    const folder = await newFolder();
    const holder = startContender(folder, { kind: 'dev-host' });
    expect(await holder.outcome).toEqual({ held: true });

    const outcome = await acquireLibraryLock({ folder, program: { kind: 'cli', command: 'drafts create' } });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.refusal).toMatchObject({ kind: 'held', elsewhere: false, holder: { pid: holder.pid } });
    const message = lockRefusalMessage(outcome.refusal, { kind: 'cli', command: 'drafts create' }, new Date());
    expect(message).toMatch(
      new RegExp(`^Commonplace is open on this library \\(dev host, pid ${holder.pid}, since \\d\\d:\\d\\d\\)\\. `),
    );
  });

  it('takes over at once from a holder killed with SIGKILL', async () => {
    const folder = await newFolder();
    const holder = startContender(folder, { kind: 'app' });
    expect(await holder.outcome).toEqual({ held: true });
    await holder.kill('SIGKILL');

    const started = Date.now();
    const outcome = await acquireLibraryLock({ folder, program: { kind: 'app' }, patienceMs: 0 });
    expect(outcome.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
    const onDisk = JSON.parse(await readFile(path.join(folder, LOCK_FILE), 'utf8')) as LockRecord;
    expect(onDisk.pid).toBe(process.pid);
    if (outcome.ok) await outcome.lock.release();
  });

  it('leaves the library free when its holder exits without releasing it', async () => {
    const folder = await newFolder();
    const holder = startContender(folder, { kind: 'cli', command: 'outbox drain' }, ['--exit-after', '0']);
    expect(await holder.outcome).toEqual({ held: true });
    await holder.exited;
    await expect(readFile(path.join(folder, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('treats a lock from another computer as held, whatever its pid', async () => {
    const folder = await newFolder();
    const record = lockRecord({ hostname: 'the-other-laptop.local', pid: await deadPid() });
    await writeFile(path.join(folder, LOCK_FILE), JSON.stringify(record));

    const outcome = await acquireLibraryLock({ folder, program: { kind: 'app' }, patienceMs: 0 });
    expect(outcome).toMatchObject({ ok: false, refusal: { kind: 'held', elsewhere: true } });
    if (outcome.ok) return;
    expect(lockRefusalMessage(outcome.refusal, { kind: 'app' }, new Date())).toContain(
      'on another computer (desktop app on the-other-laptop.local',
    );
    expect(JSON.parse(await readFile(path.join(folder, LOCK_FILE), 'utf8'))).toEqual(record);
  });

  it('takes over a lock left by a process that is gone on this computer', async () => {
    const folder = await newFolder();
    await writeFile(path.join(folder, LOCK_FILE), JSON.stringify(lockRecord({ pid: await deadPid() })));
    const outcome = await acquireLibraryLock({ folder, program: { kind: 'app' }, patienceMs: 0 });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) await outcome.lock.release();
  });

  it.skipIf(THIS_BOOT === null)(
    'takes over a lock taken before a reboot, though its pid names a live process now',
    async () => {
      const folder = await newFolder();
      const beforeReboot = lockRecord({ pid: process.ppid, bootId: 'a-boot-before-this-one' });
      await writeFile(path.join(folder, LOCK_FILE), JSON.stringify(beforeReboot));
      const outcome = await acquireLibraryLock({ folder, program: { kind: 'app' }, patienceMs: 0 });
      expect(outcome.ok).toBe(true);
      if (outcome.ok) await outcome.lock.release();

      // The same live pid in a lock of this boot is a holder.
      await writeFile(path.join(folder, LOCK_FILE), JSON.stringify({ ...beforeReboot, bootId: THIS_BOOT }));
      expect(await acquireLibraryLock({ folder, program: { kind: 'app' }, patienceMs: 0 })).toMatchObject({
        ok: false,
      });
    },
  );

  it('takes over a lock with its own pid that it never took (pids repeat, in containers)', async () => {
    const folder = await newFolder();
    await writeFile(path.join(folder, LOCK_FILE), JSON.stringify(lockRecord({ pid: process.pid })));
    const first = await acquireLibraryLock({ folder, program: { kind: 'app' }, patienceMs: 0 });
    expect(first.ok).toBe(true);
    // The lock it did take is its own, and held: a second opener in the same process is refused.
    const second = await acquireLibraryLock({ folder, program: { kind: 'app' }, patienceMs: 0 });
    expect(second).toMatchObject({ ok: false, refusal: { kind: 'held', holder: { pid: process.pid } } });
    if (first.ok) await first.lock.release();
  });

  it('refuses a damaged lock file rather than guess whose it is, and leaves it there', async () => {
    const folder = await newFolder();
    await writeFile(path.join(folder, LOCK_FILE), '{"schemaVersion": 1, "pid": ');
    const outcome = await acquireLibraryLock({ folder, program: { kind: 'app' }, patienceMs: 0 });
    expect(outcome).toMatchObject({ ok: false, refusal: { kind: 'unreadable' } });
    if (outcome.ok) return;
    expect(lockRefusalMessage(outcome.refusal, { kind: 'app' }, new Date())).toContain('delete that file');
    expect(await readFile(path.join(folder, LOCK_FILE), 'utf8')).toBe('{"schemaVersion": 1, "pid": ');
  });

  it('releases only its own lock, and a released library can be taken again', async () => {
    const folder = await newFolder();
    const first = await acquireLibraryLock({ folder, program: { kind: 'app' }, patienceMs: 0 });
    if (!first.ok) throw new Error('the first opener was refused');
    await first.lock.release();
    const second = await acquireLibraryLock({ folder, program: { kind: 'dev-host' }, patienceMs: 0 });
    expect(second.ok).toBe(true);
    // Releasing the first again must not remove the second's lock.
    await first.lock.release();
    const onDisk = JSON.parse(await readFile(path.join(folder, LOCK_FILE), 'utf8')) as LockRecord;
    expect(onDisk.program).toEqual({ kind: 'dev-host' });
    if (second.ok) await second.lock.release();
  });

  it('waits for a command that finishes within its patience, and not for an app', async () => {
    const folder = await newFolder();
    const command = startContender(folder, { kind: 'cli', command: 'publish' }, ['--exit-after', '700']);
    expect(await command.outcome).toEqual({ held: true });
    const waited = await acquireLibraryLock({ folder, program: { kind: 'app' }, patienceMs: 5_000 });
    expect(waited.ok).toBe(true);
    if (waited.ok) await waited.lock.release();

    const app = startContender(folder, { kind: 'app' });
    expect(await app.outcome).toEqual({ held: true });
    const started = Date.now();
    const refused = await acquireLibraryLock({ folder, program: { kind: 'dev-host' }, patienceMs: 5_000 });
    expect(refused.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  for (const start of ['an empty folder', 'a stale lock'] as const) {
    it(`lets exactly one of several processes starting at once have ${start === 'an empty folder' ? 'a new library' : 'a library with a stale lock'}`, async () => {
      const folder = await newFolder();
      if (start === 'a stale lock') {
        await writeFile(path.join(folder, LOCK_FILE), JSON.stringify(lockRecord({ pid: await deadPid() })));
      }
      const contenders = Array.from({ length: 6 }, (_, index) =>
        startContender(folder, { kind: 'cli', command: `drafts create ${index}` }, ['--go-on-stdin']),
      );
      await Promise.all(contenders.map((contender) => contender.ready));
      for (const contender of contenders) contender.go();
      const outcomes = await Promise.all(contenders.map((contender) => contender.outcome));

      const winners = contenders.filter((_, index) => outcomes[index]?.held);
      expect(winners).toHaveLength(1);
      const onDisk = JSON.parse(await readFile(path.join(folder, LOCK_FILE), 'utf8')) as LockRecord;
      expect(onDisk.pid).toBe(winners[0]?.pid);
      for (const outcome of outcomes.filter((each) => !each.held)) {
        expect(outcome.refused).toMatchObject({ kind: 'held', holder: { pid: winners[0]?.pid } });
      }
    }, 30_000);
  }
});

describe('the message for a held library', () => {
  const today = new Date();
  const at = new Date(today.getFullYear(), today.getMonth(), today.getDate(), 10, 2);
  const held = (program: LockProgram, hostname = os.hostname()): LockRefusal => ({
    kind: 'held',
    holder: lockRecord({ pid: 1234, program, since: at.toISOString(), hostname }),
    elsewhere: hostname !== os.hostname(),
    file: '/library/library.lock',
  });

  it('tells a command that changes the library to quit the app, or use it', () => {
    expect(lockRefusalMessage(held({ kind: 'dev-host' }), { kind: 'cli', command: 'drafts create' }, today)).toBe(
      'Commonplace is open on this library (dev host, pid 1234, since 10:02). Quit it, or do this in the app.',
    );
  });

  it('tells an app that it is already open, or which command is busy', () => {
    expect(lockRefusalMessage(held({ kind: 'app' }), { kind: 'dev-host' }, today)).toBe(
      'Commonplace is already open on this library (desktop app, pid 1234, since 10:02). Use it there, or quit it first.',
    );
    expect(lockRefusalMessage(held({ kind: 'cli', command: 'outbox drain' }), { kind: 'app' }, today)).toBe(
      'A command is changing this library (commonplace outbox drain, pid 1234, since 10:02). Wait for it to finish, then start Commonplace again.',
    );
  });

  it('gives the date of a lock taken on another day, and the computer of one taken elsewhere', () => {
    const tomorrow = new Date(at.getTime() + 24 * 3600_000);
    expect(lockRefusalMessage(held({ kind: 'app' }, 'laptop.local'), { kind: 'app' }, tomorrow)).toBe(
      `Commonplace is open on this library on another computer (desktop app on laptop.local, pid 1234, since ` +
        `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')} 10:02). ` +
        'Quit it there first; if it is not running there any more, delete /library/library.lock.',
    );
  });
});
