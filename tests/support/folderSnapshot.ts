import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every file under `folder`, by relative path, with its bytes (base64) and modification time:
 * equal snapshots mean nothing was written, not even the same bytes again.
 */
export async function snapshotFolder(folder: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { mtimeMs } = await stat(file);
    snapshot[path.relative(folder, file)] = `${mtimeMs} ${(await readFile(file)).toString('base64')}`;
  }
  return snapshot;
}
