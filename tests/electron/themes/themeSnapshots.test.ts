import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KnownPost } from '../../../electron/core/themes/postParts';
import type { SnapshotSource } from '../../../electron/core/themes/snapshotSource';
import { SnapshotStore } from '../../../electron/core/themes/snapshotStore';
import { ThemeSnapshots } from '../../../electron/core/themes/themeSnapshots';
import type { ThemeSnapshotInfo } from '../../../shared/model/themeSnapshot';

const ACCOUNT = 'account-0001';
const post = (slug: string, words: string, tags: string[] = []): KnownPost => ({
  url: `https://blog.example/${slug}/`,
  title: `Post ${slug}`,
  html: `<p>${words}</p>`,
  tags,
});
const page = (title: string, body: string): string =>
  `<!doctype html><html><head><style>body{font-family:serif}</style></head><body><h1>${title}</h1><div class="content"><p>${body}</p></div></body></html>`;

function fakeSource(posts: readonly KnownPost[], pages: Record<string, string>) {
  const read: string[] = [];
  const source: SnapshotSource = {
    publishedPosts: () => Promise.resolve(posts),
    readPage: (url) => {
      read.push(url);
      const html = pages[url];
      return html === undefined ? Promise.reject(new Error(`no page at ${url}`)) : Promise.resolve({ url, html });
    },
    readAsset: () => Promise.reject(new Error('no assets here')),
  };
  return { source, read };
}

describe('theme snapshots', () => {
  let folder: string;
  let announced: [string, ThemeSnapshotInfo | null][];
  let errors: string[];
  let now: Date;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'commonplace-themes-'));
    announced = [];
    errors = [];
    now = new Date('2026-12-01T10:00:00Z');
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  function service(source: SnapshotSource, options: { readOnly?: boolean; online?: boolean } = {}) {
    return new ThemeSnapshots({
      store: new SnapshotStore({
        dataFolder: folder,
        readOnly: options.readOnly ?? false,
        logError: (message) => errors.push(message),
      }),
      sourceFor: () => Promise.resolve({ source, blogName: 'The Blog' }),
      isOnline: () => options.online ?? true,
      announce: (accountId, info) => announced.push([accountId, info]),
      logError: (message) => errors.push(message),
      now: () => now,
    });
  }

  it('takes the theme from a post with tags first, and from the next page when the post is not found', async () => {
    const tagged = post('tagged', 'Words of the tagged post, enough of them to be found.', ['Reading']);
    const plain = post('plain', 'Words of the plain post, enough of them to be found.');
    const { source, read } = fakeSource([plain, tagged], {
      [tagged.url]: page('Post tagged', 'Something else entirely was shown on this page.'),
      [plain.url]: page('Post plain', 'Words of the plain post, enough of them to be found.'),
    });
    const themes = service(source);
    const info = await themes.take(ACCOUNT);
    expect(read).toEqual([tagged.url, plain.url]);
    expect(info).toEqual({
      accountId: ACCOUNT,
      takenAt: now.toISOString(),
      postUrl: plain.url,
      found: { title: true, tags: false },
    });
    expect(announced).toEqual([[ACCOUNT, info]]);
    const stored = JSON.parse(await readFile(path.join(folder, 'themes', `${ACCOUNT}.json`), 'utf8')) as {
      page: string;
    };
    expect(stored.page).toContain('data-commonplace="body"');
    expect((await themes.get(ACCOUNT, 'The Blog')).postUrl).toBe(plain.url);
    expect(await themes.list()).toEqual([info]);
  });

  it('says why when the blog has no published post, or its pages do not show them', async () => {
    await expect(service(fakeSource([], {}).source).take(ACCOUNT)).rejects.toThrow(/has no published post/);
    const lost = post('lost', 'These words are nowhere on the page at all.');
    await expect(
      service(fakeSource([lost], { [lost.url]: page('x', 'Other words.') }).source).take(ACCOUNT),
    ).rejects.toThrow(/could not be found on The Blog's own page \(https:\/\/blog.example\/lost\/\)/);
    await expect(service(fakeSource([], {}).source).get(ACCOUNT, 'The Blog')).rejects.toThrow(
      /no snapshot of The Blog's theme yet/,
    );
  });

  it('takes a stale snapshot again in the background, showing the old one meanwhile', async () => {
    const first = post('first', 'The first words that the theme shows here.');
    const pages = { [first.url]: page('Post first', 'The first words that the theme shows here.') };
    const { source, read } = fakeSource([first], pages);
    const themes = service(source);
    await themes.take(ACCOUNT);
    now = new Date('2026-12-08T10:00:01Z');
    const stale = await themes.get(ACCOUNT, 'The Blog');
    expect(stale.takenAt).toBe('2026-12-01T10:00:00.000Z');
    await expect.poll(() => announced.length).toBe(2);
    expect(announced[1]?.[1]?.takenAt).toBe('2026-12-08T10:00:01.000Z');
    expect(read).toHaveLength(2);
    // Not when offline.
    now = new Date('2026-12-20T10:00:00Z');
    const offline = service(source, { online: false });
    await offline.get(ACCOUNT, 'The Blog');
    expect(read).toHaveLength(2);
  });

  it('treats a damaged snapshot file as none, and says so', async () => {
    const themes = service(fakeSource([], {}).source);
    const file = path.join(folder, 'themes', `${ACCOUNT}.json`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"accountId": "account-0001", "page": "<html>');
    await expect(themes.get(ACCOUNT, 'The Blog')).rejects.toThrow(/no snapshot/);
    expect(await themes.list()).toEqual([]);
    expect(errors.some((message) => message.includes('cannot be read'))).toBe(true);
  });

  it('forgets a removed blog’s snapshot, and a reader never writes one', async () => {
    const only = post('only', 'Only these words are on the only page.');
    const { source } = fakeSource([only], { [only.url]: page('Post only', 'Only these words are on the only page.') });
    await expect(service(source, { readOnly: true }).take(ACCOUNT)).rejects.toThrow(/read-only/);
    expect(await service(source).list()).toEqual([]);
    const themes = service(source);
    await themes.take(ACCOUNT);
    await themes.forget(ACCOUNT);
    expect(await themes.list()).toEqual([]);
    expect(announced.at(-1)).toEqual([ACCOUNT, null]);
  });
});
