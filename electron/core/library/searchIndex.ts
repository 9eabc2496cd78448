import MiniSearch from 'minisearch';
import type { Draft } from '../../../shared/model/draft';

interface SearchDocument {
  readonly id: string;
  readonly title: string;
  readonly commentary: string;
  readonly quotes: string;
  readonly sources: string;
  readonly hashtags: string;
}

function searchDocument(draft: Draft): SearchDocument {
  return {
    id: draft.id,
    title: draft.title,
    commentary: draft.commentary,
    quotes: draft.quotes.map((quote) => `${quote.excerpt}\n${quote.note}`).join('\n'),
    sources: draft.quotes
      .map(({ source }) => [source.title, source.author, source.siteName, source.url ?? ''].join('\n'))
      .join('\n'),
    hashtags: draft.hashtags.join(' '),
  };
}

const INDEX_DELAY_MS = 250;
/**
 * How long after open the index starts filling, unless a search needs it sooner: reading every
 * draft competes for the CPU with the window's first paint, which matters more at that moment.
 */
const FILL_DELAY_MS = 2_000;
/** Drafts read at once while filling. */
const FILL_BATCH = 8;

const nonAscii = /[\u0080-\uffff]/;

// Accents and case never matter: "zurich" finds "Zürich". Most words are ASCII, and Unicode
// normalisation is the costliest step of indexing, so it runs only where it can change something.
function normalizeTerm(term: string): string {
  if (!nonAscii.test(term)) return term.toLowerCase();
  return term.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und');
}

/**
 * Full-text search over title, commentary, quotes, their sources and hashtags (MiniSearch, in
 * memory). It is filled in the background after the library opens, so start-up never waits for
 * it, and kept current on every save.
 */
export class SearchIndex {
  readonly #search = new MiniSearch<SearchDocument>({
    fields: ['title', 'commentary', 'quotes', 'sources', 'hashtags'],
    processTerm: normalizeTerm,
    searchOptions: { prefix: true, combineWith: 'AND', boost: { title: 3, hashtags: 2 } },
  });
  #ready: Promise<void> = Promise.resolve();
  readonly #pending = new Map<string, Draft>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopped = false;
  #startFilling: () => void = () => undefined;

  /**
   * Fills the index from drafts that `load` yields, from a moment after open or as soon as
   * anything waits for it; searches wait until it is done. A draft that a save put in meanwhile
   * is newer than what was loaded, and is kept.
   */
  fill(ids: Iterable<string>, load: (id: string) => Promise<Draft | null>): void {
    const pending = [...ids];
    const started = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, FILL_DELAY_MS);
      timer.unref();
      this.#startFilling = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#ready = (async () => {
      await started;
      for (let start = 0; start < pending.length; start += FILL_BATCH) {
        if (this.#stopped) return;
        // Reading a few drafts at once overlaps their disk reads with one another.
        const drafts = await Promise.all(pending.slice(start, start + FILL_BATCH).map(load));
        for (const draft of drafts) {
          if (draft && !this.#search.has(draft.id) && !this.#pending.has(draft.id)) {
            this.#search.add(searchDocument(draft));
          }
        }
      }
    })();
  }

  /** Resolves once the index holds every draft the library had when it opened. */
  ready(): Promise<void> {
    this.#startFilling();
    return this.#ready;
  }

  /**
   * Stops filling: the library is closing, and a short-lived process (a CLI command) would
   * otherwise stay alive reading every draft of a large library for an index nobody will ask.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.ready();
  }

  /**
   * Queues the draft's new text for indexing. Indexing a long draft takes about a millisecond,
   * so it waits for a pause in the writer's saves and indexes only the latest version; a search
   * indexes whatever is still queued first.
   */
  put(draft: Draft): void {
    this.#pending.set(draft.id, draft);
    if (this.#timer) return;
    this.#timer = setTimeout(() => this.#indexPending(), INDEX_DELAY_MS);
    this.#timer.unref();
  }

  remove(id: string): void {
    this.#pending.delete(id);
    if (this.#search.has(id)) this.#search.discard(id);
  }

  /** The ids of the drafts matching every word of the query. */
  async find(query: string): Promise<Set<string>> {
    await this.ready();
    this.#indexPending();
    return new Set(this.#search.search(query).map((result) => String(result.id)));
  }

  #indexPending(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    for (const draft of this.#pending.values()) {
      const document = searchDocument(draft);
      if (this.#search.has(draft.id)) this.#search.replace(document);
      else this.#search.add(document);
    }
    this.#pending.clear();
  }
}
