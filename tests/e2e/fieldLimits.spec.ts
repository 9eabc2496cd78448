import { expect, test } from '@playwright/test';
import { limits } from '../../shared/model/limits';
import { DeskPage } from './support/deskPage';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';
import { callHost } from './support/hostApi';

let host: RunningDevHost;

test.beforeEach(async () => {
  host = await startDevHost(await makeDataFolder());
});

test.afterEach(async ({ page: _page }, testInfo) => {
  await testInfo.attach('dev host log', { body: host.log(), contentType: 'text/plain' });
  await host.dispose();
});

test('a 2,000-character title is cut at the limit in words, and everything typed after it is saved', async ({
  page,
}) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.title.fill('T'.repeat(2_000));
  await expect(
    page.getByText('The title holds at most 1,000 characters: what went past that was left out.'),
  ).toBeVisible();
  await expect(desk.title).toHaveValue('T'.repeat(limits.titleCharacters));
  await desk.commentary.fill('Typed after the long title.');
  await expect(desk.saveStatus).toHaveText('Saved');

  const [summary] = await callHost(host, 'listDrafts', {});
  const saved = await callHost(host, 'getDraft', { id: summary?.id ?? '' });
  expect(saved.title).toBe('T'.repeat(limits.titleCharacters));
  expect(saved.commentary).toBe('Typed after the long title.');
  await expect(page.getByText(/✖|Too big|content\.title/)).toHaveCount(0);
});

test('source fields and hashtags refuse past their limits in words', async ({ page }) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.addQuote.click();
  const quote = desk.quote(1);
  await quote.getByRole('textbox', { name: 'Author' }).fill('A'.repeat(limits.sourceFieldCharacters + 10));
  await expect(
    quote.getByText('An author holds at most 2,000 characters: what went past that was left out.'),
  ).toBeVisible();
  await quote.getByRole('textbox', { name: 'Author' }).press('Backspace');
  await expect(quote.getByText('1 character left: an author holds at most 2,000.')).toBeVisible();

  await desk.hashtagEntry.fill('x'.repeat(limits.hashtagCharacters + 5));
  await expect(
    page.getByText('A hashtag holds at most 100 characters: what went past that was left out.'),
  ).toBeVisible();
  await desk.hashtagEntry.press('Enter');
  await expect(desk.hashtags.getByRole('listitem')).toHaveCount(1);
  await expect(desk.saveStatus).toHaveText('Saved');
  const [summary] = await callHost(host, 'listDrafts', {});
  const saved = await callHost(host, 'getDraft', { id: summary?.id ?? '' });
  expect(saved.quotes[0]?.source.author).toBe('A'.repeat(limits.sourceFieldCharacters - 1));
  expect(saved.hashtags).toEqual(['x'.repeat(limits.hashtagCharacters)]);
});

test('a date or an address the browser takes but the library refuses never holds back the save', async ({ page }) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.addQuote.click();
  const quote = desk.quote(1);
  await quote.getByRole('textbox', { name: 'Date' }).fill('2016-02-31');
  await quote.getByRole('textbox', { name: 'Address' }).fill('http://a_b.example/page');
  await expect(quote.getByText('Not a web address (http:// or https://)')).toBeVisible();
  await desk.commentary.fill('Saved all the same.');
  await expect(desk.saveStatus).toHaveText('Saved');
  const [summary] = await callHost(host, 'listDrafts', {});
  const saved = await callHost(host, 'getDraft', { id: summary?.id ?? '' });
  expect(saved.commentary).toBe('Saved all the same.');
  expect(saved.quotes[0]?.source).toMatchObject({ publishedAt: null, publishedAtText: '2016-02-31', url: null });
});

test('more hashtags than a post holds: the first 100 are saved, the writer is told, the rest of the draft saves', async ({
  page,
}) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  const tags = Array.from({ length: limits.hashtagsPerDraft + 1 }, (_, index) => `#tag${index}`);
  await desk.title.fill(`Many tags ${tags.join(' ')}`);
  await desk.commentary.click();
  await desk.commentary.pressSequentially('Typed after.');
  await expect(page.getByRole('alert', { name: 'Save status' })).toHaveText(
    'Saved, except: The draft has more than 100 hashtags; only the first 100 are saved.',
  );
  const [summary] = await callHost(host, 'listDrafts', {});
  const saved = await callHost(host, 'getDraft', { id: summary?.id ?? '' });
  expect(saved.title).toBe('Many tags');
  expect(saved.commentary).toBe('Typed after.');
  expect(saved.hashtags).toHaveLength(limits.hashtagsPerDraft);
});
