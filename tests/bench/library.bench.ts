import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { DraftLibrary } from '../../electron/core/library/draftLibrary';
import { summarize } from '../../shared/model/summary';
import { DRAFT_SCHEMA_VERSION, type Draft } from '../../shared/model/draft';
import { ms, summarizeSample, timeEach } from './support/stats';
import { addRealisticDrafts, realisticDraft, seededRandom } from './support/realisticDraft';

const SIZES = [100, 1_000, 10_000] as const;
const AUTOSAVES = 60;
const LISTS = 30;

interface Figures {
  readonly layout: string;
  readonly drafts: number;
  readonly openMs: number;
  readonly list: { median: number; p95: number };
  readonly autosave: { median: number; p95: number };
  /** From open until full-text search covers the library (it fills in the background). */
  readonly searchReadyMs?: number;
  readonly search?: { median: number; p95: number };
}

const quiet = { logError: (message: string) => console.error(message) };

/** The library as built: one document per draft plus an index. */
async function measureLibrary(size: number): Promise<Figures> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'commonplace-bench-'));
  try {
    const writer = await DraftLibrary.open({ folder, ...quiet });
    const ids = await addRealisticDrafts(writer, size);
    await writer.close();

    const openStart = performance.now();
    const library = await DraftLibrary.open({ folder, ...quiet });
    const openMs = performance.now() - openStart;
    await library.searchReady();
    const searchReadyMs = performance.now() - openStart;
    const list = summarizeSample(await timeEach(LISTS, async () => JSON.stringify(await library.list())));
    const target = ids[Math.floor(ids.length / 2)] ?? '';
    const base = await library.get(target);
    const autosave = summarizeSample(
      await timeEach(AUTOSAVES, (keystroke) =>
        library.save(target, { ...base, commentary: `${base.commentary} word${keystroke}` }),
      ),
    );
    const search = summarizeSample(await timeEach(LISTS, () => library.list({ search: 'people world' })));
    await library.close();
    return { layout: 'commonplace', drafts: size, openMs, list, autosave, searchReadyMs, search };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The naive layout: every draft in one lowdb JSON file, rewritten whole on every save. */
async function measureNaive(size: number): Promise<Figures> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'commonplace-bench-naive-'));
  try {
    const random = seededRandom(size);
    const file = path.join(folder, 'library.json');
    const writer = new Low<{ drafts: Draft[] }>(new JSONFile(file), { drafts: [] });
    const now = new Date().toISOString();
    writer.data.drafts = Array.from({ length: size }, (_, index) => ({
      ...realisticDraft(random, index),
      schemaVersion: DRAFT_SCHEMA_VERSION,
      id: `naive-${index}`,
      createdAt: now,
      updatedAt: now,
      revision: 1,
      trashedAt: null,
    }));
    await writer.write();

    const openStart = performance.now();
    // lowdb's JSONFile, explicitly: JSONFilePreset would silently keep memory only under NODE_ENV=test.
    const db = new Low<{ drafts: Draft[] }>(new JSONFile(file), { drafts: [] });
    await db.read();
    const openMs = performance.now() - openStart;
    const list = summarizeSample(
      await timeEach(LISTS, () =>
        Promise.resolve(
          JSON.stringify(
            db.data.drafts
              .map((draft) => summarize(draft, 'draft'))
              .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
          ),
        ),
      ),
    );
    const target = db.data.drafts[Math.floor(size / 2)];
    if (!target) throw new Error('no draft to save');
    const saves = size >= 10_000 ? 5 : size >= 1_000 ? 15 : AUTOSAVES;
    const autosave = summarizeSample(
      await timeEach(saves, async (keystroke) => {
        target.commentary = `${target.commentary} word${keystroke}`;
        target.revision += 1;
        await db.write();
      }),
    );
    return { layout: 'naive single file', drafts: size, openMs, list, autosave };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function row(figures: Figures): string {
  return [
    figures.layout.padEnd(18),
    String(figures.drafts).padStart(6),
    ms(figures.openMs).padStart(11),
    `${ms(figures.list.median)} / ${ms(figures.list.p95)}`.padStart(22),
    `${ms(figures.autosave.median)} / ${ms(figures.autosave.p95)}`.padStart(22),
  ].join('  ');
}

export async function benchLibrary(): Promise<void> {
  console.log('\n== Library: open, list and autosave (drafts of ~1,500 words and two quotes)');
  console.log(
    `${'layout'.padEnd(18)}  ${'drafts'.padStart(6)}  ${'open'.padStart(11)}  ${'list median / p95'.padStart(22)}  ${'autosave median / p95'.padStart(22)}`,
  );
  const ours: Figures[] = [];
  for (const size of SIZES) {
    const library = await measureLibrary(size);
    const naive = await measureNaive(size);
    ours.push(library);
    console.log(row(library));
    console.log(row(naive));
    console.log(
      `${''.padEnd(18)}  ${''.padStart(6)}  autosave: naive / commonplace = ${(naive.autosave.median / library.autosave.median).toFixed(1)}×`,
    );
  }
  const small = ours[0];
  const large = ours[ours.length - 1];
  if (!small || !large) return;
  for (const figures of ours) {
    if (figures.searchReadyMs === undefined || !figures.search) continue;
    console.log(
      `search at ${figures.drafts}: ready ${ms(figures.searchReadyMs)} after open; a two-word query ${ms(figures.search.median)} median / ${ms(figures.search.p95)} p95`,
    );
  }
  const ratio = large.autosave.median / small.autosave.median;
  console.log(`autosave@10,000 / autosave@100 (medians): ${ratio.toFixed(2)} (bar ≤ 1.5)`);
  console.log(`list@10,000 median: ${ms(large.list.median)} (bar ≤ 300 ms)`);
  console.log(`autosave median at 10,000: ${ms(large.autosave.median)} (bar ≤ 5 ms)`);
}
