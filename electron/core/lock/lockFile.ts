import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockRecordSchema, type LockRecord } from './lockRecord';

/** A lock file as found on disk. `text` is compared before a stale file is removed. */
export type LockFileState =
  | { readonly kind: 'absent' }
  | { readonly kind: 'record'; readonly record: LockRecord; readonly text: string }
  | { readonly kind: 'unreadable'; readonly text: string };

/** How long a reader waits for a lock file that was just created to be written. */
const UNREADABLE_RETRIES = 10;
const UNREADABLE_RETRY_MS = 20;

/**
 * Creates `file` holding `text` only if no such file exists (O_EXCL: of two processes, exactly one
 * succeeds, on any file system); false when it exists. The text follows the create at once, so a
 * reader may briefly see an empty file: readLockFile waits that out.
 */
export async function createExclusively(file: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(file).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return true;
}

export async function readLockFile(file: string): Promise<LockFileState> {
  for (let attempt = 0; ; attempt += 1) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
      throw error;
    }
    const record = parseLockRecord(text);
    if (record) return { kind: 'record', record, text };
    if (attempt >= UNREADABLE_RETRIES) return { kind: 'unreadable', text };
    await sleep(UNREADABLE_RETRY_MS);
  }
}

export function parseLockRecord(text: string): LockRecord | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = LockRecordSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * Removes `file` only if it still holds `text`. The file is first renamed aside (atomic: of two
 * removers only one gets it); a file that turns out to be someone else's newer one is put back.
 */
export async function removeIfUnchanged(file: string, text: string): Promise<void> {
  const aside = `${file}.${randomBytes(6).toString('hex')}.removed`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    if ((await readFile(aside, 'utf8')) !== text) {
      await link(aside, file).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      });
    }
  } finally {
    await unlink(aside);
  }
}

/** Removes `file` if it still carries `token`: a holder never removes a lock that is no longer its own. */
export async function removeOwnLockFile(file: string, token: string): Promise<void> {
  const found = await readLockFile(file);
  if (found.kind === 'record' && found.record.token === token) {
    await unlink(file).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    });
  }
}

/** removeOwnLockFile for the process's 'exit' event, where nothing asynchronous runs any more. */
export function removeOwnLockFileSync(file: string, token: string): void {
  try {
    if (parseLockRecord(readFileSync(file, 'utf8'))?.token === token) unlinkSync(file);
  } catch {
    // Exiting anyway: a lock left behind names a process that is gone, and the next opener takes it over.
  }
}
