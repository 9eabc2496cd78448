import type { z } from 'zod';
import { hashtagKey } from '../../../../shared/model/hashtags';
import { checkApiStatus, readApiJson, type ApiDialect } from '../http/apiDialect';
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
import { hostOf, sendRequest, type HttpRequest, type HttpResponse } from '../http/request';
import {
  MicropubCategoriesSchema,
  MicropubConfigSchema,
  MicropubErrorSchema,
  MicropubSourceListSchema,
  MicropubSourceSchema,
  type MicropubSource,
} from './schemas';
import { PublishingError } from '../publishingError';
import { isSlugIdentity } from '../clientIdentity';
import { identityInMarker, withIdentityMarker, withoutIdentityMarker } from '../identityMarker';
import type { VerifiedAccount } from '../verifyAccount';
import type { PostSlug } from '../../../../shared/text/slug';
import type { ImageSupport, ImageUpload, RemoteImage } from '../imageUpload';
import { noMediaEndpoint, uploadMicropubImage } from './media';

export interface MicropubOptions {
  /** The Micropub endpoint the site announces (rel="micropub"). */
  readonly endpoint: string;
  /** The site's address, where its posts live. */
  readonly siteUrl: string;
  /** The IndieAuth access token, with the create, update and delete scopes. */
  readonly token: string;
  readonly transport: Transport;
  /** For telling scheduled posts from published ones; tests pin it. */
  readonly now?: () => Date;
}

export const micropubDialect: ApiDialect = {
  explanation(body) {
    const parsed = MicropubErrorSchema.safeParse(body);
    if (!parsed.success) return '';
    return parsed.data.error_description ?? parsed.data.message ?? parsed.data.error;
  },
  credentials: 'the access token',
  credentialAdvice: 'Sign in to the site again, allowing the app to create, update and delete posts.',
  // Micropub's own words for a token that does not do (some servers answer 400 or 403 with them).
  // The token is a Micropub client's only credential and says who signs in, so each of these has
  // one remedy, a new token in the blog's settings: `unauthorized`, `invalid_token` (OAuth's word
  // for a revoked one), `insufficient_scope` (re-authorize with the scopes, the spec says) and
  // `forbidden`, the spec's word for a user without the right, which servers also answer for a
  // token that is not the site owner's (@benjifs/micropub does for a wrong token).
  refusesCredentials: (body) =>
    ['unauthorized', 'invalid_token', 'insufficient_scope', 'forbidden'].includes(
      MicropubErrorSchema.safeParse(body).data?.error ?? '',
    ),
};

/**
 * Where Micropub servers put a post whose mp-slug is given, for finding one by its identity on a
 * server that cannot list posts: at the site's root or under its post type's folder. The
 * recommendation leaves the address to the server, so this is a list of common layouts
 * (@benjifs/micropub: article/<slug>, or photo/<slug> for a post with a featured image, which
 * goes out as its photo and makes it a photo post).
 */
const likelyFolders = [
  '',
  'article/',
  'articles/',
  'photo/',
  'photos/',
  'post/',
  'posts/',
  'entry/',
  'entries/',
  'blog/',
  'note/',
  'notes/',
];
const MAX_PAGE = 100;

/**
 * A Micropub endpoint (W3C Micropub) with an IndieAuth bearer token, speaking JSON. A post's remote
 * id is its address (the Location of the create). The slug goes as mp-slug, in Latin letters; the
 * client identity as an HTML comment closing the content, which servers keep with the HTML.
 * Scheduling sends a future `published` date, which servers that schedule honour; Micropub has no
 * status for it.
 */
export class MicropubAdapter implements BlogAdapter {
  readonly #options: MicropubOptions;
  #queries: Promise<ReadonlySet<string>> | null = null;

  constructor(options: MicropubOptions) {
    this.#options = options;
  }

  async create(post: OutgoingPost): Promise<RemotePost> {
    const request = this.#request('POST', null, { type: ['h-entry'], properties: properties(post, true) });
    const response = await sendRequest(this.#options.transport, request);
    checkApiStatus(request, response, micropubDialect);
    const location = response.headers.get('location');
    if (location === null) {
      throw new PublishingError(
        'malformed-response',
        `${this.#host} accepted the post but did not say where it is (no Location header).`,
        { status: response.status },
      );
    }
    return this.get(new URL(location, response.url).toString());
  }

  /**
   * Replaces title, content, tags and status in one `replace` operation (servers such as
   * @benjifs/micropub apply a single operation per request).
   */
  async update(remoteId: string, post: OutgoingPost): Promise<RemotePost> {
    const url = postUrl(remoteId);
    // A post whose hashtags were all taken off loses its categories in an operation of its own,
    // first: a server answers 400 ("nothing to update") when it has none, which is as wanted.
    if (post.tags.length === 0) await this.#change(url, { delete: ['category'] }, null);
    const replace = properties(post, false);
    // A post scheduled for later, then published now, keeps its future date unless it is replaced:
    // servers that schedule would go on holding it (and the post reads back as scheduled).
    if (post.schedule.status === 'publish' && (await this.get(url)).status === 'future') {
      replace['published'] = [(this.#options.now?.() ?? new Date()).toISOString()];
    }
    await this.#change(url, { replace }, post);
    return this.get(url);
  }

  /**
   * One update operation. A server that refuses one that changes nothing (400) is answered by
   * reading the post: when it already is as sent, that is success.
   */
  async #change(url: string, operation: Record<string, unknown>, post: OutgoingPost | null): Promise<void> {
    const request = this.#request('POST', null, { action: 'update', url, ...operation });
    const response = await sendRequest(this.#options.transport, request);
    if (response.status === 400) {
      if (post === null) return;
      if (matches(await this.get(url), post)) return;
    }
    checkApiStatus(request, response, micropubDialect);
  }

  async get(remoteId: string): Promise<RemotePost> {
    const url = postUrl(remoteId);
    const source = await this.#query({ q: 'source', url }, MicropubSourceSchema, 'reading the post');
    return this.#remotePost(url, source);
  }

  /** Deletes the post (servers that can undelete keep it, marked deleted); idempotent. */
  async delete(remoteId: string): Promise<void> {
    const url = postUrl(remoteId);
    const request = this.#request('POST', null, { action: 'delete', url });
    const response = await sendRequest(this.#options.transport, request);
    if (response.status === 404) return;
    // Some servers refuse to delete a deleted post ("nothing to update"): it is deleted all the same.
    if (response.status === 400 && (await this.get(url)).status === 'trash') return;
    checkApiStatus(request, response, micropubDialect);
  }

  /** The server's newest posts, through the post list extension; a server without it says so. */
  async listRecent(count: number): Promise<readonly RemotePost[]> {
    if (!(await this.#supports('source'))) {
      throw new PublishingError(
        'not-an-api',
        `${this.#host}'s Micropub endpoint cannot list posts (it does not offer the q=source list). Recent posts can be seen on the site itself.`,
      );
    }
    return this.#listed(Math.min(Math.max(Math.floor(count), 1), MAX_PAGE));
  }

  /**
   * The post sent with this identity: from the post list where the server offers one (newest
   * first, so the oldest is the last), otherwise by asking for the post at the addresses servers
   * commonly give the slug it was sent with.
   */
  async findByIdentity(identity: ClientIdentity, hints: { readonly slug?: PostSlug } = {}): Promise<RemotePost | null> {
    if (!/^[a-z0-9-]+$/.test(identity)) return null;
    const legacy = isSlugIdentity(identity);
    const carries = (post: RemotePost): boolean => (legacy ? post.slug === identity : post.identity === identity);
    if (await this.#supports('source')) {
      const listed = await this.#listed(MAX_PAGE);
      return listed.findLast(carries) ?? null;
    }
    const slug = legacy ? identity : hints.slug?.latin;
    if (slug === undefined || !/^[a-z0-9-]+$/.test(slug)) return null;
    for (const folder of likelyFolders) {
      const url = new URL(`${folder}${slug}`, siteRoot(this.#options.siteUrl)).toString();
      const request = this.#request('GET', { q: 'source', url }, null);
      const response = await sendRequest(this.#options.transport, request);
      // Not there: servers answer 404, or 400 for an address they do not serve.
      if (response.status === 404 || response.status === 400) continue;
      const source = readApiJson(request, response, MicropubSourceSchema, 'looking for the post', micropubDialect);
      const post = this.#remotePost(url, source);
      // A server that dropped the comment leaves the slug to tell: ours, since the server refuses a taken one.
      if (post.status !== 'trash' && (carries(post) || post.identity === null)) return post;
    }
    return null;
  }

  /** The content as sent, less the trailing whitespace the identity's comment took the place of. */
  storedContent(post: OutgoingPost): string {
    return post.html.trimEnd();
  }

  /** Micropub's categories are the post's tags; a summary and mp-slug it has. The API has no time zone. */
  features(): Promise<BlogFeatures> {
    return Promise.resolve({ categories: null, summary: { maxCharacters: null }, slug: true, timeZone: null });
  }

  async imageSupport(): Promise<ImageSupport> {
    const endpoint = await this.#mediaEndpoint();
    return endpoint === null
      ? { kind: 'refuses', reason: noMediaEndpoint(this.#options.siteUrl) }
      : { kind: 'uploads', findable: false };
  }

  async uploadImage(upload: ImageUpload): Promise<RemoteImage> {
    const mediaEndpoint = await this.#mediaEndpoint();
    if (mediaEndpoint === null) throw new PublishingError('rejected', noMediaEndpoint(this.#options.siteUrl));
    return uploadMicropubImage(
      { mediaEndpoint, token: this.#options.token, transport: this.#options.transport },
      upload,
    );
  }

  findImage(_upload: Pick<ImageUpload, 'file' | 'name'>): Promise<RemoteImage | null> {
    return Promise.resolve(null);
  }

  /** The media endpoint q=config names, made absolute; null when the site has none. */
  async #mediaEndpoint(): Promise<string | null> {
    const config = await this.#query({ q: 'config' }, MicropubConfigSchema, 'reading the configuration');
    const endpoint = config['media-endpoint'];
    return endpoint === undefined || endpoint === '' ? null : new URL(endpoint, this.#options.endpoint).toString();
  }

  /**
   * Micropub categories are plain names that a post creates by using them. Where the server lists
   * its categories (q=category), an existing one is reused with its spelling.
   */
  async ensureTags(names: readonly string[]): Promise<readonly RemoteTag[]> {
    const wanted = names.filter(
      (name, index) => names.findIndex((other) => hashtagKey(other) === hashtagKey(name)) === index,
    );
    const existing =
      wanted.length > 0 && (await this.#supports('category'))
        ? (await this.#query({ q: 'category' }, MicropubCategoriesSchema, 'reading categories')).categories
        : [];
    return wanted.map((name) => {
      const same = existing.find((category) => hashtagKey(category) === hashtagKey(name)) ?? name;
      return { remoteId: same, name: same };
    });
  }

  get #host(): string {
    return hostOf(this.#options.endpoint);
  }

  async #listed(limit: number): Promise<RemotePost[]> {
    const list = await this.#query(
      { q: 'source', limit: String(limit) },
      MicropubSourceListSchema,
      'listing recent posts',
    );
    return list.items
      .map((item) => this.#remotePost(item.properties.url?.[0] ?? '', item))
      .filter((post) => post.remoteId !== '' && post.status !== 'trash');
  }

  /** The queries q=config says the server supports (config and source are always supported). */
  async #supports(query: string): Promise<boolean> {
    this.#queries ??= this.#query({ q: 'config' }, MicropubConfigSchema, 'reading the configuration').then(
      (config) => new Set(config.q ?? []),
      (error: unknown) => {
        this.#queries = null;
        throw error;
      },
    );
    return (await this.#queries).has(query);
  }

  async #query<Schema extends z.ZodType>(
    query: Readonly<Record<string, string>>,
    schema: Schema,
    what: string,
  ): Promise<z.infer<Schema>> {
    const request = this.#request('GET', query, null);
    const response = await sendRequest(this.#options.transport, request);
    return readApiJson(request, response, schema, what, micropubDialect);
  }

  #request(
    method: 'GET' | 'POST',
    query: Readonly<Record<string, string>> | null,
    body: Record<string, unknown> | null,
  ): HttpRequest {
    const url = new URL(this.#options.endpoint);
    for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.#options.token}`,
      accept: 'application/json',
    };
    // A GET carries no content type: some servers then try to read a JSON body that is not there.
    if (body === null) return { method, url: url.toString(), headers };
    return {
      method,
      url: url.toString(),
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    };
  }

  #remotePost(url: string, source: MicropubSource): RemotePost {
    const { properties: fields } = source;
    const published = time(fields.published?.[0]);
    const modifiedAt = time(fields.updated?.[0]) ?? published ?? UNKNOWN_TIME;
    const now = this.#options.now?.() ?? new Date();
    let status: RemoteStatus = 'publish';
    if (fields.deleted !== undefined) status = 'trash';
    else if (fields['post-status']?.[0] === 'draft') status = 'draft';
    else if (published !== null && Date.parse(published) > now.getTime()) status = 'future';
    return {
      remoteId: url,
      url,
      modifiedAt,
      publishedAt: published ?? modifiedAt,
      status,
      title: fields.name?.[0] ?? '',
      slug: fields['mp-slug']?.[0] ?? lastSegment(url),
      content: withoutIdentityMarker(contentHtml(fields.content?.[0])),
      renderedContent: null,
      tags: (fields.category ?? []).filter((tag) => typeof tag === 'string'),
      summary: fields.summary?.[0] ?? '',
      categories: null,
      identity: identityInMarker(contentHtml(fields.content?.[0])),
      // Micropub has no preview or editor page: a draft's address is all the server gives.
      heldLink: null,
      featuredImage: photoUrl(fields.photo?.[0]),
    };
  }
}

/**
 * Micropub servers need not say when a post changed; then the start of the Unix epoch stands in,
 * which never looks newer than what the app sent.
 */
const UNKNOWN_TIME = new Date(0).toISOString();

function properties(post: OutgoingPost, creating: boolean): Record<string, unknown[]> {
  const fields: Record<string, unknown[]> = {
    name: [post.title],
    content: [{ html: withIdentityMarker(post.html, post.identity) }],
    'post-status': [post.schedule.status === 'draft' ? 'draft' : 'published'],
  };
  // An empty property would be stored as one (@benjifs/micropub keeps an empty category as an
  // object, which its q=source then answers); clearing one takes a second operation (see update).
  if (post.tags.length > 0) fields['category'] = [...post.tags];
  if (post.summary !== '') fields['summary'] = [post.summary];
  // Servers take mp-slug when a post is made; changing an address afterwards is no Micropub operation.
  if (creating && post.slug.latin !== '') fields['mp-slug'] = [post.slug.latin];
  // The featured image is the entry's photo. One operation per request (see update) cannot also
  // delete a photo, so one removed from the draft stays on the post.
  if (post.featuredImage) fields['photo'] = [post.featuredImage.url];
  if (post.schedule.status === 'future') fields['published'] = [post.schedule.date.toISOString()];
  return fields;
}

/** Whether the post on the server already is what `post` would make it. */
function matches(current: RemotePost, post: OutgoingPost): boolean {
  return (
    current.title === post.title &&
    current.content.trim() === post.html.trim() &&
    current.tags.length === post.tags.length &&
    current.tags.every((tag, index) => tag === post.tags[index]) &&
    (current.status === 'draft') === (post.schedule.status === 'draft')
  );
}

function photoUrl(photo: string | { readonly value: string } | undefined): string | null {
  if (photo === undefined) return null;
  return typeof photo === 'string' ? photo : photo.value;
}

function contentHtml(content: NonNullable<MicropubSource['properties']['content']>[number] | undefined): string {
  if (content === undefined) return '';
  if (typeof content === 'string') return content;
  return 'html' in content ? content.html : content.value;
}

function time(value: string | undefined): string | null {
  if (value === undefined) return null;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

/** The last segment of a post's address, which servers make from its slug. */
function lastSegment(url: string): string | null {
  const segment = new URL(url).pathname
    .split('/')
    .filter((part) => part !== '')
    .at(-1);
  return segment === undefined ? null : decodeURIComponent(segment).replace(/\.html?$/, '');
}

function siteRoot(siteUrl: string): string {
  const site = new URL(siteUrl);
  if (!site.pathname.endsWith('/')) site.pathname = `${site.pathname}/`;
  return site.toString();
}

/** A remote id is the post's address; anything else is refused before it reaches the server. */
function postUrl(remoteId: string): string {
  try {
    const url = new URL(remoteId);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // Falls through to the refusal.
  }
  throw new PublishingError('not-found', `"${remoteId}" is not the address of a Micropub post.`);
}

/**
 * Checks the token with q=config, the one query every Micropub endpoint answers, authenticated.
 * Micropub cannot say what a token may do short of trying, so a token it accepts is taken to
 * publish.
 */
export async function verifyMicropub(
  options: MicropubOptions & { readonly blogName?: string },
): Promise<VerifiedAccount> {
  const request: HttpRequest = {
    method: 'GET',
    url: `${options.endpoint}${options.endpoint.includes('?') ? '&' : '?'}q=config`,
    headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' },
  };
  const response: HttpResponse = await sendRequest(options.transport, request);
  readApiJson(request, response, MicropubConfigSchema, 'checking the account', micropubDialect);
  return {
    blogName: options.blogName ?? hostOf(options.siteUrl),
    userName: siteRoot(options.siteUrl),
    canPublish: true,
  };
}
