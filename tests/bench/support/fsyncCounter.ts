import { readlinkSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** What the process asked the disk to make durable since the counter was last reset. */
export interface SyncCounts {
  /** fsync/fdatasync of regular files: one per durable document write. */
  readonly files: number;
  /** fsync of folders: what makes a rename or a new file durable. */
  readonly folders: number;
  /** The files fsynced, by what they are (outbox entry, draft, history, index, …). */
  readonly byKind: Readonly<Record<string, number>>;
}

/** What a durable write was of, from the path of its temp file (`.<name>.<random>.tmp`) or folder. */
function kindOf(file: string): string {
  const parts = file.split(path.sep);
  const folder = parts.at(-2) ?? '';
  if (folder === 'outbox') return 'outbox entry';
  if (folder === 'links') return 'outbox link record';
  if (folder === 'drafts') return 'draft';
  if (folder === 'revisions') return 'history';
  if (parts.at(-1)?.startsWith('.index.json')) return 'index';
  return parts.at(-1)?.replace(/^\.|\.[0-9a-f]+\.tmp$/g, '') ?? 'unknown';
}

/**
 * Counts fsync and fdatasync calls made from inside this process, by wrapping them on Node's
 * FileHandle prototype (what storage/durableWrite.ts calls). It sees every handle the process
 * opens, so the figures are the process's own, whatever module asked; on Linux each file is
 * named through /proc/self/fd, so that a write can be told from the index's lazy one.
 */
export async function installSyncCounter(): Promise<{ read(): SyncCounts; reset(): void }> {
  const probe = await open(path.join(os.tmpdir(), '.commonplace-sync-probe'), 'w');
  const prototype = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  let files = 0;
  let folders = 0;
  let byKind: Record<string, number> = {};
  for (const method of ['sync', 'datasync'] as const) {
    const original: (this: FileHandle) => Promise<void> = Reflect.get(prototype, method);
    Reflect.set(prototype, method, async function counted(this: FileHandle): Promise<void> {
      const kind = await this.stat();
      if (kind.isDirectory()) folders += 1;
      else {
        files += 1;
        const name = kindOf(readlinkSync(`/proc/self/fd/${this.fd}`, { encoding: 'utf8' }));
        byKind = { ...byKind, [name]: (byKind[name] ?? 0) + 1 };
      }
      return original.call(this);
    });
  }
  return {
    read: () => ({ files, folders, byKind }),
    reset() {
      files = 0;
      folders = 0;
      byKind = {};
    },
  };
}
