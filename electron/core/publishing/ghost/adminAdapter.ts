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
import { ghostHtml } from './html';
import {
  GhostErrorSchema,
  GhostIdSchema,
  GhostPostsSchema,
  GhostSettingsSchema,
  GhostSiteSchema,
  GhostTagsSchema,
  type GhostPost,
} from './schemas';
import { ghostAdminToken, parseGhostAdminKey, type GhostAdminKey } from './token';
import { hostOf, sendRequest, type HttpRequest, type HttpResponse } from '../http/request';
import { credentialsRefused, PublishingError } from '../publishingError';
import { isSlugIdentity } from '../clientIdentity';
import { identityInMarker, withIdentityMarker } from '../identityMarker';
import type { VerifiedAccount } from '../verifyAccount';
import type { ImageSupport, ImageUpload, RemoteImage } from '../imageUpload';
import { uploadGhostImage } from './images';

export interface GhostAdminOptions {
  /** The site's address, as Ghost reports it ("https://example.com/" or with a subfolder). */
  readonly siteUrl: string;
  /** "<id>:<hex secret>", from a custom integration in Ghost's settings. */
  readonly adminApiKey: string;
  readonly transport: Transport;
  /** For the tokens' issue times; tests pin it. */
  readonly now?: () => Date;
}

/** The Admin API version this adapter speaks; Ghost answers in that version's shapes. */
const ACCEPT_VERSION = 'v5.0';
const READ_QUERY = { formats: 'html', include: 'tags' } as const;

export const ghostDialect: ApiDialect = {
  explanation(body) {
    const parsed = GhostErrorSchema.safeParse(body);
    if (!parsed.success) return '';
    const [first] = parsed.data.errors;
    return [first?.message, first?.context].filter((part) => part !== undefined && part !== null).join(' ');
  },
  credentials: 'the Admin API key',
  credentialAdvice: "Copy the Admin API key of a custom integration from Ghost's Integrations settings again.",
  // A deleted integration or a forged key: UnauthorizedError, or a JWT/token code (Ghost answers 401 or 400).
  refusesCredentials(body) {
    const first = GhostErrorSchema.safeParse(body).data?.errors[0];
    return first !== undefined && (first.type === 'UnauthorizedError' || /JWT|TOKEN/i.test(first.code ?? ''));
  },
};

/**
 * Ghost's Admin API with an integration's Admin API key: every request carries a fresh
 * five-minute token signed with the key. Posts go as HTML that Ghost converts (see `ghostHtml`),
 * titles as text, slugs in Latin letters (Ghost transliterates its own way otherwise). The client
 * identity is an HTML comment in the post's code injection (its page's footer, where readers see
 * nothing), set when the post is created, which Ghost's filters can look a post up by.
 */
export class GhostAdminAdapter implements BlogAdapter {
  readonly #options: GhostAdminOptions;
  readonly #key: GhostAdminKey;
  readonly #apiRoot: string;

  constructor(options: GhostAdminOptions) {
    this.#options = options;
    this.#key = parseGhostAdminKey(options.adminApiKey);
    this.#apiRoot = ghostApiRoot(options.siteUrl);
  }

  async create(post: OutgoingPost): Promise<RemotePost> {
    const body = { ...(await this.#postBody(post, true)), codeinjection_foot: withIdentityMarker('', post.identity) };
    const created = await this.#json(
      'POST',
      'posts/',
      { source: 'html', ...READ_QUERY },
      { posts: [body] },
      GhostPostsSchema,
      'creating the post',
    );
    return onlyPost(created, this.#host);
  }

  /** Replaces the post as it is on the blog now (Ghost requires its current updated_at). */
  async update(remoteId: string, post: OutgoingPost): Promise<RemotePost> {
    const current = await this.get(remoteId);
    return this.updateIfUnchanged(remoteId, post, current.modifiedAt);
  }

  /**
   * Replaces the post only if nobody changed it on the blog since `modifiedAt` (its updated_at when
   * last read); otherwise Ghost refuses (409) and so does this, with a `rejected` PublishingError.
   */
  async updateIfUnchanged(remoteId: string, post: OutgoingPost, modifiedAt: string): Promise<RemotePost> {
    const body = { ...(await this.#postBody(post, false)), updated_at: modifiedAt };
    const updated = await this.#json(
      'PUT',
      `posts/${postId(remoteId)}/`,
      { source: 'html', ...READ_QUERY },
      { posts: [body] },
      GhostPostsSchema,
      'updating the post',
    );
    return onlyPost(updated, this.#host);
  }

  async get(remoteId: string): Promise<RemotePost> {
    const found = await this.#json(
      'GET',
      `posts/${postId(remoteId)}/`,
      READ_QUERY,
      null,
      GhostPostsSchema,
      'reading the post',
    );
    return onlyPost(found, this.#host);
  }

  /** Ghost has no trash: the post is deleted for good. Deleting a deleted post changes nothing. */
  async delete(remoteId: string): Promise<void> {
    const request = this.#request('DELETE', `posts/${postId(remoteId)}/`, {}, null);
    const response = await sendRequest(this.#options.transport, request);
    if (isNotFound(response)) return;
    this.#check(request, response);
  }

  async listRecent(count: number): Promise<readonly RemotePost[]> {
    const limit = String(Math.min(Math.max(Math.floor(count), 1), MAX_PAGE));
    const found = await this.#json(
      'GET',
      'posts/',
      { ...READ_QUERY, limit, order: 'published_at desc' },
      null,
      GhostPostsSchema,
      'listing recent posts',
    );
    return found.posts.map(toRemotePost);
  }

  async findByIdentity(identity: ClientIdentity): Promise<RemotePost | null> {
    if (!/^[a-z0-9-]+$/.test(identity)) return null;
    if (isSlugIdentity(identity)) return this.#findBySlug(identity);
    const found = await this.#json(
      'GET',
      'posts/',
      { ...READ_QUERY, filter: `codeinjection_foot:~'${identity}'`, order: 'created_at asc', limit: 'all' },
      null,
      GhostPostsSchema,
      'looking for the post',
    );
    return found.posts.map(toRemotePost).find((post) => post.identity === identity) ?? null;
  }

  /** Ghost keeps its editor's document; what `get` reads is its rendering, which comes nearest to what was sent. */
  storedContent(post: OutgoingPost): string {
    return post.html;
  }

  /** A post sent before identities left the address: its slug was the identity. */
  async #findBySlug(identity: ClientIdentity): Promise<RemotePost | null> {
    const request = this.#request('GET', `posts/slug/${identity}/`, READ_QUERY, null);
    const response = await sendRequest(this.#options.transport, request);
    if (isNotFound(response)) return null;
    const found = readApiJson(request, response, GhostPostsSchema, 'looking for the post', ghostDialect);
    const post = onlyPost(found, this.#host);
    return post.slug === identity ? post : null;
  }

  /** Ghost has tags, not categories; a custom excerpt of up to 300 characters; and the site's named time zone. */
  async features(): Promise<BlogFeatures> {
    const found = await this.#json('GET', 'settings/', {}, null, GhostSettingsSchema, "reading the blog's settings");
    const zone = found.settings.find((setting) => setting.key === 'timezone')?.value;
    return {
      categories: null,
      summary: { maxCharacters: GHOST_EXCERPT_CHARACTERS },
      slug: true,
      timeZone: typeof zone === 'string' && zone !== '' ? { kind: 'named', name: zone } : null,
    };
  }

  /** Ghost matches tags by exact name and would add "isis" beside "ISIS": reuse what exists. */
  imageSupport(): Promise<ImageSupport> {
    return Promise.resolve({ kind: 'uploads', findable: false });
  }

  uploadImage(upload: ImageUpload): Promise<RemoteImage> {
    const headers = () => this.#authHeaders();
    return uploadGhostImage({ apiRoot: this.#apiRoot, transport: this.#options.transport, headers }, upload);
  }

  findImage(_upload: Pick<ImageUpload, 'file' | 'name'>): Promise<RemoteImage | null> {
    return Promise.resolve(null);
  }

  async ensureTags(names: readonly string[]): Promise<readonly RemoteTag[]> {
    const wanted = names.filter(
      (name, index) => names.findIndex((other) => hashtagKey(other) === hashtagKey(name)) === index,
    );
    if (wanted.length === 0) return [];
    const existing = await this.#json(
      'GET',
      'tags/',
      { limit: 'all', fields: 'id,name' },
      null,
      GhostTagsSchema,
      'reading tags',
    );
    const tags: RemoteTag[] = [];
    for (const name of wanted) {
      const same = existing.tags.find((tag) => hashtagKey(tag.name) === hashtagKey(name));
      if (same) {
        tags.push({ remoteId: same.id, name: same.name });
        continue;
      }
      const created = await this.#json(
        'POST',
        'tags/',
        {},
        { tags: [{ name }] },
        GhostTagsSchema,
        `creating the tag ${name}`,
      );
      const [tag] = created.tags;
      if (!tag)
        throw new PublishingError('malformed-response', `${this.#host} created the tag ${name} but did not return it.`);
      tags.push({ remoteId: tag.id, name: tag.name });
    }
    return tags;
  }

  get #host(): string {
    return hostOf(this.#apiRoot);
  }

  async #postBody(post: OutgoingPost, creating: boolean): Promise<Record<string, unknown>> {
    const tags = await this.ensureTags(post.tags);
    const body: Record<string, unknown> = {
      title: post.title,
      html: ghostHtml(post.html),
      status: ghostStatus[post.schedule.status],
      tags: tags.map((tag) => ({ id: tag.remoteId })),
      custom_excerpt: post.summary === '' ? null : shortened(post.summary, GHOST_EXCERPT_CHARACTERS),
      feature_image: post.featuredImage?.url ?? null,
    };
    if ((creating || post.slug.chosen) && post.slug.latin !== '') body['slug'] = post.slug.latin;
    if (post.schedule.status === 'future') body['published_at'] = post.schedule.date.toISOString();
    return body;
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
    this.#check(request, response);
    return readApiJson(request, response, schema, what, ghostDialect);
  }

  #check(request: HttpRequest, response: HttpResponse): void {
    refuseGhostSpecifics(response);
    checkApiStatus(request, response, ghostDialect);
  }

  /** A token minted now (they live five minutes) and the API version the adapter speaks. */
  #authHeaders(): Record<string, string> {
    const now = this.#options.now?.() ?? new Date();
    return { authorization: `Ghost ${ghostAdminToken(this.#key, now)}`, 'accept-version': ACCEPT_VERSION };
  }

  #request(
    method: HttpRequest['method'],
    route: string,
    query: Readonly<Record<string, string>>,
    body: Record<string, unknown> | null,
  ): HttpRequest {
    const url = new URL(route, this.#apiRoot);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const headers: Record<string, string> = { ...this.#authHeaders(), accept: 'application/json' };
    if (body === null) return { method, url: url.toString(), headers };
    return {
      method,
      url: url.toString(),
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    };
  }
}

const MAX_PAGE = 100;
/** Ghost refuses a longer custom excerpt; the publish panel warns before one is cut. */
const GHOST_EXCERPT_CHARACTERS = 300;

/** The text cut at a word boundary to fit `limit` characters, with an ellipsis where it was cut. */
function shortened(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const boundary = cut.search(/\s+\S*$/);
  return `${(boundary > limit / 2 ? cut.slice(0, boundary) : cut).trimEnd()}\u2026`;
}

const ghostStatus: Record<OutgoingPost['schedule']['status'], GhostPost['status']> = {
  publish: 'published',
  draft: 'draft',
  future: 'scheduled',
};

const remoteStatus: Record<GhostPost['status'], RemoteStatus> = {
  published: 'publish',
  draft: 'draft',
  scheduled: 'future',
  // Sent by email only: not on the site.
  sent: 'private',
};

/** The Admin API's root for a site address, which may live in a subfolder. */
export function ghostApiRoot(siteUrl: string): string {
  const site = new URL(siteUrl);
  if (!site.pathname.endsWith('/')) site.pathname = `${site.pathname}/`;
  return new URL('ghost/api/admin/', site).toString();
}

/**
 * Checks an Admin API key with one cheap authenticated call (the newest post's id) after reading
 * the site's public name. A key belongs to an integration, which Ghost lets publish.
 */
export async function verifyGhost(options: GhostAdminOptions): Promise<VerifiedAccount> {
  const site = await readGhostSite(options.siteUrl, options.transport);
  const adapter = new GhostAdminAdapter(options);
  await adapter.listRecent(1);
  return { blogName: site.title, userName: 'Admin API integration', canPublish: true };
}

/** Ghost's public site endpoint under the Admin API path: how a Ghost blog is recognised. */
export async function readGhostSite(
  address: string,
  transport: Transport,
): Promise<{ readonly title: string; readonly url: string; readonly version: string }> {
  const typed = address.trim();
  const site = /^https?:\/\//i.test(typed) ? typed : `https://${typed}`;
  if (!URL.canParse(site)) throw new PublishingError('not-an-api', `"${address}" is not a web address.`);
  const request: HttpRequest = {
    method: 'GET',
    url: new URL('site/', ghostApiRoot(site)).toString(),
    headers: { accept: 'application/json', 'accept-version': ACCEPT_VERSION },
  };
  const response = await sendRequest(transport, request);
  if (response.status === 404) {
    throw new PublishingError(
      'not-an-api',
      `${hostOf(site)} has no Ghost Admin API (${new URL(request.url).pathname} is not there). Check the blog's address.`,
      { status: 404 },
    );
  }
  return readApiJson(request, response, GhostSiteSchema, 'reading the Ghost site', ghostDialect).site;
}

function onlyPost(answer: z.infer<typeof GhostPostsSchema>, host: string): RemotePost {
  const [post] = answer.posts;
  if (!post) throw new PublishingError('malformed-response', `${host} answered without the post.`);
  return toRemotePost(post);
}

function toRemotePost(post: GhostPost): RemotePost {
  const modifiedAt = new Date(post.updated_at).toISOString();
  const html = post.html ?? '';
  return {
    remoteId: post.id,
    url: post.url,
    modifiedAt,
    publishedAt: post.published_at === null ? modifiedAt : new Date(post.published_at).toISOString(),
    status: remoteStatus[post.status],
    title: post.title,
    slug: post.slug === '' ? null : post.slug,
    // Ghost stores its editor's document, not HTML: its rendering is the nearest thing to "as sent".
    content: html,
    renderedContent: html,
    tags: post.tags.map((tag) => tag.name),
    summary: post.custom_excerpt ?? '',
    categories: null,
    identity: identityInMarker(post.codeinjection_foot ?? ''),
    // Ghost serves every draft and scheduled post at a preview address (/p/<uuid>/), its `url` then.
    heldLink: post.status === 'published' ? null : { kind: 'preview', url: post.url },
    ...(post.feature_image === undefined ? {} : { featuredImage: post.feature_image }),
  };
}

/** A remote id as Ghost's routes take it; anything else is refused before it reaches a URL. */
function postId(remoteId: string): string {
  if (!GhostIdSchema.safeParse(remoteId).success) {
    throw new PublishingError('not-found', `"${remoteId}" is not a Ghost post id.`);
  }
  return remoteId;
}

/** Ghost's own 404 for a missing post, as opposed to a wrong address. */
function isNotFound(response: HttpResponse): boolean {
  if (response.status !== 404) return false;
  try {
    const parsed = GhostErrorSchema.safeParse(JSON.parse(response.body));
    return parsed.success && parsed.data.errors[0]?.type === 'NotFoundError';
  } catch {
    return false;
  }
}

/**
 * Ghost's answers that the generic status check would misname: a token it cannot read is a 400
 * (INVALID_JWT), and a stale updated_at is a 409 that means someone changed the post meanwhile.
 */
function refuseGhostSpecifics(response: HttpResponse): void {
  if (response.status !== 400 && response.status !== 409) return;
  let code: string | null = null;
  let type: string | null = null;
  try {
    const parsed = GhostErrorSchema.safeParse(JSON.parse(response.body));
    if (parsed.success) {
      code = parsed.data.errors[0]?.code ?? null;
      type = parsed.data.errors[0]?.type ?? null;
    }
  } catch {
    return;
  }
  const host = hostOf(response.url);
  if (response.status === 400 && code !== null && /JWT|TOKEN/i.test(code)) {
    throw credentialsRefused(host, ghostDialect.credentials, {
      said: code,
      advice: ghostDialect.credentialAdvice,
      status: 400,
    });
  }
  if (response.status === 409 && type === 'UpdateCollisionError') {
    throw new PublishingError(
      'rejected',
      `The post was changed on ${host} since the app last read it, so the update was not applied. Review the post on the blog, then update again.`,
      { status: 409 },
    );
  }
}
