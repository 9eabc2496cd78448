import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../../shared/result';
import {
  createExclusively,
  readLockFile,
  removeIfUnchanged,
  removeOwnLockFile,
  removeOwnLockFileSync,
} from './lockFile';
import type { LockProgram, LockRecord, LockRefusal } from './lockRecord';

/*
 * Why not proper-lockfile (or lockfile): both judge a lock stale by its age (proper-lockfile keeps
 * refreshing its mtime, and a lock is stale once it is older than `stale`, 10 s by default), so after
 * a crash the library stays locked until that timeout, and neither records who holds the lock in a
 * form we can show. OS locks (flock, via fs-ext or os-lock) die with their process, but they are
 * native modules to rebuild for Electron and are unreliable on network folders. So: an O_EXCL file
 * that names its holder; a holder whose process is gone (same computer) is taken over at once.
 */

/** The lock file, in the library folder. */
export const LOCK_FILE = 'library.lock';

/** While one process removes a stale lock, no other may: see removeStaleLock. */
const TAKEOVER_SUFFIX = '.takeover';

/** How long a writer keeps trying while a CLI command holds the library: they finish in moments. */
export const DEFAULT_PATIENCE_MS = 5_000;
const RETRY_MS = 100;
/** Rounds of create → read → take over before giving up: each round is a change made by another process. */
const MAX_ROUNDS = 50;

/** The library held for writing, until release() or the process exits. */
export interface LibraryLock {
  readonly file: string;
  readonly record: LockRecord;
  /** Removes the lock file if it is still this holder's; safe to call twice. */
  release(): Promise<void>;
}

export type LockOutcome =
  { readonly ok: true; readonly lock: LibraryLock } | { readonly ok: false; readonly refusal: LockRefusal };

export interface AcquireOptions {
  readonly folder: string;
  readonly program: LockProgram;
  readonly now?: () => Date;
  /** How long to keep trying while a CLI command holds the library; DEFAULT_PATIENCE_MS when absent. */
  readonly patienceMs?: number;
}

/** Linux names each boot of the machine; other systems give no such name. */
const thisBoot = readBootId();

function readBootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

/** Tokens this process holds (locks and takeover guards), and the lock files to remove at exit. */
const ownTokens = new Set<string>();
const heldFiles = new Map<string, string>();
let exitHookInstalled = false;

/**
 * Takes the library's lock for `program`, creating the folder if needed. Refuses, naming the
 * holder, while a live process holds it (a lock from another computer is always taken as live).
 */
export async function acquireLibraryLock(options: AcquireOptions): Promise<LockOutcome> {
  await mkdir(options.folder, { recursive: true });
  const file = path.join(options.folder, LOCK_FILE);
  const record = newRecord(options.program, (options.now ?? (() => new Date()))());
  const deadline = Date.now() + (options.patienceMs ?? DEFAULT_PATIENCE_MS);
  for (;;) {
    const outcome = await tryAcquire(file, record);
    if (outcome.ok || !heldByCommand(outcome.refusal) || Date.now() >= deadline) return outcome;
    await sleep(RETRY_MS);
  }
}

async function tryAcquire(file: string, record: LockRecord): Promise<LockOutcome> {
  const text = JSON.stringify(record);
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    if (await createExclusively(file, text)) return { ok: true, lock: hold(file, record) };
    const found = await readLockFile(file);
    // Released between our create and our read: try again.
    if (found.kind === 'absent') continue;
    if (found.kind === 'unreadable') return { ok: false, refusal: { kind: 'unreadable', file } };
    const elsewhere = found.record.hostname !== os.hostname();
    if (elsewhere || !holderIsGone(found.record)) {
      return { ok: false, refusal: { kind: 'held', holder: found.record, elsewhere, file } };
    }
    await removeStaleLock(file, found.text, record.program);
  }
  throw new AppError('unavailable', `The library's lock ${file} kept changing hands; try again.`);
}

/**
 * Removes a lock whose holder is gone, under a takeover guard (itself an O_EXCL file): without it,
 * two processes that both saw the stale lock could each remove it, the second removing the lock the
 * first had just taken. Under the guard nobody else removes the lock, and nobody creates one while it
 * exists, so the file still holding the stale text is the stale lock. The guard lives for
 * milliseconds; one whose process is gone (a crash mid-takeover) is removed with removeIfUnchanged,
 * and only two processes racing in that microsecond gap after such a crash could both pass.
 */
async function removeStaleLock(file: string, staleText: string, program: LockProgram): Promise<void> {
  const guard = `${file}${TAKEOVER_SUFFIX}`;
  const guardRecord = newRecord(program, new Date());
  if (!(await createExclusively(guard, JSON.stringify(guardRecord)))) {
    const found = await readLockFile(guard);
    if (found.kind === 'unreadable' || (found.kind === 'record' && holderIsGone(found.record))) {
      await removeIfUnchanged(guard, found.text);
    } else {
      await sleep(RETRY_MS / 10);
    }
    return;
  }
  ownTokens.add(guardRecord.token);
  try {
    const current = await readLockFile(file);
    if (current.kind !== 'absent' && current.text === staleText) await unlink(file);
  } finally {
    ownTokens.delete(guardRecord.token);
    await unlink(guard);
  }
}

/** Whether the process that wrote the record is gone; only answerable for this computer's processes. */
function holderIsGone(record: LockRecord): boolean {
  if (record.hostname !== os.hostname()) return false;
  // After a reboot (a power cut) the pid may name some other process by now.
  if (record.bootId !== null && thisBoot !== null && record.bootId !== thisBoot) return true;
  // Our own pid but a token we never held: an earlier process that had this pid (containers reuse pids).
  if (record.pid === process.pid) return !ownTokens.has(record.token);
  try {
    process.kill(record.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function heldByCommand(refusal: LockRefusal): boolean {
  return refusal.kind === 'held' && !refusal.elsewhere && refusal.holder.program.kind === 'cli';
}

function newRecord(program: LockProgram, now: Date): LockRecord {
  return {
    schemaVersion: 1,
    token: randomUUID(),
    pid: process.pid,
    hostname: os.hostname(),
    bootId: thisBoot,
    program,
    since: now.toISOString(),
  };
}

function hold(file: string, record: LockRecord): LibraryLock {
  ownTokens.add(record.token);
  heldFiles.set(file, record.token);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A process that ends without closing its services still leaves the library free.
    process.on('exit', () => {
      for (const [held, token] of heldFiles) removeOwnLockFileSync(held, token);
    });
  }
  let released = false;
  return {
    file,
    record,
    async release() {
      if (released) return;
      released = true;
      await removeOwnLockFile(file, record.token);
      heldFiles.delete(file);
      ownTokens.delete(record.token);
    },
  };
}
