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
import type { AccessTokenProvider } from './oauth';
import {
  BloggerBlogSchema,
  BloggerBlogUserInfoSchema,
  BloggerPostListSchema,
  BloggerPostSchema,
  BloggerUserSchema,
  GoogleErrorSchema,
  IdentityMetaDataSchema,
  type BloggerPost,
} from './schemas';
import { hostOf, sendRequest, type HttpRequest, type HttpResponse } from '../http/request';
import { PublishingError } from '../publishingError';
import type { VerifiedAccount } from '../verifyAccount';
import type { ImageSupport, ImageUpload, RemoteImage } from '../imageUpload';

/** Where Google serves Blogger API v3. */
export const BLOGGER_API_ROOT = 'https://www.googleapis.com/blogger/v3/';

export interface BloggerOptions {
  readonly blogId: string;
  /** An OAuth access token for each request (see `accessTokenProvider`). */
  readonly accessToken: AccessTokenProvider;
  readonly transport: Transport;
  /** BLOGGER_API_ROOT unless a test points elsewhere. */
  readonly apiRoot?: string;
}

export const bloggerDialect: ApiDialect = {
  explanation(body) {
    const parsed = GoogleErrorSchema.safeParse(body);
    return parsed.success ? parsed.data.error.message : '';
  },
  credentials: "the app's Google sign-in",
  credentialAdvice: 'Sign in with Google again, with an account that is an author or administrator of the blog.',
  // Google says UNAUTHENTICATED (with 401) for an expired or revoked token.
  refusesCredentials: (body) => GoogleErrorSchema.safeParse(body).data?.error.status === 'UNAUTHENTICATED',
};

/**
 * How far back `findByIdentity` looks. Blogger cannot search posts by metadata, so the most
 * recently updated posts are read; a post the outbox lost track of was sent moments before.
 */
const IDENTITY_SEARCH_DEPTH = 50;
const MAX_PAGE = 100;
/** Google's reasons for a 403 that means "slow down", not "not allowed". */
const rateLimitReasons = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded', 'dailyLimitExceeded']);

/**
 * Blogger API v3 with an OAuth 2.0 bearer token. Hashtags are labels. The client identity travels
 * in the post's customMetaData (Blogger makes the address from the title, so it cannot be the
 * slug). Scheduling sends a future `published` date with the post published.
 */
/** Why a post with images cannot go to Blogger, in words the writer can act on. */
export const BLOGGER_TAKES_NO_IMAGES =
  "Blogger's API takes no images (its own image hosting is only reachable from Blogger's editor), so a post with images cannot be published there from Commonplace. Remove the images for this blog, or publish it to another blog.";

export class BloggerAdapter implements BlogAdapter {
  readonly #options: BloggerOptions;
  readonly #apiRoot: string;

  constructor(options: BloggerOptions) {
    if (!/^\d+$/.test(options.blogId)) throw new Error(`"${options.blogId}" is not a Blogger blog id.`);
    this.#options = options;
    this.#apiRoot = options.apiRoot ?? BLOGGER_API_ROOT;
  }

  async create(post: OutgoingPost): Promise<RemotePost> {
    const created = await this.#json(
      'POST',
      'posts',
      { isDraft: String(post.schedule.status === 'draft'), fetchImages: 'false' },
      bloggerPost(post),
      BloggerPostSchema,
      'creating the post',
    );
    return this.#remotePost(created);
  }

  /** Replaces the post; `publish` and `revert` move it between draft and published or scheduled. */
  async update(remoteId: string, post: OutgoingPost): Promise<RemotePost> {
    const id = postId(remoteId);
    const query = post.schedule.status === 'draft' ? { revert: 'true' } : { publish: 'true' };
    const updated = await this.#json(
      'PUT',
      `posts/${id}`,
      query,
      { ...bloggerPost(post), id },
      BloggerPostSchema,
      'updating the post',
    );
    return this.#remotePost(updated);
  }

  async get(remoteId: string): Promise<RemotePost> {
    const found = await this.#json(
      'GET',
      `posts/${postId(remoteId)}`,
      { view: 'ADMIN' },
      null,
      BloggerPostSchema,
      'reading the post',
    );
    return this.#remotePost(found);
  }

  /**
   * Moves a published or scheduled post to Blogger's trash. Blogger deletes a draft for good (it
   * has no trash for drafts), and deletes a trashed post for good too, so one in the trash is left
   * there; a post that is gone already is done.
   */
  async delete(remoteId: string): Promise<void> {
    const id = postId(remoteId);
    let current: RemotePost;
    try {
      current = await this.get(id);
    } catch (error) {
      if (error instanceof PublishingError && error.failure === 'not-found') return;
      throw error;
    }
    if (current.status === 'trash') return;
    const request = await this.#request('DELETE', `posts/${id}`, { useTrash: 'true' }, null);
    const response = await sendRequest(this.#options.transport, request);
    if (response.status === 404) return;
    this.#check(request, response);
  }

  async listRecent(count: number): Promise<readonly RemotePost[]> {
    const posts = await this.#list(Math.min(Math.max(Math.floor(count), 1), MAX_PAGE), 'PUBLISHED', true);
    return posts.map((post) => this.#remotePost(post));
  }

  async findByIdentity(identity: ClientIdentity): Promise<RemotePost | null> {
    const posts = await this.#list(IDENTITY_SEARCH_DEPTH, 'UPDATED', false);
    const match = posts.find((post) => identityOf(post) === identity);
    return match === undefined ? null : this.get(match.id);
  }

  storedContent(post: OutgoingPost): string {
    return post.html;
  }

  /** Blogger's labels are the tags; it has no categories, excerpt or slug to set, nor a time zone in the API. */
  features(): Promise<BlogFeatures> {
    return Promise.resolve({ categories: null, summary: null, slug: false, timeZone: null });
  }

  /** Labels are plain names that a post creates by using them: one per name, whatever its case. */
  imageSupport(): Promise<ImageSupport> {
    return Promise.resolve({ kind: 'refuses', reason: BLOGGER_TAKES_NO_IMAGES });
  }

  uploadImage(_upload: ImageUpload): Promise<RemoteImage> {
    return Promise.reject(new PublishingError('rejected', BLOGGER_TAKES_NO_IMAGES));
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

  async #list(count: number, orderBy: 'PUBLISHED' | 'UPDATED', fetchBodies: boolean): Promise<BloggerPost[]> {
    const request = await this.#request(
      'GET',
      'posts',
      {
        view: 'ADMIN',
        maxResults: String(count),
        orderBy,
        fetchBodies: String(fetchBodies),
        fetchImages: 'false',
        status: ['LIVE', 'SCHEDULED', 'DRAFT'],
      },
      null,
    );
    const response = await sendRequest(this.#options.transport, request);
    this.#check(request, response);
    const list = readApiJson(request, response, BloggerPostListSchema, 'listing recent posts', bloggerDialect);
    return list.items ?? [];
  }

  async #json<Schema extends z.ZodType>(
    method: HttpRequest['method'],
    route: string,
    query: Readonly<Record<string, string>>,
    body: Record<string, unknown> | null,
    schema: Schema,
    what: string,
  ): Promise<z.infer<Schema>> {
    const request = await this.#request(method, route, query, body);
    const response = await sendRequest(this.#options.transport, request);
    this.#check(request, response);
    return readApiJson(request, response, schema, what, bloggerDialect);
  }

  #check(request: HttpRequest, response: HttpResponse): void {
    refuseRateLimit(response);
    checkApiStatus(request, response, bloggerDialect);
  }

  async #request(
    method: HttpRequest['method'],
    route: string,
    query: Readonly<Record<string, string | readonly string[]>>,
    body: Record<string, unknown> | null,
  ): Promise<HttpRequest> {
    const url = new URL(`blogs/${this.#options.blogId}/${route}`, this.#apiRoot);
    for (const [name, value] of Object.entries(query)) {
      for (const each of typeof value === 'string' ? [value] : value) url.searchParams.append(name, each);
    }
    const headers: Record<string, string> = {
      authorization: `Bearer ${await this.#options.accessToken()}`,
      accept: 'application/json',
    };
    if (body === null) return { method, url: url.toString(), headers };
    return {
      method,
      url: url.toString(),
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    };
  }

  #remotePost(post: BloggerPost): RemotePost {
    const modifiedAt = new Date(post.updated).toISOString();
    return {
      remoteId: post.id,
      // A draft has no public address; its page in Blogger's editor stands in.
      url: post.url ?? this.#editorUrl(post.id),
      modifiedAt,
      publishedAt: post.published === undefined ? modifiedAt : new Date(post.published).toISOString(),
      status: remoteStatus(post),
      title: post.title ?? '',
      // Blogger makes a post's address from its title; the API has no slug to set.
      slug: null,
      content: post.content ?? '',
      renderedContent: null,
      tags: post.labels ?? [],
      summary: null,
      categories: null,
      identity: identityOf(post),
      heldLink: { kind: 'editor', url: this.#editorUrl(post.id) },
    };
  }

  #editorUrl(postId: string): string {
    return `https://www.blogger.com/blog/post/edit/${encodeURIComponent(this.#options.blogId)}/${encodeURIComponent(postId)}`;
  }
}

function bloggerPost(post: OutgoingPost): Record<string, unknown> {
  const body: Record<string, unknown> = {
    kind: 'blogger#post',
    title: post.title,
    content: post.html,
    labels: [...post.tags],
    customMetaData: JSON.stringify({ commonplace: { identity: post.identity } }),
  };
  if (post.schedule.status === 'future') body['published'] = post.schedule.date.toISOString();
  return body;
}

function remoteStatus(post: BloggerPost): RemoteStatus {
  if (post.status === 'DRAFT') return 'draft';
  if (post.status === 'SCHEDULED') return 'future';
  if (post.status === 'SOFT_TRASHED') return 'trash';
  return 'publish';
}

function identityOf(post: BloggerPost): ClientIdentity | null {
  if (post.customMetaData === undefined) return null;
  try {
    const parsed = IdentityMetaDataSchema.safeParse(JSON.parse(post.customMetaData));
    return parsed.success ? parsed.data.commonplace.identity : null;
  } catch {
    return null;
  }
}

/** A remote id as Blogger's routes take it; anything else is refused before it reaches a URL. */
function postId(remoteId: string): string {
  if (!/^\d+$/.test(remoteId)) {
    throw new PublishingError('not-found', `"${remoteId}" is not a Blogger post id.`);
  }
  return remoteId;
}

/** Google answers "too many requests" with a 403 whose reason says so: that is worth retrying. */
function refuseRateLimit(response: HttpResponse): void {
  if (response.status !== 403) return;
  let reason: string | undefined;
  try {
    const parsed = GoogleErrorSchema.safeParse(JSON.parse(response.body));
    reason = parsed.success ? parsed.data.error.errors?.[0]?.reason : undefined;
  } catch {
    return;
  }
  if (reason !== undefined && rateLimitReasons.has(reason)) {
    throw new PublishingError(
      'rate-limited',
      `${hostOf(response.url)} asks to slow down (${reason}); try again later.`,
      { status: 403 },
    );
  }
}

/** A Blogger blog found from its address, and what the signed-in user may do there. */
export interface BloggerAccount {
  readonly blogId: string;
  readonly blogUrl: string;
  readonly verified: VerifiedAccount;
}

/**
 * Finds the blog at `blogUrl` (blogs/byUrl) and checks the sign-in with two cheap calls: who the
 * user is (users/self) and their role on the blog (blogUserInfos); readers cannot publish.
 */
export async function verifyBlogger(options: {
  readonly blogUrl: string;
  readonly accessToken: AccessTokenProvider;
  readonly transport: Transport;
  readonly apiRoot?: string;
}): Promise<BloggerAccount> {
  const root = options.apiRoot ?? BLOGGER_API_ROOT;
  async function read<Schema extends z.ZodType>(route: string, schema: Schema, what: string): Promise<z.infer<Schema>> {
    const request: HttpRequest = {
      method: 'GET',
      url: new URL(route, root).toString(),
      headers: { authorization: `Bearer ${await options.accessToken()}`, accept: 'application/json' },
    };
    const response = await sendRequest(options.transport, request);
    refuseRateLimit(response);
    if (response.status === 404 && route.startsWith('blogs/byurl')) {
      throw new PublishingError('not-an-api', `Blogger has no blog at ${options.blogUrl}. Check the blog's address.`, {
        status: 404,
      });
    }
    return readApiJson(request, response, schema, what, bloggerDialect);
  }
  const blog = await read(
    `blogs/byurl?${new URLSearchParams({ url: options.blogUrl }).toString()}`,
    BloggerBlogSchema,
    'finding the blog',
  );
  const user = await read('users/self', BloggerUserSchema, 'checking the account');
  const info = await read(`users/self/blogs/${blog.id}`, BloggerBlogUserInfoSchema, "reading the user's role");
  const { role, hasAdminAccess } = info.blog_user_info;
  return {
    blogId: blog.id,
    blogUrl: blog.url,
    verified: {
      blogName: blog.name,
      userName: user.displayName,
      canPublish: hasAdminAccess === true || role === 'ADMIN' || role === 'AUTHOR',
    },
  };
}
