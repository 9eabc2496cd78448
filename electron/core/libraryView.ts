import type { AppEvent } from '../../shared/contract';
import type { DraftStatus, DraftSummary, DraftView } from '../../shared/model/draft';
import { hashtagKey } from '../../shared/model/hashtags';
import type { DraftPage, DraftQuery } from '../../shared/model/library';
import { AppError } from '../../shared/result';
import type { DraftLibrary, LibraryChange } from './library/draftLibrary';
import type { Listing } from './library/libraryIndex';
import type { Outbox, OutboxChange } from './outbox/outbox';

/**
 * What the renderer sees of the library: the library's drafts (content) with where each stands
 * on its blogs joined in from the outbox (which owns it) when a summary or a draft is built, and
 * the changes of both announced as the contract's events, each carrying what changed.
 */
export class LibraryView {
  readonly #library: DraftLibrary;
  readonly #outbox: Outbox;
  readonly #publish: (event: AppEvent) => void;
  readonly #logError: (message: string, error: unknown) => void;
  readonly #draftsWithRecords: () => ReadonlySet<string>;

  constructor(options: {
    readonly library: DraftLibrary;
    readonly outbox: Outbox;
    /** The drafts the outbox holds any record of: every other draft stands nowhere ("draft"). */
    readonly draftsWithRecords: () => ReadonlySet<string>;
    readonly publish: (event: AppEvent) => void;
    readonly logError: (message: string, error: unknown) => void;
  }) {
    this.#library = options.library;
    this.#outbox = options.outbox;
    this.#draftsWithRecords = options.draftsWithRecords;
    this.#publish = options.publish;
    this.#logError = options.logError;
  }

  /** The drafts that match, most recently updated first, each with its status across its blogs. */
  async list(query: DraftQuery = {}): Promise<DraftSummary[]> {
    const { status, ...listingQuery } = query;
    const recorded = this.#draftsWithRecords();
    const listings = await this.#library.list(listingQuery, this.#standing(status, recorded));
    return listings.map((listing) => this.#summary(listing, recorded));
  }

  /** A window of the drafts that match (see `list`), and how many match in all. */
  async page(query: DraftQuery, offset: number, limit: number): Promise<DraftPage> {
    const { status, ...listingQuery } = query;
    const recorded = this.#draftsWithRecords();
    const page = await this.#library.page(listingQuery, offset, limit, this.#standing(status, recorded));
    const drafts = page.drafts.map((listing) => this.#summary(listing, recorded));
    return { total: page.total, offset: page.offset, drafts };
  }

  /** One whole draft, with where it stands on each blog. */
  async get(id: string): Promise<DraftView> {
    return this.view(await this.#library.get(id));
  }

  /** The summaries of the named drafts that exist, in the order named. */
  async summaries(ids: readonly string[]): Promise<DraftSummary[]> {
    await this.#library.listed();
    return ids.flatMap((id) => {
      const listing = this.#library.listing(id);
      return listing ? [this.#summary(listing)] : [];
    });
  }

  /** The summary of one draft, as lists show it. */
  summary(id: string): DraftSummary {
    const listing = this.#library.listing(id);
    if (!listing) throw new AppError('not-found', `There is no draft with id ${id}.`);
    return this.#summary(listing);
  }

  /** A draft as the library returned it, with its targets joined in. */
  view<T extends { readonly id: string }>(draft: T): T & Pick<DraftView, 'targets'> {
    return { ...draft, targets: this.#outbox.targetsOf(draft.id) };
  }

  /** Announces a change of the library: the draft's new summary, and the tags' counts when they moved. */
  libraryChanged(change: LibraryChange): void {
    if (change.kind === 'notice') {
      this.#publish({ type: 'notice', notice: change.notice });
      return;
    }
    if (change.kind === 'deleted') {
      this.#publish({ type: 'drafts-deleted', ids: [...change.ids] });
      return;
    }
    // A save can make a published post "changed since publish", or published again.
    this.#outbox.contentChanged(change.draft.id);
    this.#publish({ type: 'draft-changed', summary: this.#summary(change.listing) });
    if (tagsMoved(change.before, change.listing)) {
      this.#library.tags().then(
        (tags) => this.#publish({ type: 'tags-changed', tags }),
        (error: unknown) => this.#logError('The tags could not be counted', error),
      );
    }
  }

  /** Announces a change of the outbox: an entry's new state, or a draft's new state on a blog. */
  outboxChanged(change: OutboxChange): void {
    if (change.kind === 'entry') {
      this.#publish({ type: 'outbox-entry-changed', entry: change.entry });
      return;
    }
    const { draftId, accountId, state } = change;
    this.#publish({ type: 'target-changed', draftId, accountId, state, status: this.#statusOf(draftId) });
  }

  /**
   * The test of a draft's status, asked of the outbox (which owns it) only for the drafts it holds
   * records of, so that a page filtered by status costs what an unfiltered one does (summarising
   * every draft first, to filter the summaries, took 49 ms a page at 100,000 drafts, ×11 an
   * unfiltered page). undefined: any status.
   */
  #standing(
    status: DraftStatus | undefined,
    recorded: ReadonlySet<string>,
  ): ((listing: Listing) => boolean) | undefined {
    if (status === undefined) return undefined;
    if (status === 'draft') return ({ id }) => !recorded.has(id) || this.#statusOf(id) === 'draft';
    return ({ id }) => recorded.has(id) && this.#statusOf(id) === status;
  }

  /** `recorded`: the drafts the outbox holds records of, when known (a list asks once for all its summaries). */
  #summary(listing: Listing, recorded?: ReadonlySet<string>): DraftSummary {
    const { id, title, firstWords, hashtags, createdAt, updatedAt, revision, trashedAt } = listing;
    const status = recorded === undefined || recorded.has(id) ? this.#statusOf(id) : 'draft';
    return { id, title, firstWords, hashtags, status, createdAt, updatedAt, revision, trashedAt };
  }

  #statusOf(draftId: string): DraftStatus {
    return this.#outbox.statusOf(draftId);
  }
}

/** Whether the tag counts changed: hashtags added or removed, or the draft moved in or out of the trash. */
function tagsMoved(before: Listing | undefined, after: Listing): boolean {
  const counted = (listing: Listing | undefined) =>
    listing && listing.trashedAt === null ? [...new Set(listing.hashtags.map(hashtagKey))].sort().join(' ') : '';
  return counted(before) !== counted(after);
}
