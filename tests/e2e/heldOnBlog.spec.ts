import { expect, test } from '@playwright/test';
import { startMicropub, type MicropubServer } from '../servers/micropub';
import { DeskPage } from './support/deskPage';
import { sendNewDraftAsDraft } from './support/sendAsDraft';
import { addMicropubBlog } from './support/micropubBlog';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';

test.describe('the publish panel says what the blog holds (a real Micropub site)', () => {
  let site: MicropubServer;
  let host: RunningDevHost;

  test.beforeAll(async () => {
    site = await startMicropub();
    host = await startDevHost(await makeDataFolder());
  });
  test.afterAll(async () => {
    await host.dispose();
    await site.stop();
  });

  test('a draft on the blog, then scheduled for later, then published: only a live post links to its page', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Blogs', exact: true }).click();
    const blogs = page.getByRole('dialog', { name: 'Blogs' });
    await addMicropubBlog(page, site);
    await expect(blogs.getByRole('status')).toContainText('Added “');
    await blogs.getByRole('button', { name: 'Close' }).click();

    const desk = new DeskPage(page);
    const { panel, state } = await sendNewDraftAsDraft(page, 'Held on the blog');
    // Micropub gives no preview or editor page: nothing to open until the post is live.
    await expect(state).toHaveText('Draft on the blog');
    await expect(desk.drafts.getByText('Draft', { exact: true })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('draft-on-the-blog.png') });

    await panel.getByRole('radio', { name: 'At a set time' }).check();
    await panel.getByLabel('Publication time').fill(`${new Date().getFullYear() + 1}-06-01T09:30`);
    await panel.getByRole('button', { name: 'Publish changes' }).click();
    await expect(panel.getByRole('status')).toHaveText('Sent: the blog publishes it at the time chosen.', {
      timeout: 30_000,
    });
    await expect(state).toHaveText(/^Scheduled for .+/);
    await expect(state.getByRole('link', { name: 'View post' })).toHaveCount(0);

    await panel.getByRole('radio', { name: 'Now' }).check();
    await panel.getByRole('button', { name: 'Publish changes' }).click();
    await expect(panel.getByRole('status')).toHaveText('Published.', { timeout: 30_000 });
    await expect(state).toContainText('Published');
    await expect(state.getByRole('link', { name: 'View post' })).toBeVisible();
  });
});
