import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArchive, type ImportOptions } from '../../../electron/core/archive/importArchive';
import type { Account } from '../../../shared/model/account';
import { renderPostBody } from '../../../shared/render/post';
import { useTempFolders } from '../../support/tempFolder';
import { openHarness } from '../outbox/support/harness';
import { writeWxr, type WxrPost } from '../../support/wxr';
import { awkwardDrafts } from './support/drafts';

const newFolder = useTempFolders();
const SITE = 'https://blog.example.org/';
let counter = 0;
const newId = (): string => `quote-new-${String((counter += 1)).padStart(6, '0')}`;

const account: Account = {
  id: 'account-wordpress-1',
  kind: 'wordpress',
  address: 'https://www.blog.example.org',
  user: 'ann',
  blogName: 'Ann’s blog',
  userName: 'Ann',
  canPublish: true,
  options: { hashtagsInTitle: false, attribution: 'via', linkToPassage: false, maxImageSide: 2048 },
  addedAt: '2026-01-01T00:00:00.000Z',
};

async function setUp(posts: readonly WxrPost[]) {
  const folder = await newFolder();
  const file = path.join(folder, 'export.xml');
  await writeWxr(file, SITE, posts);
  const opened = await openHarness(path.join(folder, 'library'), {});
  const { library, outbox, view, media } = opened;
  const run = (overrides: Partial<ImportOptions> = {}) =>
    importArchive({
      library,
      media,
      links: outbox,
      accounts: [account],
      sitePost: () => Promise.resolve(null),
      path: file,
      dryRun: false,
      newId,
      ...overrides,
    });
  return { folder, file, library, view, close: () => opened.close(), run };
}

describe('importing a WordPress export (WXR)', () => {
  it('makes each post a draft: title, tags as hashtags, Commonplace’s quotes with their sources; linked to the blog', async () => {
    const drafts = awkwardDrafts();
    const posts: WxrPost[] = drafts.map((content, index) => ({ id: 100 + index, content }));
    const page: WxrPost = {
      id: 900,
      content: { title: 'About', commentary: 'A page.', quotes: [], hashtags: [], featuredImage: null },
      type: 'page',
    };
    const trashed: WxrPost = {
      id: 901,
      content: { title: 'Gone', commentary: 'x', quotes: [], hashtags: [], featuredImage: null },
      status: 'trash',
    };
    const { view, close, run } = await setUp([...posts, page, trashed]);
    const report = await run();
    expect(report).toMatchObject({
      source: 'wordpress-export',
      created: drafts.length,
      alreadyHere: 0,
      linked: [{ accountId: account.id, posts: drafts.length }],
      skipped: [
        { what: 'pages', count: 1 },
        { what: 'posts in the trash', count: 1 },
      ],
    });
    const imported = await Promise.all(report.draftIds.map((id) => view.get(id)));
    for (const [index, content] of drafts.entries()) {
      const draft = imported[index];
      expect(draft?.title).toBe(content.title);
      expect(draft?.hashtags).toEqual(content.hashtags);
      expect(draft?.targets[account.id]).toMatchObject({
        state: 'published',
        remoteId: String(100 + index),
        url: `${SITE}?p=${100 + index}`,
        remoteModifiedAt: '2026-05-01T10:00:00.000Z',
      });
    }
    // Each post shows as it did: the same commentary and the same credited quotes.
    for (const [index, content] of drafts.entries()) {
      const draft = imported[index];
      if (!draft) throw new Error(`post ${index} missing`);
      // HTML says nothing of a line break inside a paragraph (it shows as a space), so spacing may differ.
      const shown = (html: string): string => html.replace(/\s+/g, ' ').replace(/> /g, '>').replace(/ </g, '<');
      expect(shown(renderPostBody(draft)), content.title).toBe(shown(renderPostBody(content)));
    }
    expect(report.quotesRecognised).toBe(drafts.reduce((sum, content) => sum + content.quotes.length, 0));
    // The example post's quote keeps its source's details, its excerpt as it was.
    const example = imported[0];
    expect(example?.quotes[0]?.source).toMatchObject({
      url: 'https://www.rudaw.net/english/middleeast/iraq/isis',
      title: 'ISIS in Iraq: A shadow of its former self',
      author: 'Rudaw',
      publishedAtText: 'yesterday at 09:51',
    });
    await close();
  });

  it('a post the blog holds as a draft, for review or scheduled comes back as such, opening in the blog’s editor', async () => {
    const content = (title: string) => ({ title, commentary: 'Words.', quotes: [], hashtags: [], featuredImage: null });
    const unpublished = '0000-00-00 00:00:00';
    const { view, close, run } = await setUp([
      { id: 7, content: content('Half written'), status: 'draft', dateGmt: unpublished },
      { id: 8, content: content('Waiting for the editor'), status: 'pending', dateGmt: unpublished },
      { id: 9, content: content('Next week'), status: 'future', dateGmt: '2031-01-02 04:00:00' },
      { id: 10, content: content('For friends'), status: 'private' },
      { id: 11, content: content('Out there'), status: 'publish' },
    ]);
    const report = await run();
    const targets = await Promise.all(report.draftIds.map(async (id) => (await view.get(id)).targets[account.id]));
    const editor = (id: number) => ({ kind: 'editor', url: `${SITE}wp-admin/post.php?post=${id}&action=edit` });
    expect(targets).toEqual([
      expect.objectContaining({ state: 'published', remoteId: '7', held: { as: 'draft', open: editor(7) } }),
      expect.objectContaining({ state: 'published', remoteId: '8', held: { as: 'draft', open: editor(8) } }),
      expect.objectContaining({
        state: 'published',
        remoteId: '9',
        held: { as: 'scheduled', until: '2031-01-02T04:00:00.000Z', open: editor(9) },
      }),
      expect.not.objectContaining({ held: expect.anything() as unknown }),
      expect.not.objectContaining({ held: expect.anything() as unknown }),
    ]);
    // What a writer sees in the list: a post the blog holds as a draft counts as a draft.
    const summaries = await view.list();
    expect(summaries.map((summary) => [summary.title, summary.status])).toEqual(
      expect.arrayContaining([
        ['Half written', 'draft'],
        ['Out there', 'published'],
      ]),
    );
    await close();
  });

  it('importing the same file again creates nothing; an import stopped half-way is finished by the next, without duplicates', async () => {
    const posts: WxrPost[] = Array.from({ length: 30 }, (_, index) => ({
      id: index + 1,
      content: {
        title: `Post ${index + 1}`,
        commentary: `Text ${index + 1}.`,
        quotes: [],
        hashtags: ['many'],
        featuredImage: null,
      },
    }));
    const { library, close, run } = await setUp(posts);
    const stop = new AbortController();
    const stopped = run({
      signal: stop.signal,
      onProgress: (progress) => {
        if (progress.phase === 'importing' && progress.done === 12) stop.abort();
      },
    });
    // Drafts already on their way to the disk are finished; nothing after them is started.
    const message = await stopped.then(
      () => '',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    const stoppedAfter = Number(
      /^Import cancelled after (\d+) of 30 posts\. Import the same again to finish/.exec(message)?.[1],
    );
    expect(stoppedAfter).toBeGreaterThanOrEqual(12);
    expect(stoppedAfter).toBeLessThan(30);
    expect(await library.list()).toHaveLength(stoppedAfter);
    expect(await run()).toMatchObject({ created: 30 - stoppedAfter, alreadyHere: stoppedAfter });
    expect(await run()).toMatchObject({ created: 0, alreadyHere: 30 });
    expect(await library.list()).toHaveLength(30);
    await close();
  });

  it('refuses what is not a whole, plain WordPress export, importing nothing', async () => {
    const posts: WxrPost[] = Array.from({ length: 5 }, (_, index) => ({
      id: index + 1,
      content: { title: `Post ${index + 1}`, commentary: 'Text.', quotes: [], hashtags: [], featuredImage: null },
    }));
    const { folder, file, library, close, run } = await setUp(posts);
    const whole = await readFile(file, 'utf8');
    const cases: [string, string, string | RegExp][] = [
      [
        'truncated.xml',
        whole.slice(0, Math.floor(whole.length * 0.7)),
        /ends in the middle \(line \d+, column \d+: .*\): the file is cut short; export it again\./,
      ],
      [
        'notes.xml',
        'Dear diary,\nnot XML at all.\n',
        'is not an XML file: a WordPress export starts with "<?xml" or "<rss".',
      ],
      [
        'bomb.xml',
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n<rss><channel><title>&c;</title></channel></rss>\n',
        'declares XML entities (<!ENTITY …>), which a WordPress export never does; it is refused (it could be an "entity bomb").',
      ],
      [
        'feed.xml',
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>A feed</title></channel></rss>\n',
        'is not a WordPress export: it has no <wp:wxr_version>.',
      ],
      ['page.xml', '<!doctype html><html><body>Hi</body></html>', /is not well-formed XML|is not a WordPress export/],
    ];
    for (const [name, text, message] of cases) {
      const bad = path.join(folder, name);
      await writeFile(bad, text);
      await expect(run({ path: bad }), name).rejects.toThrow(message);
    }
    expect(await library.list()).toEqual([]);
    expect((await stat(file)).size).toBeGreaterThan(0);
    await close();
  });
});
