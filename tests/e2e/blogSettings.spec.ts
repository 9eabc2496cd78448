import { expect, test, type Page } from '@playwright/test';
import { startMicropub, type MicropubServer } from '../servers/micropub';
import { writeNewDraft } from './support/sendAsDraft';
import { addMicropubBlog } from './support/micropubBlog';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';

/** Publishes a new draft with this title to the one blog, and waits for the panel to answer. */
async function publishDraft(page: Page, title: string): Promise<void> {
  await writeNewDraft(page, title);
  const panel = page.getByRole('region', { name: 'Publish', exact: true });
  if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await panel.getByRole('checkbox').check();
  await panel.getByRole('button', { name: 'Publish', exact: true }).click();
}

test.describe("a blog's settings, through the dev host, on a real Micropub site", () => {
  let site: MicropubServer;
  let host: RunningDevHost;

  test.beforeAll(async () => {
    site = await startMicropub();
  });
  test.afterAll(async () => {
    await site.stop();
  });
  test.beforeEach(async () => {
    host = await startDevHost(await makeDataFolder());
  });
  test.afterEach(async ({ page: _page }, testInfo) => {
    await testInfo.attach('dev host log', { body: host.log(), contentType: 'text/plain' });
    await host.dispose();
  });

  test('adding the blog again offers its settings; a refused token changes nothing; a good one and a new name are kept', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Blogs', exact: true }).click();
    const blogs = page.getByRole('dialog', { name: 'Blogs' });
    await addMicropubBlog(page, site);
    await expect(blogs.getByRole('status')).toContainText('Added “Micropub test blog”');

    // The same blog, its address spelled without the scheme: refused, with the way to update it.
    await addMicropubBlog(page, site, site.url.replace(/^http:\/\//, ''));
    await expect(blogs.getByRole('alert')).toContainText('“Micropub test blog” is already one of your blogs');
    await blogs.getByRole('button', { name: 'Update “Micropub test blog” with what you typed' }).click();
    const settings = blogs.getByRole('form', { name: 'Settings of Micropub test blog' });
    await expect(settings.getByLabel('New password or key')).toHaveValue(site.token);
    await expect(blogs.getByRole('listitem')).toHaveCount(1);

    await settings.getByRole('textbox', { name: 'Name', exact: true }).fill('My notebook');
    await settings.getByLabel('New password or key').fill('not-the-token');
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(settings.getByRole('alert')).toContainText(
      /^Nothing was changed: 127\.0\.0\.1:\d+ refused the access token/,
    );
    await expect(blogs.getByRole('list', { name: 'Your blogs' })).toContainText('Micropub test blog');
    await page.screenshot({ path: test.info().outputPath('blog-settings-refused.png') });

    await settings.getByLabel('New password or key').fill(site.token);
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(blogs.getByRole('status')).toHaveText('Saved the settings of “My notebook”.');
    await expect(settings).toHaveCount(0);
    await expect(blogs.getByRole('list', { name: 'Your blogs' })).toContainText('My notebook');
    await expect(blogs.getByRole('listitem')).toHaveCount(1);

    // Kept on the host: a page loaded afresh shows the new name.
    await page.reload();
    await page.getByRole('button', { name: 'Blogs', exact: true }).click();
    await expect(blogs.getByRole('list', { name: 'Your blogs' })).toContainText('My notebook');
  });

  test('Escape leaves the settings form, not the Blogs dialog around it', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Blogs', exact: true }).click();
    const blogs = page.getByRole('dialog', { name: 'Blogs' });
    await addMicropubBlog(page, site);
    await expect(blogs.getByRole('status')).toContainText('Added “Micropub test blog”');

    const toggle = blogs.getByRole('button', { name: 'Settings of Micropub test blog' });
    await toggle.click();
    const settings = blogs.getByRole('form', { name: 'Settings of Micropub test blog' });
    await settings.getByRole('textbox', { name: 'Name', exact: true }).fill('Half typed');
    await page.keyboard.press('Escape');
    await expect(settings).toHaveCount(0);
    await expect(blogs).toBeVisible();
    await expect(toggle).toBeFocused();
    await expect(blogs.getByRole('list', { name: 'Your blogs' })).toContainText('Micropub test blog');

    // With the form gone, Escape closes the dialog as before.
    await page.keyboard.press('Escape');
    await expect(blogs).toHaveCount(0);
  });

  test("a refusal the blog's settings cannot mend does not send the writer there", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Blogs', exact: true }).click();
    await addMicropubBlog(page, site);
    const blogs = page.getByRole('dialog', { name: 'Blogs' });
    await expect(blogs.getByRole('status')).toContainText('Added “');
    await blogs.getByRole('button', { name: 'Close' }).click();

    // The site names a post's file after its title and refuses a second of that name: needs you.
    await publishDraft(page, 'Twice the same title');
    const panel = page.getByRole('region', { name: 'Publish', exact: true });
    await expect(panel.getByLabel(/^State on /)).toContainText('Published', { timeout: 30_000 });
    await publishDraft(page, 'Twice the same title');
    await expect(panel.getByLabel(/^State on /)).toContainText('Needs you', { timeout: 30_000 });

    // A post of that name is already there: no password or address would change that.
    await expect(panel.getByLabel(/^State on /)).not.toContainText('access token');
    await expect(panel.getByRole('button', { name: 'Open the blog’s settings' })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('needs-you-not-settings.png') });
  });
});
