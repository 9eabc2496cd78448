import { expect, type Locator, type Page } from '@playwright/test';
import { DeskPage } from './deskPage';

/** Writes a new draft with this title, a few words and a hashtag, and waits until it is saved. */
export async function writeNewDraft(page: Page, title: string): Promise<void> {
  const desk = new DeskPage(page);
  await desk.newDraft.click();
  await desk.title.fill(title);
  await desk.commentary.fill('A few words on what I read.');
  await desk.addHashtags('Reading');
  await expect(desk.saveStatus).toHaveText('Saved');
}

/**
 * Writes a new draft with this title, sends it to the one blog as a draft on the blog and waits
 * until the panel says so; returns the publish panel and the blog's state line in it.
 */
export async function sendNewDraftAsDraft(page: Page, title: string): Promise<{ panel: Locator; state: Locator }> {
  await writeNewDraft(page, title);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Publish', exact: true });
  const state = panel.getByLabel(/^State on /);
  await panel.getByRole('radio', { name: 'As a draft on the blog' }).check();
  await panel.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(panel.getByRole('status')).toHaveText('Sent: the blog holds it as a draft.', { timeout: 30_000 });
  await expect(state.getByRole('link', { name: 'View post' })).toHaveCount(0);
  return { panel, state };
}
