import { expect, test } from '@playwright/test';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';

let host: RunningDevHost;

test.beforeEach(async () => {
  host = await startDevHost(await makeDataFolder());
});

test.afterEach(async ({ page: _page }, testInfo) => {
  await testInfo.attach('dev host log', { body: host.log(), contentType: 'text/plain' });
  await host.dispose();
});

test('a new draft autosaves, previews as typed, and survives a restart of the host', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByText('No drafts yet')).toBeVisible();

  await page.getByRole('button', { name: 'New draft', exact: true }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('A shadow of its former self');
  await page
    .getByRole('textbox', { name: 'Commentary' })
    .fill('I think there is a *bit of truth* to this.\n\nThey are strong in Syria.');

  const preview = page.getByRole('article', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: 'A shadow of its former self' })).toBeVisible();
  await expect(preview.locator('em')).toHaveText('bit of truth');
  await expect(preview.getByText('They are strong in Syria.')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');

  await host.stop();
  host = await startDevHost(host.dataFolder);
  await page.goto(host.url);
  await page.getByRole('button', { name: /A shadow of its former self/ }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('A shadow of its former self');
  const commentary = page.getByRole('textbox', { name: 'Commentary' });
  await expect(commentary).toContainText('I think there is a *bit of truth* to this.');
  await expect(commentary).toContainText('They are strong in Syria.');
  await expect(preview.locator('em')).toHaveText('bit of truth');
});

test('the page refuses to load without the token', async ({ page }) => {
  const response = await page.goto(host.origin);
  expect(response?.status()).toBe(401);
  await expect(page.getByText('Open the address that "commonplace serve" printed')).toBeVisible();
});

test('closing the tab right after typing asks first, and saves the last words meanwhile', async ({ page, context }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New draft', exact: true }).click();
  const saveStatus = page.getByRole('status', { name: 'Save status' });
  await expect(saveStatus).toHaveText('Saved');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });

  await page.getByRole('textbox', { name: 'Title' }).pressSequentially('Last words before closing');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  await expect(saveStatus).toHaveText('Saved');
  const another = await context.newPage();
  await another.goto(host.url);
  await expect(another.getByRole('button', { name: /Last words before closing/ })).toBeVisible();

  // Once everything is saved, closing goes through without asking.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(dialogs).toEqual(['beforeunload']);
});
