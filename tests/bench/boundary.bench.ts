import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page, type Request } from '@playwright/test';
import { startDevHost } from '../../electron/devhost/server';
import { openServices, type Services } from '../../electron/core/services';
import { API_PATH } from '../../shared/contract';
import { startMicropub, type MicropubServer } from '../servers/micropub';
import { reblogPost } from '../support/fixtures';
import { installSyncCounter, type SyncCounts } from './support/fsyncCounter';

const RENDERER = fileURLToPath(new URL('../../out/renderer', import.meta.url));
/** How long nothing may cross the boundary or reach the disk before an action counts as finished. */
const QUIET_MS = 1_000;
const AUTOSAVES = 5;

/** What one writer action cost: calls at the transport, bytes each way, events, and fsyncs. */
interface ActionFigures {
  readonly calls: readonly string[];
  readonly bytesUp: number;
  readonly bytesDown: number;
  readonly events: readonly string[];
  readonly eventBytes: number;
  readonly syncs: SyncCounts;
}

/**
 * Watches everything that crosses the renderer↔core boundary while the real renderer runs in
 * Chromium against the dev host in this process: each call (its name, its request and answer in
 * bytes) as the page's network sees it, each event the core sends, and each fsync.
 */
class BoundaryMeter {
  #calls: string[] = [];
  #bytesUp = 0;
  #bytesDown = 0;
  #events: string[] = [];
  #eventBytes = 0;
  #inFlight = 0;
  #lastActivity = performance.now();
  #lastSyncs = 0;

  constructor(
    page: Page,
    services: Services,
    readonly syncs: { read(): SyncCounts; reset(): void },
  ) {
    const isCall = (request: Request) => new URL(request.url()).pathname.startsWith(API_PATH);
    page.on('request', (request) => {
      if (!isCall(request)) return;
      this.#inFlight += 1;
      this.#touch();
    });
    const finished = async (request: Request) => {
      if (!isCall(request)) return;
      const name = new URL(request.url()).pathname.slice(API_PATH.length);
      const body = await (await request.response())?.body().catch(() => Buffer.alloc(0));
      this.#calls.push(name);
      this.#bytesUp += Buffer.byteLength(request.postData() ?? '');
      this.#bytesDown += body?.length ?? 0;
      this.#inFlight -= 1;
      this.#touch();
    };
    page.on('requestfinished', (request) => void finished(request));
    page.on('requestfailed', (request) => void finished(request));
    services.events.subscribe((event) => {
      this.#events.push(event.type);
      // As the dev host streams it: one Server-Sent Event per AppEvent.
      this.#eventBytes += Buffer.byteLength(`data: ${JSON.stringify(event)}\n\n`);
      this.#touch();
    });
  }

  async measure(action: () => Promise<void>): Promise<ActionFigures> {
    await this.#quiet();
    this.#calls = [];
    this.#bytesUp = 0;
    this.#bytesDown = 0;
    this.#events = [];
    this.#eventBytes = 0;
    this.syncs.reset();
    this.#lastSyncs = 0;
    await action();
    await this.#quiet();
    return {
      calls: [...this.#calls],
      bytesUp: this.#bytesUp,
      bytesDown: this.#bytesDown,
      events: [...this.#events],
      eventBytes: this.#eventBytes,
      syncs: this.syncs.read(),
    };
  }

  #touch(): void {
    this.#lastActivity = performance.now();
  }

  /** Until no call is in flight and nothing (call, event, fsync) happened for QUIET_MS. */
  async #quiet(): Promise<void> {
    for (;;) {
      const { files, folders } = this.syncs.read();
      if (files + folders !== this.#lastSyncs) {
        this.#lastSyncs = files + folders;
        this.#touch();
      }
      if (this.#inFlight === 0 && performance.now() - this.#lastActivity >= QUIET_MS) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function tally(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => (count === 1 ? name : `${name}×${count}`)).join(', ') || 'none';
}

function line(label: string, figures: ActionFigures): string {
  return (
    `${label.padEnd(34)} ${String(figures.calls.length).padStart(3)} calls, ` +
    `${String(figures.syncs.files).padStart(2)} file + ${String(figures.syncs.folders).padStart(2)} folder fsyncs, ` +
    `${figures.bytesUp} B up / ${figures.bytesDown} B down, ${figures.events.length} events (${figures.eventBytes} B)\n` +
    `${''.padEnd(34)} calls: ${tally(figures.calls)}; events: ${tally(figures.events)}\n` +
    `${''.padEnd(34)} files written durably: ${
      Object.entries(figures.syncs.byKind)
        .map(([kind, count]) => `${kind}×${count}`)
        .join(', ') || 'none'
    }`
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** The median autosave of a run (the first, which also keeps a revision in history, is shown apart). */
function medianAutosave(runs: readonly ActionFigures[]): ActionFigures {
  const rest = runs.slice(1);
  const pick = (value: (figures: ActionFigures) => number) => median(rest.map(value));
  const typical = rest.find((figures) => figures.calls.length === pick((each) => each.calls.length)) ?? rest[0];
  if (!typical) throw new Error('no autosave was measured');
  return {
    calls: typical.calls,
    events: typical.events,
    bytesUp: pick((figures) => figures.bytesUp),
    bytesDown: pick((figures) => figures.bytesDown),
    eventBytes: pick((figures) => figures.eventBytes),
    syncs: {
      files: pick((figures) => figures.syncs.files),
      folders: pick((figures) => figures.syncs.folders),
      byKind: typical.syncs.byKind,
    },
  };
}

async function typeOneCharacter(page: Page, meter: BoundaryMeter, character: string): Promise<ActionFigures> {
  return meter.measure(async () => {
    const saved = page.waitForRequest((request) => request.url().includes(`${API_PATH}saveDraft`));
    await page.keyboard.type(character);
    await saved;
  });
}

async function openDraft(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(title) }).click();
  await page.getByRole('textbox', { name: 'Commentary' }).click();
  await page.keyboard.press('Control+End');
}

/** Publishes the open draft to the first `blogs` blogs with one click, and waits for every answer. */
async function publishWithOneClick(page: Page, meter: BoundaryMeter, blogs: number): Promise<ActionFigures> {
  const panel = page.getByRole('region', { name: 'Publish' });
  const boxes = panel.getByRole('checkbox');
  for (let index = 0; index < blogs; index += 1) await boxes.nth(index).check();
  const figures = await meter.measure(async () => {
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await panel
      .getByRole('status')
      .nth(blogs - 1)
      .waitFor({ timeout: 30_000 });
  });
  const said = await panel.getByRole('status').allTextContents();
  if (said.some((text) => text !== 'Published.')) throw new Error(`publishing said: ${said.join(' | ')}`);
  return figures;
}

/**
 * Fsyncs and contract calls per writer action, and the bytes that cross the boundary, with the
 * real renderer in Chromium, the dev host and the core in this process (so its fsyncs are counted
 * here), and three Micropub sites (their own processes) as blogs.
 */
export async function benchBoundary(): Promise<void> {
  console.log('\n== Boundary: calls, bytes and fsyncs per autosave and per one-click publish (the example post)');
  console.log('   (fsyncs counted inside the process on FileHandle.sync/datasync; calls at the page’s transport)');
  const syncs = await installSyncCounter();
  const folder = await mkdtemp(path.join(os.tmpdir(), 'commonplace-bench-boundary-'));
  const sites: MicropubServer[] = [];
  const services = await openServices({
    dataFolder: folder,
    access: { mode: 'write', program: { kind: 'dev-host' } },
    logError: (message, error) => console.error(message, error),
  });
  const host = await startDevHost({
    services,
    rendererFolder: RENDERER,
    logError: (message) => console.error(message),
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    for (let count = 0; count < 3; count += 1) sites.push(await startMicropub());
    for (const site of sites) {
      await services.handlers.addAccount({ kind: 'micropub', address: site.url, user: '', secret: site.token });
    }
    for (const title of ['Autosave', 'Publish to one', 'Publish to three']) {
      await services.handlers.createDraft({ content: { ...reblogPost(), title: `${title}: the example post` } });
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const meter = new BoundaryMeter(page, services, syncs);
    await page.goto(host.url);

    await openDraft(page, 'Autosave: the example post');
    const closed: ActionFigures[] = [];
    for (let index = 0; index < AUTOSAVES; index += 1) closed.push(await typeOneCharacter(page, meter, 'x'));
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('region', { name: 'Publish' }).waitFor();
    await page.getByRole('textbox', { name: 'Commentary' }).click();
    await page.keyboard.press('Control+End');
    const open: ActionFigures[] = [];
    for (let index = 0; index < AUTOSAVES; index += 1) open.push(await typeOneCharacter(page, meter, 'y'));

    await openDraft(page, 'Publish to one: the example post');
    const one = await publishWithOneClick(page, meter, 1);
    await openDraft(page, 'Publish to three: the example post');
    const three = await publishWithOneClick(page, meter, 3);

    const [firstClosed] = closed;
    if (firstClosed) console.log(line('first autosave (history kept)', firstClosed));
    console.log(line('autosave, publish panel closed', medianAutosave(closed)));
    console.log(line('autosave, publish panel open', medianAutosave(open)));
    console.log(line('one-click publish to 1 blog', one));
    console.log(line('one-click publish to 3 blogs', three));
    console.log('goal: an autosave is 1 call and 1 durable write (2 fsyncs: file and folder); a publish is 1 call');
  } finally {
    await browser.close();
    await host.close();
    await services.close();
    await Promise.all(sites.map((site) => site.stop()));
    await rm(folder, { recursive: true, force: true });
  }
}
