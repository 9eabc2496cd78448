import fs from 'node:fs';
import type { PromiseFsClient } from 'isomorphic-git';
import { writeFileDurably } from '../../storage/durableWrite';

/**
 * The file system isomorphic-git writes the site's repository through. Its own writes truncate a
 * file and then fill it, so a process killed in between leaves an empty ref or a torn object that
 * git then reads as corrupt; here every file it writes (objects, refs, the index, packs) is
 * written whole or not at all, and made durable before git goes on.
 */
export const durableGitFs: PromiseFsClient = {
  promises: {
    ...fs.promises,
    writeFile: (file: string, data: string | Uint8Array) => writeFileDurably(file, data),
  },
};
