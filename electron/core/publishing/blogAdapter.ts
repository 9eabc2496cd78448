import type { ImageUploader, RemoteImage } from './imageUpload';

/**
 * What every blog protocol offers the outbox. Adapters throw `PublishingError` (an `AppError`)
 * with a kind, a writer-facing message, and whether retrying can help.
 */

/** When the post goes live: now, never (a draft on the blog), or at a set time. */
export type PostSchedule =
  { readonly status: 'publish' } | { readonly status: 'draft' } | { readonly status: 'future'; readonly date: Date };

/**
 * The identity the client stamps on a post before its first attempt, so that after an ambiguous
 * failure (sent, no answer) the outbox can find the post instead of creating it twice. It is
 * lowercase letters, digits and hyphens, unique per post and blog; see `newClientIdentity`.
 */
export type ClientIdentity = string;

/** A post as the adapter sends it: already rendered, with the tags as the writer spelled them. */
export interface OutgoingPost {
  readonly identity: ClientIdentity;
  readonly title: string;
  /** The shared renderer's HTML (renderPostBody), exactly what the preview shows. */
  readonly html: string;
  readonly tags: readonly string[];
  readonly schedule: PostSchedule;
  /** The post's featured image, already on the blog; absent or null for none (an update clears it). */
  readonly featuredImage?: RemoteImage | null;
}

/** Every status a post can have on a blog, including those the client never sets itself. */
export type RemoteStatus = 'publish' | 'draft' | 'future' | 'pending' | 'private' | 'trash';

/** A post as the blog holds it. */
export interface RemotePost {
  readonly remoteId: string;
  readonly url: string;
  /** When the blog last changed the post, as an ISO timestamp in UTC (one-second resolution). */
  readonly modifiedAt: string;
  /** When the post is (or will be) published, as an ISO timestamp in UTC. */
  readonly publishedAt: string;
  readonly status: RemoteStatus;
  readonly title: string;
  /** The stored content, as sent (for WordPress REST: the block markup). */
  readonly content: string;
  /** The content as the blog renders it for readers, when the protocol offers it. */
  readonly renderedContent: string | null;
  readonly tags: readonly string[];
  /** The client identity found on the post, or null for posts made elsewhere. */
  readonly identity: ClientIdentity | null;
  /**
   * The featured image as the blog names it (see `featuredReference`), null for none; absent
   * where the adapter does not read it.
   */
  readonly featuredImage?: string | null;
}

/** A tag on the blog. */
export interface RemoteTag {
  readonly remoteId: string;
  readonly name: string;
}

/** Every adapter also takes images (or says why it cannot), see imageUpload.ts. */
export interface BlogAdapter extends ImageUploader {
  /** Creates the post. Not idempotent by itself: after an ambiguous failure, call `findByIdentity` first. */
  create(post: OutgoingPost): Promise<RemotePost>;
  /** Replaces title, content, tags and schedule of an existing post. Idempotent. */
  update(remoteId: string, post: OutgoingPost): Promise<RemotePost>;
  /** Throws a `not-found` PublishingError when the post does not exist. */
  get(remoteId: string): Promise<RemotePost>;
  /** Moves the post to the blog's trash (recoverable there); idempotent. */
  delete(remoteId: string): Promise<void>;
  /** The most recent posts of any status except trash, newest first. */
  listRecent(count: number): Promise<readonly RemotePost[]>;
  /** The post carrying this client identity, or null when the blog has none. */
  findByIdentity(identity: ClientIdentity): Promise<RemotePost | null>;
  /** The blog's tags for these names, created where missing; matched case-insensitively. */
  ensureTags(names: readonly string[]): Promise<readonly RemoteTag[]>;
}

/** How an adapter reaches the network: injected, so tests and the outbox control it. */
export interface Transport {
  readonly fetch: typeof fetch;
  /** Per request, including reading the body. */
  readonly timeoutMs: number;
  /** Larger answers are cut off and refused; a blog's API answers are far smaller. */
  readonly maxResponseBytes?: number;
}
