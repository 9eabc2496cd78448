// A clipboard turned into a quote, as the contract call quoteFromClipboard does it in the Electron
// main process (where every other IPC call waits meanwhile): a whole article copied from a browser
// at ~10 KB, ~200 KB and ~2 MB as Chromium writes it (every element's style inline), as text/html
// and as Windows CF_HTML, and as Firefox writes it (the page's own markup: more elements for the
// size; at 2 MB its excerpt passes the excerpt limit, so that one is 1 MB). The baseline is
// htmlparser2 building a DOM of the same HTML, measured in the same run: the least any converter
// must do.
import { parseDocument } from 'htmlparser2';
import { createQuoteService } from '../../electron/core/quotes/quoteService';
import { asWindowsHtml, copiedArticleHtml, copiedArticleSourceUrl } from './support/copiedArticle';
import { ms, summarizeSample } from './support/stats';

const SIZES = [
  { label: '10 KB', characters: 10_000, firefoxCharacters: 10_000, runs: 200 },
  { label: '200 KB', characters: 200_000, firefoxCharacters: 200_000, runs: 40 },
  { label: '2 MB', characters: 1_950_000, firefoxCharacters: 1_000_000, runs: 15 },
] as const;
const WARM_UP = 3;
const BAR_MS = 300;

const service = createQuoteService({
  fetch: () => Promise.reject(new Error('the benchmark never fetches')),
  now: () => new Date('2026-11-24T08:00:00Z'),
  newId: () => 'bench-quote-0001',
  logError: (message) => console.error(message),
});

interface Figures {
  readonly median: number;
  readonly p95: number;
}

function time(runs: number, run: () => unknown): Figures & { readonly last: unknown } {
  for (let index = 0; index < WARM_UP; index += 1) run();
  const sample: number[] = [];
  let last: unknown;
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    last = run();
    sample.push(performance.now() - start);
  }
  return { ...summarizeSample(sample), last };
}

function row(label: string, figures: Figures, baseline: Figures): string {
  return (
    `${label.padEnd(58)} median ${ms(figures.median).padStart(10)}   p95 ${ms(figures.p95).padStart(10)}` +
    `   × baseline ${(figures.median / baseline.median).toFixed(1).padStart(6)}`
  );
}

/** Prints median and p95 per clipboard size and form, with the ratio to the htmlparser2 baseline. */
export function benchQuotes(): Promise<void> {
  console.log('\n== Clipboard to quote (quoteFromClipboard), a whole article copied from a browser');
  for (const size of SIZES) {
    const html = copiedArticleHtml({ characters: size.characters, inlineStyles: true });
    const firefox = copiedArticleHtml({ characters: size.firefoxCharacters, inlineStyles: false });
    const windows = asWindowsHtml(html, copiedArticleSourceUrl);
    const baseline = time(size.runs, () => parseDocument(html));
    const fromHtml = time(size.runs, () =>
      service.fromClipboard({
        formats: { 'text/html': html, 'org.chromium.source-url': copiedArticleSourceUrl },
      }),
    );
    const fromWindows = time(size.runs, () => service.fromClipboard({ formats: { 'HTML Format': windows } }));
    const fromFirefox = time(size.runs, () =>
      service.fromClipboard({ formats: { 'text/html': firefox, 'text/x-moz-url-priv': copiedArticleSourceUrl } }),
    );
    // Both forms carry the same selection: a difference means the benchmark's input is broken.
    if (JSON.stringify(fromHtml.last) !== JSON.stringify({ ...(fromWindows.last as object), clipboardHtml: html })) {
      throw new Error(`the text/html and CF_HTML forms give different quotes at ${size.label}`);
    }
    const characters = (text: string) => `${text.length.toLocaleString('en')} characters`;
    console.log(`${size.label}: Chromium ${characters(html)}, Firefox ${characters(firefox)}`);
    console.log(row(`  baseline: htmlparser2 DOM of the Chromium HTML`, baseline, baseline));
    console.log(row(`  Chromium, text/html`, fromHtml, baseline));
    console.log(row(`  Chromium on Windows, CF_HTML`, fromWindows, baseline));
    console.log(row(`  Firefox, text/html`, fromFirefox, baseline));
  }
  console.log(`(bar: 2 MB text/html median ≤ ${BAR_MS} ms)`);
  return Promise.resolve();
}
