import { z } from 'zod';
import { AppError } from '../../../shared/result';
import type { BlogAdapter, Transport } from './blogAdapter';
import { BLOGGER_API_ROOT, BloggerAdapter, verifyBlogger } from './blogger/adapter';
import { accessTokenProvider, GOOGLE_TOKEN_ENDPOINT, type GoogleOAuthClient } from './blogger/oauth';
import { discoverBlog } from './discovery';
import { GhostAdminAdapter, readGhostSite, verifyGhost } from './ghost/adminAdapter';
import { hostOf } from './http/request';
import { MetaWeblogAdapter } from './xmlrpc/metaWeblogAdapter';
import { MicropubAdapter, verifyMicropub } from './micropub/adapter';
import { discoverMicropub } from './micropub/discovery';
import { PublishingError } from './publishingError';
import { StaticConnectionSchema } from './static/connectSite';
import { gitHttpClient } from './static/gitHttpClient';
import { SiteRemote } from './static/siteRemote';
import { StaticSiteAdapter } from './static/staticSiteAdapter';
import { verifyMetaWeblog, verifyWordPressRest, verifyXmlRpc, type VerifiedAccount } from './verifyAccount';
import { WordPressRestAdapter } from './wordpress/restAdapter';
import { WordPressXmlRpcAdapter } from './xmlrpc/wordpressAdapter';

/**
 * How to reach one blog account: what discovery found, without the secret (which lives in the
 * credential vault). Plain data with a schema, so accounts can be stored and checked on load.
 */
export const BlogConnectionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('wordpress'), apiRoot: z.url(), user: z.string().min(1) }),
  z.strictObject({
    kind: z.literal('xmlrpc'),
    api: z.enum(['WordPress', 'MetaWeblog', 'Movable Type']),
    endpoint: z.url(),
    blogId: z.string().min(1),
    user: z.string().min(1),
  }),
  /** Secret: the Admin API key of a custom integration ("<id>:<hex secret>"). */
  z.strictObject({ kind: z.literal('ghost'), siteUrl: z.url() }),
  /** Secret: the IndieAuth access token. */
  z.strictObject({
    kind: z.literal('micropub'),
    siteUrl: z.url(),
    endpoint: z.url(),
    authorizationEndpoint: z.url().nullable(),
    tokenEndpoint: z.url().nullable(),
  }),
  /**
   * Secret: the Google refresh token. A refresh token only works with the OAuth client it was
   * issued to, so that client is kept with it (Google does not treat a desktop client's secret as
   * confidential).
   */
  z.strictObject({
    kind: z.literal('blogger'),
    blogId: z.string().regex(/^\d+$/),
    blogUrl: z.url(),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1).optional(),
    tokenEndpoint: z.url(),
    apiRoot: z.url(),
  }),
  /** Secret: the token (or password) the site's git remote takes; empty when it has none. */
  StaticConnectionSchema,
]);
export type BlogConnection = z.infer<typeof BlogConnectionSchema>;

/** The account kinds reached through a web API (the CLI's --kind wordpress|xmlrpc|ghost|micropub|blogger). */
export type BlogKind = Exclude<BlogConnection['kind'], 'static'>;

/** The app's Google OAuth client (from configuration), and where Blogger's API is (tests move it). */
export interface GoogleSettings extends GoogleOAuthClient {
  readonly apiRoot?: string;
}

/**
 * Adds an account from what the writer types: discovers the blog's API at `address`, then checks
 * the credentials with one cheap call. Nothing is stored here; the caller keeps the connection
 * and puts the secret in its vault.
 *
 * - wordpress, xmlrpc: `user` is the WordPress user name, `secret` an Application Password.
 * - ghost: `address` is the site; `secret` the Admin API key of a custom integration; no user.
 * - micropub: `address` is the site (its home page announces the endpoint); `secret` the
 *   IndieAuth access token; no user.
 * - blogger: `address` is the blog (https://name.blogspot.com/); `secret` the refresh token from
 *   signing in with Google (see bloggerOAuth.ts); `google` the app's OAuth client; no user.
 */
export async function connectBlog(options: {
  readonly address: string;
  readonly kind: BlogKind;
  readonly user: string;
  readonly secret: string;
  readonly transport: Transport;
  readonly google?: GoogleSettings;
}): Promise<{ readonly connection: BlogConnection; readonly verified: VerifiedAccount }> {
  const { kind, user, secret, transport } = options;
  if (kind === 'ghost') {
    const site = await readGhostSite(options.address, transport);
    const connection: BlogConnection = { kind, siteUrl: site.url };
    return { connection, verified: await verifyGhost({ siteUrl: site.url, adminApiKey: secret, transport }) };
  }
  if (kind === 'micropub') {
    const found = await discoverMicropub(options.address, transport);
    const connection: BlogConnection = {
      kind,
      siteUrl: found.siteUrl,
      endpoint: found.endpoint,
      authorizationEndpoint: found.authorizationEndpoint,
      tokenEndpoint: found.tokenEndpoint,
    };
    const verified = await verifyMicropub({
      endpoint: found.endpoint,
      siteUrl: found.siteUrl,
      token: secret,
      transport,
      ...(found.title === null ? {} : { blogName: found.title }),
    });
    return { connection, verified };
  }
  if (kind === 'blogger') return connectBlogger(options.address, secret, transport, options.google);
  const found = await discoverBlog(options.address, transport);
  const host = hostOf(found.address);
  if (kind === 'wordpress') {
    if (found.restRoot === null) {
      const hint = found.xmlRpcEndpoint === null ? '' : ' It offers XML-RPC: add it as an XML-RPC account instead.';
      throw new PublishingError('not-an-api', `${host} has no WordPress REST API.${hint}`);
    }
    const connection: BlogConnection = { kind, apiRoot: found.restRoot, user };
    const verified = await verifyWordPressRest({
      apiRoot: found.restRoot,
      user,
      applicationPassword: secret,
      transport,
    });
    return { connection, verified };
  }
  if (found.xmlRpcEndpoint === null || found.xmlRpcApi === null || found.xmlRpcApi === 'Blogger') {
    throw new PublishingError('not-an-api', `${host} announces no XML-RPC publishing API (MetaWeblog or WordPress).`);
  }
  const connection: BlogConnection = {
    kind,
    api: found.xmlRpcApi,
    endpoint: found.xmlRpcEndpoint,
    blogId: found.xmlRpcBlogId ?? '1',
    user,
  };
  const credentials = { endpoint: connection.endpoint, blogId: connection.blogId, user, password: secret, transport };
  const verified =
    connection.api === 'WordPress' ? await verifyXmlRpc(credentials) : await verifyMetaWeblog(credentials);
  return { connection, verified };
}

/** The adapter for a stored connection and its secret from the vault. */
export function createBlogAdapter(connection: BlogConnection, secret: string, transport: Transport): BlogAdapter {
  if (connection.kind === 'static') {
    const { remote } = connection.site;
    return new StaticSiteAdapter({
      site: connection.site,
      siteUrl: connection.siteUrl,
      author: connection.author,
      remote:
        remote === null
          ? null
          : new SiteRemote({
              ...remote,
              credentials: secret === '' ? null : { username: connection.user, password: secret },
              http: gitHttpClient(transport),
            }),
    });
  }
  if (connection.kind === 'ghost') {
    return new GhostAdminAdapter({ siteUrl: connection.siteUrl, adminApiKey: secret, transport });
  }
  if (connection.kind === 'micropub') {
    return new MicropubAdapter({
      endpoint: connection.endpoint,
      siteUrl: connection.siteUrl,
      token: secret,
      transport,
    });
  }
  if (connection.kind === 'blogger') {
    const client: GoogleOAuthClient = {
      clientId: connection.clientId,
      tokenEndpoint: connection.tokenEndpoint,
      ...(connection.clientSecret === undefined ? {} : { clientSecret: connection.clientSecret }),
    };
    return new BloggerAdapter({
      blogId: connection.blogId,
      accessToken: accessTokenProvider({ client, refreshToken: secret, transport }),
      transport,
      apiRoot: connection.apiRoot,
    });
  }
  if (connection.kind === 'wordpress') {
    return new WordPressRestAdapter({
      apiRoot: connection.apiRoot,
      user: connection.user,
      applicationPassword: secret,
      transport,
    });
  }
  const options = {
    endpoint: connection.endpoint,
    blogId: connection.blogId,
    user: connection.user,
    password: secret,
    transport,
  };
  return connection.api === 'WordPress' ? new WordPressXmlRpcAdapter(options) : new MetaWeblogAdapter(options);
}

async function connectBlogger(
  address: string,
  refreshToken: string,
  transport: Transport,
  google: GoogleSettings | undefined,
): Promise<{ readonly connection: BlogConnection; readonly verified: VerifiedAccount }> {
  if (google === undefined || google.clientId === '') {
    throw new AppError(
      'invalid-input',
      "Blogger needs the app's Google OAuth client id, which is missing from its configuration.",
    );
  }
  const tokenEndpoint = google.tokenEndpoint ?? GOOGLE_TOKEN_ENDPOINT;
  const apiRoot = google.apiRoot ?? BLOGGER_API_ROOT;
  const found = await verifyBlogger({
    blogUrl: /^https?:\/\//i.test(address.trim()) ? address.trim() : `https://${address.trim()}`,
    accessToken: accessTokenProvider({ client: { ...google, tokenEndpoint }, refreshToken, transport }),
    transport,
    apiRoot,
  });
  const connection: BlogConnection = {
    kind: 'blogger',
    blogId: found.blogId,
    blogUrl: found.blogUrl,
    clientId: google.clientId,
    ...(google.clientSecret === undefined ? {} : { clientSecret: google.clientSecret }),
    tokenEndpoint,
    apiRoot,
  };
  return { connection, verified: found.verified };
}
