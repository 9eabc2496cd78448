// Run in a process of its own (`node --expose-gc --import tsx libraryProbe.ts FOLDER COUNT`), as the
// app's main process would be: opens a library, measures, prints one line of JSON (ProbeFigures).
import { DraftLibrary } from '../../../electron/core/library/draftLibrary';
import { openLibraryAndOutbox, type LibraryAndOutbox } from '../../../electron/core/libraryAndOutbox';
import type { LibraryView } from '../../../electron/core/libraryView';
import { WordIndex } from '../../../electron/core/library/wordIndex';
import { cachedDraftId, cachedLibrary } from './cachedLibrary';
import { summarizeSample, timeEach } from './stats';

export interface Memory {
  readonly rssMb: number;
  readonly heapMb: number;
}

/** Queries as the list asks them: the first page of the list and how many match, status joined in (`page`); and every match at once, as the list asked before it asked by pages (`whole`). */
export interface SearchFigures {
  readonly commonPage: Sample;
  readonly rarePage: Sample;
  readonly commonWhole: Sample;
  readonly rareWhole: Sample;
}

type Sample = { readonly median: number; readonly p95: number };

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
  readonly search: SearchFigures;
  readonly autosave: { median: number; p95: number } | null;
  /** Autosaves of a library of 100 drafts, taking turns with `autosave` in the same process and moments. */
  readonly autosaveAtHundred: { median: number; p95: number } | null;
  readonly afterOpen: Memory;
  readonly afterSearch: Memory;
}

const QUERIES = 30;
/** Rows the window asks for first: a screenful and the overscan around it. */
const FIRST_PAGE_ROWS = 60;
/** Rows the list asks for first when the query changes (renderer/src/state/libraryStore.ts). */
const QUERY_PAGE_ROWS = 100;
const AUTOSAVES = 60;
/** Two words found in nearly every draft: the most work a query can ask. */
const COMMON_QUERY = 'people world';

/**
 * Saves a draft as autosave does (its whole content, a word more each time), and puts it back as it
 * was: the cached libraries are shared between runs.
 */
async function autosaver(library: DraftLibrary, id: string) {
  const base = await library.get(id);
  const content = {
    title: base.title,
    commentary: base.commentary,
    quotes: base.quotes,
    hashtags: base.hashtags,
    featuredImage: base.featuredImage,
  };
  return {
    save: (keystroke: number) => library.save(id, { ...content, commentary: `${content.commentary} word${keystroke}` }),
    restore: () => library.save(id, content),
  };
}

/** Collects garbage now (the probe runs with --expose-gc), so that what an earlier row left behind is not collected during the next. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function memory(): Memory {
  collectGarbage();
  const usage = process.memoryUsage();
  return { rssMb: usage.rss / 2 ** 20, heapMb: usage.heapUsed / 2 ** 20 };
}

/**
 * Makes the library's search index when it has none of the current version (a cache made by an
 * older version of the app, or none yet), as the app does once in the background, so that the
 * rows after it measure an index that is there; the time it took, or null when there was one.
 */
async function makeIndexIfNone(folder: string): Promise<number | null> {
  const current = WordIndex.openFileToRead(folder);
  if (current) {
    current.close();
    return null;
  }
  const start = performance.now();
  const maker = await DraftLibrary.open({ folder, logError: (message, error) => console.error(message, error) });
  await maker.searchReady();
  await maker.close();
  return performance.now() - start;
}

async function probe(folder: string, count: number): Promise<ProbeFigures> {
  const logError = (message: string, error: unknown) => console.error(message, error);
  const indexMadeMs = await makeIndexIfNone(folder);
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
  const whole = await timeWholeQueries(library, count);
  const afterSearch = memory();

  let autosave: ProbeFigures['autosave'] = null;
  let autosaveAtHundred: ProbeFigures['autosaveAtHundred'] = null;
  if (count > 0) {
    // At 100 drafts the baseline is another draft of the same library.
    const hundred =
      count === 100
        ? library
        : await DraftLibrary.open({ folder: await cachedLibrary(100), logError: () => undefined });
    const here = await autosaver(library, cachedDraftId(count, Math.floor(count / 2)));
    const there = await autosaver(hundred, cachedDraftId(100, count === 100 ? 25 : 50));
    // Taking turns, each first every other time: an autosave is mostly the disk's fsync, whose speed
    // swings from minute to minute, and a save just after another waits on its flush.
    const samples: [number[], number[]] = [[], []];
    for (let keystroke = 0; keystroke < AUTOSAVES; keystroke += 1) {
      const turns = [here.save, there.save].entries();
      for (const [side, save] of keystroke % 2 === 0 ? [...turns] : [...turns].reverse()) {
        const started = performance.now();
        await save(keystroke);
        samples[side]?.push(performance.now() - started);
      }
    }
    autosave = summarizeSample(samples[0]);
    autosaveAtHundred = summarizeSample(samples[1]);
    await here.restore();
    await there.restore();
    if (hundred !== library) await hundred.close();
  }
  await library.close();
  const { viewPage, pages } = await timeViewPages(folder, count);
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
    search: { ...pages, ...whole },
    autosave,
    autosaveAtHundred,
    afterOpen,
    afterSearch,
  };
}

/** A word of one draft's source title ("Article 4242.1"): what looking for one post asks. */
function rareQuery(count: number): string {
  return `article ${Math.floor(count * 0.4242)}`;
}

/** The queries answered with every match at once, as the list asked before it asked by pages. */
async function timeWholeQueries(
  library: DraftLibrary,
  count: number,
): Promise<Pick<SearchFigures, 'commonWhole' | 'rareWhole'>> {
  const timeQuery = async (search: string) => {
    collectGarbage();
    return summarizeSample(await timeEach(QUERIES, async () => JSON.stringify(await library.list({ search }))));
  };
  return { commonWhole: await timeQuery(COMMON_QUERY), rareWhole: await timeQuery(rareQuery(count)) };
}

/** The queries as the list asks them: the first page and the count, through the view, serialized as the page receives them. */
async function timePageQueries(
  view: LibraryView,
  count: number,
): Promise<Pick<SearchFigures, 'commonPage' | 'rarePage'>> {
  const timeQuery = async (search: string) => {
    collectGarbage();
    return summarizeSample(
      await timeEach(QUERIES, async () => JSON.stringify(await view.page({ search }, 0, QUERY_PAGE_ROWS))),
    );
  };
  return { commonPage: await timeQuery(COMMON_QUERY), rarePage: await timeQuery(rareQuery(count)) };
}

function openView(folder: string): Promise<LibraryAndOutbox> {
  const noBlogs = () => Promise.reject(new Error('the probe reaches no blog'));
  return openLibraryAndOutbox({
    folder,
    readOnly: true,
    logError: (message, error) => console.error(message, error),
    adapterFor: noBlogs,
    postStyleFor: noBlogs,
    online: false,
    publish: () => undefined,
  });
}

/**
 * Medians of a page unfiltered and filtered by status ("draft": what most drafts are), and the
 * queries as the list asks them, through the view that joins in where drafts stand, read-only
 * (as a reader opens the library).
 */
async function timeViewPages(
  folder: string,
  count: number,
): Promise<{ viewPage: ProbeFigures['viewPage']; pages: Pick<SearchFigures, 'commonPage' | 'rarePage'> }> {
  const { view, library, close } = await openView(folder);
  // The first page lists the library; what is timed is a page after that.
  await view.page({}, 0, FIRST_PAGE_ROWS);
  const all = summarizeSample(await timeEach(10, () => view.page({}, 0, FIRST_PAGE_ROWS))).median;
  const byStatus = summarizeSample(await timeEach(10, () => view.page({ status: 'draft' }, 0, FIRST_PAGE_ROWS))).median;
  await library.searchReady();
  const pages = await timePageQueries(view, count);
  await close();
  return { viewPage: { all, byStatus }, pages };
}

/** The search rows alone (`npm run bench search`): the library opened read-only, nothing written. */
async function probeSearch(folder: string, count: number): Promise<SearchOnlyFigures> {
  const indexMadeMs = await makeIndexIfNone(folder);
  const openStart = performance.now();
  const { view, library, close } = await openView(folder);
  await library.searchReady();
  const searchReadyMs = performance.now() - openStart;
  const pages = await timePageQueries(view, count);
  const whole = await timeWholeQueries(library, count);
  await close();
  return { indexMadeMs, searchReadyMs, search: { ...pages, ...whole } };
}

export interface SearchOnlyFigures {
  readonly indexMadeMs: number | null;
  /** From the start of open (read-only) until full-text search covers the library. */
  readonly searchReadyMs: number;
  readonly search: SearchFigures;
}

const [folder, count, mode] = process.argv.slice(2);
if (folder === undefined || count === undefined) throw new Error('usage: libraryProbe.ts FOLDER COUNT [search]');
const figures = mode === 'search' ? await probeSearch(folder, Number(count)) : await probe(folder, Number(count));
process.stdout.write(`${JSON.stringify(figures)}\n`);
