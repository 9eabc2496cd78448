import { z } from 'zod';
import { hashtagKey } from '../../../../shared/model/hashtags';
import type { BlogFeatures, BlogTimeZone } from '../../../../shared/model/blogFeatures';
import type { BlogAdapter, ClientIdentity, OutgoingPost, RemotePost, RemoteTag, Transport } from '../blogAdapter';
import { basicAuthorization, sendRequest, type HttpRequest } from '../http/request';
import { PublishingError } from '../publishingError';
import { checkStatus, readJson } from '../http/responses';
import { isSlugIdentity } from '../clientIdentity';
import { decodeSlug, titleAsHtml, titleFromHtml } from '../postFields';
import { identityInBlocks, wordPressBlocks } from './blocks';
import { checkWordPressLogin } from './restRefusals';
import { siteRootOfRestApi, wordPressEditorLink } from './editorLink';
import { restRoute } from './restRoute';
import {
  RestPostListSchema,
  RestPostSchema,
  RestTagListSchema,
  RestTagSchema,
  RestTimeZoneSchema,
  InvalidPostIdSchema,
  TermExistsSchema,
  utcFromGmt,
  type RestPost,
} from './restSchemas';
import type { ImageSupport, ImageUpload, RemoteImage } from '../imageUpload';
import { findRestImage, uploadRestImage, type RestConnection } from './restMedia';

export interface WordPressRestOptions {
  /** The discovered API root: ".../wp-json/" or ".../?rest_route=/". */
  readonly apiRoot: string;
  readonly user: string;
  readonly applicationPassword: string;
  readonly transport: Transport;
}

/** Tags and categories: the same kind of term, each with its route and its idea of "the same name". */
interface Taxonomy {
  readonly route: string;
  readonly singular: string;
  readonly plural: string;
  readonly key: (name: string) => string;
}

const taxonomies = {
  tags: { route: 'wp/v2/tags', singular: 'tag', plural: 'tags', key: hashtagKey },
  categories: {
    route: 'wp/v2/categories',
    singular: 'category',
    plural: 'categories',
    key: (name: string) => name.trim().toLocaleLowerCase('und'),
  },
} as const satisfies Record<string, Taxonomy>;

/** More categories than this many pages are not offered: a blog's list is for choosing, not an archive. */
const MAX_CATEGORY_PAGES = 5;

/** Every status but trash: what "any post" means when looking a post up. */
const LIVE_STATUSES = 'publish,future,draft,pending,private';
const MAX_PAGE = 100;

/**
 * WordPress's REST API with an Application Password (Basic auth). Posts go as core blocks (see
 * `wordPressBlocks`), whose first block carries the client identity where readers never see it;
 * WordPress's search finds it in the stored markup. The slug is the writer's, in their own script.
 */
export class WordPressRestAdapter implements BlogAdapter {
  readonly #options: WordPressRestOptions;
  readonly #authorization: string;

  constructor(options: WordPressRestOptions) {
    this.#options = options;
    this.#authorization = basicAuthorization(options.user, options.applicationPassword);
  }

  async create(post: OutgoingPost): Promise<RemotePost> {
    const body = await this.#postBody(post, true);
    const created = await this.#json('POST', 'wp/v2/posts', {}, body, RestPostSchema, 'creating the post');
    return this.#remotePost(created);
  }

  async update(remoteId: string, post: OutgoingPost): Promise<RemotePost> {
    const body = await this.#postBody(post, false);
    const updated = await this.#json(
      'POST',
      `wp/v2/posts/${postId(remoteId)}`,
      {},
      body,
      RestPostSchema,
      'updating the post',
    );
    return this.#remotePost(updated);
  }

  async get(remoteId: string): Promise<RemotePost> {
    const found = await this.#json(
      'GET',
      `wp/v2/posts/${postId(remoteId)}`,
      { context: 'edit' },
      null,
      RestPostSchema,
      'reading the post',
    );
    return this.#remotePost(found);
  }

  async delete(remoteId: string): Promise<void> {
    const request = this.#request('DELETE', `wp/v2/posts/${postId(remoteId)}`, {}, null);
    const response = await sendRequest(this.#options.transport, request);
    // Already in the trash (410) or gone for good (404 for that id, not for a wrong route): done.
    if (response.status === 410) return;
    if (response.status === 404 && InvalidPostIdSchema.safeParse(safeJson(response.body)).success) return;
    checkWordPressLogin(response);
    checkStatus(request, response);
  }

  async listRecent(count: number): Promise<readonly RemotePost[]> {
    const posts = await this.#json(
      'GET',
      'wp/v2/posts',
      { context: 'edit', status: LIVE_STATUSES, per_page: String(Math.min(Math.max(count, 1), MAX_PAGE)) },
      null,
      RestPostListSchema,
      'listing recent posts',
    );
    return this.#remotePosts(posts);
  }

  storedContent(post: OutgoingPost): string {
    return wordPressBlocks(post.html, post.identity);
  }

  async findByIdentity(identity: ClientIdentity): Promise<RemotePost | null> {
    const query = isSlugIdentity(identity) ? { slug: identity } : { search: identity };
    const posts = await this.#json(
      'GET',
      'wp/v2/posts',
      { context: 'edit', status: LIVE_STATUSES, orderby: 'id', order: 'asc', ...query },
      null,
      RestPostListSchema,
      'looking for the post',
    );
    const carrying = posts.filter((post) => (isSlugIdentity(identity) ? post.slug : identityOf(post)) === identity);
    const [first] = await this.#remotePosts(carrying.slice(0, 1));
    return first ?? null;
  }

  imageSupport(): Promise<ImageSupport> {
    return Promise.resolve({ kind: 'uploads', findable: true });
  }

  uploadImage(upload: ImageUpload): Promise<RemoteImage> {
    return uploadRestImage(this.#connection(), upload);
  }

  findImage(upload: Pick<ImageUpload, 'file' | 'name'>): Promise<RemoteImage | null> {
    return findRestImage(this.#connection(), upload);
  }

  #connection(): RestConnection {
    return { apiRoot: this.#options.apiRoot, authorization: this.#authorization, transport: this.#options.transport };
  }

  async ensureTags(names: readonly string[]): Promise<readonly RemoteTag[]> {
    return this.#ensureTerms(taxonomies.tags, names);
  }

  /** Categories, names to choose from, excerpts, slugs, and the site's time zone from the API index. */
  async features(): Promise<BlogFeatures> {
    const index = await this.#json('GET', '', {}, null, RestTimeZoneSchema, "reading the blog's settings");
    const categories: string[] = [];
    for (let page = 1; page <= MAX_CATEGORY_PAGES; page += 1) {
      const found = await this.#json(
        'GET',
        'wp/v2/categories',
        { per_page: String(MAX_PAGE), page: String(page), orderby: 'name' },
        null,
        RestTagListSchema,
        "reading the blog's categories",
      );
      categories.push(...found.map((category) => titleFromHtml(category.name)));
      if (found.length < MAX_PAGE) break;
    }
    return {
      categories: { names: categories, canCreate: true },
      summary: { maxCharacters: null },
      slug: true,
      timeZone: wordPressTimeZone(index),
    };
  }

  /** One term per name (the first spelling wins), found where it exists and created where it does not. */
  async #ensureTerms(taxonomy: Taxonomy, names: readonly string[]): Promise<RemoteTag[]> {
    const terms: RemoteTag[] = [];
    for (const name of names) {
      if (terms.some((term) => taxonomy.key(term.name) === taxonomy.key(name))) continue;
      terms.push(await this.#ensureTerm(taxonomy, name));
    }
    return terms;
  }

  async #ensureTerm(taxonomy: Taxonomy, name: string): Promise<RemoteTag> {
    const found = await this.#json(
      'GET',
      taxonomy.route,
      { search: name, per_page: String(MAX_PAGE) },
      null,
      RestTagListSchema,
      `reading ${taxonomy.plural}`,
    );
    const same = found.find((term) => taxonomy.key(titleFromHtml(term.name)) === taxonomy.key(name));
    if (same) return { remoteId: String(same.id), name: titleFromHtml(same.name) };
    const request = this.#request('POST', taxonomy.route, {}, { name });
    const response = await sendRequest(this.#options.transport, request);
    // Another client (or the same one, before a lost answer) created it meanwhile.
    if (response.status === 400) {
      const exists = TermExistsSchema.safeParse(safeJson(response.body));
      if (exists.success) return { remoteId: String(exists.data.data.term_id), name };
    }
    checkWordPressLogin(response);
    const created = readJson(request, response, RestTagSchema, `creating the ${taxonomy.singular} ${name}`);
    return { remoteId: String(created.id), name: titleFromHtml(created.name) };
  }

  async #postBody(post: OutgoingPost, creating: boolean): Promise<Record<string, unknown>> {
    const tags = await this.ensureTags(post.tags);
    const categories = await this.#ensureTerms(taxonomies.categories, post.categories);
    const body: Record<string, unknown> = {
      title: titleAsHtml(post.title),
      content: this.storedContent(post),
      excerpt: post.summary,
      status: post.schedule.status,
      tags: tags.map((tag) => Number(tag.remoteId)),
      featured_media: Number(post.featuredImage?.remoteId ?? 0),
    };
    // None chosen leaves the blog's own choice (its default category for a new post).
    if (categories.length > 0) body['categories'] = categories.map((category) => Number(category.remoteId));
    // WordPress keeps non-Latin slugs (percent-encoded); an empty one it makes from the title itself.
    if ((creating || post.slug.chosen) && post.slug.own !== '') body['slug'] = post.slug.own;
    if (post.schedule.status === 'future') body['date_gmt'] = post.schedule.date.toISOString().slice(0, 19);
    return body;
  }

  async #remotePosts(posts: readonly RestPost[]): Promise<RemotePost[]> {
    const tags = await this.#termNames(
      taxonomies.tags,
      posts.flatMap((post) => post.tags),
    );
    const categories = await this.#termNames(
      taxonomies.categories,
      posts.flatMap((post) => post.categories ?? []),
    );
    const siteRoot = siteRootOfRestApi(this.#options.apiRoot);
    return posts.map((post) => toRemotePost(post, tags, categories, siteRoot));
  }

  async #remotePost(post: RestPost): Promise<RemotePost> {
    const [remote] = await this.#remotePosts([post]);
    if (!remote) throw new Error('A post went missing while its tags were read.');
    return remote;
  }

  /** Term ids to names; WordPress gives posts' tags and categories as ids only. */
  async #termNames(taxonomy: Taxonomy, ids: readonly number[]): Promise<ReadonlyMap<number, string>> {
    const unique = [...new Set(ids)];
    const names = new Map<number, string>();
    for (let start = 0; start < unique.length; start += MAX_PAGE) {
      const page = unique.slice(start, start + MAX_PAGE);
      const terms = await this.#json(
        'GET',
        taxonomy.route,
        { include: page.join(','), per_page: String(MAX_PAGE) },
        null,
        RestTagListSchema,
        `reading the post's ${taxonomy.plural}`,
      );
      for (const term of terms) names.set(term.id, titleFromHtml(term.name));
    }
    return names;
  }

  async #json<Schema extends z.ZodType>(
    method: HttpRequest['method'],
    route: string,
    query: Readonly<Record<string, string>>,
    body: Record<string, unknown> | null,
    schema: Schema,
    what: string,
  ): Promise<z.infer<Schema>> {
    const request = this.#request(method, route, query, body);
    const response = await sendRequest(this.#options.transport, request);
    checkWordPressLogin(response);
    return readJson(request, response, schema, what);
  }

  #request(
    method: HttpRequest['method'],
    route: string,
    query: Readonly<Record<string, string>>,
    body: Record<string, unknown> | null,
  ): HttpRequest {
    const headers: Record<string, string> = { authorization: this.#authorization, accept: 'application/json' };
    const url = restRoute(this.#options.apiRoot, route, query);
    if (body === null) return { method, url, headers };
    return { method, url, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
  }
}

function toRemotePost(
  post: RestPost,
  tagNames: ReadonlyMap<number, string>,
  categoryNames: ReadonlyMap<number, string>,
  siteRoot: string | null,
): RemotePost {
  const modifiedAt = utcFromGmt(post.modified_gmt);
  return {
    remoteId: String(post.id),
    url: post.link,
    modifiedAt,
    publishedAt: post.date_gmt === null ? modifiedAt : utcFromGmt(post.date_gmt),
    status: post.status,
    title: titleFromHtml(post.title.raw),
    slug: post.slug === '' ? null : decodeSlug(post.slug),
    content: post.content.raw,
    renderedContent: post.content.rendered,
    tags: post.tags.flatMap((id) => tagNames.get(id) ?? []),
    summary: post.excerpt?.raw ?? '',
    categories: (post.categories ?? []).flatMap((id) => categoryNames.get(id) ?? []),
    identity: identityOf(post),
    heldLink: wordPressEditorLink(siteRoot, String(post.id)),
    ...(post.featured_media === undefined
      ? {}
      : { featuredImage: post.featured_media === 0 ? null : String(post.featured_media) }),
  };
}

/** The site's time zone as its settings hold it: a named zone, or only an offset from UTC. */
function wordPressTimeZone(index: z.infer<typeof RestTimeZoneSchema>): BlogTimeZone | null {
  if (index.timezone_string) return { kind: 'named', name: index.timezone_string };
  if (index.gmt_offset === undefined) return null;
  return { kind: 'offset', minutes: Math.round(index.gmt_offset * 60) };
}

function identityOf(post: RestPost): ClientIdentity | null {
  return identityInBlocks(post.content.raw);
}

/** A remote id as WordPress's routes take it; anything else is refused before it reaches a URL. */
function postId(remoteId: string): string {
  if (!/^[1-9]\d*$/.test(remoteId)) {
    throw new PublishingError('not-found', `"${remoteId}" is not a WordPress post id.`);
  }
  return remoteId;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
