import type { BlogFeatures } from '../../../../shared/model/blogFeatures';
import type { StaticSite } from '../../../../shared/model/staticSite';
import type { BlogAdapter, ClientIdentity, OutgoingPost, RemotePost, RemoteStatus, RemoteTag } from '../blogAdapter';
import type { ImageSupport, ImageUpload, RemoteImage } from '../imageUpload';
import { PublishingError } from '../publishingError';
import { isoSeconds, postDate, postFileText, readPostFile, type PostFile, type PostPlacement } from './postFile';
import { extensionOf, fillPlaceholders } from './siteLayouts';
import type { SiteRemote } from './siteRemote';
import { joinPath, SiteRepository, type GitPerson } from './siteRepository';
import { SiteSync } from './siteSync';

export interface StaticSiteAdapterOptions {
  readonly site: StaticSite;
  /** The address the site is served at, for the posts' URLs. */
  readonly siteUrl: string;
  /** Who the commits are by. */
  readonly author: GitPerson;
  /** Where commits are pushed; null keeps them in the local repository. */
  readonly remote: SiteRemote | null;
  readonly now?: () => Date;
}

/** How many "-2", "-3"… a new post's file name tries before giving up. */
const MAX_NAME_TRIES = 100;

/**
 * A static site as a blog: a post is a content file in the site's git repository, and the file's
 * path is its remote id, so an update rewrites the same file. Every write is one commit with a
 * clear message, pushed when the site has a remote; the blog as the outbox sees it is the
 * branch after the remote's changes are brought in and ours sent out (see SiteSync).
 */
export class StaticSiteAdapter implements BlogAdapter {
  readonly #site: StaticSite;
  readonly #siteUrl: string;
  readonly #author: GitPerson;
  readonly #repository: SiteRepository;
  readonly #sync: SiteSync;
  readonly #now: () => Date;

  constructor(options: StaticSiteAdapterOptions) {
    this.#site = options.site;
    this.#siteUrl = options.siteUrl;
    this.#author = options.author;
    this.#repository = new SiteRepository(options.site.folder);
    this.#sync = new SiteSync({ repository: this.#repository, branch: options.site.branch, remote: options.remote });
    this.#now = options.now ?? (() => new Date());
  }

  /** A static site takes every image: it becomes a file in the site's media folder, found again by its name. */
  imageSupport(): Promise<ImageSupport> {
    return Promise.resolve({ kind: 'uploads', findable: true });
  }

  /**
   * Puts the image in the site's media folder, in a commit of its own, and gives its address.
   * Idempotent: the same bytes under the same name make no second commit.
   */
  async uploadImage(upload: ImageUpload): Promise<RemoteImage> {
    const filepath = this.#mediaPath(upload.name);
    const tip = await this.#sync.prepareWrite();
    await this.#sync.commit(
      tip,
      new Map([[filepath, upload.data]]),
      this.#commitRequest(`Add ${upload.name}`, filepath),
    );
    return this.#remoteImage(upload.name);
  }

  async findImage(upload: Pick<ImageUpload, 'file' | 'name'>): Promise<RemoteImage | null> {
    const filepath = this.#mediaPath(upload.name);
    const tip = await this.#sync.run();
    if (tip === null || (await this.#repository.blobAt(tip, filepath)) === null) return null;
    return this.#remoteImage(upload.name);
  }

  async create(post: OutgoingPost): Promise<RemotePost> {
    const tip = await this.#sync.prepareWrite();
    const date = postDate(post.schedule, this.#now(), null);
    const slug = post.slug.latin || 'post';
    const filepath = await this.#freePath(tip, { slug, date });
    const placement = { slug: this.#slugOf(filepath, slug), date };
    return this.#write(tip, filepath, postFileText(post, { ...this.#site, placement }), `Publish “${post.title}”`);
  }

  async update(remoteId: string, post: OutgoingPost): Promise<RemotePost> {
    const tip = await this.#sync.prepareWrite();
    const existing = await this.#readFile(tip, remoteId);
    const placement: PostPlacement = {
      slug: (post.slug.chosen && post.slug.latin) || (existing.slug ?? this.#slugOf(remoteId, 'post')),
      date: postDate(post.schedule, this.#now(), existing.isDraft ? null : existing.date),
    };
    return this.#write(tip, remoteId, postFileText(post, { ...this.#site, placement }), `Update “${post.title}”`);
  }

  async get(remoteId: string): Promise<RemotePost> {
    const tip = await this.#sync.run();
    return this.#postAt(tip, remoteId);
  }

  async delete(remoteId: string): Promise<void> {
    const tip = await this.#sync.prepareWrite();
    if (tip === null) return;
    const text = await this.#repository.readText(tip, remoteId);
    if (text === null) return;
    const { title } = readPostFile(text, remoteId);
    await this.#sync.commit(tip, new Map([[remoteId, null]]), this.#commitRequest(`Remove “${title}”`, remoteId));
  }

  async listRecent(count: number): Promise<readonly RemotePost[]> {
    const tip = await this.#sync.run();
    if (tip === null) return [];
    const posts: RemotePost[] = [];
    for (const entry of await this.#repository.filesIn(tip, this.#site.layout.folder)) {
      const post = await this.#postOrNull(tip, entry.path);
      if (post !== null) posts.push(post);
    }
    return posts.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).slice(0, count);
  }

  storedContent(post: OutgoingPost): string {
    const placement = { slug: 'post', date: new Date(0) };
    return readPostFile(postFileText(post, { ...this.#site, placement }), 'post').body;
  }

  /** A site's posts take a summary and a chosen slug; categories and a time zone are the generator's. */
  features(): Promise<BlogFeatures> {
    return Promise.resolve({ categories: null, summary: { maxCharacters: null }, slug: true, timeZone: null });
  }

  async findByIdentity(identity: ClientIdentity): Promise<RemotePost | null> {
    const tip = await this.#sync.run();
    if (tip === null) return null;
    for (const entry of await this.#repository.filesIn(tip, this.#site.layout.folder)) {
      const text = await this.#repository.readBlobText(entry.oid);
      // Most files are not it: a plain text search spares parsing them.
      if (!text.includes(identity)) continue;
      const post = await this.#postOrNull(tip, entry.path);
      if (post?.identity === identity) return post;
    }
    return null;
  }

  /**
   * The post at `filepath` as the local branch holds it, without reaching the remote (an import
   * links the site's files this way); null when the branch has no such post or the working
   * folder's copy differs from it (edited, not committed).
   */
  async localPost(filepath: string): Promise<RemotePost | null> {
    const tip = await this.#repository.tip(`refs/heads/${this.#site.branch}`);
    const blob = tip === null ? null : await this.#repository.blobAt(tip, filepath);
    if (tip === null || blob === null || (await this.#repository.workingBlob(filepath)) !== blob) return null;
    return this.#postOrNull(tip, filepath);
  }

  /** A static site's tags are just names in the front matter: nothing to create. */
  ensureTags(names: readonly string[]): Promise<readonly RemoteTag[]> {
    return Promise.resolve(names.map((name) => ({ remoteId: name, name })));
  }

  /** Where an image of that name lives in the repository; a name that could leave the media folder is refused. */
  #mediaPath(name: string): string {
    if (!/^[A-Za-z0-9._-]{1,200}$/.test(name) || name.startsWith('.')) {
      throw new PublishingError(
        'rejected',
        `“${name}” cannot be a file name on the site: use letters, digits, ".", "-" and "_".`,
      );
    }
    return joinPath(this.#site.layout.media.folder, name);
  }

  #remoteImage(name: string): RemoteImage {
    const { media } = this.#site.layout;
    return { remoteId: joinPath(media.folder, name), url: new URL(`${media.url}${name}`, this.#siteUrl).toString() };
  }

  async #write(tip: string | null, filepath: string, text: string, message: string): Promise<RemotePost> {
    const written = await this.#sync.commit(tip, new Map([[filepath, text]]), this.#commitRequest(message, filepath));
    const post = await this.#postAt(written, filepath);
    if (post.content !== readPostFile(text, filepath).body) {
      // Someone changed the same file on the remote while this went out; ours was set aside, not lost.
      throw new PublishingError(
        'server-error',
        `${filepath} was changed on the site's remote while this was being published; checking again.`,
      );
    }
    return post;
  }

  #commitRequest(message: string, filepath: string): { message: string; author: GitPerson; at: Date } {
    return { message: `${message}\n\n${SiteSync.trailer}: ${filepath}\n`, author: this.#author, at: this.#now() };
  }

  /** The post's file: the layout's name for it, or with "-2", "-3"… when another post has that name. */
  async #freePath(tip: string | null, placement: PostPlacement): Promise<string> {
    const { layout, format } = this.#site;
    for (let attempt = 1; attempt <= MAX_NAME_TRIES; attempt += 1) {
      const slug = attempt === 1 ? placement.slug : `${placement.slug}-${attempt}`;
      const name = `${fillPlaceholders(layout.fileName, { ...placement, slug })}.${extensionOf(format)}`;
      const filepath = joinPath(layout.folder, name);
      if (tip === null || (await this.#repository.blobAt(tip, filepath)) === null) return filepath;
    }
    throw new PublishingError('rejected', `The site already has ${MAX_NAME_TRIES} posts named “${placement.slug}”.`);
  }

  /** The slug a file name holds, read back through the layout's file name pattern. */
  #slugOf(filepath: string, fallback: string): string {
    const name = filepath.slice(filepath.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
    const [before = '', after = ''] = this.#site.layout.fileName.split('{slug}');
    const prefixLength = fillPlaceholders(before, { date: new Date(0), slug: '' }).length;
    const suffixLength = fillPlaceholders(after, { date: new Date(0), slug: '' }).length;
    const slug = name.slice(prefixLength, name.length - suffixLength);
    return slug === '' ? fallback : slug;
  }

  async #readFile(tip: string | null, filepath: string): Promise<PostFile> {
    const text = tip === null ? null : await this.#repository.readText(tip, filepath);
    if (text === null) {
      throw new PublishingError('not-found', `The site has no post at ${filepath}: it may have been moved or deleted.`);
    }
    return readPostFile(text, filepath, this.#site.layout);
  }

  async #postOrNull(tip: string, filepath: string): Promise<RemotePost | null> {
    try {
      return await this.#postAt(tip, filepath);
    } catch (error) {
      // A file the writer broke by hand is not one of the blog's posts; it stays as it is.
      if (error instanceof Error && 'kind' in error && error.kind === 'invalid-input') return null;
      throw error;
    }
  }

  async #postAt(tip: string | null, filepath: string): Promise<RemotePost> {
    const file = await this.#readFile(tip, filepath);
    const changed = tip === null ? null : await this.#repository.lastChange(tip, filepath);
    const modifiedAt = changed === null ? this.#now() : new Date(changed.committer.timestamp * 1000);
    const date = file.date ?? modifiedAt;
    const slug = file.slug ?? this.#slugOf(filepath, 'post');
    return {
      remoteId: filepath,
      url: new URL(fillPlaceholders(this.#site.layout.permalink, { date, slug }), this.#siteUrl).toString(),
      modifiedAt: isoSeconds(modifiedAt),
      publishedAt: isoSeconds(date),
      status: this.#statusOf(file, date),
      title: file.title,
      slug,
      content: file.body,
      renderedContent: this.#site.format === 'html' ? file.body : null,
      tags: file.tags,
      summary: file.summary,
      categories: null,
      identity: file.identity,
      // A draft of a static site is in its repository, not on any page of the site.
      heldLink: null,
      // Where the layout has no field for it, the site keeps no featured image: unread, not absent.
      ...(this.#site.layout.featuredImage ? { featuredImage: this.#featuredReference(file.featuredImage) } : {}),
    };
  }

  /**
   * The featured image as the outbox names it (see featuredReference): an image of the site's
   * media folder by its path, as an upload gave it; any other address as it is.
   */
  #featuredReference(address: string | null): string | null {
    if (address === null) return null;
    const name = address.slice(address.lastIndexOf('/') + 1);
    const ours = /^[A-Za-z0-9._-]{1,200}$/.test(name) && !name.startsWith('.') ? this.#remoteImage(name) : null;
    return ours?.url === address ? ours.remoteId : address;
  }

  #statusOf(file: PostFile, date: Date): RemoteStatus {
    if (file.isDraft) return 'draft';
    return date.getTime() > this.#now().getTime() ? 'future' : 'publish';
  }
}
