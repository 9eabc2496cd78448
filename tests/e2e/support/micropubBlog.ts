import type { Page } from '@playwright/test';
import type { MicropubServer } from '../../servers/micropub';

/** Fills the open Blogs dialog's add form for the Micropub site (at `address`, as typed) and submits it. */
export async function addMicropubBlog(page: Page, site: MicropubServer, address = site.url): Promise<void> {
  const blogs = page.getByRole('dialog', { name: 'Blogs' });
  await blogs.getByRole('combobox', { name: 'Kind' }).selectOption('micropub');
  await blogs.getByRole('textbox', { name: 'Blog address' }).fill(address);
  await blogs.getByLabel('Password or key').fill(site.token);
  await blogs.getByRole('button', { name: 'Add blog' }).click();
}
