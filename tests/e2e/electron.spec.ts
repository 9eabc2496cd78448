import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { callNames } from '../../shared/contract';
import { menuCommands } from '../../electron/core/shell/applicationMenu';
import { PROFILE_FOLDER_VARIABLE } from '../../electron/core/shell/profileFolder';
import { makeDataFolder } from './support/devHost';
import { findElectronBinary } from './support/electronBinary';

const MAIN = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));
const binary = findElectronBinary();
if (!binary.found) console.log(`Electron e2e tests skip: ${binary.reason}.`);

// Chromium refuses to start its OS sandbox as root; the page's own sandbox (webPreferences) stays on.
const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

/** A library folder and an Electron profile of its own (window place, single-instance lock). */
interface Folders {
  readonly dataFolder: string;
  readonly profileFolder: string;
}

async function makeFolders(): Promise<Folders> {
  return { dataFolder: await makeDataFolder(), profileFolder: await makeDataFolder() };
}

function appEnvironment(folders: Folders): Record<string, string> {
  const inherited = Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return {
    ...Object.fromEntries(inherited),
    COMMONPLACE_DATA: folders.dataFolder,
    [PROFILE_FOLDER_VARIABLE]: folders.profileFolder,
  };
}

async function launch(folders: Folders, args: readonly string[] = []): Promise<ElectronApplication> {
  if (!binary.found) throw new Error(binary.reason);
  return electron.launch({
    executablePath: binary.path,
    args: [...rootArgs, MAIN, ...args],
    env: appEnvironment(folders),
  });
}

/** Runs a second launch of the app to its end, as the OS would for a link or a file; its exit code. */
function launchAgain(folders: Folders, args: readonly string[]): Promise<number | null> {
  if (!binary.found) throw new Error(binary.reason);
  const child = spawn(binary.path, [...rootArgs, MAIN, ...args], { env: appEnvironment(folders), stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
}

// The system browser must not really open during tests: the main process's shell.openExternal
// is replaced by a recorder, as Joplin's tests stub native dialogs.
async function recordExternalOpens(app: ElectronApplication): Promise<() => Promise<string[]>> {
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    Object.assign(globalThis, { openedExternally: opened });
    shell.openExternal = (url: string) => {
      opened.push(url);
      return Promise.resolve();
    };
  });
  return () => app.evaluate(() => (globalThis as unknown as { openedExternally: string[] }).openedExternally.slice());
}

async function ready(app: ElectronApplication): Promise<Page> {
  const page = await app.firstWindow();
  await page.getByRole('button', { name: 'New draft', exact: true }).waitFor();
  return page;
}

test.describe('the Electron app', () => {
  test.skip(!binary.found, binary.found ? '' : binary.reason);

  test('a new draft autosaves, previews as typed, and is there after a restart', async () => {
    const folders = await makeFolders();
    let app = await launch(folders);
    let page = await ready(app);
    await page.getByRole('button', { name: 'New draft', exact: true }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Written in Electron');
    await page.getByRole('textbox', { name: 'Commentary' }).fill('Some *emphasis* here.');
    await expect(page.getByRole('article', { name: 'Preview' }).locator('em')).toHaveText('emphasis');
    await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
    await app.close();

    app = await launch(folders);
    page = await ready(app);
    await page.getByRole('button', { name: /Written in Electron/ }).click();
    await expect(page.getByRole('textbox', { name: 'Commentary' })).toHaveText('Some *emphasis* here.');
    await app.close();
  });

  test('closing the window right after typing keeps the last words', async () => {
    const folders = await makeFolders();
    let app = await launch(folders);
    let page = await ready(app);
    await page.getByRole('button', { name: 'New draft', exact: true }).click();
    await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
    await page.getByRole('textbox', { name: 'Title' }).pressSequentially('Closed at once');
    const quit = app.waitForEvent('close');
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    // The page holds the close until its save is on disk, then closes; the last window's close quits.
    await quit;

    app = await launch(folders);
    page = await ready(app);
    await expect(page.getByRole('button', { name: /Closed at once/ })).toBeVisible();
    await app.close();
  });

  test('runs the page without Node, under the CSP, unable to open windows or navigate away', async () => {
    const app = await launch(await makeFolders());
    const opened = await recordExternalOpens(app);
    const page = await ready(app);
    const globals = await page.evaluate(() =>
      ['require', 'process', 'Buffer'].map((name) => typeof (globalThis as Record<string, unknown>)[name]),
    );
    expect(globals).toEqual(['undefined', 'undefined', 'undefined']);
    const exposed = await page.evaluate(() => Object.keys((globalThis as { commonplace?: object }).commonplace ?? {}));
    expect(exposed.sort()).toEqual([...callNames, 'onEvent'].sort());
    expect(
      await page.evaluate(() => {
        try {
          return String(eval('"eval ran"'));
        } catch {
          return 'eval blocked';
        }
      }),
    ).toBe('eval blocked');
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    await page.evaluate(() => (location.href = 'https://example.com/'));
    await expect(page).toHaveURL(/^app:\/\/commonplace\//);
    expect(app.windows()).toHaveLength(1);
    expect(await opened()).toEqual(['https://example.com/', 'https://example.com/']);
    await app.close();
  });

  test('opens the preview’s web and mail links in the system, and no other link anywhere', async () => {
    const app = await launch(await makeFolders());
    const opened = await recordExternalOpens(app);
    const page = await ready(app);
    await page.getByRole('button', { name: 'New draft', exact: true }).click();
    await page
      .getByRole('textbox', { name: 'Commentary' })
      .fill('Read [the post](https://example.com/post) or [write to me](mailto:ann@example.com).');
    const preview = page.getByRole('article', { name: 'Preview' });
    await preview.getByRole('link', { name: 'the post' }).click();
    await preview.getByRole('link', { name: 'write to me' }).click();
    await expect.poll(opened).toEqual(['https://example.com/post', 'mailto:ann@example.com']);

    // Links the preview's sanitizer would never let through, clicked as if one had.
    await page.evaluate(() => {
      for (const href of [
        'file:///etc/passwd',
        'smb://server/share',
        'ms-msdt:/id PCWDiagnostic',
        'http://example.org/',
      ]) {
        for (const target of ['', '_blank']) {
          const link = Object.assign(document.createElement('a'), { href, target });
          document.body.append(link);
          link.click();
          link.remove();
        }
      }
    });
    await expect
      .poll(opened)
      .toEqual(['https://example.com/post', 'mailto:ann@example.com', 'http://example.org/', 'http://example.org/']);
    await expect(page).toHaveURL(/^app:\/\/commonplace\//);
    expect(app.windows()).toHaveLength(1);
    await app.close();
  });

  test('refuses <webview> and every permission request', async () => {
    const app = await launch(await makeFolders());
    const page = await ready(app);
    await page.evaluate(() => {
      const webview = document.createElement('webview');
      webview.setAttribute('src', 'https://example.com/');
      document.body.append(webview);
    });
    expect(await app.evaluate(({ webContents }) => webContents.getAllWebContents().length)).toBe(1);
    const permissions = await page.evaluate(async () => ({
      notifications: await Notification.requestPermission(),
      geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
      camera: await navigator.mediaDevices.getUserMedia({ video: true }).then(
        () => 'granted',
        () => 'denied',
      ),
    }));
    expect(permissions).toEqual({ notifications: 'denied', geolocation: 'denied', camera: 'denied' });
    await app.close();
  });

  test('has every app command in its menu, with its keys, and a chosen command reaches the page', async () => {
    const app = await launch(await makeFolders());
    const page = await ready(app);
    const commands = Object.keys(menuCommands);
    const items = await app.evaluate(
      ({ Menu }, ids) =>
        ids.map((id) => {
          const item = Menu.getApplicationMenu()?.getMenuItemById(id);
          return item ? { label: item.label, accelerator: item.accelerator ?? '' } : null;
        }),
      commands,
    );
    expect(items).toEqual(Object.values(menuCommands).map(({ label, accelerator }) => ({ label, accelerator })));
    const previewButton = page.getByRole('toolbar', { name: 'View' }).getByRole('button', { name: 'Preview' });
    await expect(previewButton).toHaveAttribute('aria-pressed', 'true');
    await app.evaluate(({ Menu }) => {
      Menu.getApplicationMenu()?.getMenuItemById('togglePreview')?.click();
    });
    await expect(previewButton).toHaveAttribute('aria-pressed', 'false');
    await app.close();
  });

  test('a second launch opens no second window: it hands its quote link to the first and quits', async () => {
    const folders = await makeFolders();
    const app = await launch(folders);
    const page = await ready(app);
    const link = `commonplace://quote?${new URLSearchParams({
      url: 'https://example.com/article',
      title: 'An article',
      text: 'A passage handed over by a link.',
    }).toString()}`;
    expect(await launchAgain(folders, [link])).toBe(0);
    await expect(page.getByRole('article', { name: 'Preview' })).toContainText('A passage handed over by a link.');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(app.windows()).toHaveLength(1);
    await app.close();
  });

  test('imports a markdown file given at launch as a draft', async () => {
    const folders = await makeFolders();
    const file = path.join(await makeDataFolder(), 'On reading.md');
    await writeFile(file, '# On reading slowly #books\n\nWhy I read *less*.\n');
    const app = await launch(folders, [file]);
    const page = await ready(app);
    await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('On reading slowly');
    await expect(page.getByRole('article', { name: 'Preview' }).locator('em')).toHaveText('less');
    await app.close();
  });

  test('reopens the window where it was left', async () => {
    const folders = await makeFolders();
    let app = await launch(folders);
    await ready(app);
    await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.setBounds({ x: 40, y: 60, width: 900, height: 640 }),
    );
    await app.close();
    app = await launch(folders);
    await ready(app);
    const bounds = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getNormalBounds());
    expect(bounds).toMatchObject({ width: 900, height: 640 });
    await app.close();
  });
});
