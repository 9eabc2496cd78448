import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { paste } from './support/clipboard';
import { DeskPage } from './support/deskPage';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';

const payloads = JSON.parse(
  readFileSync(new URL('../fixtures/xss-payloads.json', import.meta.url), 'utf8'),
) as string[];

let host: RunningDevHost;
let sourcePage: Server | null = null;

test.beforeEach(async ({ page }) => {
  host = await startDevHost(await makeDataFolder());
  // Nothing in these tests may reach past loopback, not even an image a payload names.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
});

test.afterEach(async ({ page: _page }, testInfo) => {
  await testInfo.attach('dev host log', { body: host.log(), contentType: 'text/plain' });
  await host.dispose();
  await new Promise((resolve) => (sourcePage ? sourcePage.close(resolve) : resolve(undefined)));
  sourcePage = null;
});

async function serveSourcePage(): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html><head><title>A shadow of its former self - Rudaw</title>
      <meta property="og:title" content="ISIS in Iraq: A shadow of its former self">
      <meta property="og:site_name" content="Rudaw"></head><body></body></html>`);
  });
  sourcePage = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/english/isis`;
}

test('pastes HTML as a quote and credits it to its source in the preview', async ({ page }) => {
  const desk = new DeskPage(page);
  const source = await serveSourcePage();
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.title.fill('Can this be really true?');
  await page.getByRole('button', { name: 'Paste as quote' }).click();
  await paste(page, {
    'text/html': '<p>ERBIL, Kurdistan Region—A picture of a <strong>diminished</strong> Islamic State</p>',
    'text/plain': 'ERBIL, Kurdistan Region—A picture of a diminished Islamic State',
    'text/x-moz-url-priv': source,
  });
  const blockquote = desk.preview.locator('blockquote');
  await expect(blockquote).toHaveAttribute('cite', source);
  await expect(blockquote.locator('strong')).toHaveText('diminished');
  await expect(blockquote.locator('.quote-source')).toHaveText('ISIS in Iraq: A shadow of its former self — Rudaw');
  await expect(desk.preview.getByRole('link', { name: 'ISIS in Iraq: A shadow of its former self' })).toHaveAttribute(
    'href',
    source,
  );
  await expect(desk.quote(1).getByRole('textbox', { name: 'Source title' })).toHaveValue(
    'ISIS in Iraq: A shadow of its former self',
  );
  await expect(desk.saveStatus).toHaveText('Saved');
});

test('an empty or image-only paste is refused with a message, and the draft keeps its quotes', async ({ page }) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await page.getByRole('button', { name: 'Paste as quote' }).click();
  await paste(page, { 'text/plain': 'The one good quote.' });
  await expect(desk.preview.locator('blockquote')).toHaveCount(1);
  await page.getByRole('button', { name: 'Paste as quote' }).click();
  await paste(page, { 'text/plain': '   ' });
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was quoted' })).toBeVisible();
  await expect(desk.preview.locator('blockquote')).toHaveCount(1);
});

test('makes a new post from the clipboard, titled after the source', async ({ page }) => {
  const desk = new DeskPage(page);
  const source = await serveSourcePage();
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New post from clipboard' }).click();
  await paste(page, { 'text/plain': 'A passage.', 'text/x-moz-url-priv': source });
  await expect(desk.title).toHaveValue('');
  await expect(desk.quote(1).getByRole('textbox', { name: 'Source title' })).toHaveValue(
    'ISIS in Iraq: A shadow of its former self',
  );
  await expect(desk.preview.locator('blockquote')).toContainText('A passage.');
});

test(`${payloads.length} known XSS payloads pasted as quotes never run in the app`, async ({ page }) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // A trap on the globals the payloads call: set if any of them ever runs.
  await page.addInitScript(() => {
    const trap = () => {
      (window as unknown as { xssRan: boolean }).xssRan = true;
    };
    window.alert = trap;
    window.confirm = () => (trap(), false);
    window.prompt = () => (trap(), null);
  });
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.title.fill('Hostile pastes');
  for (const payload of payloads) {
    await page.getByRole('button', { name: 'Paste as quote' }).click();
    await paste(page, { 'text/html': payload, 'text/plain': payload });
    await expect(page.getByRole('textbox', { name: 'Paste here' })).toHaveCount(0);
  }
  await expect(desk.saveStatus).toHaveText('Saved', { timeout: 10_000 });
  await desk.preview.hover();
  for (const link of await desk.preview.locator('a').all()) await link.hover();
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { xssRan?: boolean }).xssRan)).toBeUndefined();
  // Payloads shown as text are fine; what must not exist is active markup.
  const active = await desk.preview.evaluate((preview) =>
    Array.from(preview.querySelectorAll('*')).flatMap((element) => {
      const found: string[] = [];
      if (/^(script|iframe|object|embed|svg|math|style|link|meta|form|base)$/i.test(element.tagName)) {
        found.push(element.tagName);
      }
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name) || /^\s*(javascript|vbscript|data):/i.test(attribute.value)) {
          found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        }
      }
      return found;
    }),
  );
  expect(active).toEqual([]);
});
