import { expect, test } from '@playwright/test';
import { DeskPage } from './support/deskPage';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';

let host: RunningDevHost;

test.beforeEach(async () => {
  host = await startDevHost(await makeDataFolder());
});

test.afterEach(async ({ page: _page }, testInfo) => {
  await testInfo.attach('dev host log', { body: host.log(), contentType: 'text/plain' });
  await host.dispose();
});

test('a new draft starts with the caret in its title', async ({ page }) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await expect(desk.title).toBeFocused();
  await page.keyboard.type('Typed at once');
  await expect(desk.title).toHaveValue('Typed at once');
});

test("the app's shortcuts work while typing in the title, the commentary, the hashtags and a quote", async ({
  page,
}) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.title.fill('Shortcuts');

  await desk.title.press('Control+k');
  await expect(desk.search).toBeFocused();

  await desk.commentary.click();
  await page.keyboard.type('Some words');
  await page.keyboard.press('Control+/');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  // The commentary kept its text: CodeMirror's own Ctrl+/ (a comment) no longer takes the key.
  await expect(desk.commentary).toHaveText('Some words');
  await sheet.getByRole('button', { name: 'Close' }).click();

  await desk.hashtagEntry.click();
  await desk.hashtagEntry.press('Control+Shift+P');
  await expect(desk.preview).toHaveCount(0);
  await desk.hashtagEntry.press('Control+Shift+P');
  await expect(desk.preview).toBeVisible();

  await desk.addQuote.click();
  const excerpt = desk.quote(1).getByRole('textbox', { name: /^Excerpt of quote/ });
  await excerpt.fill('A passage.');
  await excerpt.press('Control+Shift+Enter');
  await expect(page.getByRole('navigation', { name: 'Library' })).toHaveCount(0);
  await excerpt.press('Control+Shift+Enter');
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();

  // Keys the fields need stay theirs: select all and undo in the commentary.
  await desk.commentary.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Replaced');
  await expect(desk.commentary).toHaveText('Replaced');
  await page.keyboard.press('Control+z');
  await expect(desk.commentary).toHaveText('Some words');
});

test('Tab leaves the commentary, unless Tab indents; then Esc, Tab leaves', async ({ page }) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.commentary.click();
  await page.keyboard.type('First line');
  await page.keyboard.press('Tab');
  await expect(desk.commentary).not.toBeFocused();
  await expect.poll(() => desk.commentary.evaluate((element) => element.textContent)).toBe('First line');

  await page.keyboard.press('Control+/');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByRole('definition').filter({ hasText: 'Esc, then Tab' })).toBeVisible();
  await sheet.getByRole('checkbox', { name: 'Tab indents in the commentary' }).check();
  await sheet.getByRole('button', { name: 'Close' }).click();

  await desk.commentary.click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  await expect(desk.commentary).toBeFocused();
  await expect.poll(() => desk.commentary.evaluate((element) => element.textContent)).toBe('  First line');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(desk.commentary).not.toBeFocused();
});

test('Down and Enter move from the search into its results', async ({ page }) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  for (const title of ['Apples and pears', 'Oranges']) {
    await desk.newDraft.click();
    await desk.title.fill(title);
    await expect(desk.saveStatus).toHaveText('Saved');
  }
  await desk.search.fill('apples');
  await expect(desk.drafts.getByRole('listitem')).toHaveCount(1);
  await desk.search.press('ArrowDown');
  await expect(desk.drafts.getByRole('button', { name: /Apples and pears/ })).toBeFocused();
  await desk.search.fill('apples');
  await desk.search.press('Enter');
  await expect(desk.title).toHaveValue('Apples and pears');
  await expect(desk.drafts.getByRole('button', { name: /Apples and pears/ })).toBeFocused();
});
