import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import type { AccountKind } from '../../shared/model/account';
import { ghostSkipReason, startGhost } from '../servers/ghost';
import { startWordPress, wordPressSkipReason } from '../servers/wordpress';
import { reblogPost } from '../support/fixtures';
import { DeskPage } from './support/deskPage';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';
import { onResponsesOffApp, pageIn, themedPage } from './support/themedFrame';

/** A real blog for the proof: how to add it, and where its theme puts a post's text (known, not detected). */
interface Blog {
  readonly kind: AccountKind;
  readonly url: string;
  readonly user: string;
  readonly secret: string;
  /** The theme's own post-content element on the blog's page. */
  readonly contentSelector: string;
  stop(): Promise<void>;
}

const blogs: readonly {
  readonly name: string;
  readonly skip: () => string | null;
  readonly start: () => Promise<Blog>;
}[] = [
  {
    name: 'WordPress (twentytwentythree)',
    skip: () => wordPressSkipReason(),
    start: async () => {
      const wordpress = await startWordPress();
      return {
        kind: 'wordpress',
        url: wordpress.url,
        user: wordpress.user,
        secret: wordpress.applicationPassword,
        contentSelector: '.wp-block-post-content',
        stop: () => wordpress.stop(),
      };
    },
  },
  {
    name: 'Ghost (Casper)',
    skip: () => ghostSkipReason(),
    start: async () => {
      const ghost = await startGhost();
      return {
        kind: 'ghost',
        url: ghost.url,
        user: '',
        secret: ghost.adminApiKey,
        contentSelector: '.gh-content',
        stop: () => ghost.stop(),
      };
    },
  },
];

/** Calls the dev host's API as a script would (the token in its header). */
async function call(page: Page, host: RunningDevHost, name: string, input: unknown): Promise<unknown> {
  const response = await page.request.post(`${host.origin}/api/${name}`, {
    headers: { 'x-commonplace-token': host.token, 'content-type': 'application/json' },
    data: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error?.message ?? 'failed'}`);
  return result.value;
}

/** Where a paragraph of the post sits, and in what font, on a page or in the preview's frame. */
async function paragraphLayout(paragraph: ReturnType<FrameLocator['locator']>) {
  return paragraph.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { left: box.left, right: box.right, width: box.width, font: getComputedStyle(element).fontFamily };
  });
}

for (const blog of blogs) {
  test.describe(`the themed preview of a real ${blog.name}`, () => {
    const skipReason = blog.skip();
    test.skip(skipReason !== null, skipReason ?? '');

    test('shows an unpublished draft in the theme’s post column, in its fonts, and offline', async ({
      page,
      browser,
    }) => {
      test.setTimeout(240_000);
      const server = await blog.start();
      const host = await startDevHost(await makeDataFolder());
      let serverStopped = false;
      try {
        await page.goto(host.url);
        await page.getByRole('button', { name: 'Blogs', exact: true }).click();
        const blogsDialog = page.getByRole('dialog', { name: 'Blogs' });
        await blogsDialog.getByRole('combobox', { name: 'Kind' }).selectOption(server.kind);
        await blogsDialog.getByRole('textbox', { name: 'Blog address' }).fill(server.url);
        if (server.user) await blogsDialog.getByRole('textbox', { name: 'User name' }).fill(server.user);
        await blogsDialog.getByLabel('Password or key').fill(server.secret);
        await blogsDialog.getByRole('button', { name: 'Add blog' }).click();
        await expect(blogsDialog.getByRole('status')).toContainText('Added “', { timeout: 30_000 });
        const [account] = (await call(page, host, 'listAccounts', {})) as { id: string; blogName: string }[];
        if (!account) throw new Error('the blog was not added');

        // The example post, published; then the theme, taken from its page.
        const example = (await call(page, host, 'createDraft', { content: reblogPost() })) as { id: string };
        const published = (await call(page, host, 'publishDraft', {
          draftId: example.id,
          accountIds: [account.id],
          schedule: { status: 'publish' },
        })) as { outcome: { kind: string; url?: string } }[];
        expect(published[0]?.outcome.kind).toBe('published');
        const postUrl = published[0]?.outcome.url ?? '';
        await blogsDialog.getByRole('button', { name: `Refresh the theme snapshot of ${account.blogName}` }).click();
        await expect(blogsDialog.getByText(/^Theme taken/)).toBeVisible({ timeout: 60_000 });
        await blogsDialog.getByRole('button', { name: 'Close' }).click();

        // The theme's own post column and font, on the live page, at the width the frame will have.
        const desk = new DeskPage(page);
        await desk.newDraft.click();
        await desk.title.fill('A second thought, not yet published');
        await desk.commentary.fill(
          'This draft has never been on the blog, yet here it is in its theme.\n\nA second paragraph.',
        );
        await page.getByRole('button', { name: `as on ${account.blogName}` }).click();
        const frameElement = page.locator('iframe.themed-frame[data-front="true"]');
        const frame = pageIn(frameElement);
        const body = frame.locator('[data-commonplace="body"]');
        await expect(body).toContainText('This draft has never been on the blog', { timeout: 15_000 });
        await expect(frame.locator('[data-commonplace="title"]')).toHaveText('A second thought, not yet published');
        await desk.addHashtags('Second', 'Thoughts');
        // The example post's tags were found on its page, so the draft's go where the theme lists tags.
        await expect(frame.locator('[data-commonplace="tags"]')).toContainText('Second');
        await expect(frame.locator('[data-commonplace="tags"]')).not.toContainText('ISIS');
        const frameSize = await frameElement.boundingBox();
        const live = await browser.newPage({ viewport: { width: Math.round(frameSize?.width ?? 600), height: 800 } });
        await live.goto(postUrl);
        const liveLayout = await paragraphLayout(live.locator(`${server.contentSelector} > p`).first());
        await live.close();

        const themedContent = frame.locator(server.contentSelector);
        await expect(themedContent).toHaveAttribute('data-commonplace', 'body');
        const themedLayout = await paragraphLayout(themedContent.locator('p').first());
        expect(themedLayout.font).toBe(liveLayout.font);
        expect(themedLayout.left).toBeGreaterThanOrEqual(liveLayout.left - 1);
        expect(themedLayout.right).toBeLessThanOrEqual(liveLayout.right + 1);
        expect(Math.abs(themedLayout.width - liveLayout.width)).toBeLessThanOrEqual(2);
        await page.screenshot({ path: test.info().outputPath(`themed-${server.kind}.png`) });

        // Offline: the blog stopped, the app opened afresh, the themed preview renders fully and fetches nothing.
        await server.stop();
        serverStopped = true;
        const again = await page.context().newPage();
        const failed: string[] = [];
        again.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
        onResponsesOffApp(again, host.origin, (url) => failed.push(url));
        await page.close();
        await again.goto(host.url);
        await again.getByRole('button', { name: /A second thought/ }).click();
        await again.getByRole('button', { name: `as on ${account.blogName}` }).click();
        const offlineFrame = themedPage(again);
        await expect(offlineFrame.locator('[data-commonplace="body"]')).toContainText('A second paragraph.');
        const offline = await paragraphLayout(offlineFrame.locator(server.contentSelector).locator('p').first());
        expect(offline).toEqual(themedLayout);
        const offlineDesk = new DeskPage(again);
        await offlineDesk.commentary.press('End');
        await offlineDesk.commentary.pressSequentially(' Typed offline.');
        await expect(offlineFrame.locator('[data-commonplace="body"]')).toContainText('Typed offline.');
        expect(failed).toEqual([]);
        await again.screenshot({ path: test.info().outputPath(`themed-${server.kind}-offline.png`) });
      } finally {
        await host.dispose();
        if (!serverStopped) await server.stop();
      }
    });
  });
}
