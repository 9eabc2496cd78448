import type { BlogFeatures } from '../../../shared/model/blogFeatures';
import type { DraftContent, HeldLink } from '../../../shared/model/draft';
import type { PostSlug } from '../../../shared/text/slug';
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
 * lowercase letters, digits and hyphens, unique per post and blog; see `newClientIdentity`. Each
 * adapter keeps it where readers never see it, never in the post's address.
 */
export type ClientIdentity = string;

/** A post as the adapter sends it: already rendered, with the tags as the writer spelled them. */
export interface OutgoingPost {
  readonly identity: ClientIdentity;
  /**
   * The draft's content it was rendered from, for blogs that keep more than HTML (a static site
   * keeps the quotes' sources, and may take Markdown); once its images are on the blog, they are
   * named by their addresses there in it too.
   */
  readonly content: DraftContent;
  /** Plain text, as typed: each adapter escapes it as its API expects. */
  readonly title: string;
  /**
   * The post's address. Sent when the post is created; afterwards only when the writer chose it,
   * so that editing the title never moves a published post.
   */
  readonly slug: PostSlug;
  /** The short summary blogs show in lists and feeds; '' for none. */
  readonly summary: string;
  /** The categories chosen for this blog, by name; blogs without categories ignore them. */
  readonly categories: readonly string[];
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
  /** Plain text, as the writer typed it. */
  readonly title: string;
  /** The post's address on the blog (its last path segment), or null where the blog has none to set. */
  readonly slug: string | null;
  /** The stored content, as sent (for WordPress REST: the block markup). */
  readonly content: string;
  /** The content as the blog renders it for readers, when the protocol offers it. */
  readonly renderedContent: string | null;
  readonly tags: readonly string[];
  /** The post's own excerpt as written ('' when it has none); null where the blog keeps none. */
  readonly summary: string | null;
  /** The post's categories by name; null where the blog has no categories. */
  readonly categories: readonly string[] | null;
  /** The client identity found on the post, or null for posts made elsewhere. */
  readonly identity: ClientIdentity | null;
  /**
   * Where the writer can open the post while the blog does not show it (a draft, a scheduled
   * post): its preview, or the blog's editor; null where the protocol gives neither.
   */
  readonly heldLink: HeldLink | null;
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
  /**
   * The oldest post carrying this client identity, or null when the blog has none. `slug`, the
   * address the post was sent with, helps blogs that cannot list their posts.
   */
  findByIdentity(identity: ClientIdentity, hints?: { readonly slug?: PostSlug }): Promise<RemotePost | null>;
  /**
   * What `RemotePost.content` holds once `post` is sent: the body as this blog stores it, to tell
   * whether the blog already has the post as it would be sent.
   */
  storedContent(post: OutgoingPost): string;
  /** What the blog offers a post beyond its text: categories, an excerpt, a slug, its time zone. */
  features(): Promise<BlogFeatures>;
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
