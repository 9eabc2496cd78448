import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { slotMarker } from '../../shared/theme/themePage';
import { startThemedBlogFake, type ThemedBlogFake } from '../servers/themedBlogFake';
import { seedThemedLibrary, THEMED_ACCOUNT } from '../support/themeLibrary';
import { DeskPage } from './support/deskPage';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';
import { themedPage } from './support/themedFrame';

/**
 * Edits the writer made a moment ago, not yet saved (autosave waits for a pause), must survive
 * whatever else happens to the open draft at that moment: it is opened again, restored from the
 * trash, or shown in its blog's theme while that theme is taken again. Each test checks the
 * editor and the draft's document on disk.
 */

let host: RunningDevHost;
let blog: ThemedBlogFake | null = null;

test.afterEach(async ({ page: _page }, testInfo) => {
  await testInfo.attach('dev host log', { body: host.log(), contentType: 'text/plain' });
  await host.dispose();
  await blog?.stop();
  blog = null;
});

async function call(page: Page, name: string, input: unknown): Promise<unknown> {
  const response = await page.request.post(`${host.origin}/api/${name}`, {
    headers: { 'x-commonplace-token': host.token, 'content-type': 'application/json' },
    data: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error?.message ?? 'failed'}`);
  return result.value;
}

/** The draft's document as it is on disk (not through the app), found by its title. */
async function onDisk(page: Page, title: string): Promise<{ title: string; commentary: string; hashtags: string[] }> {
  const listed = (await call(page, 'listDrafts', { trash: 'include' })) as { id: string; title: string }[];
  const found = listed.find((draft) => draft.title === title);
  if (!found) throw new Error(`no draft titled ${title}: ${listed.map((draft) => draft.title).join(', ')}`);
  return JSON.parse(await readFile(path.join(host.dataFolder, 'drafts', `${found.id}.json`), 'utf8')) as {
    title: string;
    commentary: string;
    hashtags: string[];
  };
}

/** A new draft, waited for: typing before it is on the desk would go into the draft open before. */
async function newDraft(desk: DeskPage, title: string): Promise<void> {
  const rows = await desk.drafts.getByRole('listitem').count();
  await desk.newDraft.click();
  await expect(desk.drafts.getByRole('listitem')).toHaveCount(rows + 1);
  await expect(desk.title).toHaveValue('');
  await desk.title.fill(title);
}

/** Types at the end of the commentary (so the editor saves what it has) and waits until it is saved. */
async function typeAndSave(desk: DeskPage, words: string): Promise<void> {
  await desk.commentary.press('Control+End');
  await desk.commentary.pressSequentially(words);
  await expect(desk.saveStatus).toHaveText('Saved');
}

test('hashtags added just before the open draft is opened again stay, in the editor and on disk', async ({ page }) => {
  host = await startDevHost(await makeDataFolder());
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await newDraft(desk, 'Opened again');
  await desk.commentary.fill('Words.');
  await expect(desk.saveStatus).toHaveText('Saved');
  const tags = ['First', 'Second', 'Third', 'Fourth'];
  for (const tag of tags) {
    await desk.addHashtags(tag);
    // At once, within autosave's pause: the draft's own row, as a writer clicks it to get back to it.
    await desk.drafts.getByRole('button', { name: /Opened again/ }).click();
  }
  await expect(desk.hashtags.getByRole('listitem')).toHaveText(tags.map((tag) => `#${tag}✕`));
  await typeAndSave(desk, ' More words.');
  expect((await onDisk(page, 'Opened again')).hashtags).toEqual(tags);
});

// A trashed draft opens read-only, so the last edits a restore can meet are the ones made just
// before the draft was trashed: trashing saves them first, and the undo brings them back.
test('an edit made just before the draft is trashed is kept through the undo', async ({ page }) => {
  host = await startDevHost(await makeDataFolder());
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await newDraft(desk, 'Binned');
  await desk.commentary.fill('Words.');
  await expect(desk.saveStatus).toHaveText('Saved');
  await desk.addHashtags('Rescued');
  await page.getByRole('button', { name: 'Move to trash' }).click();
  const undo = page.getByRole('status', { name: 'Undo' });
  await undo.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: 'Move to trash' })).toBeVisible();
  await expect(desk.hashtags.getByRole('listitem')).toHaveText(['#Rescued✕']);
  await typeAndSave(desk, ' Back.');
  expect((await onDisk(page, 'Binned')).hashtags).toEqual(['Rescued']);
});

test('hashtags added just before the themed preview is shown stay while the theme is taken again', async ({ page }) => {
  test.setTimeout(120_000);
  blog = await startThemedBlogFake();
  const folder = await makeDataFolder();
  const stored = `<!DOCTYPE html><html><head>${slotMarker('head')}</head><body>
<h1 data-commonplace="title">${slotMarker('title')}</h1><div data-commonplace="body">${slotMarker('body')}</div>
<p data-commonplace="tags">${slotMarker('tags')}</p></body></html>`;
  // Taken eight days ago: showing it takes it again in the background, and the event follows.
  const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString();
  await seedThemedLibrary(
    folder,
    'Fake Blog',
    { page: stored, tags: { link: '<a href="#">{tag}</a>', separator: ', ' }, takenAt: eightDaysAgo },
    blog.url,
  );
  host = await startDevHost(folder);
  const desk = new DeskPage(page);
  const toggle = page.getByRole('button', { name: 'as on Fake Blog' });
  const frame = themedPage(page);
  await page.goto(host.url);
  const takenAt = async () =>
    ((await call(page, 'listThemeSnapshots', {})) as { takenAt: string }[]).map((info) => info.takenAt)[0];

  for (let round = 1; round <= 4; round++) {
    const title = `Round ${round}`;
    const tags = [`Before${round}`, `Toggle${round}`];
    await newDraft(desk, title);
    await desk.commentary.fill('Words of my own.');
    const before = await takenAt();
    await desk.addHashtags(...tags);
    // From the second round on, the snapshot is taken again on request, while the preview opens.
    if (round > 1) void call(page, 'takeThemeSnapshot', { accountId: THEMED_ACCOUNT });
    await toggle.click();
    const shownTags = frame.locator('[data-commonplace="tags"]');
    await expect(shownTags).toHaveText(new RegExp(`${tags[0]}\\W+${tags[1]}`));
    await expect.poll(takenAt, { timeout: 30_000 }).not.toBe(before);
    // The new snapshot's page (the fake blog's, not the seeded one) is shown, with the tags.
    await expect(frame.locator('.site-header')).toContainText('The Fake Blog');
    await expect(shownTags).toHaveText(new RegExp(`${tags[0]}\\W+${tags[1]}`));
    await expect(desk.hashtags.getByRole('listitem')).toHaveText(tags.map((tag) => `#${tag}✕`));
    await typeAndSave(desk, ' More.');
    expect((await onDisk(page, title)).hashtags).toEqual(tags);
    await toggle.click();
  }
});
