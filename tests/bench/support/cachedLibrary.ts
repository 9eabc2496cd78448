import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DraftLibrary } from '../../../electron/core/library/draftLibrary';
import { DraftStore } from '../../../electron/core/library/draftStore';
import { DRAFT_SCHEMA_VERSION, DraftSchema, type Draft } from '../../../shared/model/draft';
import { realisticDraft, seededRandom } from './realisticDraft';

/** Where the scale benchmark keeps its libraries between runs: making 100,000 drafts takes minutes. */
export const BENCH_CACHE = path.join(os.homedir(), '.cache', 'commonplace-bench');

/** Bumped when the generated drafts change, so that an old cache is made again rather than reused. */
const GENERATION = 1;
/** Drafts written at once: the writes wait on fsync, so a few in flight keep the disk busy. */
const WRITES_IN_FLIGHT = 16;
/** The newest draft's time; each earlier one is a minute older, so the list's order is known. */
const NEWEST = Date.parse('2026-01-01T00:00:00.000Z');

/** The id of the `index`th draft of a cached library of `count` drafts (0 is the oldest). */
export function cachedDraftId(count: number, index: number): string {
  return `bench-${count}-${String(index).padStart(6, '0')}`;
}

/**
 * A library of `count` realistic drafts, made once and reused by later runs (the documents of
 * the same count are always the same). Benchmarks may save to it: they put back what they change.
 */
export async function cachedLibrary(count: number): Promise<string> {
  const folder = path.join(BENCH_CACHE, `library-${count}-d${DRAFT_SCHEMA_VERSION}-g${GENERATION}`);
  const complete = path.join(folder, '.bench-complete');
  if (existsSync(complete)) return folder;
  const partial = `${folder}.partial`;
  await rm(partial, { recursive: true, force: true });
  await rm(folder, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  console.log(`(making the benchmark's library of ${count.toLocaleString('en')} drafts in ${folder}: once)`);
  await writeDrafts(partial, count);
  // Opening builds the summaries' index from the documents, as for a library copied from elsewhere.
  const library = await DraftLibrary.open({ folder: partial, logError: (message) => console.error(message) });
  await library.close();
  await rename(partial, folder);
  await writeFile(complete, `${new Date().toISOString()}\n`);
  return folder;
}

async function writeDrafts(folder: string, count: number): Promise<void> {
  const store = new DraftStore(folder);
  await store.prepare();
  const random = seededRandom(count);
  // Generated in order (the generator is sequential), written a few at a time.
  let inFlight: Promise<unknown>[] = [];
  for (let index = 0; index < count; index += 1) {
    inFlight.push(store.write(benchDraft(count, index, random)));
    if (inFlight.length === WRITES_IN_FLIGHT) {
      await Promise.all(inFlight);
      inFlight = [];
    }
    if (index > 0 && index % 10_000 === 0) console.log(`  ${index.toLocaleString('en')} drafts written`);
  }
  await Promise.all(inFlight);
}

function benchDraft(count: number, index: number, random: () => number): Draft {
  const at = new Date(NEWEST - (count - 1 - index) * 60_000).toISOString();
  return DraftSchema.parse({
    ...realisticDraft(random, index),
    schemaVersion: DRAFT_SCHEMA_VERSION,
    id: cachedDraftId(count, index),
    createdAt: at,
    updatedAt: at,
    revision: 1,
    trashedAt: null,
  });
}
