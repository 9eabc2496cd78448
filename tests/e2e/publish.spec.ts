import { expect, test } from '@playwright/test';
import { startWordPress, wordPressSkipReason, type WordPressServer } from '../servers/wordpress';
import { DeskPage } from './support/deskPage';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';

const skipReason = wordPressSkipReason();
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

    await page.getByRole('button', { name: 'Blogs', exact: true }).click();
    const blogs = page.getByRole('dialog', { name: 'Blogs' });
    await blogs.getByRole('textbox', { name: 'Blog address' }).fill(wordpress.url);
    await blogs.getByRole('textbox', { name: 'User name' }).fill(wordpress.user);
    await blogs.getByLabel('Password or key').fill(wordpress.applicationPassword);
    await blogs.getByRole('button', { name: 'Add blog' }).click();
    await expect(blogs.getByRole('status')).toContainText('Added “');
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
      await page.getByRole('button', { name: 'Blogs', exact: true }).click();
      await blogs.getByRole('textbox', { name: 'Blog address' }).fill(wordpress.url);
      await blogs.getByRole('textbox', { name: 'User name' }).fill(wordpress.user);
      await blogs.getByLabel('Password or key').fill(wordpress.applicationPassword);
      await blogs.getByRole('button', { name: 'Add blog' }).click();
      await expect(blogs.getByRole('status')).toContainText('Added “');
      await blogs.getByRole('button', { name: /^Import recent posts from / }).click();
      await expect(blogs.getByRole('status')).toContainText(/Imported [1-9]\d* posts? from/, { timeout: 30_000 });
      await blogs.getByRole('button', { name: 'Close' }).click();
      await page.getByRole('button', { name: /Published from the desk/ }).click();
      await expect(desk.commentary).toContainText('More.');
    } finally {
      await second.dispose();
    }
  });
});
