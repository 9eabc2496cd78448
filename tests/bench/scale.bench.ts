import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { BENCH_CACHE, cachedDraftId, cachedLibrary } from './support/cachedLibrary';
import type { ProbeFigures, SearchFigures, SearchOnlyFigures } from './support/libraryProbe';
import { ms, summarizeSample } from './support/stats';
import { measureStart, type StartFigures } from './start.bench';

const DEFAULT_SIZES = [0, 100, 1_000, 10_000, 100_000] as const;
const CLI = fileURLToPath(new URL('../../electron/cli/bin.cjs', import.meta.url));
const PROBE = fileURLToPath(new URL('./support/libraryProbe.ts', import.meta.url));

type Sample = { median: number; p95: number };

interface SizeFigures {
  readonly size: number;
  readonly library: ProbeFigures;
  readonly start: { firstPaint: Sample; shown: Sample; interactive: Sample; host: Sample; apiBytes: Sample };
  readonly cli: { node: Sample; show: Sample; listHead: Sample; listWhole: Sample };
}

/** Runs `command` (a program and its arguments, or a shell line) and measures process start to exit. */
function timeProcess(command: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [program, ...args] = command;
  if (program === undefined) throw new Error('no command');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      const elapsed = performance.now() - started;
      if (code === 0) resolve(elapsed);
      else reject(new Error(`${command.join(' ')} exited with ${code}: ${stderr}`));
    });
  });
}

interface Timed {
  readonly command: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Times each command `runs` times, taking turns (one run of each per round): this VM's own speed
 * swings about twofold within minutes, so a baseline timed in the same rounds is what a command's
 * figure can be compared with.
 */
async function timeTurns(runs: number, timed: readonly Timed[]): Promise<Sample[]> {
  // One run first that is not counted: it brings the files into the page cache, as for a writer's second command.
  for (const { command, env } of timed) await timeProcess(command, env);
  const samples = timed.map((): number[] => []);
  for (let run = 0; run < runs; run += 1) {
    for (const [position, { command, env }] of timed.entries())
      samples[position]?.push(await timeProcess(command, env));
  }
  return samples.map((sample) => summarizeSample(sample));
}

function runProbe(folder: string, size: number): Promise<ProbeFigures>;
function runProbe(folder: string, size: number, mode: 'search'): Promise<SearchOnlyFigures>;
function runProbe(folder: string, size: number, mode?: 'search'): Promise<ProbeFigures | SearchOnlyFigures> {
  const args = [PROBE, folder, String(size), ...(mode ? [mode] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as ProbeFigures | SearchOnlyFigures);
      else reject(new Error(`the library probe exited with ${code} at ${size} drafts`));
    });
  });
}

async function measureSize(size: number, browser: import('@playwright/test').Browser): Promise<SizeFigures> {
  const folder = await cachedLibrary(size);
  const library = await runProbe(folder, size);
  const large = size >= 100_000;
  const starts: StartFigures[] = [];
  for (let run = 0; run < (large ? 3 : 5); run += 1) starts.push(await measureStart(browser, folder));
  const of = (pick: (figures: StartFigures) => number) => summarizeSample(starts.map(pick));
  const node = [process.execPath, CLI, '--data', folder];
  const cliRuns = large ? 3 : 10;
  const id = size > 0 ? cachedDraftId(size, Math.floor(size / 3)) : 'aaaaaaaaaaaa';
  const quoted = node.map((word) => `'${word}'`).join(' ');
  const nothing = { median: NaN, p95: NaN };
  // At 0 drafts there is nothing to show: the command exits 1, which is no figure.
  const show = size > 0 ? [{ command: [...node, 'drafts', 'show', id] }] : [];
  const [nodeBaseline = nothing, listHead = nothing, listWhole = nothing, shown = nothing] = await timeTurns(cliRuns, [
    { command: [process.execPath, '-e', ''] },
    { command: ['sh', '-c', `${quoted} drafts list --json | head -c 1000 > /dev/null`] },
    { command: ['sh', '-c', `${quoted} drafts list --json > /dev/null`] },
    ...show,
  ]);
  return {
    size,
    library,
    start: {
      firstPaint: of((figures) => figures.firstPaint),
      shown: of((figures) => figures.shown),
      interactive: of((figures) => figures.interactive),
      host: of((figures) => figures.host),
      apiBytes: of((figures) => figures.apiBytes),
    },
    cli: { node: nodeBaseline, show: shown, listHead, listWhole },
  };
}

const CELL = 22;

type Row<F> = (name: string, pick: (f: F) => number | undefined, unit: 'ms', goal: string) => void;

/** The query rows: the first page and the count as the list asks them (what the writer waits for), and the whole list of matches as asked before. */
function searchRows<F>(search: (f: F) => SearchFigures, row: Row<F>): void {
  const goal = '≤ 30 ms at 100,000';
  row('query "people world", page median', (f) => search(f).commonPage.median, 'ms', '');
  row('query "people world", page p95', (f) => search(f).commonPage.p95, 'ms', goal);
  row('query "article N", page median', (f) => search(f).rarePage.median, 'ms', '');
  row('query "article N", page p95', (f) => search(f).rarePage.p95, 'ms', goal);
  row('query "people world", whole list p95', (f) => search(f).commonWhole.p95, 'ms', '(as asked before pages)');
  row('query "article N", whole list p95', (f) => search(f).rareWhole.p95, 'ms', '(as asked before pages)');
}

function cell(value: number | undefined, unit: 'ms' | 'MB' | 'KB' | '×', baseline?: number): string {
  if (value === undefined || Number.isNaN(value)) return '—'.padStart(CELL);
  const shown =
    unit === 'ms' ? ms(value) : unit === '×' ? `${value.toFixed(2)}×` : `${value.toFixed(value < 10 ? 1 : 0)} ${unit}`;
  const ratio =
    baseline !== undefined && baseline > 0 && !Number.isNaN(baseline) ? ` (×${(value / baseline).toFixed(1)})` : '';
  return ` ${shown}${ratio}`.padStart(CELL);
}

function printTable(figures: readonly SizeFigures[], start: StartOfNode): void {
  const header = ['drafts'.padEnd(34), ...figures.map((f) => f.size.toLocaleString('en').padStart(CELL)), '  goal'];
  console.log(header.join(''));
  const base = figures.find((f) => f.size === 0);
  const row = (
    name: string,
    pick: (f: SizeFigures) => number | undefined,
    unit: 'ms' | 'MB' | 'KB' | '×',
    goal: string,
    baseline: 'empty' | 'none' = 'empty',
  ) => {
    const baseValue = baseline === 'empty' && base ? pick(base) : undefined;
    console.log(
      [
        name.padEnd(34),
        ...figures.map((f) => cell(pick(f), unit, f === base ? undefined : baseValue)),
        `  ${goal}`,
      ].join(''),
    );
  };
  row('search index made (once, if none)', (f) => f.library.indexMadeMs ?? undefined, 'ms', '', 'none');
  row('library open', (f) => f.library.openMs, 'ms', '');
  row('first list page', (f) => f.library.firstPageMs, 'ms', '≤ 50 ms at any size');
  row('first list page, size', (f) => f.library.firstPageBytes / 1024, 'KB', '', 'none');
  row('list page, median (status joined in)', (f) => f.library.viewPage.all, 'ms', '');
  row('list page by status, median', (f) => f.library.viewPage.byStatus, 'ms', '≈ the unfiltered page');
  row('whole list (as the page asked before)', (f) => f.library.wholeListMs, 'ms', '');
  row('whole list, size', (f) => f.library.wholeListBytes / 1024, 'KB', '', 'none');
  row('search ready after open', (f) => f.library.searchReadyMs, 'ms', '≤ 1 s at 10,000; ≤ 3 s at 100,000');
  searchRows((f) => f.library.search, row);
  row('autosave median', (f) => f.library.autosave?.median, 'ms', '', 'none');
  row('autosave p95', (f) => f.library.autosave?.p95, 'ms', '', 'none');
  row('autosave median, 100 drafts (same rounds)', (f) => f.library.autosaveAtHundred?.median, 'ms', '', 'none');
  row(
    'autosave median / at 100 drafts',
    (f) =>
      f.library.autosave && f.library.autosaveAtHundred
        ? f.library.autosave.median / f.library.autosaveAtHundred.median
        : undefined,
    '×',
    '≤ 1.5× at 100,000',
    'none',
  );
  row('main process RSS after open', (f) => f.library.afterOpen.rssMb, 'MB', 'reported');
  row('main process heap after open', (f) => f.library.afterOpen.heapMb, 'MB', 'reported');
  row('main process RSS after a search', (f) => f.library.afterSearch.rssMb, 'MB', 'reported');
  row('main process heap after a search', (f) => f.library.afterSearch.heapMb, 'MB', 'reported');
  row('start: host ready (median)', (f) => f.start.host.median, 'ms', '');
  row('start: first contentful paint', (f) => f.start.firstPaint.median, 'ms', '≤ 300 ms');
  row('start: list shown (median)', (f) => f.start.shown.median, 'ms', '');
  row('start: interactive median', (f) => f.start.interactive.median, 'ms', '≤ 500 ms at 10,000; ≤ 1 s at 100,000');
  row('start: interactive p95', (f) => f.start.interactive.p95, 'ms', '');
  row('start: calls answered, size', (f) => f.start.apiBytes.median / 1024, 'KB', '', 'none');
  row('CLI drafts show ID (median)', (f) => f.cli.show.median, 'ms', '≤ 150 ms');
  row('CLI drafts list --json | head', (f) => f.cli.listHead.median, 'ms', '');
  row('CLI drafts list --json (whole)', (f) => f.cli.listWhole.median, 'ms', '≤ 300 ms at 10,000');
  row("CLI baseline: node -e '' (median)", (f) => f.cli.node.median, 'ms', '(in the same rounds)', 'none');
  row("CLI drafts show over node -e ''", (f) => f.cli.show.median - f.cli.node.median, 'ms', '', 'none');
  row("CLI list --json (whole) over node -e ''", (f) => f.cli.listWhole.median - f.cli.node.median, 'ms', '', 'none');
  const { help, node, nodeWithoutExtraCerts } = start;
  console.log(
    `CLI --help: ${ms(help.median)} median / ${ms(help.p95)} p95 (goal ≤ 150 ms); baseline node -e '': ` +
      `${ms(node.median)} median / ${ms(node.p95)} p95; --help / baseline ×${(help.median / node.median).toFixed(1)}`,
  );
  if (nodeWithoutExtraCerts) {
    console.log(
      `NODE_EXTRA_CA_CERTS is set here: Node 20 reads those certificates at every start. node -e '' without it: ` +
        `${ms(nodeWithoutExtraCerts.median)} median, so ${ms(node.median - nodeWithoutExtraCerts.median)} of every CLI figure above is that setting.`,
    );
  }
  console.log(
    "Start and memory figures are medians of 5 runs (3 at 100,000); CLI figures of 10 runs (3 at 100,000), each command taking turns with node -e '' in the same rounds, after one uncounted run; in parentheses: × the empty library (× node -e '' for the CLI's --help).",
  );
}

/** The CLI's --help and its baselines, timed in the same rounds. */
interface StartOfNode {
  readonly help: Sample;
  readonly node: Sample;
  readonly nodeWithoutExtraCerts: Sample | null;
}

async function measureStartOfNode(): Promise<StartOfNode> {
  const node = [process.execPath, '-e', ''];
  const { NODE_EXTRA_CA_CERTS: extraCerts, ...withoutExtraCerts } = process.env;
  const [help, baseline, withoutCerts] = await timeTurns(10, [
    { command: [process.execPath, CLI, '--help'] },
    { command: node },
    ...(extraCerts ? [{ command: node, env: withoutExtraCerts }] : []),
  ]);
  if (!help || !baseline) throw new Error('the CLI start was not timed');
  return { help, node: baseline, nodeWithoutExtraCerts: withoutCerts ?? null };
}

/**
 * `npm run bench search [SIZES]`: the search rows alone (search ready after a read-only open, the
 * queries), on the scale bench's cached libraries (default: 100,000 drafts): minutes instead of the
 * whole scale run's start and CLI rows.
 */
export async function benchSearch(sizesArgument?: string): Promise<void> {
  const sizes = sizesArgument ? sizesArgument.split(',').map(Number) : [100_000];
  console.log(
    `\n== Search: ${sizes.map((size) => size.toLocaleString('en')).join(' / ')} drafts (libraries kept in ${BENCH_CACHE}); load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`,
  );
  const figures: (SearchOnlyFigures & { size: number })[] = [];
  for (const size of sizes) figures.push({ size, ...(await runProbe(await cachedLibrary(size), size, 'search')) });
  console.log(
    ['drafts'.padEnd(38), ...figures.map((f) => f.size.toLocaleString('en').padStart(CELL)), '  goal'].join(''),
  );
  const row: Row<(typeof figures)[number]> = (name, pick, _unit, goal) =>
    console.log([name.padEnd(38), ...figures.map((f) => cell(pick(f), 'ms')), `  ${goal}`].join(''));
  row('search index made (once, if none)', (f) => f.indexMadeMs ?? undefined, 'ms', '');
  row('search ready after a read-only open', (f) => f.searchReadyMs, 'ms', '≤ 3 s at 100,000');
  searchRows((f) => f.search, row);
  console.log(`each query 30 times; load average at the end: ${os.loadavg()[0]?.toFixed(1)}`);
}

/** `npm run bench scale [SIZES]`: every scale row at each size (e.g. `npm run bench scale 0,10000`). */
export async function benchScale(sizesArgument?: string): Promise<void> {
  const sizes = sizesArgument ? sizesArgument.split(',').map(Number) : [...DEFAULT_SIZES];
  console.log(
    `\n== Scale: ${sizes.map((size) => size.toLocaleString('en')).join(' / ')} drafts of ~1,500 words (libraries kept in ${BENCH_CACHE}); load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`,
  );
  const startOfNode = await measureStartOfNode();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const figures: SizeFigures[] = [];
  try {
    for (const size of sizes) {
      figures.push(await measureSize(size, browser));
      console.log(`  measured ${size.toLocaleString('en')} drafts`);
    }
  } finally {
    await browser.close();
  }
  printTable(figures, startOfNode);
  console.log(`load average at the end: ${os.loadavg()[0]?.toFixed(1)}`);
}
