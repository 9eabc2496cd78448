import { z } from 'zod';
import { hashtagKey } from '../../../../shared/model/hashtags';
import type { BlogFeatures } from '../../../../shared/model/blogFeatures';
import type {
  BlogAdapter,
  ClientIdentity,
  OutgoingPost,
  RemotePost,
  RemoteStatus,
  RemoteTag,
  Transport,
} from '../blogAdapter';
import { hostOf } from '../http/request';
import { PublishingError } from '../publishingError';
import { isSlugIdentity } from '../clientIdentity';
import { identityInMarker, withIdentityMarker, withoutIdentityMarker } from '../identityMarker';
import { decodeSlug, titleAsHtml, titleFromHtml } from '../postFields';
import { callXmlRpc, parseAnswer, type XmlRpcValue } from './xmlRpc';
import {
  MetaWeblogCategoriesSchema,
  MetaWeblogDoneSchema,
  MetaWeblogNewIdSchema,
  MetaWeblogPostListSchema,
  MetaWeblogPostSchema,
  type MetaWeblogPost,
} from './metaWeblogSchemas';
import type { ImageSupport, ImageUpload, RemoteImage } from '../imageUpload';
import { uploadXmlRpcImage } from './media';

export interface MetaWeblogOptions {
  /** The endpoint found through RSD (the MetaWeblog or Movable Type API entry). */
  readonly endpoint: string;
  readonly blogId: string;
  readonly user: string;
  readonly password: string;
  readonly transport: Transport;
  readonly now?: () => Date;
}

const IDENTITY_SEARCH_DEPTH = 50;
const remoteStatuses: readonly RemoteStatus[] = ['publish', 'draft', 'future', 'pending', 'private', 'trash'];

/**
 * The MetaWeblog API (with the Blogger API's deletePost), for blogs without WordPress's wp.*
 * methods: Movable Type and other MetaWeblog servers. Tags travel as mt_keywords, which the
 * server creates as needed; the slug as wp_slug and mt_basename, in Latin letters; the client
 * identity as an HTML comment closing the content (the API has no field every server keeps).
 */
export class MetaWeblogAdapter implements BlogAdapter {
  readonly #options: MetaWeblogOptions;
  readonly #now: () => Date;

  constructor(options: MetaWeblogOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  async create(post: OutgoingPost): Promise<RemotePost> {
    const { blogId, user, password } = this.#options;
    const id = await this.#call(
      'metaWeblog.newPost',
      [blogId, user, password, this.#struct(post, true), post.schedule.status !== 'draft'],
      MetaWeblogNewIdSchema,
      'creating the post',
    );
    return this.get(id);
  }

  async update(remoteId: string, post: OutgoingPost): Promise<RemotePost> {
    const { user, password } = this.#options;
    await this.#call(
      'metaWeblog.editPost',
      [remoteId, user, password, this.#struct(post, false), post.schedule.status !== 'draft'],
      MetaWeblogDoneSchema,
      'updating the post',
    );
    return this.get(remoteId);
  }

  async get(remoteId: string): Promise<RemotePost> {
    const { user, password } = this.#options;
    const post = await this.#call(
      'metaWeblog.getPost',
      [remoteId, user, password],
      MetaWeblogPostSchema,
      'reading the post',
    );
    return toRemotePost(post, this.#now());
  }

  async delete(remoteId: string): Promise<void> {
    const { user, password } = this.#options;
    try {
      // On WordPress a second delete of a trashed post would delete it for good.
      if ((await this.get(remoteId)).status === 'trash') return;
      // The Blogger API's delete takes an application key first, which no server checks any more.
      await this.#call(
        'blogger.deletePost',
        ['', remoteId, user, password, true],
        MetaWeblogDoneSchema,
        'deleting the post',
      );
    } catch (error) {
      if (error instanceof PublishingError && error.failure === 'not-found') return;
      throw error;
    }
  }

  async listRecent(count: number): Promise<readonly RemotePost[]> {
    const { blogId, user, password } = this.#options;
    const posts = await this.#call(
      'metaWeblog.getRecentPosts',
      [blogId, user, password, count],
      MetaWeblogPostListSchema,
      'listing recent posts',
    );
    const now = this.#now();
    return posts.map((post) => toRemotePost(post, now));
  }

  /** Among the most recent posts, newest first, so the oldest carrying it is the last. */
  async findByIdentity(identity: ClientIdentity): Promise<RemotePost | null> {
    const recent = await this.listRecent(IDENTITY_SEARCH_DEPTH);
    const legacy = isSlugIdentity(identity);
    return recent.findLast((post) => (legacy ? post.slug : post.identity) === identity) ?? null;
  }

  /** The content as sent, without the identity's comment (which `get` takes off again). */
  storedContent(post: OutgoingPost): string {
    return post.html.trimEnd();
  }

  /**
   * The blog's categories, which a post can only choose among (MetaWeblog creates none), and an
   * excerpt; the API says nothing of the blog's time zone.
   */
  async features(): Promise<BlogFeatures> {
    const { blogId, user, password } = this.#options;
    const categories = await this.#call(
      'metaWeblog.getCategories',
      [blogId, user, password],
      MetaWeblogCategoriesSchema,
      "reading the blog's categories",
    );
    return {
      categories: { names: categories.filter((name) => name !== '').map(titleFromHtml), canCreate: false },
      summary: { maxCharacters: null },
      slug: true,
      timeZone: null,
    };
  }

  /** MetaWeblog cannot create tags on their own; the server makes them from a post's keywords. */
  imageSupport(): Promise<ImageSupport> {
    // MetaWeblog can take files but has no way to list them: a lost answer means sending again.
    return Promise.resolve({ kind: 'uploads', findable: false });
  }

  uploadImage(upload: ImageUpload): Promise<RemoteImage> {
    const { transport, endpoint, blogId, user, password } = this.#options;
    return uploadXmlRpcImage({ transport, endpoint, blogId, user, password }, upload, 'metaWeblog.newMediaObject');
  }

  findImage(_upload: Pick<ImageUpload, 'file' | 'name'>): Promise<RemoteImage | null> {
    return Promise.resolve(null);
  }

  ensureTags(names: readonly string[]): Promise<readonly RemoteTag[]> {
    const unique = names.filter(
      (name, index) => names.findIndex((other) => hashtagKey(other) === hashtagKey(name)) === index,
    );
    return Promise.resolve(unique.map((name) => ({ remoteId: name, name })));
  }

  #struct(post: OutgoingPost, creating: boolean): Record<string, XmlRpcValue> {
    const struct: Record<string, XmlRpcValue> = {
      title: titleAsHtml(post.title),
      description: withIdentityMarker(this.storedContent(post), post.identity),
      mt_keywords: post.tags.join(', '),
      mt_excerpt: post.summary,
    };
    if (post.categories.length > 0) struct['categories'] = [...post.categories];
    if ((creating || post.slug.chosen) && post.slug.latin !== '') {
      struct['wp_slug'] = post.slug.latin;
      struct['mt_basename'] = post.slug.latin;
    }
    if (post.schedule.status === 'future') {
      struct['dateCreated'] = post.schedule.date;
      struct['date_created_gmt'] = post.schedule.date;
    }
    return struct;
  }

  async #call<Schema extends z.ZodType>(
    method: string,
    params: readonly XmlRpcValue[],
    schema: Schema,
    what: string,
  ): Promise<z.infer<Schema>> {
    const { transport, endpoint } = this.#options;
    return parseAnswer(await callXmlRpc(transport, endpoint, method, params), schema, hostOf(endpoint), what);
  }
}

function toRemotePost(post: MetaWeblogPost, now: Date): RemotePost {
  const publishedAt = post.date_created_gmt ?? post.dateCreated;
  // Servers without WordPress's post_status only publish; like wp.*, WordPress reports a scheduled post as published.
  const reported = remoteStatuses.find((status) => status === post.post_status) ?? 'publish';
  const status = reported === 'publish' && publishedAt.getTime() > now.getTime() ? 'future' : reported;
  const slug = post.wp_slug ?? post.mt_basename ?? '';
  return {
    remoteId: post.postid,
    url: post.url,
    modifiedAt: (post.date_modified_gmt ?? publishedAt).toISOString(),
    publishedAt: publishedAt.toISOString(),
    status,
    title: titleFromHtml(post.title),
    slug: slug === '' ? null : decodeSlug(slug),
    content: withoutIdentityMarker(post.description),
    renderedContent: null,
    tags: (post.mt_keywords ?? '')
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ''),
    summary: post.mt_excerpt ?? null,
    categories: post.categories?.map(titleFromHtml) ?? null,
    identity: identityInMarker(post.description),
    // MetaWeblog names no preview or editor page; its `link` may well be the public address.
    heldLink: null,
  };
}
