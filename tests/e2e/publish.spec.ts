import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { basicAuthorization } from '../../electron/core/publishing/http/request';
import { sampleImage } from '../electron/media/support/images';
import { startWordPress, wordPressSkipReason, type WordPressServer } from '../servers/wordpress';
import { DeskPage } from './support/deskPage';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';
import { pasteFile } from './support/pasteFile';
import { addWordPressBlog } from './support/wordPressBlog';

const skipReason = wordPressSkipReason();

/**
 * Someone edits the post titled `title` on the blog: its title gets " (fixed on the blog)". Past
 * the next second, since WordPress keeps whole seconds and the outbox tells edits apart by them.
 */
async function editTitleOnBlog(page: Page, wordpress: WordPressServer, title: string): Promise<void> {
  const auth = basicAuthorization(wordpress.user, wordpress.applicationPassword);
  const found = await page.request.get(`${wordpress.url}/wp-json/wp/v2/posts`, {
    params: { search: title, context: 'edit' },
    headers: { authorization: auth },
  });
  const [post] = (await found.json()) as { id: number }[];
  expect(post).toBeDefined();
  await page.waitForTimeout(1_100);
  const edited = await page.request.post(`${wordpress.url}/wp-json/wp/v2/posts/${post?.id}`, {
    headers: { authorization: auth },
    data: { title: `${title} (fixed on the blog)` },
  });
  expect(edited.status()).toBe(200);
}
if (skipReason) console.log(`Publishing e2e tests skip: ${skipReason}`);

test.describe('one-click publishing to a real WordPress', () => {
  test.skip(skipReason !== null, skipReason ?? '');
  let wordpress: WordPressServer;
  let host: RunningDevHost;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    wordpress = await startWordPress();
  });
  test.afterAll(async () => {
    await wordpress.stop();
  });
  test.beforeEach(async () => {
    host = await startDevHost(await makeDataFolder());
  });
  test.afterEach(async ({ page: _page }, testInfo) => {
    await testInfo.attach('dev host log', { body: host.log(), contentType: 'text/plain' });
    await host.dispose();
  });

  test('adds the blog, publishes the draft with one click, and links to the live post', async ({ page }) => {
    test.setTimeout(90_000);
    const desk = new DeskPage(page);
    await page.goto(host.url);

    const blogs = await addWordPressBlog(page, wordpress);
    await blogs.getByRole('checkbox', { name: 'Link to the passage' }).check();
    await blogs.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Blogs', exact: true }).click();
    await expect(blogs.getByRole('checkbox', { name: 'Link to the passage' })).toBeChecked();
    await blogs.getByRole('button', { name: 'Close' }).click();

    await desk.newDraft.click();
    await desk.title.fill('Published from the desk');
    await desk.commentary.fill('A short *commentary* on what I read.');
    await desk.addHashtags('Reading');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Publish' });
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(panel.getByRole('status')).toHaveText('Published.', { timeout: 30_000 });
    const link = panel.getByRole('link', { name: 'View post' });
    await expect(link).toHaveAttribute('href', new RegExp(`^${wordpress.url.replace(/[.?]/g, '\\$&')}`));

    const live = await page.request.get((await link.getAttribute('href')) ?? '');
    expect(live.status()).toBe(200);
    expect(await live.text()).toContain('<em>commentary</em>');

    await desk.commentary.press('End');
    await desk.commentary.pressSequentially(' More.');
    await expect(desk.saveStatus).toHaveText('Saved');
    await expect(panel.getByLabel(/^State on /)).toContainText('Changed since publish');
    // The version that went out stays in the history, named by the blog it went to.
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const history = page.getByRole('dialog', { name: 'Earlier versions' });
    await expect(history.getByRole('listitem').filter({ hasText: /· Published to \S/ })).toHaveCount(1);
    await history.getByRole('button', { name: 'Close' }).click();
    await panel.getByRole('button', { name: 'Publish changes' }).click();
    await expect(panel.getByLabel(/^State on /)).toContainText('Published', { timeout: 30_000 });

    await page.getByRole('button', { name: 'Outbox', exact: true }).click();
    const outbox = page.getByRole('dialog', { name: 'Outbox' });
    await expect(outbox.getByRole('listitem').first()).toContainText(/Published from the desk .* — Done/);
    await outbox.getByRole('button', { name: 'Close' }).click();

    // A second machine: a library of its own, the same blog; importing brings the post in.
    const second = await startDevHost(await makeDataFolder());
    try {
      await page.goto(second.url);
      await addWordPressBlog(page, wordpress);
      await blogs.getByRole('button', { name: /^Import recent posts from / }).click();
      await expect(blogs.getByRole('status')).toContainText(/Imported [1-9]\d* posts? from/, { timeout: 30_000 });
      await blogs.getByRole('button', { name: 'Close' }).click();
      await page.getByRole('button', { name: /Published from the desk/ }).click();
      await expect(desk.commentary).toContainText('More.');
    } finally {
      await second.dispose();
    }
  });

  test('publishes a pasted photo: the live post shows it from the blog, without its GPS position', async ({ page }) => {
    test.setTimeout(90_000);
    const desk = new DeskPage(page);
    await page.goto(host.url);
    const blogs = await addWordPressBlog(page, wordpress);
    await blogs.getByRole('button', { name: 'Close' }).click();

    await desk.newDraft.click();
    await desk.title.fill('A photo from the desk');
    await desk.commentary.click();
    await page.keyboard.type('The harbour this morning:');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await pasteFile(desk.commentary, await sampleImage('jpeg', 640, 480, { gps: true }), 'harbour.jpg', 'image/jpeg');
    const describeImage = page.getByRole('dialog', { name: 'Describe the image' });
    await describeImage.getByRole('textbox', { name: 'Alt text' }).fill('Boats drawn up on the shingle');
    await describeImage.getByRole('button', { name: 'Done' }).click();
    await expect(desk.commentary).toContainText(/\(media:[0-9a-f]{64}\.jpg\)/);
    await expect(desk.saveStatus).toHaveText('Saved');

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Publish' });
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(panel.getByRole('status')).toHaveText('Published.', { timeout: 30_000 });
    const live = await page.request.get(
      (await panel.getByRole('link', { name: 'View post' }).getAttribute('href')) ?? '',
    );
    const html = await live.text();

    expect(html).not.toContain('media:');
    const source =
      /<img[^>]*src="([^"]+)"[^>]*alt="Boats drawn up on the shingle"|<img[^>]*alt="Boats drawn up on the shingle"[^>]*src="([^"]+)"/.exec(
        html,
      );
    const url = source?.[1] ?? source?.[2] ?? '';
    expect(url).toMatch(new RegExp(`^${wordpress.url.replace(/[.?]/g, '\\$&')}/wp-content/uploads/.+\\.jpg$`));
    const image = await page.request.get(url);
    expect(image.status()).toBe(200);
    const metadata = await sharp(await image.body()).metadata();
    expect([metadata.width, metadata.exif]).toEqual([640, undefined]);
  });

  test('the conflict view shows “Yours” with its library images, as the preview does', async ({ page }) => {
    test.setTimeout(90_000);
    const desk = new DeskPage(page);
    await page.goto(host.url);
    const blogs = await addWordPressBlog(page, wordpress);
    await blogs.getByRole('button', { name: 'Close' }).click();

    const title = `Conflict with a photo ${Date.now()}`;
    await desk.newDraft.click();
    await desk.title.fill(title);
    await desk.commentary.click();
    await page.keyboard.type('Before the photo.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await desk.pasteImage(
      { bytes: await sampleImage('png', 320, 200), name: 'chart.png', type: 'image/png' },
      'Sales by month',
    );
    const panel = await desk.publishNow();

    // Edited on the blog and here.
    await editTitleOnBlog(page, wordpress, title);
    await desk.title.fill(`${title} (fixed here)`);
    await expect(desk.saveStatus).toHaveText('Saved');
    await panel.getByRole('button', { name: 'Publish changes' }).click();
    await expect(panel.getByLabel(/^State on /)).toContainText('Edited on the blog and here', { timeout: 30_000 });
    await panel.getByRole('button', { name: 'Compare and choose…' }).click();

    const yours = page
      .getByRole('dialog', { name: 'Edited on the blog and here' })
      .getByRole('article', { name: 'Yours' });
    const image = yours.getByRole('img', { name: 'Sales by month' });
    await expect(image).toHaveAttribute('src', /^\/media\/[0-9a-f]{64}\.png$/);
    await expect.poll(() => image.evaluate((shown: HTMLImageElement) => shown.naturalWidth)).toBe(320);
    await page.screenshot({ path: test.info().outputPath('conflict-with-image.png') });
  });

  test('taking the blog’s version of a conflict puts it on the desk, and the next edit keeps it', async ({ page }) => {
    test.setTimeout(90_000);
    const desk = new DeskPage(page);
    await page.goto(host.url);
    const blogs = await addWordPressBlog(page, wordpress);
    await blogs.getByRole('button', { name: 'Close' }).click();

    const title = `Conflict on the desk ${Date.now()}`;
    await desk.newDraft.click();
    await desk.title.fill(title);
    await desk.commentary.fill('Written here first.');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Publish' });
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(panel.getByRole('status')).toHaveText('Published.', { timeout: 30_000 });

    await editTitleOnBlog(page, wordpress, title);

    await desk.commentary.press('End');
    await desk.commentary.pressSequentially(' And here.');
    await expect(desk.saveStatus).toHaveText('Saved');
    await panel.getByRole('button', { name: 'Publish changes' }).click();
    await expect(panel.getByLabel(/^State on /)).toContainText('Edited on the blog and here', { timeout: 30_000 });
    await panel.getByRole('button', { name: 'Compare and choose…' }).click();
    await page
      .getByRole('dialog', { name: 'Edited on the blog and here' })
      .getByRole('button', { name: 'Take theirs' })
      .click();

    // The desk shows the blog's version, not the one the editor had: the next edit builds on it.
    await expect(desk.title).toHaveValue(`${title} (fixed on the blog)`);
    await expect(desk.commentary).not.toContainText('And here.');
    await desk.commentary.press('End');
    await desk.commentary.pressSequentially(' After.');
    await expect(desk.saveStatus).toHaveText('Saved');
    await page.reload();
    await page.getByRole('button', { name: /fixed on the blog/ }).click();
    await expect(desk.title).toHaveValue(`${title} (fixed on the blog)`);
    await expect(desk.commentary).toContainText('After.');
  });
});
