import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';
import { heicFixture, htmlNamedPng, sampleImage } from '../electron/media/support/images';
import { gitServerSkipReason } from '../servers/gitHttp';
import { DeskPage } from './support/deskPage';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';
import { callHost } from './support/hostApi';
import { addHugoSite, hugoSiteRepository } from './support/hugoSite';
import { pasteFile } from './support/pasteFile';

let host: RunningDevHost;

test.beforeEach(async ({ page }) => {
  host = await startDevHost(await makeDataFolder());
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
});

test.afterEach(async ({ page: _page }, testInfo) => {
  await testInfo.attach('dev host log', { body: host.log(), contentType: 'text/plain' });
  await host.dispose();
});

test('a pasted image appears at the caret, asks for its alt text, and shows in the preview from the library', async ({
  page,
}) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.commentary.click();
  await page.keyboard.type('Look at this:');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await pasteFile(desk.commentary, await sampleImage('jpeg', 640, 480, { gps: true }), 'harbour.jpg', 'image/jpeg');

  const dialog = page.getByRole('dialog', { name: 'Describe the image' });
  await expect(dialog).toBeVisible();
  // Typing goes on meanwhile: the alt text is typed while the core processes the image.
  await dialog.getByRole('textbox', { name: 'Alt text' }).fill('Boats drawn up on the shingle at dusk');
  await dialog.getByRole('textbox', { name: /Caption/ }).fill('Aldeburgh, 2024');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  await expect(desk.commentary).toContainText(
    /!\[Boats drawn up on the shingle at dusk\]\(media:[0-9a-f]{64}\.jpg "Aldeburgh, 2024"\)/,
  );
  const shown = desk.preview.getByRole('img', { name: 'Boats drawn up on the shingle at dusk' });
  await expect(shown).toBeVisible();
  await expect(desk.preview.locator('figcaption')).toHaveText('Aldeburgh, 2024');
  expect(await shown.getAttribute('src')).toMatch(/^\/media\/[0-9a-f]{64}\.jpg$/);
  await expect.poll(() => shown.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(640);
  await expect(page.getByText('without alt text')).toHaveCount(0);

  // Typing after the image goes on at the caret.
  await page.keyboard.type(' And more words.');
  await expect(desk.commentary).toContainText('And more words.');
  await expect(desk.saveStatus).toHaveText(/Saved/);
});

test('a phone’s HEIC photo pasted lands as an upright JPEG, also when it comes without a type', async ({ page }) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.commentary.click();
  await page.keyboard.type('From the phone:');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  // Stored 64 × 48 and turned a quarter by the file's own transform, as an iPhone held upright writes.
  await desk.pasteImage({ bytes: heicFixture('rotated-gps'), name: 'IMG_0001.HEIC', type: 'image/heic' }, 'The quay');
  await expect(desk.commentary).toContainText(/!\[The quay\]\(media:[0-9a-f]{64}\.jpg\)/);
  const shown = desk.preview.getByRole('img', { name: 'The quay' });
  await expect
    .poll(() => shown.evaluate((image: HTMLImageElement) => `${image.naturalWidth}×${image.naturalHeight}`))
    .toBe('48×64');

  // Where the system does not know the format, the file comes with no type: its name is enough.
  await page.keyboard.press('Enter');
  await desk.pasteImage({ bytes: heicFixture('pattern'), name: 'IMG_0002.heic', type: '' }, 'The harbour wall');
  await expect(desk.commentary).toContainText(/!\[The harbour wall\]\(media:[0-9a-f]{64}\.jpg\)/);
  await expect
    .poll(() =>
      desk.preview
        .getByRole('img', { name: 'The harbour wall' })
        .evaluate((image: HTMLImageElement) => `${image.naturalWidth}×${image.naturalHeight}`),
    )
    .toBe('64×48');
});

/** A new draft with a chart pasted into its commentary; the dialog asking for its alt text is open. */
async function pasteChartIntoNewDraft(page: Page): Promise<{ desk: DeskPage; dialog: Locator }> {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.commentary.click();
  await pasteFile(desk.commentary, await sampleImage('png', 300, 200), 'chart.png', 'image/png');
  return { desk, dialog: page.getByRole('dialog', { name: 'Describe the image' }) };
}

test('an image reference broken by typing drops the image from the preview, is named at once, and comes back on undo', async ({
  page,
}) => {
  const { desk, dialog } = await pasteChartIntoNewDraft(page);
  await dialog.getByRole('textbox', { name: 'Alt text' }).fill('A chart of rainfall');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(desk.preview.getByRole('img', { name: 'A chart of rainfall' })).toBeVisible();

  // The caret is after the finished reference `…<hash>.png)`: step back before `.png)` and
  // delete one digit of the file's name, as a stray Backspace would.
  await desk.commentary.click();
  await page.keyboard.press('ControlOrMeta+End');
  for (let step = 0; step < 5; step += 1) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await expect(desk.commentary).toContainText(/media:[0-9a-f]{63}\.png\)/);
  await expect(desk.preview.getByRole('img')).toHaveCount(0);
  await expect(page.getByText('1 image reference broken')).toBeVisible();

  await desk.commentary.click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(desk.preview.getByRole('img', { name: 'A chart of rainfall' })).toBeVisible();
  await expect(page.getByText('1 image reference broken')).toHaveCount(0);
});

test('an image’s placeholder is one unit while it is processed: the caret steps over it, typing never breaks it', async ({
  page,
}) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.commentary.click();
  await page.keyboard.type('Before. ');
  // The core takes its time with this one (a large photo on a busy machine), long enough to type around its placeholder.
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/addImage', async (route) => {
    await held;
    await route.continue();
  });
  await pasteFile(desk.commentary, await sampleImage('jpeg', 640, 480), 'big.jpg', 'image/jpeg');
  await page.getByRole('dialog', { name: 'Describe the image' }).getByRole('button', { name: 'Skip for now' }).click();
  await expect(desk.commentary).toContainText(/!\[Adding big\.jpg…\]\(media:adding-\d+\)/);
  // A click on the placeholder's words, then keys: nothing lands inside it.
  await desk.commentary.getByText('Adding big.jpg', { exact: false }).click();
  await page.keyboard.type('aa');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('bb');
  await expect(desk.commentary).toContainText(/!\[Adding big\.jpg…\]\(media:adding-\d+\)/);
  release();
  await expect(desk.commentary).toContainText(/!\[\]\(media:[0-9a-f]{64}\.jpg\)/, { timeout: 60_000 });
  const text = (await desk.commentary.textContent()) ?? '';
  // Every key typed is kept, each on one side of the image or the other.
  expect(text.replace(/!\[\]\(media:[0-9a-f]{64}\.jpg\)/, '').replace(/[^ab]/g, '')).toMatch(/^(?=.*aa)(?=.*bb).{4}$/);
  await expect(desk.preview.locator('img[src^="/media/"]')).toHaveCount(1);
});

test('an image without alt text is named in the status bar until it gets one, and can become the featured image', async ({
  page,
}) => {
  const { desk, dialog } = await pasteChartIntoNewDraft(page);
  await dialog.getByRole('button', { name: 'Skip for now' }).click();
  await expect(page.getByText('1 image without alt text')).toBeVisible();

  const images = page.getByRole('region', { name: 'Images' });
  await images.getByRole('button', { name: 'Make featured' }).click();
  const featured = images.getByRole('group', { name: 'Featured image' });
  await expect(featured).toBeVisible();
  await expect(page.getByText('2 images without alt text')).toBeVisible();
  await images.getByRole('textbox', { name: 'Alt text of image 1' }).fill('Sales by month');
  await featured.getByRole('textbox', { name: 'Featured image alt text' }).fill('Sales chart');
  await expect(page.getByText(/without alt text/)).toHaveCount(0);
  await expect(desk.commentary).toContainText('![Sales by month](media:');
  await expect(desk.preview.locator('img.preview-featured')).toHaveAttribute('alt', 'Sales chart');

  await featured.getByRole('button', { name: 'Clear featured image' }).click();
  await expect(desk.preview.locator('img.preview-featured')).toHaveCount(0);
});

test('a file that is not an image is refused with a message, and the draft is left as it was', async ({ page }) => {
  const desk = new DeskPage(page);
  await page.goto(host.url);
  await desk.newDraft.click();
  await desk.commentary.click();
  await page.keyboard.type('Before.');
  await pasteFile(desk.commentary, htmlNamedPng, 'photo.png', 'image/png');
  await expect(page.getByRole('alert')).toContainText(
    'photo.png was not added: This file is not an image: it holds a web page (HTML).',
  );
  // Refused, it asks for no alt text any more.
  await expect(page.getByRole('dialog', { name: 'Describe the image' })).toHaveCount(0);
  await expect(desk.commentary).toHaveText('Before.');
  // The app still answers: typing goes on.
  await page.keyboard.type(' After.');
  await expect(desk.commentary).toHaveText('Before. After.');
});

test('a blog’s longest image side is set in the Blogs dialog, checked, and the photo it gets has that size', async ({
  page,
}) => {
  const gitSkip = gitServerSkipReason();
  test.skip(gitSkip !== null, gitSkip ?? '');
  test.setTimeout(90_000);
  const folders: string[] = [];
  try {
    const site = await hugoSiteRepository((folder) => folders.push(folder));
    const desk = new DeskPage(page);
    await page.goto(host.url);
    const blogs = await addHugoSite(page, site);
    const side = blogs.getByRole('spinbutton', {
      name: 'Longest image side on Commonplace test site (Hugo), in pixels',
    });
    await expect(side).toHaveValue('2048');
    await side.fill('100');
    await side.press('Enter');
    await expect(blogs.getByRole('alert')).toHaveText(/The longest image side, in pixels, is less than 320\./);
    await expect(side).toHaveValue('2048');
    await side.fill('900');
    await side.press('Tab');
    await page.screenshot({ path: test.info().outputPath('image-side-1280-light.png') });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: test.info().outputPath('image-side-1024-dark.png') });
    await blogs.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Blogs', exact: true }).click();
    await expect(side).toHaveValue('900');
    await blogs.getByRole('button', { name: 'Close' }).click();

    await desk.newDraft.click();
    await desk.title.fill('A wide photo');
    await desk.commentary.click();
    const photo = { bytes: await sampleImage('jpeg', 1800, 1200), name: 'estuary.jpg', type: 'image/jpeg' };
    await desk.pasteImage(photo, 'The estuary at low tide');
    await desk.publishNow();
    const [image = ''] = await readdir(path.join(site, 'static/images'));
    const { width, height } = await sharp(path.join(site, 'static/images', image)).metadata();
    expect([width, height]).toEqual([900, 600]);
  } finally {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  }
});

test('an image pasted and published while offline goes out once the app is back online', async ({ page }) => {
  const gitSkip = gitServerSkipReason();
  test.skip(gitSkip !== null, gitSkip ?? '');
  test.setTimeout(90_000);
  const folders: string[] = [];
  try {
    const site = await hugoSiteRepository((folder) => folders.push(folder));
    const desk = new DeskPage(page);
    await page.goto(host.url);
    const blogs = await addHugoSite(page, site);
    await blogs.getByRole('button', { name: 'Close' }).click();
    await callHost(host, 'setOnline', { online: false });

    await desk.newDraft.click();
    await desk.title.fill('Written on the train');
    await desk.commentary.click();
    await desk.pasteImage(
      { bytes: await sampleImage('png', 300, 200), name: 'map.png', type: 'image/png' },
      'The line from the window',
    );
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Publish' });
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(panel.getByRole('status')).toHaveText(/^Queued: /);
    // Nothing reached the site: no image, no post.
    expect(await readdir(path.join(site, 'static/images')).catch(() => [])).toEqual([]);

    await callHost(host, 'setOnline', { online: true });
    await expect
      .poll(async () => (await readdir(path.join(site, 'static/images')).catch(() => [])).length, { timeout: 30_000 })
      .toBe(1);
    const [image = ''] = await readdir(path.join(site, 'static/images'));
    await expect
      .poll(async () => (await readdir(path.join(site, 'content/posts')).catch(() => [])).length, { timeout: 30_000 })
      .toBe(1);
    const [post = ''] = await readdir(path.join(site, 'content/posts'));
    const text = await readFile(path.join(site, 'content/posts', post), 'utf8');
    expect(text).toContain(`/images/${image}`);
    expect(text).not.toContain('media:');
  } finally {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  }
});
