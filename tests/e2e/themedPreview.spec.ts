import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AssetLoader } from '../../electron/core/themes/assetLoader';
import { captureThemePage } from '../../electron/core/themes/snapshotPage';
import { THEMED_PAGE_SANDBOX } from '../../shared/theme/liveFrame';
import { slotMarker } from '../../shared/theme/themePage';
import { sampleImage } from '../electron/media/support/images';
import { hostilePage, hostileStylesheet, POST } from '../electron/themes/hostilePages';
import { DeskPage } from './support/deskPage';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';
import { onResponsesOffApp, pageIn, themedPage, themedShell } from './support/themedFrame';
import { pasteFile } from './support/pasteFile';
import { seedThemedLibrary } from '../support/themeLibrary';

/** A stand-in for an attacker's server: any request that reaches it is a failure of the sandbox. */
async function startAttacker(): Promise<{ server: Server; origin: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

/**
 * Every answer the page or any of its frames got from anywhere but the app (a request the browser
 * blocks itself, by the frame's policy, never leaves the machine and gets none), and every console
 * line that says a script ran. The attacker's own log is the other witness.
 */
function watch(page: Page, appOrigin: string): { offsite: string[]; scripts: string[] } {
  const seen = { offsite: [] as string[], scripts: [] as string[] };
  onResponsesOffApp(page, appOrigin, (url) => {
    if (!url.startsWith('data:')) seen.offsite.push(url);
  });
  page.on('console', (message) => {
    if (message.text().includes('SCRIPT RAN')) seen.scripts.push(message.text());
  });
  return seen;
}

/** The watchers do see a script and a request when there is one: the page's own, after the checks. */
async function expectWatchersWork(
  page: Page,
  seen: { offsite: string[]; scripts: string[] },
  attacker: { origin: string; hits: string[] },
) {
  await page.goto(`${attacker.origin}/control`);
  await page.evaluate(() => console.log('SCRIPT RAN (control)'));
  await expect.poll(() => seen.scripts).toEqual(['SCRIPT RAN (control)']);
  expect(seen.offsite).toContain(`${attacker.origin}/control`);
  expect(attacker.hits).toContain('/control');
}

async function openThemed(page: Page, host: RunningDevHost, blogName: string) {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.title.fill('Written here');
  await desk.commentary.fill('Words of my own, in the theme.');
  await page.getByRole('button', { name: `as on ${blogName}` }).click();
  const frame = themedPage(page);
  await expect(frame.locator('[data-commonplace="body"]')).toContainText('Words of my own, in the theme.');
  return { desk, frame };
}

test.describe('the themed preview', () => {
  let host: RunningDevHost;
  let attacker: Awaited<ReturnType<typeof startAttacker>>;

  test.beforeEach(async () => {
    attacker = await startAttacker();
  });
  test.afterEach(async ({ page: _page }, testInfo) => {
    await testInfo.attach('dev host log', { body: host.log(), contentType: 'text/plain' });
    await host.dispose();
    attacker.server.close();
  });

  test('shows the draft in a hostile blog’s theme without running or fetching anything', async ({ page }) => {
    const hostile = hostilePage
      .replaceAll('http://attacker.invalid', attacker.origin)
      .replaceAll('fetch(', "console.log('SCRIPT RAN'),fetch(");
    const stylesheet = hostileStylesheet.replaceAll('http://attacker.invalid', attacker.origin);
    const assets = new AssetLoader((url) =>
      url === 'https://blog.example/theme/style.css'
        ? Promise.resolve({ bytes: new TextEncoder().encode(stylesheet), type: 'text/css' })
        : Promise.reject(new Error('not kept')),
    );
    const captured = await captureThemePage(hostile, POST.url, POST, assets);
    if (!captured) throw new Error('the hostile page’s post was not found');
    const folder = await makeDataFolder();
    await seedThemedLibrary(folder, 'Hostile Blog', { page: captured.page, tags: captured.tags });
    attacker.hits.length = 0; // taking the snapshot read nothing from it; only the preview counts
    host = await startDevHost(folder);
    const seen = watch(page, host.origin);

    const { desk, frame } = await openThemed(page, host, 'Hostile Blog');
    await expect(frame.locator('[data-commonplace="title"]')).toHaveText('Written here');
    await desk.addHashtags('Slow');
    await expect(frame.locator('[data-commonplace="tags"]')).toContainText('Slow');
    await desk.commentary.press('End');
    await desk.commentary.pressSequentially(' More words.');
    await expect(frame.locator('[data-commonplace="body"]')).toContainText('More words.');
    await page.waitForTimeout(500);

    expect(seen.scripts).toEqual([]);
    expect(seen.offsite).toEqual([]);
    expect(attacker.hits).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('hostile-theme.png') });
    await expectWatchersWork(page, seen, attacker);
  });

  test('the frame’s sandbox and policy stop scripts and requests even in a page the sanitizer never saw', async ({
    page,
  }) => {
    const a = attacker.origin;
    const raw = `<!DOCTYPE html><html><head>${slotMarker('head')}
<link rel="stylesheet" href="${a}/sheet.css"><script>console.log('SCRIPT RAN head');fetch('${a}/head')</script>
<style>@import url(${a}/import.css); @font-face{font-family:X;src:url(${a}/font.woff2)} body{font-family:X;background:url(${a}/bg.png)}</style>
</head><body onload="console.log('SCRIPT RAN onload')">
<img src="${a}/img.png" onerror="console.log('SCRIPT RAN onerror')"><iframe src="${a}/frame"></iframe><object data="${a}/object"></object>
<svg><script>console.log('SCRIPT RAN svg')</script><image href="${a}/svg.png"/></svg>
<form action="${a}/form"><input name="q" value="x" autofocus onfocus="console.log('SCRIPT RAN focus')"></form>
<a id="js" href="javascript:console.log('SCRIPT RAN link')">js</a>
<h1 data-commonplace="title">${slotMarker('title')}</h1><div data-commonplace="body">${slotMarker('body')}</div>
<video src="${a}/video.mp4" poster="${a}/poster.png"></video><audio src="${a}/audio.mp3" autoplay></audio>
</body></html>`;
    const folder = await makeDataFolder();
    await seedThemedLibrary(folder, 'Raw Blog', { page: raw, tags: null });
    host = await startDevHost(folder);
    const seen = watch(page, host.origin);
    const { frame } = await openThemed(page, host, 'Raw Blog');
    // The page sits in a frame with no scripts, inside a shell on another site: neither can reach the app.
    const shell = themedShell(page).contentFrame();
    await expect(shell.locator('iframe#page')).toHaveAttribute('sandbox', THEMED_PAGE_SANDBOX);
    const shellOrigin = new URL(await shell.locator('body').evaluate(() => window.origin));
    expect(shellOrigin.hostname).toBe('localhost');
    expect(shellOrigin.port).not.toBe(new URL(host.origin).port);
    expect(
      await shell.locator('body').evaluate(() => {
        try {
          return window.parent.document.title;
        } catch {
          return 'refused';
        }
      }),
    ).toBe('refused');
    await frame.locator('#js').click();
    await page.waitForTimeout(500);
    expect(seen.scripts).toEqual([]);
    expect(seen.offsite).toEqual([]);
    expect(attacker.hits).toEqual([]);
    await expectWatchersWork(page, seen, attacker);
  });

  test('falls back to the plain preview with the reason when there is no snapshot and the blog is unreachable', async ({
    page,
  }) => {
    const folder = await makeDataFolder();
    await seedThemedLibrary(folder, 'Unreachable Blog', { page: '', tags: null });
    await rm(path.join(folder, 'themes'), { recursive: true });
    host = await startDevHost(folder);
    const desk = new DeskPage(page);
    await page.goto(host.url);
    await desk.newDraft.click();
    await desk.commentary.fill('Plain words, shown plainly.');
    await page.getByRole('button', { name: 'as on Unreachable Blog' }).click();
    const reason = page.locator('.preview-fallback');
    await expect(reason).toHaveText(
      /^There is no snapshot of Unreachable Blog's theme yet\. 127\.0\.0\.1:9 could not be reached/,
      { timeout: 30_000 },
    );
    await expect(desk.preview).toContainText('Plain words, shown plainly.');
    await expect(page.locator('iframe.themed-frame')).toHaveCount(0);
  });

  /**
   * Starts the host on a library whose blog "Long Blog" has a plain stored theme, writes a draft of
   * 80 paragraphs and shows it as on that blog.
   */
  async function openLongPostThemed(page: Page): Promise<DeskPage> {
    const folder = await makeDataFolder();
    const stored = `<!DOCTYPE html><html><head>${slotMarker('head')}<style>p{margin:0 0 1em;font:16px/1.5 serif}</style></head><body>
<h1 data-commonplace="title">${slotMarker('title')}</h1><div data-commonplace="body">${slotMarker('body')}</div></body></html>`;
    await seedThemedLibrary(folder, 'Long Blog', { page: stored, tags: null });
    host = await startDevHost(folder);
    const desk = new DeskPage(page);
    await page.goto(host.url);
    await desk.newDraft.click();
    await desk.commentary.fill(
      Array.from({ length: 80 }, (_, index) => `Paragraph ${index + 1} of a long post.`).join('\n\n'),
    );
    await page.getByRole('button', { name: 'as on Long Blog' }).click();
    return desk;
  }

  test('opens each new document scrolled to the passage being written', async ({ page }) => {
    const desk = await openLongPostThemed(page);
    const frame = themedPage(page);
    await expect(frame.locator('[data-commonplace="body"]')).toContainText('Paragraph 80 of a long post.');
    await desk.commentary.press('Control+End');
    await desk.commentary.pressSequentially(' Still writing.');
    const last = frame.locator('p', { hasText: 'Still writing.' });
    await expect(last).toBeInViewport();
    await expect(frame.locator('p', { hasText: 'Paragraph 1 of a long post.' })).not.toBeInViewport();
    // Typing on in the same place keeps the view where it is.
    const before = await last.evaluate((element) => element.getBoundingClientRect().top);
    await desk.commentary.pressSequentially(' More');
    await expect(last).toContainText('Still writing. More');
    expect(
      await frame
        .locator('p', { hasText: 'Still writing. More' })
        .evaluate((element) => element.getBoundingClientRect().top),
    ).toBeCloseTo(before, 0);
  });

  test('takes keystrokes into the page it shows, which keeps its scroll and loads nothing anew', async ({ page }) => {
    const desk = await openLongPostThemed(page);
    const frameElement = page.locator('iframe.themed-frame[data-front="true"]');
    const frame = pageIn(frameElement);
    await expect(frame.locator('[data-commonplace="body"]')).toContainText('Paragraph 80 of a long post.');
    await desk.commentary.press('Control+Home');
    await desk.commentary.pressSequentially('Still ');
    await expect(frame.locator('p', { hasText: 'Still Paragraph 1' })).toBeInViewport();
    // The writer scrolls the preview a little by hand, keeping the paragraph they write in view.
    const scrolled = await frame.locator('body').evaluate(() => {
      window.scrollBy(0, 30);
      document.body.dataset['loadedOnce'] = 'yes';
      return window.scrollY;
    });
    expect(scrolled).toBe(30);
    await desk.commentary.pressSequentially('writing ');
    await expect(frame.locator('p', { hasText: 'Still writing Paragraph 1' })).toBeInViewport();
    // The same document took the keystrokes (a new one would have lost the mark) and stayed where it was.
    expect(await frame.locator('body').evaluate((body) => body.dataset['loadedOnce'])).toBe('yes');
    expect(await frame.locator('body').evaluate(() => window.scrollY)).toBe(scrolled);
    await expect(frameElement).toHaveAttribute('data-shown', (await frameElement.getAttribute('data-sent')) ?? '');
  });

  test('shows the draft’s own library images in the theme, inlined, as the frame loads nothing else', async ({
    page,
  }) => {
    const folder = await makeDataFolder();
    const stored = `<!DOCTYPE html><html><head>${slotMarker('head')}</head><body>
<h1 data-commonplace="title">${slotMarker('title')}</h1><div data-commonplace="body">${slotMarker('body')}</div></body></html>`;
    await seedThemedLibrary(folder, 'Photo Blog', { page: stored, tags: null });
    host = await startDevHost(folder);
    const desk = new DeskPage(page);
    await page.goto(host.url);
    await desk.newDraft.click();
    await desk.commentary.click();
    await page.keyboard.type('A photograph:');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await pasteFile(desk.commentary, await sampleImage('png', 320, 200), 'chart.png', 'image/png');
    const dialog = page.getByRole('dialog', { name: 'Describe the image' });
    await dialog.getByRole('textbox', { name: 'Alt text' }).fill('A chart of the week');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(desk.commentary).toContainText(/media:[0-9a-f]{64}\.png/);
    await page.getByRole('button', { name: 'as on Photo Blog' }).click();
    const frame = themedPage(page);
    const image = frame.getByRole('img', { name: 'A chart of the week' });
    await expect(image).toHaveAttribute('src', /^data:image\/png;base64,/);
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(320);
  });
});
