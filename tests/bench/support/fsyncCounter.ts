import { open, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** What the process asked the disk to make durable since the counter was last reset. */
export interface SyncCounts {
  /** fsync/fdatasync of regular files: one per durable document write. */
  readonly files: number;
  /** fsync of folders: what makes a rename or a new file durable. */
  readonly folders: number;
}

/**
 * Counts fsync and fdatasync calls made from inside this process, by wrapping them on Node's
 * FileHandle prototype (what storage/durableWrite.ts calls). It sees every handle the process
 * opens, so the figures are the process's own, whatever module asked.
 */
export async function installSyncCounter(): Promise<{ read(): SyncCounts; reset(): void }> {
  const probe = await open(path.join(os.tmpdir(), '.commonplace-sync-probe'), 'w');
  const prototype = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  let files = 0;
  let folders = 0;
  for (const method of ['sync', 'datasync'] as const) {
    const original: (this: FileHandle) => Promise<void> = Reflect.get(prototype, method);
    Reflect.set(prototype, method, async function counted(this: FileHandle): Promise<void> {
      const kind = await this.stat();
      if (kind.isDirectory()) folders += 1;
      else files += 1;
      return original.call(this);
    });
  }
  return {
    read: () => ({ files, folders }),
    reset() {
      files = 0;
      folders = 0;
    },
  };
}
