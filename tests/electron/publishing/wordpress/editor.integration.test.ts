import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outgoingPost } from '../../../../electron/core/publishing/outgoingPost';
import { WordPressRestAdapter } from '../../../../electron/core/publishing/wordpress/restAdapter';
import { reblogPost } from '../../../support/fixtures';
import { startWordPress, wordPressSkipReason, type WordPressServer } from '../../../servers/wordpress';

/** The block editor's view of one block, as its data store reports it. */
interface EditorBlock {
  readonly name: string;
  readonly isValid: boolean;
}

interface EditorWindow {
  readonly wp?: { readonly data?: { select(store: string): { getBlocks(): EditorBlock[] } | undefined } };
}

// Playwright cannot download its own browser on every machine; Debian's Chromium stands in.
const executablePath = existsSync(chromium.executablePath()) ? undefined : '/usr/bin/chromium';

function chromiumSkipReason(): string | null {
  if (executablePath === undefined || existsSync(executablePath)) return null;
  const reason = 'Chromium is not installed (apt-get install chromium), so the block editor cannot be opened.';
  if (process.env['CI'] === 'true') throw new Error(`${reason} (CI=true requires it)`);
  console.warn(`Skipping: ${reason}`);
  return reason;
}

const skipReason = wordPressSkipReason() ?? chromiumSkipReason();

describe.skipIf(skipReason !== null)("WordPress's block editor opening a published post", () => {
  let server: WordPressServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startWordPress();
    browser = await chromium.launch({
      ...(executablePath === undefined ? {} : { executablePath }),
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it(
    'finds every block valid: paragraphs, headings, the via line and the credited quote',
    { timeout: 90_000 },
    async () => {
      const adapter = new WordPressRestAdapter({
        apiRoot: `${server.url}/wp-json/`,
        user: server.user,
        applicationPassword: server.applicationPassword,
        transport: { fetch, timeoutMs: 15_000 },
      });
      const content = reblogPost();
      const created = await adapter.create(
        outgoingPost(
          { ...content, commentary: `${content.commentary}\n\n## Why it matters\n\n- one\n- two` },
          { identity: 'opens-in-the-editor', schedule: { status: 'draft' }, style: { hashtagsInTitle: false } },
        ),
      );

      const page = await browser.newPage();
      await page.goto(`${server.url}/wp-login.php`);
      await page.fill('#user_login', server.user);
      await page.fill('#user_pass', server.password);
      await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
      await page.goto(`${server.url}/wp-admin/post.php?post=${created.remoteId}&action=edit`);
      await page.waitForFunction(
        () => ((window as EditorWindow).wp?.data?.select('core/block-editor')?.getBlocks().length ?? 0) > 0,
        null,
        { timeout: 60_000 },
      );
      const blocks = await page.evaluate(() =>
        ((window as EditorWindow).wp?.data?.select('core/block-editor')?.getBlocks() ?? []).map((block) => ({
          name: block.name,
          isValid: block.isValid,
        })),
      );

      expect(blocks.map((block) => block.name)).toEqual([
        'core/paragraph',
        'core/heading',
        'core/html',
        'core/html',
        'core/paragraph',
      ]);
      expect(blocks.filter((block) => !block.isValid)).toEqual([]);
    },
  );
});
