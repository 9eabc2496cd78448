import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { CHAIN_LIMIT, countReactCommits, reactFallsQuiet, takeReactCommits } from './support/reactCommits';

/**
 * The monkey's guard against update loops (#12 item 8, React error #185) proven able to fail: the
 * React the app ships, in its production build, runs the two loops that make #185 and its silent
 * cousin, and the counter the monkey reads must see each; a component that settles must pass.
 */
const component = `
  import { useEffect, useLayoutEffect, useState } from 'react';
  import { createRoot } from 'react-dom/client';

  function Loop({ kind }) {
    const [count, setCount] = useState(0);
    // A layout effect setting what it depends on: React re-renders and commits at once, in one
    // synchronous chain (at 50 it throws #185); 30 stays below React's limit and above the guard's.
    useLayoutEffect(() => {
      if (kind === 'layout' && count < 30) setCount(count + 1);
    }, [kind, count]);
    // A passive effect doing so never throws in production: it only keeps committing.
    useEffect(() => {
      if (kind === 'effect') setCount(count + 1);
    }, [kind, count]);
    // Settles after one update, as the app's own effects do.
    useEffect(() => {
      if (kind === 'calm' && count === 0) setCount(1);
    }, [kind, count]);
    return count;
  }

  createRoot(document.getElementById('root')).render(<Loop kind={location.hash.slice(1)} />);
`;

let script: string;

test.beforeAll(async () => {
  const bundled = await build({
    stdin: { contents: component, loader: 'jsx', resolveDir: path.resolve('.') },
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  script = bundled.outputFiles[0]?.text ?? '';
  expect(script).not.toBe('');
});

async function open(page: Page, kind: 'layout' | 'effect' | 'calm'): Promise<void> {
  await countReactCommits(page);
  await page.route('http://react-loop.invalid/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><div id="root"></div><script>${script.replaceAll('</script', '<\\/script')}</script>`,
    }),
  );
  await page.goto(`http://react-loop.invalid/#${kind}`);
  await expect(page.locator('#root')).not.toBeEmpty();
}

test('a layout effect setting what it depends on is seen as one synchronous chain past the limit', async ({ page }) => {
  await open(page, 'layout');
  await expect(page.locator('#root')).toHaveText('30');
  const { longestChain } = await takeReactCommits(page);
  expect(longestChain).toBeGreaterThan(CHAIN_LIMIT);
});

test('a passive effect setting what it depends on keeps React from falling quiet', async ({ page }) => {
  await open(page, 'effect');
  expect(await reactFallsQuiet(page, 150, 3_000)).toBe(false);
});

test('a component that settles stays far below the limit and falls quiet', async ({ page }) => {
  await open(page, 'calm');
  await expect(page.locator('#root')).toHaveText('1');
  expect(await reactFallsQuiet(page, 150, 3_000)).toBe(true);
  expect((await takeReactCommits(page)).longestChain).toBeLessThan(CHAIN_LIMIT);
});
