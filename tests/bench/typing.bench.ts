import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { DraftLibrary } from '../../electron/core/library/draftLibrary';
import { startDevHost } from '../e2e/support/devHost';
import { ms, summarizeSample } from './support/stats';
import { addRealisticDrafts, draftOfWords } from './support/realisticDraft';
import { typeInCommentary } from './support/typeInCommentary';

const KEYSTROKES = 120;
const SIZES = [1_000, 10_000] as const;
const LARGE_LIBRARY = 10_000;
const AUTOSAVE_PAUSE_MS = 700;

interface KeystrokeFigures {
  readonly paint: number[];
  readonly preview: number[];
  readonly longestTask: number;
}

/** Installs probes: keystroke → next frame, keystroke → preview mutation, and long tasks. */
async function measureTyping(page: Page, showPreview: boolean, pauses = false): Promise<KeystrokeFigures> {
  await page.evaluate(() => {
    const probe = { paint: [] as number[], preview: [] as number[], longest: 0, pending: 0 };
    (window as unknown as { probe: typeof probe }).probe = probe;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longest = Math.max(probe.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
    const preview = document.querySelector('.preview-body');
    let typedAt = 0;
    let previewDone = true;
    if (preview) {
      new MutationObserver(() => {
        if (previewDone) return;
        previewDone = true;
        probe.preview.push(performance.now() - typedAt);
      }).observe(preview, { childList: true, subtree: true, characterData: true });
    }
    document.addEventListener(
      'keydown',
      () => {
        typedAt = performance.now();
        previewDone = preview === null;
        // The next frame starts only once the main thread is free: if it starts within one frame
        // (16.7 ms) of the key, the keystroke is painted in the very next frame.
        requestAnimationFrame(() => probe.paint.push(performance.now() - typedAt));
      },
      { capture: true },
    );
  });
  if (!showPreview) await page.getByRole('button', { name: 'Preview', exact: true }).click();
  // A pause long enough for an autosave, and for what follows it, after every twenty keys.
  await typeInCommentary(page, KEYSTROKES, pauses ? { keys: 20, ms: AUTOSAVE_PAUSE_MS } : undefined);
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const { probe } = window as unknown as { probe: { paint: number[]; preview: number[]; longest: number } };
    return { paint: probe.paint, preview: probe.preview, longestTask: probe.longest };
  });
}

export async function benchTyping(): Promise<void> {
  console.log('\n== Typing in the browser dev host (Chromium): keystroke → next frame, keystroke → preview');
  const folder = await mkdtemp(path.join(os.tmpdir(), 'commonplace-bench-typing-'));
  const library = await DraftLibrary.open({ folder, logError: () => undefined });
  for (const words of SIZES) await library.create(draftOfWords(words));
  await library.close();
  const host = await startDevHost(folder);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    for (const words of SIZES) {
      for (const showPreview of [false, true]) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(host.url);
        await page.getByRole('button', { name: new RegExp(`A post of ${words} words`) }).click();
        await page.getByRole('textbox', { name: 'Commentary' }).waitFor();
        const figures = await measureTyping(page, showPreview);
        const paint = summarizeSample(figures.paint);
        const label = `${String(words).padStart(6)} words, preview ${showPreview ? 'shown ' : 'hidden'}`;
        let line = `${label}: next frame ${ms(paint.median)} median / ${ms(paint.p95)} p95`;
        if (showPreview) {
          const preview = summarizeSample(figures.preview);
          line += `; preview ${ms(preview.median)} median / ${ms(preview.p95)} p95`;
        }
        line += `; longest task ${figures.longestTask === 0 ? 'none ≥ 50 ms' : ms(figures.longestTask)}`;
        console.log(line);
        await page.close();
      }
    }
    console.log(
      'bars: next frame ≤ 16 ms p95 at any size; preview ≤ 16 ms p95 at 10,000 words (hidden preview = baseline)',
    );
  } finally {
    await browser.close();
    await host.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

/** Typing with pauses, so that autosaves happen, in a library of 10,000 other drafts. */
export async function benchTypingInLargeLibrary(): Promise<void> {
  console.log(`\n== Typing with autosaves in a library of ${LARGE_LIBRARY.toLocaleString('en')} drafts (Chromium)`);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'commonplace-bench-typing-large-'));
  const library = await DraftLibrary.open({ folder, logError: () => undefined });
  await addRealisticDrafts(library, LARGE_LIBRARY);
  await library.create(draftOfWords(1_000));
  await library.close();
  const host = await startDevHost(folder);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    for (const pauses of [false, true]) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(host.url);
      await page.getByRole('button', { name: /A post of 1000 words/ }).click();
      await page.getByRole('textbox', { name: 'Commentary' }).waitFor();
      const figures = await measureTyping(page, true, pauses);
      const paint = summarizeSample(figures.paint);
      console.log(
        `${pauses ? 'with autosaves  ' : 'without (baseline)'}: next frame ${ms(paint.median)} median / ${ms(paint.p95)} p95; ` +
          `longest task ${figures.longestTask === 0 ? 'none ≥ 50 ms' : ms(figures.longestTask)}`,
      );
      await page.close();
    }
    console.log('bar: next frame ≤ 16 ms p95; an autosave never costs the writer a frame (no task ≥ 50 ms)');
  } finally {
    await browser.close();
    await host.stop();
    await rm(folder, { recursive: true, force: true });
  }
}
