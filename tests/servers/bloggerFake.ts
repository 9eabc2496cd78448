import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A strict stand-in for Google's side of Blogger, written from Blogger API v3's reference
 * (https://developers.google.com/blogger/docs/3.0/reference) and Google's OAuth 2.0 for installed
 * apps, because the real one cannot be reached from here. It checks what Google checks and answers
 * as Google answers: bearer tokens (401 with Google's error body and WWW-Authenticate), roles
 * (403), unknown blogs and posts (404), the post resource's fields (labels left out when empty,
 * times in the blog's zone, no address for drafts, status only in admin views), isDraft, publish
 * and revert, useTrash (drafts deleted for good), and PKCE (S256) at the token endpoint.
 */
export interface BloggerFake {
  /** Stands in for https://www.googleapis.com/blogger/v3/. */
  readonly apiRoot: string;
  /** Stands in for https://accounts.google.com/o/oauth2/v2/auth; consents at once. */
  readonly authorizationEndpoint: string;
  /** Stands in for https://oauth2.googleapis.com/token. */
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly blog: { readonly id: string; readonly name: string; readonly url: string };
  /** A refresh token for a user with each role on the blog. */
  readonly refreshTokens: { readonly admin: string; readonly reader: string };
  /** An access token of the admin, valid for an hour. */
  readonly adminAccessToken: string;
  /** Lets the access token given out for `token` expire now, as Google's do after an hour. */
  expire(accessToken: string): void;
  /** Answers the next API request with this status and Google error reason instead of serving it. */
  failNext(status: number, reason: string, retryAfterSeconds?: number): void;
  /** The API requests received, as "METHOD /path?query", for tests that count calls. */
  readonly requests: readonly string[];
  stop(): Promise<void>;
}

type Role = 'ADMIN' | 'AUTHOR' | 'READER';
type Status = 'LIVE' | 'DRAFT' | 'SCHEDULED' | 'SOFT_TRASHED';

interface StoredPost {
  id: string;
  title: string;
  content: string;
  labels: string[];
  customMetaData: string | null;
  status: Status;
  published: Date;
  updated: Date;
  slug: string;
}

interface User {
  readonly id: string;
  readonly displayName: string;
  readonly role: Role;
}

/** The blog's zone, as Blogger gives every time in it: a fixed -08:00 (Pacific standard time). */
const ZONE_OFFSET_MINUTES = -8 * 60;
const SCOPE = 'https://www.googleapis.com/auth/blogger';
const ACCESS_TOKEN_SECONDS = 3599;

/** Starts the fake on 127.0.0.1 with one blog, an administrator and a reader. */
export async function startBloggerFake(): Promise<BloggerFake> {
  const clientId = `${randomDigits(12)}-commonplace.apps.googleusercontent.com`;
  const clientSecret = `GOCSPX-${token(18)}`;
  const users = {
    admin: { id: randomDigits(20), displayName: 'Commonplace Writer', role: 'ADMIN' as Role },
    reader: { id: randomDigits(20), displayName: 'A Reader', role: 'READER' as Role },
  };
  const refreshTokens = new Map<string, User>([
    [`1//${token(30)}`, users.admin],
    [`1//${token(30)}`, users.reader],
  ]);
  const accessTokens = new Map<string, { user: User; expiresAt: number }>();
  const codes = new Map<string, { user: User; redirectUri: string; challenge: string; clientId: string }>();
  const posts = new Map<string, StoredPost>();
  const requests: string[] = [];
  let failure: { status: number; reason: string; retryAfterSeconds: number | undefined } | null = null;

  const server: Server = createServer((incoming, outgoing) => {
    void handle(incoming, outgoing).catch((error: unknown) => {
      googleError(outgoing, 500, 'backendError', `Backend Error: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const blog = { id: randomDigits(19), name: 'Commonplace on Blogger', url: `${origin}/blog/` };

  function issueAccessToken(user: User): string {
    const access = `ya29.${token(40)}`;
    accessTokens.set(access, { user, expiresAt: Date.now() + ACCESS_TOKEN_SECONDS * 1000 });
    return access;
  }
  const adminAccessToken = issueAccessToken(users.admin);

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? '/', origin);
    const body = await readBody(incoming);
    if (url.pathname === '/o/oauth2/v2/auth') {
      authorize(url, outgoing);
      return;
    }
    if (url.pathname === '/token') {
      tokenEndpoint(incoming, body, outgoing);
      return;
    }
    if (url.pathname.startsWith('/blog/')) {
      postPage(url, outgoing);
      return;
    }
    if (url.pathname.startsWith('/blogger/v3/')) {
      requests.push(`${incoming.method ?? ''} ${url.pathname}${url.search}`);
      api(incoming, url, body, outgoing);
      return;
    }
    googleError(outgoing, 404, 'notFound', 'Not Found');
  }

  /** The consent screen, consenting at once for the administrator (or the reader, with login_hint=reader). */
  function authorize(url: URL, outgoing: ServerResponse): void {
    const parameters = url.searchParams;
    const redirectUri = parameters.get('redirect_uri') ?? '';
    const problems = [
      parameters.get('client_id') === clientId ? null : 'invalid_client',
      parameters.get('response_type') === 'code' ? null : 'unsupported_response_type',
      parameters.get('scope')?.split(' ').includes(SCOPE) === true ? null : 'invalid_scope',
      parameters.get('code_challenge_method') === 'S256' &&
      /^[A-Za-z0-9_-]{43}$/.test(parameters.get('code_challenge') ?? '')
        ? null
        : 'invalid_request',
      /^http:\/\/(127\.0\.0\.1|\[::1\]|localhost)(:\d+)?\//.test(redirectUri) ? null : 'redirect_uri_mismatch',
    ].filter((problem) => problem !== null);
    if (problems.length > 0) {
      outgoing.writeHead(400, { 'content-type': 'text/html' }).end(`<h1>Error 400: ${problems.join(', ')}</h1>`);
      return;
    }
    const code = `4/${token(40)}`;
    const user = parameters.get('login_hint') === 'reader' ? users.reader : users.admin;
    codes.set(code, { user, redirectUri, challenge: parameters.get('code_challenge') ?? '', clientId });
    const back = new URL(redirectUri);
    back.searchParams.set('state', parameters.get('state') ?? '');
    back.searchParams.set('code', code);
    back.searchParams.set('scope', SCOPE);
    outgoing.writeHead(302, { location: back.toString() }).end();
  }

  function tokenEndpoint(incoming: IncomingMessage, body: string, outgoing: ServerResponse): void {
    const refuse = (status: number, error: string, description: string): void => {
      json(outgoing, status, { error, error_description: description });
    };
    if (
      incoming.method !== 'POST' ||
      !(incoming.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
    ) {
      refuse(400, 'invalid_request', 'Invalid request.');
      return;
    }
    const form = new URLSearchParams(body);
    if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
      refuse(401, 'invalid_client', 'Unauthorized');
      return;
    }
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      const code = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (code === undefined || code.redirectUri !== form.get('redirect_uri')) {
        refuse(400, 'invalid_grant', 'Bad Request');
        return;
      }
      const verifier = form.get('code_verifier') ?? '';
      if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || sha256(verifier) !== code.challenge) {
        refuse(400, 'invalid_grant', 'Invalid code verifier.');
        return;
      }
      const refresh = `1//${token(30)}`;
      refreshTokens.set(refresh, code.user);
      json(outgoing, 200, {
        access_token: issueAccessToken(code.user),
        expires_in: ACCESS_TOKEN_SECONDS,
        refresh_token: refresh,
        scope: SCOPE,
        token_type: 'Bearer',
      });
      return;
    }
    if (grant === 'refresh_token') {
      const user = refreshTokens.get(form.get('refresh_token') ?? '');
      if (user === undefined) {
        refuse(400, 'invalid_grant', 'Token has been expired or revoked.');
        return;
      }
      json(outgoing, 200, {
        access_token: issueAccessToken(user),
        expires_in: ACCESS_TOKEN_SECONDS,
        scope: SCOPE,
        token_type: 'Bearer',
      });
      return;
    }
    refuse(400, 'unsupported_grant_type', 'Invalid grant_type.');
  }

  /** The public page of a post: live ones only. */
  function postPage(url: URL, outgoing: ServerResponse): void {
    const post = [...posts.values()].find((each) => url.pathname === postPath(each));
    if (post === undefined || post.status !== 'LIVE') {
      outgoing
        .writeHead(404, { 'content-type': 'text/html' })
        .end('<h1>Sorry, the page you were looking for in this blog does not exist.</h1>');
      return;
    }
    outgoing
      .writeHead(200, { 'content-type': 'text/html; charset=UTF-8' })
      .end(
        `<!DOCTYPE html><html><head><title>${post.title}</title></head><body><h3 class="post-title">${post.title}</h3><div class="post-body">${post.content}</div></body></html>`,
      );
  }

  function api(incoming: IncomingMessage, url: URL, body: string, outgoing: ServerResponse): void {
    const authorization = incoming.headers.authorization;
    if (authorization === undefined) {
      unauthenticated(
        outgoing,
        'required',
        'Login Required.',
        'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      );
      return;
    }
    const bearer = /^Bearer (\S+)$/.exec(authorization)?.[1];
    const session = bearer === undefined ? undefined : accessTokens.get(bearer);
    if (session === undefined || session.expiresAt <= Date.now()) {
      unauthenticated(
        outgoing,
        'authError',
        'Invalid Credentials',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      );
      return;
    }
    if (failure !== null) {
      const { status, reason, retryAfterSeconds } = failure;
      failure = null;
      if (retryAfterSeconds !== undefined) outgoing.setHeader('retry-after', String(retryAfterSeconds));
      googleError(
        outgoing,
        status,
        reason,
        reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded'
          ? 'Rate Limit Exceeded'
          : `Injected ${reason}`,
      );
      return;
    }
    const user = session.user;
    const path = url.pathname.slice('/blogger/v3/'.length);
    const method = incoming.method ?? 'GET';
    let match: RegExpExecArray | null;
    if (method === 'GET' && path === 'users/self') {
      json(outgoing, 200, {
        kind: 'blogger#user',
        id: user.id,
        displayName: user.displayName,
        url: `${origin}/profile/${user.id}`,
        selfLink: `${origin}/blogger/v3/users/${user.id}`,
        blogs: { selfLink: `${origin}/blogger/v3/users/${user.id}/blogs` },
      });
      return;
    }
    if (method === 'GET' && path === 'blogs/byurl') {
      const wanted = url.searchParams.get('url') ?? '';
      if (wanted.replace(/\/?$/, '/') !== blog.url) {
        googleError(outgoing, 404, 'notFound', 'Not Found');
        return;
      }
      json(outgoing, 200, blogResource());
      return;
    }
    if ((match = /^users\/self\/blogs\/(\d+)$/.exec(path)) !== null && method === 'GET') {
      if (match[1] !== blog.id) {
        googleError(outgoing, 404, 'notFound', 'Not Found');
        return;
      }
      json(outgoing, 200, {
        kind: 'blogger#blogUserInfo',
        blog: blogResource(),
        blog_user_info: {
          kind: 'blogger#blogPerUserInfo',
          userId: user.id,
          blogId: blog.id,
          photosAlbumKey: '',
          hasAdminAccess: user.role === 'ADMIN',
          role: user.role,
        },
      });
      return;
    }
    if ((match = /^blogs\/(\d+)\/posts(?:\/(\d+))?$/.exec(path)) === null) {
      googleError(outgoing, 404, 'notFound', 'Not Found');
      return;
    }
    const [, blogId, postId] = match;
    if (blogId !== blog.id) {
      googleError(outgoing, 404, 'notFound', 'Blog not found');
      return;
    }
    const writing = method !== 'GET';
    if (writing && user.role === 'READER') {
      googleError(outgoing, 403, 'forbidden', "We're sorry, but you don't have permission to access this resource.");
      return;
    }
    if (postId === undefined) {
      if (method === 'GET') return list(url, user, outgoing);
      if (method === 'POST') return insert(url, body, outgoing);
      googleError(outgoing, 405, 'httpMethodNotAllowed', 'Method Not Allowed');
      return;
    }
    const post = posts.get(postId);
    if (post === undefined) {
      googleError(outgoing, 404, 'notFound', 'Not Found');
      return;
    }
    if (method === 'GET') {
      const view = url.searchParams.get('view')?.toUpperCase();
      if ((post.status !== 'LIVE' || view === 'ADMIN') && user.role === 'READER') {
        googleError(outgoing, 403, 'forbidden', "We're sorry, but you don't have permission to access this resource.");
        return;
      }
      if (post.status === 'SOFT_TRASHED' && view !== 'ADMIN' && view !== 'AUTHOR') {
        googleError(outgoing, 404, 'notFound', 'Not Found');
        return;
      }
      json(outgoing, 200, postResource(post, view === 'ADMIN' || view === 'AUTHOR'));
      return;
    }
    if (method === 'PUT') return update(post, url, body, outgoing);
    if (method === 'DELETE') {
      if (url.searchParams.get('useTrash') === 'true' && (post.status === 'LIVE' || post.status === 'SCHEDULED')) {
        post.status = 'SOFT_TRASHED';
        post.updated = new Date();
      } else {
        posts.delete(post.id);
      }
      outgoing.writeHead(204).end();
      return;
    }
    googleError(outgoing, 405, 'httpMethodNotAllowed', 'Method Not Allowed');
  }

  function insert(url: URL, body: string, outgoing: ServerResponse): void {
    const resource = parsePost(body, outgoing);
    if (resource === null) return;
    const now = new Date();
    const published = resource.published ?? now;
    const isDraft = booleanParameter(url, 'isDraft', outgoing);
    if (isDraft === null) return;
    const status: Status = isDraft ? 'DRAFT' : published.getTime() > now.getTime() ? 'SCHEDULED' : 'LIVE';
    const post: StoredPost = {
      id: randomDigits(19),
      title: resource.title ?? '',
      content: resource.content ?? '',
      labels: resource.labels ?? [],
      customMetaData: resource.customMetaData ?? null,
      status,
      published,
      updated: now,
      slug: slugOf(resource.title ?? '', now),
    };
    posts.set(post.id, post);
    json(outgoing, 200, postResource(post, true));
  }

  function update(post: StoredPost, url: URL, body: string, outgoing: ServerResponse): void {
    const resource = parsePost(body, outgoing);
    if (resource === null) return;
    if (resource.id !== undefined && resource.id !== post.id) {
      googleError(outgoing, 400, 'invalid', 'Invalid value for: id does not match the post being updated', 'id');
      return;
    }
    const publish = booleanParameter(url, 'publish', outgoing);
    const revert = publish === null ? null : booleanParameter(url, 'revert', outgoing);
    if (publish === null || revert === null) return;
    const now = new Date();
    post.title = resource.title ?? post.title;
    post.content = resource.content ?? post.content;
    post.labels = resource.labels ?? post.labels;
    post.customMetaData = resource.customMetaData ?? post.customMetaData;
    if (resource.published !== undefined) post.published = resource.published;
    if (revert) post.status = 'DRAFT';
    else if (publish || post.status !== 'DRAFT') {
      post.status = post.published.getTime() > now.getTime() ? 'SCHEDULED' : 'LIVE';
    }
    post.updated = now;
    json(outgoing, 200, postResource(post, true));
  }

  function list(url: URL, user: User, outgoing: ServerResponse): void {
    const view = url.searchParams.get('view')?.toUpperCase() ?? 'READER';
    const statuses = url.searchParams.getAll('status').map((status) => status.toUpperCase());
    if (statuses.some((status) => !['LIVE', 'DRAFT', 'SCHEDULED', 'SOFT_TRASHED'].includes(status))) {
      googleError(outgoing, 400, 'invalidParameter', `Invalid value for status: ${statuses.join(',')}`, 'status');
      return;
    }
    const wanted = statuses.length === 0 ? ['LIVE'] : statuses;
    if (wanted.some((status) => status !== 'LIVE') && (view === 'READER' || user.role === 'READER')) {
      googleError(outgoing, 403, 'forbidden', "We're sorry, but you don't have permission to access this resource.");
      return;
    }
    const maxResults = Number(url.searchParams.get('maxResults') ?? '10');
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 500) {
      googleError(outgoing, 400, 'invalidParameter', 'Invalid value for maxResults', 'maxResults');
      return;
    }
    const orderBy = (url.searchParams.get('orderBy') ?? 'PUBLISHED').toUpperCase();
    if (orderBy !== 'PUBLISHED' && orderBy !== 'UPDATED') {
      googleError(outgoing, 400, 'invalidParameter', `Invalid value for orderBy: ${orderBy}`, 'orderBy');
      return;
    }
    const fetchBodies = url.searchParams.get('fetchBodies') !== 'false';
    const sorted = [...posts.values()]
      .filter((post) => wanted.includes(post.status))
      .sort((a, b) =>
        orderBy === 'UPDATED'
          ? b.updated.getTime() - a.updated.getTime()
          : b.published.getTime() - a.published.getTime(),
      );
    const page = sorted.slice(0, maxResults).map((post) => {
      const resource = postResource(post, view !== 'READER');
      if (!fetchBodies) delete resource['content'];
      return resource;
    });
    json(outgoing, 200, {
      kind: 'blogger#postList',
      ...(page.length > 0 ? { items: page } : {}),
      ...(sorted.length > maxResults ? { nextPageToken: token(16) } : {}),
      etag: `"${token(12)}"`,
    });
  }

  function parsePost(
    body: string,
    outgoing: ServerResponse,
  ): {
    id?: string;
    title?: string;
    content?: string;
    labels?: string[];
    customMetaData?: string;
    published?: Date;
  } | null {
    let resource: unknown;
    try {
      resource = JSON.parse(body);
    } catch {
      googleError(outgoing, 400, 'parseError', 'Parse Error');
      return null;
    }
    if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) {
      googleError(outgoing, 400, 'parseError', 'Parse Error');
      return null;
    }
    const fields = resource as Record<string, unknown>;
    for (const name of ['id', 'title', 'content', 'customMetaData', 'published', 'kind'] as const) {
      if (fields[name] !== undefined && typeof fields[name] !== 'string') {
        googleError(outgoing, 400, 'invalid', `Invalid value for: ${name} is not a string`, name);
        return null;
      }
    }
    if (fields['kind'] !== undefined && fields['kind'] !== 'blogger#post') {
      googleError(outgoing, 400, 'invalid', 'Invalid value for: kind', 'kind');
      return null;
    }
    const labels = fields['labels'];
    if (labels !== undefined && (!Array.isArray(labels) || labels.some((label) => typeof label !== 'string'))) {
      googleError(outgoing, 400, 'invalid', 'Invalid value for: labels', 'labels');
      return null;
    }
    const published = fields['published'];
    let date: Date | undefined;
    if (typeof published === 'string') {
      date = new Date(published);
      if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(published)) {
        googleError(
          outgoing,
          400,
          'invalid',
          'Invalid value for: published is not a valid RFC 3339 date-time',
          'published',
        );
        return null;
      }
    }
    return {
      ...(typeof fields['id'] === 'string' ? { id: fields['id'] } : {}),
      ...(typeof fields['title'] === 'string' ? { title: fields['title'] } : {}),
      ...(typeof fields['content'] === 'string' ? { content: fields['content'] } : {}),
      ...(typeof fields['customMetaData'] === 'string' ? { customMetaData: fields['customMetaData'] } : {}),
      ...(Array.isArray(labels) ? { labels: labels as string[] } : {}),
      ...(date === undefined ? {} : { published: date }),
    };
  }

  function booleanParameter(url: URL, name: string, outgoing: ServerResponse): boolean | null {
    const value = url.searchParams.get(name);
    if (value === null || value === 'false') return false;
    if (value === 'true') return true;
    googleError(outgoing, 400, 'invalidParameter', `Invalid value for: ${name} is not a boolean`, name);
    return null;
  }

  function blogResource(): Record<string, unknown> {
    return {
      kind: 'blogger#blog',
      id: blog.id,
      name: blog.name,
      description: '',
      published: inBlogZone(new Date('2026-01-01T00:00:00Z')),
      updated: inBlogZone(new Date()),
      url: blog.url,
      selfLink: `${origin}/blogger/v3/blogs/${blog.id}`,
      posts: { totalItems: posts.size, selfLink: `${origin}/blogger/v3/blogs/${blog.id}/posts` },
      locale: { language: 'en', country: '', variant: '' },
    };
  }

  function postResource(post: StoredPost, adminView: boolean): Record<string, unknown> {
    return {
      kind: 'blogger#post',
      id: post.id,
      blog: { id: blog.id },
      published: inBlogZone(post.published),
      updated: inBlogZone(post.updated),
      ...(post.status === 'DRAFT' ? {} : { url: `${origin}${postPath(post)}` }),
      selfLink: `${origin}/blogger/v3/blogs/${blog.id}/posts/${post.id}`,
      title: post.title,
      content: post.content,
      author: {
        id: users.admin.id,
        displayName: users.admin.displayName,
        url: `${origin}/profile/${users.admin.id}`,
        image: { url: '//example.invalid/avatar.png' },
      },
      replies: { totalItems: '0', selfLink: `${origin}/blogger/v3/blogs/${blog.id}/posts/${post.id}/comments` },
      ...(post.labels.length > 0 ? { labels: post.labels } : {}),
      ...(post.customMetaData === null ? {} : { customMetaData: post.customMetaData }),
      ...(adminView ? { status: post.status } : {}),
      etag: `"${token(12)}"`,
    };
  }

  function postPath(post: StoredPost): string {
    const year = post.published.getUTCFullYear();
    const month = String(post.published.getUTCMonth() + 1).padStart(2, '0');
    return `/blog/${year}/${month}/${post.slug}.html`;
  }

  return {
    apiRoot: `${origin}/blogger/v3/`,
    authorizationEndpoint: `${origin}/o/oauth2/v2/auth`,
    tokenEndpoint: `${origin}/token`,
    clientId,
    clientSecret,
    blog,
    refreshTokens: {
      admin: [...refreshTokens].find(([, user]) => user === users.admin)?.[0] ?? '',
      reader: [...refreshTokens].find(([, user]) => user === users.reader)?.[0] ?? '',
    },
    adminAccessToken,
    expire(accessToken) {
      const session = accessTokens.get(accessToken);
      if (session !== undefined) session.expiresAt = 0;
    },
    failNext(status, reason, retryAfterSeconds) {
      failure = { status, reason, retryAfterSeconds };
    },
    requests,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function unauthenticated(outgoing: ServerResponse, reason: string, detail: string, message: string): void {
  outgoing.setHeader('www-authenticate', 'Bearer realm="https://accounts.google.com/", error="invalid_token"');
  json(outgoing, 401, {
    error: {
      code: 401,
      message,
      errors: [{ message: detail, domain: 'global', reason, location: 'Authorization', locationType: 'header' }],
      status: 'UNAUTHENTICATED',
    },
  });
}

const googleStatus: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'INVALID_ARGUMENT',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** Google's error body: {"error": {"code", "message", "errors": [{"message", "domain", "reason"}], "status"}}. */
function googleError(outgoing: ServerResponse, code: number, reason: string, message: string, location?: string): void {
  json(outgoing, code, {
    error: {
      code,
      message,
      errors: [
        {
          message,
          domain: 'global',
          reason,
          ...(location === undefined ? {} : { location, locationType: 'parameter' }),
        },
      ],
      status: googleStatus[code] ?? 'UNKNOWN',
    },
  });
}

function json(outgoing: ServerResponse, status: number, body: unknown): void {
  if (outgoing.headersSent) return;
  outgoing.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' }).end(JSON.stringify(body, null, 2));
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** RFC 3339 in the blog's zone, with milliseconds, as Blogger writes it: "2026-11-24T00:20:00.000-08:00". */
function inBlogZone(date: Date): string {
  const local = new Date(date.getTime() + ZONE_OFFSET_MINUTES * 60_000).toISOString().slice(0, 23);
  const sign = ZONE_OFFSET_MINUTES < 0 ? '-' : '+';
  const minutes = Math.abs(ZONE_OFFSET_MINUTES);
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Blogger makes a post's address from its title's first words, made unique with the time. */
function slugOf(title: string, now: Date): string {
  const words =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'post';
  return `${words}-${now.getTime().toString(36)}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'ascii').digest('base64url');
}

function token(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

function randomDigits(count: number): string {
  let digits = String(1 + ((randomBytes(1)[0] ?? 0) % 9));
  while (digits.length < count) digits += String((randomBytes(1)[0] ?? 0) % 10);
  return digits;
}
