import { expect, test } from '@playwright/test';
import { DraftLibrary } from '../../electron/core/library/draftLibrary';
import { emptyDraftContent } from '../../shared/model/draft';
import { DeskPage } from './support/deskPage';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';

const DRAFTS = 600;

let host: RunningDevHost;

test.beforeAll(async () => {
  const folder = await makeDataFolder();
  // One minute apart, so the newest-first order is known: draft 600 on top, draft 1 at the bottom.
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const library = await DraftLibrary.open({
    folder,
    now: () => new Date((clock += 60_000)),
    logError: (message, error) => console.error(message, error),
  });
  for (let number = 1; number <= DRAFTS; number += 1) {
    await library.create({
      ...emptyDraftContent(),
      title: `Library draft ${number}`,
      commentary: `Words of ${number}.`,
    });
  }
  await library.close();
  host = await startDevHost(folder);
});

test.afterAll(async () => {
  await host.dispose();
});

test('a long library lists only the rows in view, scrolls to its oldest draft, and moves an edited one on top', async ({
  page,
}) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  const rows = desk.drafts.getByRole('listitem');
  await expect(rows.first()).toContainText('Library draft 600');
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(DRAFTS));
  expect(await rows.count()).toBeLessThan(60);

  await page.locator('.draft-scroller').evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight }));
  const oldest = rows.filter({ has: page.getByText('Library draft 1', { exact: true }) });
  await expect(oldest).toBeInViewport();
  await expect(oldest).toHaveAttribute('aria-posinset', String(DRAFTS));

  await oldest.click();
  await desk.title.fill('Library draft 1, revised');
  await expect(desk.saveStatus).toHaveText('Saved');
  await expect(rows.first()).toContainText('Library draft 1, revised');
  const revised = desk.drafts.getByRole('button', { name: /Library draft 1, revised/ });
  await expect(revised).toBeInViewport();
  await expect(revised).toHaveAttribute('aria-current', 'true');

  await page.reload();
  await expect(rows.first()).toContainText('Library draft 1, revised');
});

test('the keyboard moves through the whole list: arrows, Page Up/Down, Home and End', async ({ page }) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  const rows = desk.drafts.getByRole('listitem');
  const focusedRow = () =>
    page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset') ?? null);

  await rows.first().getByRole('button').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(focusedRow).toBe('3');
  await page.keyboard.press('End');
  await expect.poll(focusedRow).toBe(String(DRAFTS));
  await expect(page.locator(':focus')).toBeInViewport();
  await page.keyboard.press('PageUp');
  await expect.poll(focusedRow).toBe(String(DRAFTS - 10));
  await page.keyboard.press('Home');
  await expect.poll(focusedRow).toBe('1');
  await expect(page.locator(':focus')).toBeInViewport();
});

test('the page asks for the rows it shows: one page at start, the oldest rows only when scrolled to', async ({
  page,
}) => {
  const asked: { name: string; drafts: number }[] = [];
  page.on('response', async (response) => {
    const { pathname } = new URL(response.url());
    if (!pathname.startsWith('/api/listDraft')) return;
    const answer = (await response.json()) as { value?: { drafts?: unknown[] } | unknown[] };
    const drafts = Array.isArray(answer.value) ? answer.value : (answer.value?.drafts ?? []);
    asked.push({ name: pathname.slice('/api/'.length), drafts: drafts.length });
  });
  const desk = new DeskPage(page);
  await page.goto(host.url);
  // Drawn rows holding a draft (a row whose page is on its way holds none yet).
  const shown = desk.drafts.getByRole('listitem').filter({ has: page.getByRole('button') });
  await expect(shown.first()).toHaveAttribute('aria-posinset', '1');
  await expect.poll(() => asked.map(({ name }) => name)).toEqual(['listDraftPage']);
  expect(asked[0]?.drafts).toBeLessThan(DRAFTS / 2);

  await page.locator('.draft-scroller').evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight }));
  await expect(shown.last()).toHaveAttribute('aria-posinset', String(DRAFTS));
  await expect(shown.last()).toBeInViewport();
  expect(asked.every(({ name }) => name === 'listDraftPage')).toBe(true);
  expect(asked.reduce((sum, { drafts }) => sum + drafts, 0)).toBeLessThan(DRAFTS);

  // A new draft made down there goes on top, and the list goes there to show it (last: it adds a draft).
  await desk.newDraft.click();
  const made = desk.drafts.locator('li').filter({ has: page.locator('button[aria-current="true"]') });
  await expect(made).toHaveAttribute('aria-posinset', '1');
  await expect(made).toBeInViewport();
});
