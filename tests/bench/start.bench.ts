import { chromium, type Browser } from '@playwright/test';
import { API_PATH } from '../../shared/contract';
import { startDevHost } from '../e2e/support/devHost';
import { cachedLibrary } from './support/cachedLibrary';
import { ms, summarizeSample } from './support/stats';

const SIZES = [0, 1_000, 10_000] as const;
const RUNS = 5;

export interface StartFigures {
  /** Spawning `commonplace serve` until it prints its address: Node, the CLI and the library's open. */
  readonly host: number;
  /** Navigation until the browser first paints any text or image (first contentful paint). */
  readonly firstPaint: number;
  /** Navigation until the library is on screen. */
  readonly shown: number;
  /** Navigation until the library is on screen and the main thread is free to take the first click. */
  readonly interactive: number;
  /** Bytes of the answers to the page's calls (bodies, as received) until it was interactive. */
  readonly apiBytes: number;
}

/**
 * Runs in the page before the app: notes when the sidebar first shows the library (its list, or
 * its designed empty state once loading is over), then when the main thread next gets to a task.
 */
function probeInteractive(): void {
  // No named inner functions: tsx would wrap them in a helper that the page does not have.
  const observer = new MutationObserver(() => {
    const shownList =
      document.querySelector('ul.draft-list > li') !== null ||
      [...document.querySelectorAll('p.empty')].some((paragraph) => !paragraph.textContent.startsWith('Opening'));
    if (!shownList) return;
    observer.disconnect();
    const shown = performance.now();
    requestAnimationFrame(() =>
      setTimeout(() => {
        (window as unknown as { startProbe: object }).startProbe = { shown, interactive: performance.now() };
      }),
    );
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** One start of the dev host on `folder`, and of a fresh page on it, until it is interactive. */
export async function measureStart(browser: Browser, folder: string): Promise<StartFigures> {
  const spawned = performance.now();
  const host = await startDevHost(folder);
  const hostMs = performance.now() - spawned;
  // A fresh context has an empty cache, like a window that loads the app from disk at launch.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const answers: Promise<number>[] = [];
    let counting = true;
    page.on('requestfinished', (request) => {
      if (counting && new URL(request.url()).pathname.startsWith(API_PATH))
        answers.push(request.sizes().then((sizes) => sizes.responseBodySize));
    });
    await page.addInitScript(probeInteractive);
    await page.goto(host.url);
    const probe = await page.waitForFunction(
      () => (window as unknown as { startProbe?: { shown: number; interactive: number } }).startProbe,
    );
    counting = false;
    const apiBytes = (await Promise.all(answers)).reduce((sum, size) => sum + size, 0);
    const { shown, interactive } = (await probe.jsonValue()) as { shown: number; interactive: number };
    // The paint's entry is reported once the frame is presented, which can be after the probe's turn.
    const firstPaint = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((entries) => {
            const paint = entries.getEntriesByName('first-contentful-paint')[0];
            if (paint) resolve(paint.startTime);
          }).observe({ type: 'paint', buffered: true });
          setTimeout(() => resolve(Number.NaN), 5_000);
        }),
    );
    return { host: hostMs, firstPaint, shown, interactive, apiBytes };
  } finally {
    await context.close();
    await host.stop();
  }
}

export async function benchStart(): Promise<void> {
  console.log(`\n== Start in the browser dev host (Chromium, cold cache, ${RUNS} runs each)`);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  let baseline: number | undefined;
  try {
    for (const size of SIZES) {
      // Made once and kept between runs (see cachedLibrary): making 10,000 drafts takes minutes.
      const folder = await cachedLibrary(size);
      const runs: StartFigures[] = [];
      for (let run = 0; run < RUNS; run += 1) runs.push(await measureStart(browser, folder));
      const host = summarizeSample(runs.map((figures) => figures.host));
      const firstPaint = summarizeSample(runs.map((figures) => figures.firstPaint));
      const shown = summarizeSample(runs.map((figures) => figures.shown));
      const interactive = summarizeSample(runs.map((figures) => figures.interactive));
      const apiBytes = summarizeSample(runs.map((figures) => figures.apiBytes));
      baseline ??= interactive.median;
      console.log(
        `${String(size).padStart(6)} drafts: host ready ${ms(host.median)} median / ${ms(host.p95)} p95; ` +
          `first paint ${ms(firstPaint.median)}; page shown ${ms(shown.median)}; interactive ${ms(interactive.median)} median / ${ms(interactive.p95)} p95 ` +
          `(×${(interactive.median / baseline).toFixed(2)} the empty library); ` +
          `calls answered until interactive ${(apiBytes.median / 1024).toFixed(1)} KB median`,
      );
    }
    console.log('bar: window (page navigation) to interactive ≤ 1 s; the empty library is the baseline');
  } finally {
    await browser.close();
  }
}
