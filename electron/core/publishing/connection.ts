import { z } from 'zod';
import type { BlogAdapter, Transport } from './blogAdapter';
import { discoverBlog } from './discovery';
import { hostOf } from './http';
import { MetaWeblogAdapter } from './metaWeblog';
import { PublishingError } from './publishingError';
import { verifyMetaWeblog, verifyWordPressRest, verifyXmlRpc, type VerifiedAccount } from './verifyAccount';
import { WordPressRestAdapter } from './wordpressRest';
import { WordPressXmlRpcAdapter } from './wordpressXmlRpc';

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
]);
export type BlogConnection = z.infer<typeof BlogConnectionSchema>;

/** The account kinds these adapters serve (the CLI's --kind wordpress|xmlrpc). */
export type WordPressFamilyKind = BlogConnection['kind'];

/**
 * Adds an account from what the writer types: discovers the blog's API at `address`, then checks
 * the credentials with one cheap call. Nothing is stored here; the caller keeps the connection
 * and puts the secret in its vault.
 */
export async function connectBlog(options: {
  readonly address: string;
  readonly kind: WordPressFamilyKind;
  readonly user: string;
  readonly secret: string;
  readonly transport: Transport;
}): Promise<{ readonly connection: BlogConnection; readonly verified: VerifiedAccount }> {
  const { kind, user, secret, transport } = options;
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
