import { mkdir } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { mountSmallDisk, smallDiskSkipReason, type SmallDisk } from '../support/smallDisk';
import { DeskPage } from './support/deskPage';
import { startDevHost, type RunningDevHost } from './support/devHost';
import { callHost } from './support/hostApi';

const skipReason = smallDiskSkipReason();

test.describe('the disk fills up under the writer', () => {
  test.skip(skipReason !== null, skipReason ?? '');
  let disk: SmallDisk;
  let host: RunningDevHost;

  test.beforeEach(async () => {
    disk = await mountSmallDisk();
    await mkdir(disk.folder, { recursive: true });
    host = await startDevHost(disk.folder);
  });
  test.afterEach(async ({ page: _page }, testInfo) => {
    await testInfo.attach('dev host log', { body: host.log(), contentType: 'text/plain' });
    await host.stop();
    await disk.unmount();
  });

  test('the writer is told in words, keeps typing, and saving resumes by itself once there is room', async ({
    page,
  }) => {
    const desk = new DeskPage(page);
    await page.goto(host.url);
    await desk.newDraft.click();
    await desk.title.fill('Written on a full disk');
    await expect(desk.saveStatus).toHaveText('Saved');

    await disk.fill();
    await desk.commentary.click();
    await desk.commentary.pressSequentially('First words after the disk filled.');
    const failed = page.getByRole('alert', { name: 'Save status' });
    await expect(failed).toContainText(
      'the disk is full. Your words stay on screen; free some space and saving resumes by itself.',
    );
    await desk.commentary.pressSequentially(' And more.');
    await expect(desk.commentary).toHaveText('First words after the disk filled. And more.');

    await disk.free();
    // No click on Retry: the page tries again by itself.
    await expect(desk.saveStatus).toHaveText('Saved', { timeout: 20_000 });
    const [summary] = await callHost(host, 'listDrafts', {});
    const saved = await callHost(host, 'getDraft', { id: summary?.id ?? '' });
    expect(saved.commentary).toBe('First words after the disk filled. And more.');
  });
});
