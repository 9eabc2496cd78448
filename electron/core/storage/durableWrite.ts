import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces a file so that after a crash at any moment it holds either the old or the new text,
 * never a mix: a uniquely named temp file is written and fsynced, renamed over the target, and
 * the folder is fsynced so the rename itself survives a power cut. steno (lowdb's writer) reuses
 * one temp name and never fsyncs, which is why this exists.
 */
export async function writeFileDurably(
  file: string,
  content: string | Uint8Array,
  options: DurableWriteOptions = {},
): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.previousCopy !== undefined) await renameIfPresent(file, options.previousCopy);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(path.dirname(file));
}

export interface DurableWriteOptions {
  /**
   * Where the file's current content is moved before it is replaced, so that a last good copy
   * survives whatever later happens to the file itself.
   */
  readonly previousCopy?: string;
}

async function renameIfPresent(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Makes a rename or a new file in `folder` durable. Windows cannot open folders, and needs no such step. */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** True for leftovers of writes that a crash interrupted; they are never the current copy. */
export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}
