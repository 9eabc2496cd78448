import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { callNames } from '../../shared/contract';
import { makeDataFolder } from './support/devHost';
import { findElectronBinary } from './support/electronBinary';

const MAIN = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));
const binary = findElectronBinary();
if (!binary.found) console.log(`Electron e2e tests skip: ${binary.reason}.`);

// Chromium refuses to start its OS sandbox as root; the page's own sandbox (webPreferences) stays on.
const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

async function launch(dataFolder: string): Promise<ElectronApplication> {
  if (!binary.found) throw new Error(binary.reason);
  return electron.launch({
    executablePath: binary.path,
    args: [...rootArgs, MAIN],
    env: { ...process.env, COMMONPLACE_DATA: dataFolder },
  });
}

test.describe('the Electron app', () => {
  test.skip(!binary.found, binary.found ? '' : binary.reason);

  test('a new draft autosaves, previews as typed, and is there after a restart', async () => {
    const dataFolder = await makeDataFolder();
    let app = await launch(dataFolder);
    let page = await app.firstWindow();
    await page.getByRole('button', { name: 'New draft', exact: true }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Written in Electron');
    await page.getByRole('textbox', { name: 'Commentary' }).fill('Some *emphasis* here.');
    await expect(page.getByRole('article', { name: 'Preview' }).locator('em')).toHaveText('emphasis');
    await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
    await app.close();

    app = await launch(dataFolder);
    page = await app.firstWindow();
    await page.getByRole('button', { name: /Written in Electron/ }).click();
    await expect(page.getByRole('textbox', { name: 'Commentary' })).toHaveText('Some *emphasis* here.');
    await app.close();
  });

  test('runs the page without Node, under the CSP, unable to open windows or navigate away', async () => {
    const app = await launch(await makeDataFolder());
    const page = await app.firstWindow();
    await page.getByRole('button', { name: 'New draft', exact: true }).waitFor();
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
    await app.close();
  });
});
