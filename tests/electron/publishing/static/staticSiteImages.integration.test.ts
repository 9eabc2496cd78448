import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MediaStore } from '../../../../electron/core/media/mediaStore';
import { processImage } from '../../../../electron/core/media/processImage';
import { createBlogAdapter } from '../../../../electron/core/publishing/connection';
import { uploadName } from '../../../../electron/core/publishing/imageUpload';
import { imageMarkdown } from '../../../../shared/media/references';
import type { DraftContent } from '../../../../shared/model/draft';
import type { PostFormat } from '../../../../shared/model/staticSite';
import { git, gitServerSkipReason, startGitHttpServer, type GitHttpServer } from '../../../servers/gitHttp';
import { reblogPost } from '../../../support/fixtures';
import { useTempFolders } from '../../../support/tempFolder';
import { sampleImage } from '../../media/support/images';
import { openHarness, type Harness } from '../../outbox/support/harness';
import { buildRemote, connectSite, generatorSkipReason, remoteLog, siteRepositories } from './support/sites';

const skip = gitServerSkipReason() ?? generatorSkipReason('hugo') ?? generatorSkipReason('jekyll');
const ACCOUNT = 'static-site-0001';
const transport = { fetch, timeoutMs: 10_000 };
const newFolder = useTempFolders();

const sites = {
  hugo: {
    address: 'https://notes.example.org/',
    images: 'images/',
    folder: 'static/images/',
    featured: 'images:\n  - ',
  },
  jekyll: {
    address: 'https://jekyll.example.org/',
    images: 'assets/images/',
    folder: 'assets/images/',
    featured: 'image: ',
  },
} as const;

describe.skipIf(skip !== null)('static sites: a post’s images through the outbox, built by the real generator', () => {
  let server: GitHttpServer;
  const folders: string[] = [];
  const made = (folder: string): void => void folders.push(folder);
  const harnesses: Harness[] = [];

  beforeAll(async () => {
    server = await startGitHttpServer();
  });
  afterAll(async () => {
    await server.stop();
  });
  afterEach(async () => {
    await Promise.all(harnesses.splice(0).map((harness) => harness.close()));
    await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  });

  for (const flavour of ['hugo', 'jekyll'] as const)
    for (const format of ['markdown', 'html'] as const satisfies readonly PostFormat[])
      it(`${flavour}, ${format}: the body names the images by their site addresses, the featured image is in the front matter the theme reads`, async () => {
        const site = await siteRepositories(server, flavour, made);
        const connection = await connectSite(server, site, flavour, format);
        const library = await newFolder();
        const adapter = createBlogAdapter(connection, server.password, transport);
        const harness = await openHarness(library, { [ACCOUNT]: adapter });
        harnesses.push(harness);
        const media = new MediaStore(library);
        const chart = (await media.put(await processImage(await sampleImage('png', 60, 40)))).file;
        const photo = (await media.put(await processImage(await sampleImage('jpeg', 80, 60)))).file;
        const example = reblogPost();
        const [quote] = example.quotes;
        if (quote === undefined) throw new Error('the example post has a quote');
        const content: DraftContent = {
          ...example,
          title: `Images on a ${flavour} site`,
          commentary: `${example.commentary}\n\n${imageMarkdown(chart, 'Sales by month', 'Sales, 2026')}`,
          quotes: [{ ...quote, excerpt: `${quote.excerpt}\n\n${imageMarkdown(photo, 'The harbour')}` }],
          featuredImage: { file: photo, alt: 'The harbour' },
        };
        const draft = await harness.library.create(content);
        const outcome = await harness.outbox.publish({
          draftId: draft.id,
          accountId: ACCOUNT,
          schedule: { status: 'publish' },
        });
        if (outcome.kind !== 'published') throw new Error(`not published: ${JSON.stringify(outcome)}`);

        const { address, images, folder, featured } = sites[flavour];
        const chartUrl = `${address}${images}${uploadName(chart)}`;
        const photoUrl = `${address}${images}${uploadName(photo)}`;
        const file = await git(site.remoteFolder, ['show', `main:${outcome.remoteId}`]);
        expect(file).not.toContain('media:');
        expect(file).toContain(`\n${featured}${photoUrl}\n`);
        if (format === 'markdown') {
          expect(file).toContain(`![Sales by month](${chartUrl} "Sales, 2026")`);
          expect(file).toContain(`> ![The harbour](${photoUrl})`);
        }

        const built = await buildRemote(site, flavour, made);
        const page = await readFile(
          path.join(built, new URL(outcome.url).pathname.replace(/\/$/, '/index.html')),
          'utf8',
        );
        expect(page).toMatch(
          new RegExp(
            `<img[^>]* src="${chartUrl}"[^>]* alt="Sales by month"|<img[^>]* alt="Sales by month"[^>]* src="${chartUrl}"`,
          ),
        );
        expect(page).toMatch(
          new RegExp(`<img[^>]* (src="${photoUrl}"|alt="The harbour")[^>]* (src="${photoUrl}"|alt="The harbour")`),
        );
        expect(page).toContain(`<meta property="og:image" content="${photoUrl}"`);
        for (const image of [chart, photo]) {
          expect(await readFile(path.join(built, images, uploadName(image)))).toEqual(await media.read(image));
        }

        // Read back as the outbox names an uploaded featured image: so the site is seen to hold it.
        expect((await adapter.get(outcome.remoteId)).featuredImage).toBe(`${folder}${uploadName(photo)}`);

        // Published again unchanged: the site already holds it, featured image and all: no commit.
        const commits = await remoteLog(site);
        await harness.outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
        expect(await remoteLog(site)).toEqual(commits);
        expect(harness.outbox.targetsOf(draft.id)[ACCOUNT]?.state).toBe('published');
      });
});
