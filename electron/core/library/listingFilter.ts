import type { ListingQuery } from './draftLibrary';
import type { Listing } from './libraryIndex';
import type { MatchesAlong } from './searchIndex';

/**
 * The test a draft of the list must pass to be listed: in or out of the trash, holding a tag,
 * holding the words searched, and a further test the caller gives. A class, not a closure made
 * for each list: a pass over 100,000 drafts calls it for each, and V8 keeps that call optimized
 * from one list to the next only while it is the same function (a new closure for each search
 * made the second search after open ~10 ms slower than the first).
 */
export class ListingFilter {
  readonly #trash: NonNullable<ListingQuery['trash']>;
  /** The tag's key (see hashtagKey), and the key of any tag (memoized for one pass). */
  readonly #tag: { readonly key: string; readonly keyOf: (tag: string) => string } | undefined;
  /** The drafts holding the words searched, by their position in the list. */
  readonly #matches: MatchesAlong | null;
  readonly #also: ((listing: Listing) => boolean) | undefined;

  constructor(options: {
    readonly trash: NonNullable<ListingQuery['trash']>;
    readonly tag: { readonly key: string; readonly keyOf: (tag: string) => string } | undefined;
    readonly matches: MatchesAlong | null;
    readonly also: ((listing: Listing) => boolean) | undefined;
  }) {
    this.#trash = options.trash;
    this.#tag = options.tag;
    this.#matches = options.matches;
    this.#also = options.also;
  }

  /** Whether the draft at `position` of the list the matches were found along is listed. */
  keeps(listing: Listing, position: number): boolean {
    if (this.#trash === 'exclude' && listing.trashedAt !== null) return false;
    if (this.#trash === 'only' && listing.trashedAt === null) return false;
    const tag = this.#tag;
    if (tag !== undefined && !listing.hashtags.some((raw) => tag.keyOf(raw) === tag.key)) return false;
    if (this.#matches !== null && !this.#matches.at(position)) return false;
    return this.#also === undefined || this.#also(listing);
  }
}
