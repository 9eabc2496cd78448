import { execFile } from 'node:child_process';
import { mkdtemp, rm, statfs, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A small file system of its own (tmpfs), to fill up or make read-only under a library. */
export interface SmallDisk {
  readonly folder: string;
  /** Takes every free byte, so that the next write fails with ENOSPC. */
  fill(): Promise<void>;
  /** Gives the space back. */
  free(): Promise<void>;
  /** Remounts it read-only (true) or writable again (false): writes fail with EROFS meanwhile. */
  readOnly(on: boolean): Promise<void>;
  unmount(): Promise<void>;
}

/**
 * Why a small disk cannot be mounted here, or null when it can. Mounting needs root (CI runs as
 * root); elsewhere the tests that need it skip, saying so, except under CI=true where it is a failure.
 */
export function smallDiskSkipReason(environment: NodeJS.ProcessEnv = process.env): string | null {
  if (process.platform === 'linux' && process.getuid?.() === 0) return null;
  const reason = 'Disk-trouble tests need to mount a tmpfs, which takes root on Linux.';
  if (environment['CI'] === 'true') throw new Error(`${reason} (CI=true requires it)`);
  console.warn(`Skipping: ${reason}`);
  return reason;
}

export async function mountSmallDisk(bytes = 2 * 1024 * 1024): Promise<SmallDisk> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'commonplace-small-disk-'));
  await run('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', folder]);
  const filler = path.join(folder, 'filler.bin');
  const mounted = folder;
  return {
    folder: path.join(mounted, 'library'),
    async fill() {
      const { bavail, bsize } = await statfs(mounted);
      await writeFile(filler, Buffer.alloc(bavail * bsize)).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      });
    },
    async free() {
      await rm(filler, { force: true });
    },
    async readOnly(on) {
      await run('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, mounted]);
    },
    async unmount() {
      await run('umount', ['-l', mounted]).catch(() => undefined);
      await rm(mounted, { recursive: true, force: true });
    },
  };
}
