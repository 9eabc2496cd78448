import { execFile } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, type Locator, type Page } from '@playwright/test';

export const run = promisify(execFile);
const HUGO_SITE = fileURLToPath(new URL('../../fixtures/sites/hugo/', import.meta.url));

/** The test Hugo site, committed in a repository of its own (no remote) in a new temp folder; returns its folder. */
export async function hugoSiteRepository(made: (folder: string) => void): Promise<string> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'commonplace-e2e-site-'));
  made(parent);
  const site = path.join(parent, 'site');
  await cp(HUGO_SITE, site, { recursive: true });
  const identity = ['-c', 'user.name=Writer', '-c', 'user.email=writer@example.org'];
  await run('git', ['-C', site, 'init', '--quiet', '--initial-branch=main']);
  await run('git', ['-C', site, 'add', '.']);
  await run('git', ['-C', site, ...identity, 'commit', '--quiet', '-m', 'The site']);
  return site;
}

/** Adds the site in the Blogs dialog, as a writer does; returns the dialog, still open. */
export async function addHugoSite(page: Page, site: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Blogs', exact: true }).click();
  const blogs = page.getByRole('dialog', { name: 'Blogs' });
  await blogs.getByRole('combobox', { name: 'Kind' }).selectOption('static');
  await blogs.getByRole('textbox', { name: 'Site folder' }).fill(site);
  await blogs.getByRole('combobox', { name: 'Generator' }).selectOption('hugo');
  await blogs.getByRole('button', { name: 'Add blog' }).click();
  await expect(blogs.getByRole('status')).toContainText('Added “Commonplace test site (Hugo)”');
  return blogs;
}
