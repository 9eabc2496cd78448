import { expect, type Locator, type Page } from '@playwright/test';
import type { WordPressServer } from '../../servers/wordpress';

/**
 * Opens the Blogs dialog, adds the WordPress blog as a writer would (address, user, application
 * password), waits until the dialog says it was added, and returns the dialog, still open.
 */
export async function addWordPressBlog(page: Page, wordpress: WordPressServer): Promise<Locator> {
  await page.getByRole('button', { name: 'Blogs', exact: true }).click();
  const blogs = page.getByRole('dialog', { name: 'Blogs' });
  await blogs.getByRole('textbox', { name: 'Blog address' }).fill(wordpress.url);
  await blogs.getByRole('textbox', { name: 'User name' }).fill(wordpress.user);
  await blogs.getByLabel('Password or key').fill(wordpress.applicationPassword);
  await blogs.getByRole('button', { name: 'Add blog' }).click();
  await expect(blogs.getByRole('status')).toContainText('Added “');
  return blogs;
}
