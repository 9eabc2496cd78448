import { expect, test } from '@playwright/test';
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

async function trashedDrafts(titles: readonly string[]): Promise<void> {
  for (const title of titles) {
    const draft = await callHost(host, 'createDraft', {
      content: { title, commentary: '', quotes: [], hashtags: [], featuredImage: null },
    });
    await callHost(host, 'trashDraft', { id: draft.id });
  }
}

test('emptying the trash asks, naming how many, with Cancel focused; a slip of the keys deletes nothing', async ({
  page,
}) => {
  await trashedDrafts(['First binned', 'Second binned']);
  await page.goto(host.url);
  const showTrash = page.getByRole('checkbox', { name: 'Show the trash' });
  await showTrash.check();
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('listitem')).toHaveCount(2);
  // The slip: the next stop after "Show the trash", then Space and Enter.
  await showTrash.focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Empty the trash…' })).not.toBeFocused();

  await page.getByRole('button', { name: 'Empty the trash…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Empty the trash?' });
  await expect(confirm).toContainText('2 drafts in the trash will be deleted, with their history.');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(confirm).toBeHidden();
  await page.getByRole('button', { name: 'Empty the trash…' }).click();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await page.getByRole('button', { name: 'Empty the trash…' }).click();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  expect(await callHost(host, 'listDrafts', { trash: 'only' })).toHaveLength(2);
});

test('an emptied trash can be undone, drafts and their history back', async ({ page }) => {
  await trashedDrafts(['Kept after all']);
  await page.goto(host.url);
  await page.getByRole('checkbox', { name: 'Show the trash' }).check();
  await page.getByRole('button', { name: 'Empty the trash…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete 1 draft' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  expect(await callHost(host, 'listDrafts', { trash: 'only' })).toHaveLength(0);

  const undo = page.getByRole('status', { name: 'Undo' });
  await expect(undo).toContainText('Deleted 1 draft for good.');
  await undo.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('list', { name: 'Drafts' })).toContainText('Kept after all');
  expect((await callHost(host, 'listDrafts', { trash: 'only' })).map((draft) => draft.title)).toEqual([
    'Kept after all',
  ]);
});

test('trashing a draft offers an undo; a trashed draft opens read-only with Restore, and cannot be published', async ({
  page,
}) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.title.fill('Second thoughts');
  await page.getByRole('button', { name: 'Move to trash' }).click();
  const undo = page.getByRole('status', { name: 'Undo' });
  await expect(undo).toContainText('Moved “Second thoughts” to the trash.');
  await undo.getByRole('button', { name: 'Undo' }).click();
  await expect(desk.title).toHaveValue('Second thoughts');
  await expect(desk.drafts).toContainText('Second thoughts');

  await page.getByRole('button', { name: 'Move to trash' }).click();
  await page.getByRole('checkbox', { name: 'Show the trash' }).check();
  await page.getByRole('button', { name: /Second thoughts/ }).click();
  const banner = page.getByRole('status', { name: 'In the trash' });
  await expect(banner).toContainText('This draft is in the trash');
  await expect(desk.title).toBeDisabled();
  await expect(desk.commentary).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();

  await banner.getByRole('button', { name: 'Restore' }).click();
  await expect(banner).toBeHidden();
  await expect(desk.title).toBeEnabled();
  await desk.title.fill('Second thoughts, restored');
  await expect(desk.saveStatus).toHaveText('Saved');
});
