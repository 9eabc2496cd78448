// A blog's whole archive coming in: a WordPress export (WXR) of 1,000 and 10,000 realistic posts
// (~10 KB of HTML each, as Commonplace publishes them: ~10 MB and ~100 MB), imported into an empty
// library. Prints the time of each pass, the per-post median and p95, and peak memory. The import's
// own memory must not grow with the file (it is streamed, a few posts held at a time): a dry run
// (read, check, convert every post, write nothing) shows it alone. A real import also grows the
// library, whose search index holds every draft's words: the same library opened afterwards, its
// search filled, shows how much of the peak is the library's. The time baseline is a bare
// streaming parse of the same file (saxes, nothing kept), in the same run.
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SaxesParser } from 'saxes';
import { importArchive } from '../../electron/core/archive/importArchive';
import { DraftLibrary } from '../../electron/core/library/draftLibrary';
import { openHarness } from '../electron/outbox/support/harness';
import { writeWxr, type WxrPost } from '../support/wxr';
import { ms, summarizeSample } from './support/stats';
import { realisticDraft, seededRandom } from './support/realisticDraft';

const CACHE = path.join(os.homedir(), '.cache', 'commonplace-bench');
const SIZES = [1_000, 10_000] as const;

/** The export for `count` posts, made once and kept (it is the same every time). */
async function exportFile(count: number): Promise<string> {
  const file = path.join(CACHE, `wordpress-export-${count}-g1.xml`);
  if (existsSync(file)) return file;
  await mkdir(CACHE, { recursive: true });
  const random = seededRandom(count);
  function* posts(): Generator<WxrPost> {
    for (let index = 0; index < count; index += 1) yield { id: index + 1, content: realisticDraft(random, index) };
  }
  await writeWxr(`${file}.partial`, 'https://blog.example.org/', posts());
  const { rename } = await import('node:fs/promises');
  await rename(`${file}.partial`, file);
  return file;
}

async function bareParse(file: string): Promise<number> {
  const start = performance.now();
  const parser = new SaxesParser();
  for await (const chunk of createReadStream(file, {
    encoding: 'utf8',
    highWaterMark: 256 * 1024,
  }) as AsyncIterable<string>) {
    parser.write(chunk);
  }
  parser.close();
  return performance.now() - start;
}

// The bench runs without --expose-gc; this is how a script asks V8 for its collector all the same.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Collects garbage, then samples the memory every 50 ms while `work` runs; returns the peaks in MB. */
async function peakMemory<T>(work: () => Promise<T>): Promise<{ result: T; heapMb: number; rssMb: number }> {
  collectGarbage();
  let heap = 0;
  let rss = 0;
  const sample = (): void => {
    const usage = process.memoryUsage();
    heap = Math.max(heap, usage.heapUsed);
    rss = Math.max(rss, usage.rss);
  };
  const timer = setInterval(sample, 50);
  try {
    const result = await work();
    sample();
    return { result, heapMb: heap / 1024 / 1024, rssMb: rss / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

export async function benchImport(): Promise<void> {
  console.log('\n== Import a WordPress export (WXR), streamed: time, per post, and peak memory');
  const before = process.memoryUsage();
  console.log(
    `(process before: heap ${(before.heapUsed / 1024 / 1024).toFixed(0)} MB, rss ${(before.rss / 1024 / 1024).toFixed(0)} MB)`,
  );
  for (const count of SIZES) {
    const file = await exportFile(count);
    const megabytes = (await stat(file)).size / 1024 / 1024;
    const baseline = await bareParse(file);
    const folder = await mkdtemp(path.join(os.tmpdir(), 'commonplace-bench-import-'));
    try {
      // With its outbox, as the app opens it: the outbox keeps the links an import makes.
      const opened = await openHarness(folder, {});
      const { library, outbox, media } = opened;
      let counter = 0;
      const options = {
        library,
        media,
        links: outbox,
        accounts: [],
        sitePost: () => Promise.resolve(null),
        path: file,
        newId: () => `bench-import-quote-${(counter += 1)}`,
      };
      // What the import itself keeps: the heap after a collection at every tenth of the posts.
      collectGarbage();
      const heapAtStart = process.memoryUsage().heapUsed;
      let retained = 0;
      const dry = await peakMemory(() =>
        importArchive({
          ...options,
          dryRun: true,
          onProgress: (progress) => {
            if (progress.phase !== 'importing' || progress.done % Math.ceil(count / 10) !== 0) return;
            collectGarbage();
            retained = Math.max(retained, process.memoryUsage().heapUsed - heapAtStart);
          },
        }),
      );
      const phases: Record<string, number> = {};
      const perPost: number[] = [];
      let last = performance.now();
      let phase = '';
      const start = performance.now();
      const { result, heapMb, rssMb } = await peakMemory(() =>
        importArchive({
          ...options,
          dryRun: false,
          onProgress: (progress) => {
            const now = performance.now();
            if (progress.phase !== phase) {
              if (phase !== '') phases[phase] = now - (phases[`${phase}-start`] ?? start);
              phases[`${progress.phase}-start`] = now;
              phase = progress.phase;
            } else if (progress.phase === 'importing') {
              perPost.push(now - last);
            }
            last = now;
          },
        }),
      );
      const total = performance.now() - start;
      phases[phase] = performance.now() - (phases[`${phase}-start`] ?? start);
      await opened.close();
      const reopened = await peakMemory(async () => {
        const again = await DraftLibrary.open({ folder, logError: (message) => console.error(message) });
        await again.searchReady();
        await again.close();
      });
      const { median, p95 } = summarizeSample(perPost);
      console.log(
        `${String(count).padStart(6)} posts, ${megabytes.toFixed(0).padStart(4)} MB: total ${ms(total).padStart(11)} ` +
          `(check ${ms(phases['checking'] ?? NaN)}, import ${ms(phases['importing'] ?? NaN)}), ` +
          `${((count / total) * 1000).toFixed(0)} posts/s; per post median ${ms(median)}, p95 ${ms(p95)}; ` +
          `bare parse ${ms(baseline)} (check × ${((phases['checking'] ?? NaN) / baseline).toFixed(1)}); ${result.created} drafts`,
      );
      console.log(
        `${' '.repeat(22)}the import alone (a dry run): at most ${(retained / 1024 / 1024).toFixed(1)} MB kept on the heap, ` +
          `peak heap / rss ${dry.heapMb.toFixed(0)} / ${dry.rssMb.toFixed(0)} MB; ` +
          `import ${heapMb.toFixed(0)} / ${rssMb.toFixed(0)} MB; the library it made, opened with search filled, ` +
          `${reopened.heapMb.toFixed(0)} / ${reopened.rssMb.toFixed(0)} MB`,
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}
