import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SnapshotStore } from '../../electron/core/themes/snapshotStore';
import type { ThemeSnapshot } from '../../shared/model/themeSnapshot';

export const THEMED_ACCOUNT = 'themed-blog-0001';

/**
 * A library with one blog and a theme snapshot of it, written as the app writes them: for tests
 * of the themed preview that need no blog to be running. The blog's address answers nothing,
 * unless `blogUrl` names one (a WordPress-shaped blog, such as themedBlogFake's).
 */
export async function seedThemedLibrary(
  dataFolder: string,
  blogName: string,
  snapshot: Pick<ThemeSnapshot, 'page' | 'tags'> & Partial<ThemeSnapshot>,
  blogUrl = 'http://127.0.0.1:9/',
): Promise<void> {
  await mkdir(dataFolder, { recursive: true });
  const account = {
    id: THEMED_ACCOUNT,
    kind: 'wordpress',
    address: blogUrl,
    user: 'writer',
    blogName,
    userName: 'Writer',
    canPublish: true,
    options: { hashtagsInTitle: false, attribution: 'via', linkToPassage: false, maxImageSide: 2048 },
    addedAt: '2026-12-01T09:00:00.000Z',
    connection: { kind: 'wordpress', apiRoot: `${blogUrl}wp-json/`, user: 'writer' },
  };
  await writeFile(path.join(dataFolder, 'accounts.json'), JSON.stringify({ schemaVersion: 1, accounts: [account] }));
  await mkdir(path.join(dataFolder, 'credentials'), { recursive: true, mode: 0o700 });
  await writeFile(
    path.join(dataFolder, 'credentials', 'secrets.json'),
    JSON.stringify({
      schemaVersion: 1,
      secrets: { [THEMED_ACCOUNT]: { scheme: 'plain', value: 'abcd efgh ijkl mnop' } },
    }),
    { mode: 0o600 },
  );
  const store = new SnapshotStore({ dataFolder, readOnly: false, logError: () => undefined });
  await store.write({
    accountId: THEMED_ACCOUNT,
    takenAt: new Date().toISOString(),
    postUrl: 'https://blog.example/2026/12/01/on-reading/',
    found: { title: true, tags: true },
    ...snapshot,
  });
}
