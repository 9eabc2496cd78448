// Run in a process of its own (`node --expose-gc --import tsx libraryProbe.ts FOLDER COUNT`), as the
// app's main process would be: opens a library, measures, prints one line of JSON (ProbeFigures).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DraftLibrary } from '../../../electron/core/library/draftLibrary';
import { openLibraryAndOutbox } from '../../../electron/core/libraryAndOutbox';
import { SEARCH_FILE } from '../../../electron/core/library/wordIndex';
import { cachedDraftId } from './cachedLibrary';
import { summarizeSample, timeEach } from './stats';

export interface Memory {
  readonly rssMb: number;
  readonly heapMb: number;
}

export interface ProbeFigures {
  /** When the library had no search index yet: making it from the documents, before the rest was measured. */
  readonly indexMadeMs: number | null;
  readonly openMs: number;
  /** The first screen's list (the first 60 rows and the total), as the page receives it: the first call, then the median of more. */
  readonly firstPageMs: number;
  readonly firstPageBytes: number;
  readonly pageMedianMs: number;
  /** A page of the list as the page asks it (status joined in from the outbox): unfiltered, and filtered by a status. */
  readonly viewPage: { readonly all: number; readonly byStatus: number };
  /** Every summary at once, as the page asked before it asked by pages. */
  readonly wholeListMs: number;
  readonly wholeListBytes: number;
  /** From the start of open until full-text search covers the library. */
  readonly searchReadyMs: number;
  readonly commonQuery: { median: number; p95: number };
  readonly rareQuery: { median: number; p95: number };
  readonly autosave: { median: number; p95: number } | null;
  readonly afterOpen: Memory;
  readonly afterSearch: Memory;
}

const QUERIES = 30;
/** Rows the window asks for first: a screenful and the overscan around it. */
const FIRST_PAGE_ROWS = 60;
const AUTOSAVES = 60;
/** Two words found in nearly every draft: the most work a query can ask. */
const COMMON_QUERY = 'people world';

function memory(): Memory {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { rssMb: usage.rss / 2 ** 20, heapMb: usage.heapUsed / 2 ** 20 };
}

async function probe(folder: string, count: number): Promise<ProbeFigures> {
  const logError = (message: string, error: unknown) => console.error(message, error);
  let indexMadeMs: number | null = null;
  if (!existsSync(path.join(folder, SEARCH_FILE))) {
    const start = performance.now();
    const maker = await DraftLibrary.open({ folder, logError });
    await maker.searchReady();
    await maker.close();
    indexMadeMs = performance.now() - start;
  }
  const openStart = performance.now();
  const library = await DraftLibrary.open({ folder, logError });
  const openMs = performance.now() - openStart;
  const afterOpen = memory();

  const pageStart = performance.now();
  const firstPage = JSON.stringify(await library.page({}, 0, FIRST_PAGE_ROWS));
  const firstPageMs = performance.now() - pageStart;
  const pageMedianMs = summarizeSample(
    await timeEach(10, async () => JSON.stringify(await library.page({}, 0, FIRST_PAGE_ROWS))),
  ).median;
  const wholeStart = performance.now();
  const wholeList = JSON.stringify(await library.list());
  const wholeListMs = performance.now() - wholeStart;

  await library.searchReady();
  const searchReadyMs = performance.now() - openStart;
  const commonQuery = summarizeSample(
    await timeEach(QUERIES, async () => JSON.stringify(await library.list({ search: COMMON_QUERY }))),
  );
  // A word of one draft's source title ("Article 4242.1"): what looking for one post asks.
  const rare = String(Math.floor(count * 0.4242));
  const rareQuery = summarizeSample(
    await timeEach(QUERIES, async () => JSON.stringify(await library.list({ search: `article ${rare}` }))),
  );
  const afterSearch = memory();

  let autosave: ProbeFigures['autosave'] = null;
  if (count > 0) {
    const id = cachedDraftId(count, Math.floor(count / 2));
    const base = await library.get(id);
    const content = {
      title: base.title,
      commentary: base.commentary,
      quotes: base.quotes,
      hashtags: base.hashtags,
      featuredImage: base.featuredImage,
    };
    autosave = summarizeSample(
      await timeEach(AUTOSAVES, (keystroke) =>
        library.save(id, { ...content, commentary: `${content.commentary} word${keystroke}` }),
      ),
    );
    // The cached library is shared between runs: its draft goes back to what it was.
    await library.save(id, content);
  }
  await library.close();
  const viewPage = await timeViewPages(folder);
  return {
    indexMadeMs,
    openMs,
    firstPageMs,
    firstPageBytes: Buffer.byteLength(firstPage),
    pageMedianMs,
    viewPage,
    wholeListMs,
    wholeListBytes: Buffer.byteLength(wholeList),
    searchReadyMs,
    commonQuery,
    rareQuery,
    autosave,
    afterOpen,
    afterSearch,
  };
}

/**
 * Medians of a page unfiltered and filtered by status ("draft": what most drafts are), through
 * the view that joins in where drafts stand, read-only (as a reader opens the library).
 */
async function timeViewPages(folder: string): Promise<ProbeFigures['viewPage']> {
  const noBlogs = () => Promise.reject(new Error('the probe reaches no blog'));
  const { view, close } = await openLibraryAndOutbox({
    folder,
    readOnly: true,
    logError: (message, error) => console.error(message, error),
    adapterFor: noBlogs,
    postStyleFor: noBlogs,
    online: false,
    publish: () => undefined,
  });
  // The first page lists the library; what is timed is a page after that.
  await view.page({}, 0, FIRST_PAGE_ROWS);
  const all = summarizeSample(await timeEach(10, () => view.page({}, 0, FIRST_PAGE_ROWS))).median;
  const byStatus = summarizeSample(await timeEach(10, () => view.page({ status: 'draft' }, 0, FIRST_PAGE_ROWS))).median;
  await close();
  return { all, byStatus };
}

const [folder, count] = process.argv.slice(2);
if (folder === undefined || count === undefined) throw new Error('usage: libraryProbe.ts FOLDER COUNT');
process.stdout.write(`${JSON.stringify(await probe(folder, Number(count)))}\n`);
