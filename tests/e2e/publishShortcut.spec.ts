import { expect, test, type Page } from '@playwright/test';
import { startMicropub, type MicropubServer } from '../servers/micropub';
import { DeskPage } from './support/deskPage';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';
import { callHost } from './support/hostApi';
import { addMicropubBlog } from './support/micropubBlog';

test.describe('the publish shortcut, on a real Micropub site', () => {
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

  /** Opens the app and adds the Micropub site as its one blog. */
  async function openWithTheSite(page: Page): Promise<void> {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Blogs', exact: true }).click();
    await addMicropubBlog(page, site);
    await expect(page.getByRole('dialog', { name: 'Blogs' }).getByRole('status')).toContainText('Added');
    await page.keyboard.press('Escape');
  }

  test('publishes the draft on the desk, never one opened after a press with none there', async ({ page }) => {
    test.setTimeout(60_000);
    for (const title of ['Left alone', 'Meant to go out']) {
      await callHost(host, 'createDraft', {
        content: { title, commentary: 'Some words.', quotes: [], hashtags: [], featuredImage: null },
      });
    }
    const desk = new DeskPage(page);
    await openWithTheSite(page);

    // Nothing is on the desk: the press has nothing to publish, now or later.
    await page.keyboard.press('Control+Shift+U');
    await desk.drafts.getByRole('button', { name: /^Left alone/ }).click();
    await expect(desk.title).toHaveValue('Left alone');

    await desk.drafts.getByRole('button', { name: /^Meant to go out/ }).click();
    await expect(desk.title).toHaveValue('Meant to go out');
    await page.keyboard.press('Control+Shift+U');
    const panel = page.getByRole('region', { name: 'Publish' });
    await expect(panel.getByRole('status').filter({ hasText: /^Published\.$/ })).toBeVisible({ timeout: 30_000 });

    const drafts = await callHost(host, 'listDrafts', {});
    const sent = (await callHost(host, 'listOutbox', {})).map(
      (entry) => drafts.find((draft) => draft.id === entry.draftId)?.title,
    );
    expect(sent).toEqual(['Meant to go out']);
  });

  test('the one usual blog can be unchecked: the choice stays empty and Publish waits for one', async ({ page }) => {
    await callHost(host, 'createDraft', {
      content: { title: 'Not yet', commentary: 'Some words.', quotes: [], hashtags: [], featuredImage: null },
    });
    const desk = new DeskPage(page);
    await openWithTheSite(page);
    await desk.drafts.getByRole('button', { name: /^Not yet/ }).click();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Publish' });
    const blog = panel.getByRole('checkbox');
    await expect(blog).toBeChecked();
    await blog.uncheck();
    await expect(blog).not.toBeChecked();
    await expect(panel.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
    await blog.check();
    await expect(panel.getByRole('button', { name: 'Publish', exact: true })).toBeEnabled();
  });

  test('pressed again while its publish is on its way, publishes once: the press is answered, not kept for later', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await callHost(host, 'createDraft', {
      content: { title: 'Once only', commentary: 'Some words.', quotes: [], hashtags: [], featuredImage: null },
    });
    const desk = new DeskPage(page);
    await openWithTheSite(page);
    await desk.drafts.getByRole('button', { name: /^Once only/ }).click();
    await expect(desk.title).toHaveValue('Once only');

    // The page's publish call is held on its way, so that the second press comes while it is.
    let publishCalls = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/publishDraft', async (route) => {
      publishCalls += 1;
      await held;
      await route.continue();
    });
    await page.keyboard.press('Control+Shift+U');
    await expect.poll(() => publishCalls).toBe(1);
    await page.keyboard.press('Control+Shift+U');
    release();
    const panel = page.getByRole('region', { name: 'Publish' });
    await expect(panel.getByRole('status').filter({ hasText: /^Published\.$/ })).toBeVisible({ timeout: 30_000 });
    // A press kept for later would publish again as soon as the first one is done.
    await page.waitForTimeout(1_500);
    expect(publishCalls).toBe(1);
    expect(await callHost(host, 'listOutbox', {})).toHaveLength(1);
  });
});
