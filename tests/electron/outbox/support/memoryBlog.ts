import type {
  BlogAdapter,
  ClientIdentity,
  OutgoingPost,
  RemotePost,
  RemoteStatus,
  RemoteTag,
} from '../../../../electron/core/publishing/blogAdapter';
import type { BlogFeatures } from '../../../../shared/model/blogFeatures';
import type { ImageSupport, ImageUpload, RemoteImage } from '../../../../electron/core/publishing/imageUpload';
import { PublishingError } from '../../../../electron/core/publishing/publishingError';

/**
 * A blog held in memory, for tests of the outbox's own logic (states, events, ownership) where a
 * real server adds nothing; what reaches a real blog is proven against WordPress, Ghost and
 * Micropub elsewhere. `fail` makes the next calls throw, as a blog that refuses or is unreachable.
 */
export class MemoryBlog implements BlogAdapter {
  readonly posts = new Map<string, RemotePost>();
  /** Images received, by the name they were sent under (how an upload is found again). */
  readonly images = new Map<string, RemoteImage>();
  /** Every write the blog received, in order: what exactly-once is checked against. */
  readonly writes: string[] = [];
  #next = 1;
  #clock = Date.parse('2026-01-01T00:00:00.000Z');
  #failure: (() => Error) | null = null;

  constructor(readonly address = 'http://127.0.0.1:9/blog') {}

  /** Every call throws this error until `recover()`. */
  fail(error: () => Error): void {
    this.#failure = error;
  }

  recover(): void {
    this.#failure = null;
  }

  /** An edit made on the blog itself (another machine, the blog's editor). */
  editOnBlog(remoteId: string, change: Partial<Pick<RemotePost, 'title' | 'content'>>): void {
    const post = this.posts.get(remoteId);
    if (!post) throw new Error(`no post ${remoteId}`);
    this.posts.set(remoteId, { ...post, ...change, renderedContent: null, modifiedAt: this.#tick() });
  }

  create(post: OutgoingPost): Promise<RemotePost> {
    return this.#call(() => {
      const remoteId = String(this.#next);
      this.#next += 1;
      this.writes.push(`create ${remoteId}`);
      return this.#store(remoteId, post);
    });
  }

  update(remoteId: string, post: OutgoingPost): Promise<RemotePost> {
    return this.#call(() => {
      if (!this.posts.has(remoteId)) throw new PublishingError('not-found', 'The post is gone from the blog.');
      this.writes.push(`update ${remoteId}`);
      return this.#store(remoteId, post);
    });
  }

  get(remoteId: string): Promise<RemotePost> {
    return this.#call(() => {
      const post = this.posts.get(remoteId);
      if (!post) throw new PublishingError('not-found', 'The post is gone from the blog.');
      return post;
    });
  }

  delete(remoteId: string): Promise<void> {
    return this.#call(() => {
      const post = this.posts.get(remoteId);
      this.writes.push(`delete ${remoteId}`);
      if (post) this.posts.set(remoteId, { ...post, status: 'trash', modifiedAt: this.#tick() });
    });
  }

  listRecent(count: number): Promise<readonly RemotePost[]> {
    return this.#call(() =>
      [...this.posts.values()]
        .filter((post) => post.status !== 'trash')
        .reverse()
        .slice(0, count),
    );
  }

  findByIdentity(identity: ClientIdentity): Promise<RemotePost | null> {
    return this.#call(
      () => [...this.posts.values()].find((post) => post.identity === identity && post.status !== 'trash') ?? null,
    );
  }

  imageSupport(): Promise<ImageSupport> {
    return this.#call(() => ({ kind: 'uploads', findable: true }));
  }

  uploadImage(upload: ImageUpload): Promise<RemoteImage> {
    return this.#call(() => {
      const remoteId = `media-${this.#next}`;
      this.#next += 1;
      this.writes.push(`upload ${upload.name}`);
      const image = { remoteId, url: `${this.address}/media/${upload.name}` };
      this.images.set(upload.name, image);
      return image;
    });
  }

  findImage(upload: Pick<ImageUpload, 'file' | 'name'>): Promise<RemoteImage | null> {
    return this.#call(() => this.images.get(upload.name) ?? null);
  }

  /** Kept as sent. */
  storedContent(post: OutgoingPost): string {
    return post.html;
  }

  features(): Promise<BlogFeatures> {
    return this.#call(() => ({ categories: null, summary: null, slug: true, timeZone: null }));
  }

  ensureTags(names: readonly string[]): Promise<readonly RemoteTag[]> {
    return this.#call(() => names.map((name) => ({ remoteId: name.toLowerCase(), name })));
  }

  #store(remoteId: string, post: OutgoingPost): RemotePost {
    const status: RemoteStatus = post.schedule.status;
    const stored: RemotePost = {
      remoteId,
      url: `${this.address}/?p=${remoteId}`,
      modifiedAt: this.#tick(),
      publishedAt:
        post.schedule.status === 'future' ? post.schedule.date.toISOString() : new Date(this.#clock).toISOString(),
      status,
      title: post.title,
      slug: post.slug.own,
      content: post.html,
      renderedContent: post.html,
      summary: null,
      tags: [...post.tags],
      categories: null,
      identity: post.identity,
      // Like Ghost: a post readers cannot see yet has a preview page.
      heldLink: status === 'publish' ? null : { kind: 'preview', url: `${this.address}/preview/${remoteId}` },
    };
    this.posts.set(remoteId, stored);
    return stored;
  }

  #tick(): string {
    this.#clock += 1_000;
    return new Date(this.#clock).toISOString().replace(/\.\d{3}Z$/, '.000Z');
  }

  #call<T>(run: () => T): Promise<T> {
    if (this.#failure) return Promise.reject(this.#failure());
    try {
      return Promise.resolve(run());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
