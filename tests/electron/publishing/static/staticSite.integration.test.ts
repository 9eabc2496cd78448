import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MediaStore } from '../../../../electron/core/media/mediaStore';
import { processImage } from '../../../../electron/core/media/processImage';
import type { DraftContent } from '../../../../shared/model/draft';
import { imageMediaTypes } from '../../../../shared/model/image';
import type { PostFormat } from '../../../../shared/model/staticSite';
import { renderPostBody } from '../../../../shared/render/post';
import type { BlogAdapter, PostSchedule } from '../../../../electron/core/publishing/blogAdapter';
import { createBlogAdapter } from '../../../../electron/core/publishing/connection';
import { uploadName, type ImageUpload } from '../../../../electron/core/publishing/imageUpload';
import { outgoingPost } from '../../../../electron/core/publishing/outgoingPost';
import { connectStaticSite } from '../../../../electron/core/publishing/static/connectSite';
import { git, gitServerSkipReason, startGitHttpServer, type GitHttpServer } from '../../../servers/gitHttp';
import { reblogPost } from '../../../support/fixtures';
import { useTempFolders } from '../../../support/tempFolder';
import { sampleImage } from '../../media/support/images';
import {
  buildRemote,
  connectSite,
  generatorSkipReason,
  remoteLog,
  siteRepositories,
  type SiteRepositories,
} from './support/sites';

const skip = gitServerSkipReason() ?? generatorSkipReason('hugo') ?? generatorSkipReason('jekyll');
const transport = { fetch, timeoutMs: 10_000 };
const newFolder = useTempFolders();

function twoQuotePost(): DraftContent {
  return {
    title: 'Two readings of one “quiet” week — ünïcödé',
    commentary: 'Both pieces say the same thing, from two sides.\n\nThe *second* is sharper.',
    hashtags: ['Reading', 'Notes2026'],
    featuredImage: null,
    quotes: [
      {
        id: 'quote-first-0001',
        excerpt: 'The week was quiet, and that was the news.',
        source: {
          url: 'https://first.example/quiet-week',
          title: 'A quiet week',
          author: 'Ann Writer',
          siteName: 'First',
          publishedAt: '2026-05-01',
          publishedAtText: '',
          capturedAt: '2026-05-02T10:00:00.000Z',
        },
        note: '',
        clipboardHtml: null,
      },
      {
        id: 'quote-second-0002',
        excerpt: 'Nothing happened {{ loudly }}, which is its own kind of event',
        source: {
          url: 'https://second.example/a/b?c=d',
          title: 'Loud silence',
          author: '',
          siteName: 'Second',
          publishedAt: null,
          publishedAtText: 'last Tuesday',
          capturedAt: null,
        },
        note: 'cut mid-sentence',
        clipboardHtml: null,
      },
    ],
  };
}

describe.skipIf(skip !== null)('static sites through git: real Hugo and Jekyll, a remote over smart HTTP', () => {
  let server: GitHttpServer;
  const folders: string[] = [];
  const made = (folder: string): void => void folders.push(folder);

  beforeAll(async () => {
    server = await startGitHttpServer();
  });
  afterAll(async () => {
    await server.stop();
  });
  afterEach(async () => {
    await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  });

  async function account(
    flavour: 'hugo' | 'jekyll',
    format: PostFormat = 'html',
  ): Promise<{ site: SiteRepositories; adapter: BlogAdapter }> {
    const site = await siteRepositories(server, flavour, made);
    const connection = await connectSite(server, site, flavour, format);
    return { site, adapter: createBlogAdapter(connection, server.password, transport) };
  }

  function post(content: DraftContent, identity: string, schedule: PostSchedule = { status: 'publish' }) {
    return outgoingPost(content, { identity, schedule, style: { hashtagsInTitle: false } });
  }

  for (const flavour of ['hugo', 'jekyll'] as const) {
    it(`${flavour}: publishes the example post and a two-quote post; the built pages hold the preview's HTML and the tag pages list the hashtags`, async () => {
      const { site, adapter } = await account(flavour);
      const example = reblogPost('https://www.rudaw.net/english/middleeast/iraq/isis-shadow');
      const first = await adapter.create(post(example, 'isis-in-iraq-k3x9q2m1'));
      const second = await adapter.create(post(twoQuotePost(), 'two-readings-a1b2c3d4'));

      expect(first.remoteId).toMatch(
        flavour === 'hugo'
          ? /^content\/posts\/isis-in-iraq-.*\.html$/
          : /^_posts\/\d{4}-\d{2}-\d{2}-isis-in-iraq-.*\.html$/,
      );
      expect(await remoteLog(site)).toEqual([
        `Update “${twoQuotePost().title}”`.replace('Update', 'Publish'),
        `Publish “${example.title}”`,
        'The site',
      ]);
      // The writer's clone is left clean: its files and index follow the commits.
      expect(await readFile(path.join(site.clone, second.remoteId), 'utf8')).toContain(
        'Both pieces say the same thing',
      );
      expect(await git(site.clone, ['status', '--porcelain'])).toBe('');

      const built = await buildRemote(site, flavour, made);
      for (const [remote, content] of [
        [first, example],
        [second, twoQuotePost()],
      ] as const) {
        const pagePath = new URL(remote.url).pathname;
        const page = await readFile(
          path.join(built, pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath),
          'utf8',
        );
        expect(page).toContain(renderPostBody(content).trim());
      }
      const tagPage = await readFile(
        path.join(built, flavour === 'hugo' ? 'tags/notes2026/index.html' : 'tags/index.html'),
        'utf8',
      );
      expect(tagPage).toContain(twoQuotePost().title.replace('“', '“'));
    });
  }

  it('an update rewrites the same file; the built page changes and the remote has one commit per publish', async () => {
    const { site, adapter } = await account('hugo');
    const content = twoQuotePost();
    const created = await adapter.create(post(content, 'two-readings-e5f6g7h8'));
    const edited = { ...content, commentary: 'A second thought, after a night’s sleep.' };
    const updated = await adapter.update(created.remoteId, post(edited, 'two-readings-e5f6g7h8'));
    expect(updated.remoteId).toBe(created.remoteId);
    expect(updated.url).toBe(created.url);
    expect(await remoteLog(site)).toEqual([`Update “${content.title}”`, `Publish “${content.title}”`, 'The site']);
    const built = await buildRemote(site, 'hugo', made);
    const page = await readFile(path.join(built, new URL(updated.url).pathname, 'index.html'), 'utf8');
    expect(page).toContain('A second thought');
    expect(page).not.toContain('Both pieces say the same thing');
    expect(await adapter.findByIdentity('two-readings-e5f6g7h8')).toMatchObject({ remoteId: created.remoteId });
  });

  it('an image upload is a file in the site’s static folder, served at its address, found again by its name; the same image twice is one commit', async () => {
    const { site, adapter } = await account('hugo');
    const processed = await processImage(await sampleImage('png', 40, 30));
    const file = (await new MediaStore(await newFolder()).put(processed)).file;
    const upload: ImageUpload = {
      file,
      name: uploadName(file),
      type: imageMediaTypes.png,
      data: processed.data,
      alt: 'A figure',
      caption: '',
    };
    expect(await adapter.imageSupport()).toEqual({ kind: 'uploads', findable: true });
    expect(await adapter.findImage(upload)).toBeNull();
    const first = await adapter.uploadImage(upload);
    const again = await adapter.uploadImage(upload);
    expect(first).toEqual({
      remoteId: `static/images/${upload.name}`,
      url: `https://notes.example.org/images/${upload.name}`,
    });
    expect(again).toEqual(first);
    expect(await adapter.findImage(upload)).toEqual(first);
    expect(await remoteLog(site)).toEqual([`Add ${upload.name}`, 'The site']);
    const built = await buildRemote(site, 'hugo', made);
    expect(await readFile(path.join(built, 'images', upload.name))).toEqual(Buffer.from(processed.data));
    await expect(adapter.uploadImage({ ...upload, name: '../escape.png' })).rejects.toThrow(
      'cannot be a file name on the site',
    );
    await expect(adapter.findImage({ file, name: '../escape.png' })).rejects.toThrow(
      'cannot be a file name on the site',
    );
  });

  it('Markdown posts, for the generator to render: the body is Markdown, the built page shows the commentary and the credited quote', async () => {
    const { site, adapter } = await account('hugo', 'markdown');
    const content = twoQuotePost();
    const created = await adapter.create(post(content, 'two-readings-m1m2m3m4'));
    expect(created.remoteId).toBe('content/posts/two-readings-of-one-quiet-week-uenicoede.md');
    expect(created.content).toContain('> The week was quiet, and that was the news.');
    const built = await buildRemote(site, 'hugo', made);
    const page = await readFile(path.join(built, new URL(created.url).pathname, 'index.html'), 'utf8');
    expect(page).toContain('<em>second</em> is sharper');
    expect(page).toMatch(/<blockquote>\s*<p>The week was quiet, and that was the news.<\/p>\s*<\/blockquote>/);
    expect(page).toContain('<a href="https://first.example/quiet-week">A quiet week</a>');
  });

  it('a custom layout: its own folder, file name and address, draft flag', async () => {
    const site = await siteRepositories(server, 'custom', made);
    const { connection } = await connectStaticSite(
      {
        kind: 'static',
        folder: site.clone,
        flavour: 'custom',
        format: 'html',
        layout: {
          folder: 'notes',
          fileName: '{year}-{slug}',
          permalink: 'notes/{year}/{slug}.html',
          draftField: 'published',
        },
        remote: site.remoteUrl,
        address: 'https://me.example/',
        user: server.user,
        secret: server.password,
      },
      transport,
    );
    const adapter = createBlogAdapter(connection, server.password, transport);
    const when = new Date('2031-02-03T04:05:06Z');
    const created = await adapter.create(
      post(twoQuotePost(), 'two-readings-c1c2c3c4', { status: 'future', date: when }),
    );
    expect(created).toMatchObject({
      remoteId: 'notes/2031-two-readings-of-one-quiet-week-uenicoede.html',
      url: 'https://me.example/notes/2031/two-readings-of-one-quiet-week-uenicoede.html',
      status: 'future',
      publishedAt: '2031-02-03T04:05:06Z',
    });
    const draft = await adapter.update(
      created.remoteId,
      post(twoQuotePost(), 'two-readings-c1c2c3c4', { status: 'draft' }),
    );
    expect(draft.status).toBe('draft');
    expect(draft.remoteId).toBe(created.remoteId);
    expect(await git(site.remoteFolder, ['show', `main:${created.remoteId}`])).toContain('published: false');
  });
});
