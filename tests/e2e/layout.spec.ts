import { expect, test, type Locator, type Page } from '@playwright/test';
import { startWordPress, wordPressSkipReason, type WordPressServer } from '../servers/wordpress';
import { DeskPage } from './support/deskPage';
import { addWordPressBlog } from './support/wordPressBlog';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';

const skipReason = wordPressSkipReason();
if (skipReason) console.log(`Layout e2e tests skip: ${skipReason}`);

const widths = [1024, 1280, 1920] as const;
const themes = ['light', 'dark'] as const;

/** Elements of `container` that are cut off by it or by the window: what a writer cannot see or reach. */
async function clipped(container: Locator, controls: Locator): Promise<string[]> {
  const box = await container.boundingBox();
  if (!box) throw new Error('the container is not shown');
  const viewport = container.page().viewportSize() ?? { width: 0, height: 0 };
  const out: string[] = [];
  for (const control of await controls.all()) {
    const inner = await control.boundingBox();
    if (!inner) continue;
    const right = Math.min(box.x + box.width, viewport.width) + 0.5;
    if (inner.x < box.x - 0.5 || inner.x + inner.width > right) {
      out.push((await control.getAttribute('aria-label')) ?? (await control.innerText()));
    }
  }
  return out;
}

test.describe('the desk, its toolbar and dialogs at 1024, 1280 and 1920 px, light and dark', () => {
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

  async function shoot(page: Page, name: string, width: number, theme: string): Promise<void> {
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}-${theme}.png`) });
  }

  test('nothing is cut off or wraps: the toolbar with the outbox state, the Blogs dialog, the publish panel', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const desk = new DeskPage(page);
    await page.goto(host.url);
    const blogs = await addWordPressBlog(page, wordpress);
    await blogs.getByRole('button', { name: 'Close' }).click();

    await desk.newDraft.click();
    await desk.title.fill('A post to lay out');
    await desk.commentary.fill('Some words for the layout.');
    // Offline, a publish waits in the outbox, and the toolbar says so. The host is told, as the
    // desktop app's connectivity events tell it; the page itself stays connected to the host.
    const offline = await fetch(`${host.origin}/api/setOnline`, {
      method: 'POST',
      headers: { 'x-commonplace-token': host.token, 'content-type': 'application/json' },
      body: JSON.stringify({ online: false }),
    });
    expect(offline.status).toBe(200);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Publish', exact: true });
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    const toolbar = page.getByRole('toolbar', { name: 'View' });
    await expect(toolbar.getByRole('status', { name: 'Outbox state' })).toContainText('waiting');

    for (const theme of themes) {
      await page.emulateMedia({ colorScheme: theme });
      for (const width of widths) {
        await page.setViewportSize({ width, height: 800 });
        const buttons = toolbar.getByRole('button');
        const heights = await Promise.all(
          (await buttons.all()).map(async (button) => (await button.boundingBox())?.height ?? 0),
        );
        const toolbarBox = await toolbar.boundingBox();
        expect(toolbarBox?.height ?? 0, `toolbar at ${width} ${theme}`).toBeLessThan(Math.max(...heights) * 1.8);
        expect(await clipped(toolbar, buttons), `toolbar at ${width} ${theme}`).toEqual([]);
        // However narrow, the toolbar says that something waits: in words, or as the Outbox button's count.
        await expect(toolbar.getByRole('button', { name: 'Outbox', exact: true })).toHaveText('Outbox 1');
        expect(await clipped(panel, panel.locator('button, input, select, textarea')), `panel at ${width}`).toEqual([]);
        await shoot(page, 'desk-publish', width, theme);

        await page.getByRole('button', { name: 'Blogs', exact: true }).click();
        await expect(blogs).toBeVisible();
        expect(
          await clipped(blogs, blogs.locator('button, select, input')),
          `Blogs dialog at ${width} ${theme}`,
        ).toEqual([]);
        await shoot(page, 'blogs', width, theme);
        await blogs.getByRole('button', { name: 'Close' }).click();

        for (const [button, dialog] of [
          ['Outbox', 'Outbox'],
          ['History', 'Earlier versions'],
          ['Shortcuts', 'Keyboard shortcuts'],
        ] as const) {
          await toolbar.getByRole('button', { name: button, exact: true }).click();
          const shown = page.getByRole('dialog', { name: dialog });
          await expect(shown).toBeVisible();
          expect(
            await clipped(shown, shown.locator('button, select, input')),
            `${dialog} at ${width} ${theme}`,
          ).toEqual([]);
          await shoot(page, dialog.toLowerCase().replace(/\W+/g, '-'), width, theme);
          await shown.getByRole('button', { name: 'Close' }).click();
        }
      }
    }
  });
});
