import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { gitServerSkipReason } from '../servers/gitHttp';
import { writeWxr } from '../support/wxr';
import { DeskPage } from './support/deskPage';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';
import { addHugoSite, hugoSiteRepository, run } from './support/hugoSite';
const gitSkip = gitServerSkipReason();

let host: RunningDevHost;
const folders: string[] = [];

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'commonplace-e2e-archive-'));
  folders.push(folder);
  return folder;
}

test.beforeEach(async () => {
  host = await startDevHost(await makeDataFolder());
});
test.afterEach(async ({ page: _page }, testInfo) => {
  await testInfo.attach('dev host log', { body: host.log(), contentType: 'text/plain' });
  await host.dispose();
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

test('a static site added in the Blogs dialog: a draft published to it becomes a committed file', async ({ page }) => {
  test.skip(gitSkip !== null, gitSkip ?? '');
  test.setTimeout(90_000);
  const site = await hugoSiteRepository((folder) => folders.push(folder));

  const desk = new DeskPage(page);
  await page.goto(host.url);
  const blogs = await addHugoSite(page, site);
  await expect(blogs.getByRole('list', { name: 'Your blogs' })).toContainText('https://notes.example.org/');
  await blogs.getByRole('button', { name: 'Close' }).click();

  await desk.newDraft.click();
  await desk.title.fill('Notes from a static site');
  await desk.commentary.fill('Written at the *desk*, published as a file.');
  await expect(desk.saveStatus).toHaveText('Saved');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Publish' });
  await panel.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(panel.getByRole('status')).toHaveText('Published.', { timeout: 30_000 });
  await expect(panel.getByRole('link', { name: 'View post' })).toHaveAttribute(
    'href',
    'https://notes.example.org/posts/notes-from-a-static-site/',
  );
  const file = await readFile(path.join(site, 'content/posts/notes-from-a-static-site.html'), 'utf8');
  expect(file).toContain('<p>Written at the <em>desk</em>, published as a file.</p>');
  const { stdout: log } = await run('git', ['-C', site, 'log', '--format=%s']);
  expect(log).toBe('Publish “Notes from a static site”\nThe site\n');
});

test('File > Export and Import: the library out to a folder, a WordPress export in, with progress and a report', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const desk = new DeskPage(page);
  await page.goto(host.url);
  for (const title of ['First thoughts', 'Second thoughts']) {
    await desk.newDraft.click();
    await desk.title.fill(title);
    await desk.commentary.fill(`The ${title.toLowerCase()}.`);
    await expect(desk.saveStatus).toHaveText('Saved');
  }

  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export and import' });
  const exportTo = path.join(await tempFolder(), 'my library');
  await dialog.getByRole('textbox', { name: /Folder to export to/ }).fill(exportTo);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    `Exported 2 drafts to ${exportTo}; its README.md says what is where.`,
  );
  expect((await readdir(exportTo)).sort()).toEqual(expect.arrayContaining(['README.md']));
  expect(await readdir(exportTo)).toHaveLength(3);

  const wxr = path.join(await tempFolder(), 'wordpress.xml');
  await writeWxr(
    wxr,
    'https://old-blog.example.org/',
    Array.from({ length: 3 }, (_, index) => ({
      id: index + 1,
      content: {
        title: `Old post ${index + 1}`,
        commentary: 'From the old blog.',
        quotes: [],
        hashtags: ['old'],
        featuredImage: null,
      },
    })),
  );
  await dialog.getByRole('tab', { name: 'Import' }).click();
  const source = dialog.getByRole('textbox', { name: /A WordPress export/ });
  await source.fill(wxr);
  await dialog.getByRole('button', { name: 'Check only' }).click();
  await expect(dialog.getByRole('status', { name: 'What the import did' })).toContainText('Would import 3 new drafts.');
  await expect(desk.drafts.getByRole('listitem')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status', { name: 'What the import did' })).toContainText('Imported 3 new drafts.');
  await expect(desk.drafts.getByRole('listitem')).toHaveCount(5);

  const broken = path.join(await tempFolder(), 'broken.xml');
  await writeFile(broken, (await readFile(wxr, 'utf8')).slice(0, 1_500));
  await source.fill(broken);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('the file is cut short; export it again');
  await expect(desk.drafts.getByRole('listitem')).toHaveCount(5);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
