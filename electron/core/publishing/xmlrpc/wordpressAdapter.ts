import { z } from 'zod';
import { hashtagKey } from '../../../../shared/model/hashtags';
import type { BlogFeatures } from '../../../../shared/model/blogFeatures';
import type { BlogAdapter, ClientIdentity, OutgoingPost, RemotePost, RemoteTag, Transport } from '../blogAdapter';
import { hostOf } from '../http/request';
import { PublishingError } from '../publishingError';
import { isSlugIdentity } from '../clientIdentity';
import { decodeSlug, titleAsHtml, titleFromHtml } from '../postFields';
import { siteRootOfXmlRpc, wordPressEditorLink } from '../wordpress/editorLink';
import { callXmlRpc, parseAnswer, type XmlRpcValue } from './xmlRpc';
import {
  XmlRpcDoneSchema,
  XmlRpcNewIdSchema,
  XmlRpcPostListSchema,
  XmlRpcPostSchema,
  XmlRpcTermListSchema,
  XmlRpcTimeZoneOptionSchema,
  type XmlRpcPost,
} from './wordpressSchemas';
import type { ImageSupport, ImageUpload, RemoteImage } from '../imageUpload';
import { findXmlRpcImage, uploadXmlRpcImage, type XmlRpcConnection } from './media';

export interface WordPressXmlRpcOptions {
  /** The endpoint found through RSD, e.g. "https://blog.example/xmlrpc.php". */
  readonly endpoint: string;
  readonly user: string;
  /** The account password or, on WordPress 5.6 and later, an Application Password. */
  readonly password: string;
  readonly blogId?: string;
  readonly transport: Transport;
  /** The clock that tells a scheduled post from a published one; see `toRemotePost`. */
  readonly now?: () => Date;
}

/** The custom field that carries the client identity (shown in the editor's Custom Fields, never to readers). */
const IDENTITY_FIELD = 'commonplace_identity';
const POST_FIELDS = ['post', 'terms', 'custom_fields'];
/** How many categories are offered: a blog's list is for choosing, not an archive. */
const MAX_CATEGORIES = 500;
/** How far back `findByIdentity` looks: an ambiguous create is always among the newest posts. */
const IDENTITY_SEARCH_DEPTH = 50;

/**
 * WordPress's XML-RPC wp.* API (WordPress 3.4 and later): posts with their tags by name
 * (terms_names, created when missing), the client identity in a custom field, the writer's slug.
 */
export class WordPressXmlRpcAdapter implements BlogAdapter {
  readonly #options: WordPressXmlRpcOptions;
  readonly #now: () => Date;

  constructor(options: WordPressXmlRpcOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  async create(post: OutgoingPost): Promise<RemotePost> {
    const content = {
      ...this.#content(post, true),
      post_type: 'post',
      custom_fields: [{ key: IDENTITY_FIELD, value: post.identity }],
    };
    const id = await this.#call('wp.newPost', [content], XmlRpcNewIdSchema, 'creating the post');
    return this.get(id);
  }

  async update(remoteId: string, post: OutgoingPost): Promise<RemotePost> {
    await this.#call('wp.editPost', [remoteId, this.#content(post, false)], XmlRpcDoneSchema, 'updating the post');
    return this.get(remoteId);
  }

  async get(remoteId: string): Promise<RemotePost> {
    const post = await this.#call('wp.getPost', [remoteId, POST_FIELDS], XmlRpcPostSchema, 'reading the post');
    return toRemotePost(post, this.#now(), siteRootOfXmlRpc(this.#options.endpoint));
  }

  async delete(remoteId: string): Promise<void> {
    // wp.deletePost on a post already in the trash deletes it for good: check first.
    try {
      if ((await this.get(remoteId)).status === 'trash') return;
    } catch (error) {
      if (error instanceof PublishingError && error.failure === 'not-found') return;
      throw error;
    }
    await this.#call('wp.deletePost', [remoteId], XmlRpcDoneSchema, 'deleting the post');
  }

  async listRecent(count: number): Promise<readonly RemotePost[]> {
    // Without a post_status filter, wp.getPosts lists every status but trash.
    const filter = { number: count, orderby: 'post_date', order: 'DESC' };
    const posts = await this.#call('wp.getPosts', [filter, POST_FIELDS], XmlRpcPostListSchema, 'listing recent posts');
    const now = this.#now();
    const siteRoot = siteRootOfXmlRpc(this.#options.endpoint);
    return posts.map((post) => toRemotePost(post, now, siteRoot));
  }

  /** Among the most recent posts, newest first, so the oldest carrying it is the last. */
  async findByIdentity(identity: ClientIdentity): Promise<RemotePost | null> {
    const recent = await this.listRecent(IDENTITY_SEARCH_DEPTH);
    return (
      recent.findLast((post) => post.identity === identity || (isSlugIdentity(identity) && post.slug === identity)) ??
      null
    );
  }

  storedContent(post: OutgoingPost): string {
    // WordPress trims the content it stores; sending it trimmed keeps "stored = sent".
    return post.html.trimEnd();
  }

  /** The blog's categories (terms_names creates the ones chosen that it lacks) and its offset from UTC. */
  async features(): Promise<BlogFeatures> {
    const terms = await this.#call(
      'wp.getTerms',
      ['category', { number: MAX_CATEGORIES, orderby: 'name' }],
      XmlRpcTermListSchema,
      "reading the blog's categories",
    );
    const options = await this.#call(
      'wp.getOptions',
      [['time_zone']],
      XmlRpcTimeZoneOptionSchema,
      "reading the blog's settings",
    );
    const offset = options.time_zone?.value;
    return {
      categories: { names: terms.map((term) => titleFromHtml(term.name)), canCreate: true },
      summary: { maxCharacters: null },
      slug: true,
      timeZone: offset === undefined ? null : { kind: 'offset', minutes: Math.round(offset * 60) },
    };
  }

  imageSupport(): Promise<ImageSupport> {
    return Promise.resolve({ kind: 'uploads', findable: true });
  }

  uploadImage(upload: ImageUpload): Promise<RemoteImage> {
    return uploadXmlRpcImage(this.#connection(), upload, 'wp.uploadFile');
  }

  findImage(upload: Pick<ImageUpload, 'file' | 'name'>): Promise<RemoteImage | null> {
    return findXmlRpcImage(this.#connection(), upload);
  }

  #connection(): XmlRpcConnection {
    const { transport, endpoint, user, password, blogId = '1' } = this.#options;
    return { transport, endpoint, user, password, blogId };
  }

  async ensureTags(names: readonly string[]): Promise<readonly RemoteTag[]> {
    const tags: RemoteTag[] = [];
    for (const name of names) {
      if (tags.some((tag) => hashtagKey(tag.name) === hashtagKey(name))) continue;
      tags.push((await this.#findTag(name)) ?? (await this.#createTag(name)));
    }
    return tags;
  }

  async #findTag(name: string): Promise<RemoteTag | null> {
    const terms = await this.#call(
      'wp.getTerms',
      ['post_tag', { search: name, number: 100 }],
      XmlRpcTermListSchema,
      'reading tags',
    );
    const same = terms.find((term) => hashtagKey(term.name) === hashtagKey(name));
    return same ? { remoteId: same.term_id, name: same.name } : null;
  }

  async #createTag(name: string): Promise<RemoteTag> {
    try {
      const id = await this.#call(
        'wp.newTerm',
        [{ name, taxonomy: 'post_tag' }],
        XmlRpcNewIdSchema,
        `creating the tag ${name}`,
      );
      return { remoteId: id, name };
    } catch (error) {
      // Created meanwhile by someone else: WordPress refuses a second tag of that name.
      const found = error instanceof PublishingError && error.failure === 'rejected' ? await this.#findTag(name) : null;
      if (found) return found;
      throw error;
    }
  }

  #content(post: OutgoingPost, creating: boolean): Record<string, XmlRpcValue> {
    const content: Record<string, XmlRpcValue> = {
      post_title: titleAsHtml(post.title),
      post_content: this.storedContent(post),
      post_excerpt: post.summary,
      post_status: post.schedule.status,
      // Missing terms are created by name; no category chosen leaves the blog's default.
      terms_names:
        post.categories.length > 0
          ? { post_tag: [...post.tags], category: [...post.categories] }
          : { post_tag: [...post.tags] },
      // 0 removes the featured image a post had.
      post_thumbnail: Number(post.featuredImage?.remoteId ?? 0),
    };
    if ((creating || post.slug.chosen) && post.slug.own !== '') content['post_name'] = post.slug.own;
    if (post.schedule.status === 'future') content['post_date_gmt'] = post.schedule.date;
    return content;
  }

  /** wp.* methods all take blog id, user and password first. */
  async #call<Schema extends z.ZodType>(
    method: string,
    params: readonly XmlRpcValue[],
    schema: Schema,
    what: string,
  ): Promise<z.infer<Schema>> {
    const { transport, endpoint, user, password, blogId = '1' } = this.#options;
    const value = await callXmlRpc(transport, endpoint, method, [blogId, user, password, ...params]);
    return parseAnswer(value, schema, hostOf(endpoint), what);
  }
}

/** WordPress's XML-RPC reports scheduled posts as "publish"; their date in the future tells them apart. */
function toRemotePost(post: XmlRpcPost, now: Date, siteRoot: string | null): RemotePost {
  const scheduled = post.post_status === 'publish' && post.post_date_gmt.getTime() > now.getTime();
  const identityField = post.custom_fields.find((field) => field.key === IDENTITY_FIELD)?.value;
  return {
    remoteId: post.post_id,
    url: post.link,
    modifiedAt: post.post_modified_gmt.toISOString(),
    publishedAt: post.post_date_gmt.toISOString(),
    status: scheduled ? 'future' : post.post_status,
    title: titleFromHtml(post.post_title),
    slug: post.post_name === '' ? null : decodeSlug(post.post_name),
    content: post.post_content,
    renderedContent: null,
    tags: post.terms.filter((term) => term.taxonomy === 'post_tag').map((term) => term.name),
    summary: post.post_excerpt,
    categories: post.terms.filter((term) => term.taxonomy === 'category').map((term) => titleFromHtml(term.name)),
    identity: identityField ?? null,
    heldLink: wordPressEditorLink(siteRoot, post.post_id),
    ...(post.post_thumbnail === undefined
      ? {}
      : { featuredImage: Array.isArray(post.post_thumbnail) ? null : post.post_thumbnail.attachment_id }),
  };
}
