import { expect, test, type Page } from '@playwright/test';
import { basicAuthorization } from '../../electron/core/publishing/http/request';
import { startWordPress, wordPressSkipReason, type WordPressServer } from '../servers/wordpress';
import { paste } from './support/clipboard';
import { DeskPage } from './support/deskPage';
import { addWordPressBlog } from './support/wordPressBlog';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';

const skipReason = wordPressSkipReason();
if (skipReason) console.log(`Post options e2e tests skip: ${skipReason}`);

/** What the test reads back of the post, straight from WordPress. */
interface StoredPost {
  readonly slug: string;
  readonly status: string;
  readonly date_gmt: string;
  readonly excerpt: { readonly raw: string };
  readonly categories: readonly number[];
}

test.describe('post options in the publish panel, against a real WordPress', () => {
  test.skip(skipReason !== null, skipReason ?? '');
  let wordpress: WordPressServer;
  let host: RunningDevHost;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    wordpress = await startWordPress();
    // A blog on the other side of the world from UTC, so that its time zone shows in what is sent.
    const response = await fetch(`${wordpress.url}/wp-json/wp/v2/settings`, {
      method: 'POST',
      headers: {
        authorization: basicAuthorization(wordpress.user, wordpress.applicationPassword),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ timezone: 'Asia/Kolkata' }),
    });
    if (response.status !== 200) throw new Error(`could not set the blog's time zone: ${response.status}`);
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

  async function addBlog(page: Page): Promise<void> {
    const blogs = await addWordPressBlog(page, wordpress);
    await blogs.getByRole('button', { name: 'Close' }).click();
  }

  async function stored(remoteId: string): Promise<StoredPost> {
    const response = await fetch(`${wordpress.url}/wp-json/wp/v2/posts/${remoteId}?context=edit`, {
      headers: { authorization: basicAuthorization(wordpress.user, wordpress.applicationPassword) },
    });
    return (await response.json()) as StoredPost;
  }

  test("sends the writer's address, excerpt and a new category, scheduled in the blog's own time zone", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const desk = new DeskPage(page);
    await page.goto(host.url);
    await addBlog(page);
    await desk.newDraft.click();
    await desk.title.fill('A post with its options');
    await desk.commentary.fill('Some words.');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Publish' });

    const address = panel.getByRole('textbox', { name: 'Address' });
    await expect(address).toHaveAttribute('placeholder', 'a-post-with-its-options');
    await address.fill('My chosen address');
    await expect(panel.getByText('Sent as “my-chosen-address”.')).toBeVisible();
    await panel.getByRole('textbox', { name: 'Excerpt' }).fill('What it is about.');
    const category = `Reading notes ${Date.now()}`;
    const picker = panel.getByRole('group', { name: /^Categories on / });
    await picker.getByRole('combobox', { name: /^Add a category on / }).fill(category);
    await picker.getByRole('button', { name: 'Add' }).click();
    await expect(picker.getByRole('list', { name: /^Chosen categories/ })).toContainText(category);
    await expect(picker.getByRole('status')).toContainText('is new: publishing creates it');

    await panel.getByRole('radio', { name: 'At a set time' }).check();
    await expect(panel.getByText(/time zone: Asia\/Kolkata \(UTC\+05:30\)/)).toBeVisible();
    // A time already past is allowed (backdating), but said plainly.
    await panel.getByLabel('Publication time').fill('2020-01-02T09:30');
    await expect(panel.getByRole('alert')).toContainText('This time has passed');
    await panel.getByLabel('Publication time').fill('2031-01-02T09:30');
    await expect(panel.getByRole('alert')).toHaveCount(0);
    await expect(desk.saveStatus).toHaveText('Saved');

    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(
      panel.getByRole('status').filter({ hasText: /^Sent: the blog publishes it at the time chosen\.$/ }),
    ).toBeVisible({
      timeout: 30_000,
    });
    const found = await fetch(
      `${wordpress.url}/wp-json/wp/v2/posts?context=edit&status=future&slug=my-chosen-address`,
      { headers: { authorization: basicAuthorization(wordpress.user, wordpress.applicationPassword) } },
    );
    const [post] = (await found.json()) as (StoredPost & { id: number })[];
    expect(post).toBeDefined();
    const full = await stored(String(post?.id));
    expect(full.status).toBe('future');
    // 09:30 in Kolkata is 04:00 in UTC.
    expect(full.date_gmt).toBe('2031-01-02T04:00:00');
    expect(full.excerpt.raw).toBe('What it is about.');
    expect(full.categories).toHaveLength(1);
  });

  test('says what is worth a second look before publishing, and resolves a vague source date', async ({ page }) => {
    test.setTimeout(90_000);
    const desk = new DeskPage(page);
    await page.goto(host.url);
    await addBlog(page);
    await desk.newDraft.click();
    // The second image's reference lost a digit of its file's name: it would vanish from the post.
    await desk.commentary.fill(
      `A picture: ![](https://example.com/a.png) and ![A chart](media:${'0a'.repeat(31)}f.png)`,
    );
    await page.getByRole('button', { name: 'Paste as quote' }).click();
    await paste(page, { 'text/plain': 'One two three four five six seven eight nine ten eleven twelve.' });
    const quote = desk.quote(1);
    await quote.getByRole('textbox', { name: 'Date' }).fill('yesterday at 09:51');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Publish' });
    const warnings = panel.getByRole('region', { name: 'Before you publish' });

    await expect(warnings.getByRole('listitem')).toHaveText([
      /The post has no title/,
      /Quote 1 has no source/,
      /Quote 1’s date “yesterday at 09:51” is not a date: it was \d{4}-\d{2}-\d{2} when you copied it\./,
      /An image has no alt text/,
      /An image’s reference was changed by typing, so the image will not appear/,
    ]);
    // The fair length is the writer's to set: past it, a quote is said to be long.
    await warnings.getByRole('spinbutton').fill('10');
    await expect(warnings.getByRole('listitem').nth(2)).toHaveText(
      /Quote 1 is 12 words, more than a fair excerpt \(10\)\./,
    );

    const yesterday = await page.evaluate(() => {
      const day = new Date(Date.now() - 24 * 3600_000);
      const pad = (value: number) => String(value).padStart(2, '0');
      return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
    });
    await warnings.getByRole('button', { name: `Use ${yesterday}` }).click();
    await expect(quote.getByRole('textbox', { name: 'Date' })).toHaveValue(yesterday);
    await expect(warnings.getByText(/is not a date/)).toHaveCount(0);
    // Warnings never stand in the way.
    await expect(panel.getByRole('button', { name: 'Publish', exact: true })).toBeEnabled();
  });

  test('publishes with one shortcut from the desk, to the one blog there is', async ({ page }) => {
    test.setTimeout(90_000);
    const desk = new DeskPage(page);
    await page.goto(host.url);
    await addBlog(page);
    await desk.newDraft.click();
    await expect(desk.title).toBeFocused();
    await page.keyboard.type('Published by a shortcut');
    await page.keyboard.press('Control+Shift+U');
    const panel = page.getByRole('region', { name: 'Publish' });
    await expect(panel.getByRole('status').filter({ hasText: /^Published\.$/ })).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByLabel(/^State on /)).toContainText('Published');
  });
});
