import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DeskPage } from './support/deskPage';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';

interface ExamplePost {
  title: string;
  commentary: string;
  hashtags: string[];
  quotes: { excerpt: string; source: { title: string; author: string; publishedAtText: string } }[];
}
const example = JSON.parse(
  readFileSync(new URL('../fixtures/reblog-post.json', import.meta.url), 'utf8'),
) as ExamplePost;
const exampleQuote = example.quotes[0];
if (!exampleQuote) throw new Error('the example post has a quote');
const SOURCE_URL = 'https://www.rudaw.net/english/middleeast/iraq/isis-shadow';

let host: RunningDevHost;

test.beforeEach(async () => {
  host = await startDevHost(await makeDataFolder());
});

test.afterEach(async ({ page: _page }, testInfo) => {
  await testInfo.attach('dev host log', { body: host.log(), contentType: 'text/plain' });
  await host.dispose();
});

test('writes the example post and the preview shows every part of it, also after a reload', async ({ page }) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.title.fill(example.title);
  await desk.commentary.fill(example.commentary);
  await desk.addQuoteWith(exampleQuote.excerpt, {
    title: exampleQuote.source.title,
    author: exampleQuote.source.author,
    date: exampleQuote.source.publishedAtText,
    url: SOURCE_URL,
  });
  await desk.addHashtags('ISIS', 'Iraq');

  async function expectThePost(): Promise<void> {
    await expect(desk.preview.getByRole('heading', { name: example.title })).toBeVisible();
    await expect(desk.preview.getByText('I think there is a bit of truth to this')).toBeVisible();
    const blockquote = desk.preview.locator('blockquote');
    await expect(blockquote).toHaveAttribute('cite', SOURCE_URL);
    await expect(blockquote.locator('.quote-source')).toHaveText(
      `${exampleQuote?.source.title ?? ''} — Rudaw, yesterday at 09:51`,
    );
    await expect(blockquote).toContainText('ERBIL, Kurdistan Region');
    await expect(blockquote).toContainText('[the recent liberation campaign in\u2026');
    const via = desk.preview.getByRole('link', { name: exampleQuote?.source.title ?? '' });
    await expect(via).toHaveAttribute('href', SOURCE_URL);
    await expect(desk.preview.getByRole('list', { name: 'Tags' })).toHaveText('#ISIS#Iraq');
  }

  await expectThePost();
  await expect(desk.saveStatus).toHaveText('Saved');
  await page.reload();
  await page.getByRole('button', { name: new RegExp(example.title.slice(0, 30)) }).click();
  await expectThePost();
  await expect(desk.title).toHaveValue(example.title);
});

test('reorders quotes by button and keyboard, and removes one with undo', async ({ page }) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.title.fill('Two sources');
  const source = (title: string) => ({
    title,
    author: 'Someone',
    date: '2026-11-01',
    url: `https://example.com/${title}`,
  });
  await desk.addQuoteWith('The first passage.', source('First'));
  await desk.addQuoteWith('The second passage.', source('Second'));
  const cites = desk.preview.locator('blockquote cite');
  await expect(cites).toHaveText(['First', 'Second']);

  await desk.quote(2).getByRole('button', { name: 'Move quote 2 up' }).click();
  await expect(cites).toHaveText(['Second', 'First']);
  await desk.quote(2).getByRole('textbox', { name: 'Excerpt of quote 2' }).press('Alt+ArrowUp');
  await expect(cites).toHaveText(['First', 'Second']);

  await desk.quote(1).getByRole('button', { name: 'Remove quote 1' }).click();
  await expect(cites).toHaveText(['Second']);
  await page.getByRole('status', { name: 'Undo' }).getByRole('button', { name: 'Undo' }).click();
  await expect(cites).toHaveText(['First', 'Second']);
  await expect(desk.saveStatus).toHaveText('Saved');
  await page.reload();
  await page.getByRole('button', { name: /Two sources/ }).click();
  await expect(cites).toHaveText(['First', 'Second']);
});

test('offers the library’s tags, refuses a duplicate with a hint, and searches the library', async ({ page }) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.title.fill('On the Iraq war');
  await desk.commentary.fill('A note about Mosul.');
  await desk.addHashtags('Iraq', 'Mosul');
  await expect(desk.saveStatus).toHaveText('Saved');

  await desk.newDraft.click();
  await desk.title.fill('Gardens');
  await desk.commentary.fill('Roses need sun.');
  await desk.hashtagEntry.fill('ir');
  const suggestions = page.getByRole('listbox', { name: 'Hashtags in your library' });
  await expect(suggestions.getByRole('option')).toHaveText(['#Iraq 1']);
  await desk.hashtagEntry.press('Enter');
  await expect(desk.hashtags).toContainText('#Iraq');
  await desk.addHashtags('IRAQ');
  await expect(page.getByText('#IRAQ is already a tag of this post.')).toBeVisible();
  await expect(desk.hashtags.getByRole('listitem')).toHaveCount(1);
  await expect(desk.saveStatus).toHaveText('Saved');

  await desk.search.fill('mosul');
  await expect(desk.drafts.getByRole('listitem')).toHaveCount(1);
  await expect(desk.drafts).toContainText('On the Iraq war');
  await desk.search.fill('roses');
  await expect(desk.drafts).toContainText('Gardens');
  await expect(desk.drafts.getByRole('listitem')).toHaveCount(1);
  await desk.search.fill('');
  await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption('Iraq');
  await expect(desk.drafts.getByRole('listitem')).toHaveCount(2);
});

test('moves hashtags typed in the title into the tags, as the example post writes them', async ({ page }) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.title.fill('Can this be really true? #ISIS #Iraq');
  await desk.commentary.click();
  await expect(desk.title).toHaveValue('Can this be really true?');
  await expect(desk.hashtags).toHaveText(/#ISIS.*#Iraq/);
});

test('moves a draft to the trash and back, and restores an earlier version', async ({ page }) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.title.fill('Second thoughts');
  await expect(desk.saveStatus).toHaveText('Saved');

  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: 'Earlier versions' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await history.getByRole('button', { name: 'Compare and restore…' }).click();
  await history.getByRole('button', { name: 'Restore this version' }).click();
  await expect(desk.title).toHaveValue('');
  await desk.title.fill('Second thoughts, kept');
  await expect(desk.saveStatus).toHaveText('Saved');

  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(desk.drafts).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Show the trash' }).check();
  await page.getByRole('button', { name: /Second thoughts, kept/ }).click();
  await page.getByRole('button', { name: 'Restore from trash' }).click();
  await page.getByRole('checkbox', { name: 'Show the trash' }).uncheck();
  await expect(desk.drafts).toContainText('Second thoughts, kept');
});

test('a long title wraps in full and stays one line of text', async ({ page }) => {
  const desk = new DeskPage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.title.fill(`${example.title}\nwith a pasted second line`);
  await expect(desk.title).toHaveValue(`${example.title} with a pasted second line`);
  await desk.title.press('End');
  await desk.title.press('Enter');
  await expect(desk.title).toHaveValue(`${example.title} with a pasted second line`);
  const box = await desk.title.boundingBox();
  // One line of the title is about 55 px with its padding: the whole title shows, on two lines or more.
  expect(box?.height ?? 0).toBeGreaterThan(70);
});

test('the preview links each quote to its passage when asked, keeping cite the source itself', async ({ page }) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.title.fill('Passage links');
  await desk.addQuoteWith('The remaining militants may have seen the writing on the wall.', {
    title: 'A shadow',
    author: 'Rudaw',
    date: '2026-11-01',
    url: SOURCE_URL,
  });
  const via = desk.preview.getByRole('link', { name: 'A shadow' });
  await expect(via).toHaveAttribute('href', SOURCE_URL);
  await page.getByRole('checkbox', { name: 'Link to the passage' }).check();
  await expect(via).toHaveAttribute(
    'href',
    `${SOURCE_URL}#:~:text=The%20remaining%20militants%20may,writing%20on%20the%20wall.`,
  );
  await expect(desk.preview.locator('blockquote')).toHaveAttribute('cite', SOURCE_URL);
});

test('writes right to left: Arabic and Hebrew run right to left in the title, the commentary and the preview', async ({
  page,
}) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.title.fill('عنوان المقالة');
  await desk.commentary.fill('مرحبا بالعالم، هذه فقرة.\n\nAn English paragraph.\n\nשלום עולם.');
  await desk.addHashtags('#🕊️peace');

  const direction = (locator: ReturnType<typeof page.locator>) =>
    locator.evaluate((element) => getComputedStyle(element).direction);
  await expect.poll(() => direction(desk.title)).toBe('rtl');
  const lines = desk.commentary.locator('.cm-line');
  await expect.poll(() => direction(lines.nth(0))).toBe('rtl');
  await expect.poll(() => direction(lines.nth(2))).toBe('ltr');
  await expect.poll(() => direction(lines.nth(4))).toBe('rtl');
  await expect.poll(() => direction(desk.preview.getByRole('heading', { name: 'عنوان المقالة' }))).toBe('rtl');
  await expect.poll(() => direction(desk.preview.getByText('مرحبا بالعالم، هذه فقرة.'))).toBe('rtl');
  await expect.poll(() => direction(desk.preview.getByText('An English paragraph.'))).toBe('ltr');
  await expect.poll(() => direction(desk.preview.getByText('שלום עולם.'))).toBe('rtl');
  // The emoji goes whole from the hashtag: no variation selector left in front of the word.
  await expect(desk.hashtags).toHaveText(/^#?peace/);
  await expect(desk.saveStatus).toHaveText('Saved');
});

test('a rewrite of the whole commentary keeps the version before it, and restoring shows what changes first', async ({
  page,
}) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.title.fill('A draft rewritten');
  const first = 'The first version of this commentary, long enough to be worth keeping when it is replaced. '.repeat(3);
  await desk.commentary.fill(first.trim());
  await expect(desk.saveStatus).toHaveText('Saved');
  await desk.commentary.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Something else entirely.');
  await expect(desk.saveStatus).toHaveText('Saved');

  await page.getByRole('button', { name: 'History', exact: true }).click();
  const history = page.getByRole('dialog', { name: 'Earlier versions' });
  await history.getByRole('button', { name: 'Compare and restore…' }).first().click();
  const changes = history.getByLabel('What restoring changes');
  await expect(changes.locator('ins').first()).toContainText('first version of this commentary');
  await expect(changes.locator('del')).toHaveText('Something else entirely');
  await history.getByRole('button', { name: 'Restore this version' }).click();
  await expect(desk.commentary).toContainText('The first version of this commentary');
});

test('typing while a new draft is on its way waits for it, instead of going into the draft leaving', async ({
  page,
}) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.title.fill('The first draft');
  await expect(desk.saveStatus).toHaveText('Saved');

  // The new draft takes its time to arrive, as it may on a busy machine.
  await page.route('**/createDraft', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await desk.newDraft.click();
  await desk.title.fill('The second draft');
  await expect(desk.saveStatus).toHaveText('Saved');
  await expect(desk.drafts.getByRole('listitem')).toHaveCount(2);
  await expect(desk.drafts).toContainText('The first draft');
  await expect(desk.drafts).toContainText('The second draft');
});
