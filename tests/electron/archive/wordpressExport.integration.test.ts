import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importArchive } from '../../../electron/core/archive/importArchive';
import { newClientIdentity } from '../../../electron/core/publishing/clientIdentity';
import { outgoingPost } from '../../../electron/core/publishing/outgoingPost';
import type { Account } from '../../../shared/model/account';
import type { DraftContent } from '../../../shared/model/draft';
import { renderPostBody } from '../../../shared/render/post';
import { startWordPress, wordPressSkipReason, type WordPressServer } from '../../servers/wordpress';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { openHarness, restAdapter } from '../outbox/support/harness';
import { awkwardDrafts } from './support/drafts';

const skip = wordPressSkipReason();
const newFolder = useTempFolders();
const ACCOUNT = 'account-wordpress-1';
let counter = 0;
const newId = (): string => `quote-wxr-${String((counter += 1)).padStart(6, '0')}`;

/** HTML shows runs of spaces and line breaks alike; compare what a reader sees. */
function shown(html: string): string {
  return html.replace(/\s+/g, ' ').replace(/> /g, '>').replace(/ </g, '<').trim();
}

describe.skipIf(skip !== null)('a WordPress export written by the real WordPress (export_wp), imported', () => {
  let wordpress: WordPressServer;
  beforeAll(async () => {
    wordpress = await startWordPress();
  }, 120_000);
  afterAll(async () => {
    await wordpress.stop();
  });

  it('every post becomes a draft with its tags and Commonplace’s quotes; linked, an update goes to the same post', async () => {
    const credentials = { user: wordpress.user, applicationPassword: wordpress.applicationPassword };
    const blog = restAdapter(wordpress.url, credentials, 20_000);
    const contents: DraftContent[] = [
      reblogPost('https://www.rudaw.net/english/middleeast/iraq/isis'),
      ...awkwardDrafts().slice(1, 3),
      { ...awkwardDrafts()[4], title: 'Ünïcödé “quotes” — 東京 & Zoë' } as DraftContent,
    ];
    const published = [];
    for (const content of contents) {
      const identity = newClientIdentity();
      published.push(
        await blog.create(
          outgoingPost(content, { identity, schedule: { status: 'publish' }, style: { hashtagsInTitle: false } }),
        ),
      );
    }
    const folder = await newFolder();
    const file = path.join(folder, 'wordpress.xml');
    await writeFile(file, await wordpress.exportWxr());

    const harness = await openHarness(path.join(folder, 'library'), {
      [ACCOUNT]: restAdapter(wordpress.url, credentials, 20_000),
    });
    const account: Account = {
      id: ACCOUNT,
      kind: 'wordpress',
      address: wordpress.url,
      user: wordpress.user,
      blogName: 'Commonplace test blog',
      userName: wordpress.user,
      canPublish: true,
      options: { hashtagsInTitle: false, attribution: 'via', linkToPassage: false, maxImageSide: 2048 },
      addedAt: '2026-01-01T00:00:00.000Z',
    };
    try {
      const report = await importArchive({
        library: harness.library,
        media: harness.media,
        links: harness.outbox,
        accounts: [account],
        sitePost: () => Promise.resolve(null),
        path: file,
        dryRun: false,
        newId,
      });
      // WordPress's own "Hello world!" post is a post too; its sample and privacy pages are not.
      expect(report).toMatchObject({ source: 'wordpress-export', created: contents.length + 1, alreadyHere: 0 });
      expect(report.skipped).toContainEqual({ what: 'pages', count: 2 });
      expect(report.linked).toEqual([{ accountId: ACCOUNT, blogName: account.blogName, posts: contents.length + 1 }]);
      const drafts = await Promise.all(report.draftIds.map((id) => harness.view.get(id)));
      for (const [index, content] of contents.entries()) {
        const draft = drafts.find((each) => each.title === content.title);
        expect(draft, content.title).toBeDefined();
        if (!draft) continue;
        // WordPress keeps a post's tags in alphabetical order, not the order they were given.
        expect([...draft.hashtags].sort(), content.title).toEqual([...content.hashtags].sort());
        expect(draft.quotes.length, content.title).toBe(content.quotes.length);
        expect(shown(renderPostBody(draft)), content.title).toBe(shown(renderPostBody(content)));
        expect(draft.targets[ACCOUNT]).toMatchObject({ state: 'published', remoteId: published[index]?.remoteId });
      }

      // An update from here goes to the same post on the blog.
      const example = drafts.find((each) => each.title === contents[0]?.title);
      if (!example) throw new Error('the example post was not imported');
      await harness.library.save(example.id, {
        ...example,
        commentary: `${example.commentary}\n\nAn afterthought, added here.`,
      });
      const outcome = await harness.outbox.publish({
        draftId: example.id,
        accountId: ACCOUNT,
        schedule: { status: 'publish' },
      });
      expect(outcome).toMatchObject({ kind: 'published', remoteId: published[0]?.remoteId });
      const onServer = await blog.get(published[0]?.remoteId ?? '');
      expect(onServer.renderedContent ?? onServer.content).toContain('An afterthought, added here.');
      const sameTitle = (await blog.listRecent(100)).filter((post) => post.title === contents[0]?.title);
      expect(sameTitle).toHaveLength(1);

      // The same export again: nothing new.
      const again = await importArchive({
        library: harness.library,
        media: harness.media,
        links: harness.outbox,
        accounts: [account],
        sitePost: () => Promise.resolve(null),
        path: file,
        dryRun: false,
        newId,
      });
      expect(again).toMatchObject({ created: 0, alreadyHere: contents.length + 1 });
    } finally {
      await harness.close();
    }
  }, 180_000);
});
