import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DraftLibrary } from '../../electron/core/library/draftLibrary';
import { reblogPost } from '../support/fixtures';
import { makeDataFolder, startDevHost, type RunningDevHost } from './support/devHost';

/** WCAG 2.1 A and AA: names and roles of every control, contrast, structure. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let host: RunningDevHost;

test.afterEach(async ({ page: _page }, testInfo) => {
  await testInfo.attach('dev host log', { body: host.log(), contentType: 'text/plain' });
  await host.dispose();
});

/** Every violation, one line each with where it is, so that a failure reads as a to-do list. */
async function violationsOf(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
  );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme, viewport: { width: 1280, height: 800 } });

    test('the export and import dialog, both tabs, passes WCAG 2.1 AA checks', async ({ page }) => {
      host = await startDevHost(await makeDataFolder());
      await page.goto(host.url);
      await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export and import' });
      await expect(dialog).toBeVisible();
      expect(await violationsOf(page), 'export').toEqual([]);
      await dialog.getByRole('tab', { name: 'Import' }).click();
      expect(await violationsOf(page), 'import').toEqual([]);
    });

    test('the first run, with an empty library, passes WCAG 2.1 AA checks', async ({ page }) => {
      host = await startDevHost(await makeDataFolder());
      await page.goto(host.url);
      await expect(page.getByText('No drafts yet')).toBeVisible();
      expect(await violationsOf(page)).toEqual([]);
    });

    test('markdown in the commentary — links, images, code, marks — keeps its contrast', async ({ page }) => {
      const folder = await makeDataFolder();
      const library = await DraftLibrary.open({ folder, logError: (message, error) => console.error(message, error) });
      const post = await library.create({
        ...reblogPost('https://example.com/a'),
        title: 'Markdown of every kind',
        commentary: [
          '## A heading, *emphasis* and **strength**',
          'A [link to the article](https://example.com/article "Its title") and <https://example.com/bare>.',
          '![A photo of the harbour](media:0123456789abcdef.jpg)',
          'Some `code`, ~~struck~~ words, and a list:',
          '- one',
          '> A quoted line.',
          '---',
        ].join('\n\n'),
      });
      await library.close();
      host = await startDevHost(folder);
      await page.goto(host.url);
      await page.getByRole('button', { name: new RegExp(post.title) }).click();
      await expect(page.getByRole('textbox', { name: 'Commentary' })).toContainText('link to the article');
      expect(await violationsOf(page)).toEqual([]);
    });

    test('the desk with the example post, and each panel and dialog, pass WCAG 2.1 AA checks', async ({ page }) => {
      const folder = await makeDataFolder();
      const library = await DraftLibrary.open({ folder, logError: (message, error) => console.error(message, error) });
      const post = await library.create(reblogPost('https://www.rudaw.net/english/middleeast/iraq/isis-shadow'));
      await library.close();
      host = await startDevHost(folder);
      await page.goto(host.url);
      await page.getByRole('button', { name: new RegExp(post.title.slice(0, 20)) }).click();
      await expect(page.getByRole('article', { name: 'Preview' }).locator('blockquote')).toBeVisible();
      expect(await violationsOf(page), 'the desk').toEqual([]);

      await page.getByRole('button', { name: 'Publish' }).first().click();
      await expect(page.getByRole('region', { name: /Publish/ })).toBeVisible();
      expect(await violationsOf(page), 'the publish panel').toEqual([]);

      for (const [button, dialog] of [
        ['Blogs', /^Blogs$/],
        ['Outbox', /^Outbox$/],
        ['History', /Earlier versions/],
        ['Shortcuts', /Keyboard shortcuts/],
      ] as const) {
        await page.getByRole('toolbar', { name: 'View' }).getByRole('button', { name: button }).click();
        await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
        expect(await violationsOf(page), `the ${button} dialog`).toEqual([]);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog', { name: dialog })).toBeHidden();
      }
    });
  });
}
