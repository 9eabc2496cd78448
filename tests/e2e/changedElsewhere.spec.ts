import { expect, test, type BrowserContext, type Page, type Route } from '@playwright/test';
import { API_PATH } from '../../shared/contract';
import { DeskPage } from './support/deskPage';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';
import { callHost } from './support/hostApi';

/**
 * The draft open on a desk is saved elsewhere: in a second window (a second page on the same dev
 * host) or by a command (a call straight to the host, as the CLI makes). A desk with nothing
 * unsaved shows the newer version at once; a desk with edits not yet acknowledged keeps them,
 * says so, and lets the writer choose, with the version not chosen kept in the draft's history.
 */

let host: RunningDevHost;

test.beforeEach(async () => {
  host = await startDevHost(await makeDataFolder());
});

test.afterEach(async ({ page: _page }, testInfo) => {
  await testInfo.attach('dev host log', { body: host.log(), contentType: 'text/plain' });
  await host.dispose();
});

const LINES = Array.from({ length: 60 }, (_, index) => `Line ${index + 1} of what I first wrote.`).join('\n');

async function sharedDraft(): Promise<string> {
  const draft = await callHost(host, 'createDraft', {
    content: { title: 'Shared draft', commentary: LINES, quotes: [], hashtags: ['first'], featuredImage: null },
  });
  return draft.id;
}

/** A window on the desk with the shared draft open. */
async function openWindow(page: Page): Promise<DeskPage> {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.drafts.getByRole('button', { name: /Shared draft/ }).click();
  await expect(desk.title).toHaveValue('Shared draft');
  return desk;
}

/** Holds the page's next save until `release` is called: typed, and not yet acknowledged. */
async function holdNextSave(page: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    `**${API_PATH}saveDraft`,
    async (route: Route) => {
      await released;
      await route.continue();
    },
    { times: 1 },
  );
  return () => release();
}

const editorScroll = (page: Page) => page.locator('.editor-scroll');

/**
 * Two windows on the shared draft: `edit` types in both, and what this one typed is not
 * acknowledged until the other window's save is; returns the revision the other window saved.
 */
async function editBoth(
  page: Page,
  context: BrowserContext,
  edit: (here: DeskPage, other: DeskPage) => Promise<void>,
): Promise<{ id: string; here: DeskPage; other: DeskPage; theirs: number }> {
  const id = await sharedDraft();
  const here = await openWindow(page);
  const other = await openWindow(await context.newPage());
  const release = await holdNextSave(page);
  await edit(here, other);
  await expect(other.saveStatus).toHaveText('Saved');
  const theirs = (await callHost(host, 'getDraft', { id })).revision;
  release();
  return { id, here, other, theirs };
}

test('a desk with nothing unsaved shows the version saved in another window or by a command at once, where the writer was', async ({
  page,
  context,
}) => {
  const id = await sharedDraft();
  const here = await openWindow(page);
  // The writer works at the end of the commentary, scrolled down to it.
  await here.commentary.press('Control+End');
  await here.commentary.pressSequentially(' Mine.');
  await expect(here.saveStatus).toHaveText('Saved');
  await editorScroll(page).evaluate((element) => (element.scrollTop = 300));

  const other = await openWindow(await context.newPage());
  await expect(other.preview).toContainText('what I first wrote. Mine.');
  await other.title.fill('Retitled in the other window');
  await other.addHashtags('second');
  await other.commentary.press('Control+Home');
  await other.commentary.pressSequentially('Added first. ');
  await expect(other.saveStatus).toHaveText('Saved');

  await expect(here.title).toHaveValue('Retitled in the other window');
  await expect(here.preview).toContainText('Added first. Line 1');
  await expect(here.hashtags.getByRole('listitem')).toHaveText(['#first✕', '#second✕']);
  await expect(here.preview).toContainText('Added first.');
  await expect(here.saveStatus).toHaveText('Saved');
  expect(await editorScroll(page).evaluate((element) => element.scrollTop)).toBe(300);

  // The caret is where it was in the text ("Added first. " came before it), and an undo has
  // nothing of the old copy to bring back: only the writer's own typing since is undone.
  await page.bringToFront();
  await page.keyboard.type(' Still mine.');
  await expect(here.preview).toContainText('first wrote. Mine. Still mine.');
  await expect(here.saveStatus).toHaveText('Saved');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(here.preview).not.toContainText('Still mine.');
  await expect(here.title).toHaveValue('Retitled in the other window');
  await expect(here.preview).toContainText('Added first. Line 1');
  await expect(here.preview).toContainText('first wrote. Mine.');
  await expect
    .poll(async () => (await callHost(host, 'getDraft', { id })).commentary)
    .toBe(`Added first. ${LINES} Mine.`);
  await expect(here.saveStatus).toHaveText('Saved');

  // A command (the CLI, a script) saving the draft: the same.
  await callHost(host, 'saveDraft', { id, changes: { title: 'Retitled by a command', hashtags: ['cli'] } });
  await expect(here.title).toHaveValue('Retitled by a command');
  await expect(here.hashtags.getByRole('listitem')).toHaveText(['#cli✕']);
  await expect(other.title).toHaveValue('Retitled by a command');
  await expect(here.saveStatus).toHaveText('Saved');
});

test('edits not yet saved when another window saves stay, the writer is told, and keeping them keeps the other version in History', async ({
  page,
  context,
}) => {
  const { id, here, other, theirs } = await editBoth(page, context, async (here, other) => {
    await here.commentary.press('Control+End');
    await here.commentary.pressSequentially(' Typed here.');
    await other.title.fill('Retitled in the other window');
  });

  const bar = page.getByRole('alert', { name: 'Changed elsewhere' });
  await expect(bar).toContainText('your edits here are not saved yet');
  await expect(here.saveStatus).toHaveText('Not saved: changed elsewhere');
  await expect(here.preview).toContainText('first wrote. Typed here.');
  await expect(here.title).toHaveValue('Shared draft');
  // More typing meanwhile stays here too, and is not sent over the other version.
  await here.commentary.pressSequentially(' And more.');
  await expect(here.saveStatus).toHaveText('Not saved: changed elsewhere');
  expect(await callHost(host, 'getDraft', { id })).toMatchObject({
    title: 'Retitled in the other window',
    revision: theirs,
  });
  for (const [width, colorScheme] of [
    [1280, 'light'],
    [1024, 'dark'],
  ] as const) {
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: test.info().outputPath(`changed-elsewhere-${width}-${colorScheme}.png`) });
  }

  await bar.getByRole('button', { name: 'Keep my version' }).click();
  await expect(bar).toBeHidden();
  await expect(here.saveStatus).toHaveText('Saved');
  const kept = await callHost(host, 'getDraft', { id });
  expect(kept).toMatchObject({ title: 'Shared draft', revision: theirs + 1 });
  expect(kept.commentary).toContain('Typed here. And more.');
  expect(await callHost(host, 'getRevision', { id, revision: theirs })).toMatchObject({
    title: 'Retitled in the other window',
  });
  // The other window had nothing unsaved: it shows the version kept.
  await expect(other.title).toHaveValue('Shared draft');
  await expect(other.preview).toContainText('Typed here. And more.');
  await expect(other.saveStatus).toHaveText('Saved');
});

test('taking the other version shows it, and the edits made here stay in History', async ({ page, context }) => {
  const { id, here, other } = await editBoth(page, context, async (here, other) => {
    await here.title.fill('Retitled here');
    await other.commentary.press('Control+End');
    await other.commentary.pressSequentially(' From the other window.');
  });

  const bar = page.getByRole('alert', { name: 'Changed elsewhere' });
  await bar.getByRole('button', { name: 'Use the other version' }).click();
  await expect(bar).toBeHidden();
  await expect(here.title).toHaveValue('Shared draft');
  await expect(here.preview).toContainText('From the other window.');
  await expect(here.saveStatus).toHaveText('Saved');
  expect(await callHost(host, 'getDraft', { id })).toMatchObject({ title: 'Shared draft' });
  const history = await callHost(host, 'listRevisions', { id });
  const mine = await Promise.all(history.map(({ revision }) => callHost(host, 'getRevision', { id, revision })));
  expect(mine.map((content) => content.title)).toContain('Retitled here');
  await expect(other.title).toHaveValue('Shared draft');
});

test('opening another draft while edits here were refused keeps them, and the other version in History', async ({
  page,
  context,
}) => {
  await callHost(host, 'createDraft', {
    content: { title: 'Another draft', commentary: '', quotes: [], hashtags: [], featuredImage: null },
  });
  const { id, here, other, theirs } = await editBoth(page, context, async (here, other) => {
    await here.title.fill('Retitled here');
    await other.title.fill('Retitled in the other window');
  });
  await expect(page.getByRole('alert', { name: 'Changed elsewhere' })).toBeVisible();

  await here.drafts.getByRole('button', { name: /Another draft/ }).click();
  await expect(here.title).toHaveValue('Another draft');
  await expect.poll(async () => (await callHost(host, 'getDraft', { id })).title).toBe('Retitled here');
  expect(await callHost(host, 'getRevision', { id, revision: theirs })).toMatchObject({
    title: 'Retitled in the other window',
  });
  await expect(other.title).toHaveValue('Retitled here');
});
