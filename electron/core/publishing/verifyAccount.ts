import type { Transport } from './blogAdapter';
import { basicAuthorization, hostOf, sendRequest, type HttpRequest } from './http/request';
import { readJson } from './http/responses';
import { restRoute } from './wordpress/restRoute';
import { callXmlRpc, parseAnswer } from './xmlrpc/xmlRpc';
import { BloggerUsersBlogsSchema } from './xmlrpc/metaWeblogSchemas';
import { XmlRpcProfileSchema, XmlRpcUsersBlogsSchema } from './xmlrpc/wordpressSchemas';
import { RestIndexSchema, RestUserSchema } from './wordpress/restSchemas';

/** What a writer sees after adding an account: that it works, and what it may do. */
export interface VerifiedAccount {
  readonly blogName: string;
  readonly userName: string;
  readonly canPublish: boolean;
}

/** Roles that WordPress lets publish their own posts. */
const publishingRoles = new Set(['administrator', 'editor', 'author']);

/** Checks REST credentials with one cheap authenticated call (users/me) plus the public index. */
export async function verifyWordPressRest(options: {
  readonly apiRoot: string;
  readonly user: string;
  readonly applicationPassword: string;
  readonly transport: Transport;
}): Promise<VerifiedAccount> {
  const authorization = basicAuthorization(options.user, options.applicationPassword);
  const indexRequest: HttpRequest = {
    method: 'GET',
    url: restRoute(options.apiRoot, ''),
    headers: { accept: 'application/json' },
  };
  const index = readJson(
    indexRequest,
    await sendRequest(options.transport, indexRequest),
    RestIndexSchema,
    'reading the blog',
  );
  const meRequest: HttpRequest = {
    method: 'GET',
    url: restRoute(options.apiRoot, 'wp/v2/users/me', { context: 'edit' }),
    headers: { accept: 'application/json', authorization },
  };
  const me = readJson(
    meRequest,
    await sendRequest(options.transport, meRequest),
    RestUserSchema,
    'checking the account',
  );
  return {
    blogName: index.name,
    userName: me.name,
    canPublish: me.capabilities?.['publish_posts'] === true,
  };
}

/** Checks XML-RPC credentials: the blogs they can post to, and the user's roles. */
export async function verifyXmlRpc(options: {
  readonly endpoint: string;
  readonly user: string;
  readonly password: string;
  readonly blogId?: string;
  readonly transport: Transport;
}): Promise<VerifiedAccount> {
  const { transport, endpoint, user, password } = options;
  const host = hostOf(endpoint);
  const blogs = parseAnswer(
    await callXmlRpc(transport, endpoint, 'wp.getUsersBlogs', [user, password]),
    XmlRpcUsersBlogsSchema,
    host,
    'checking the account',
  );
  const blog = blogs.find((candidate) => candidate.blogid === (options.blogId ?? candidate.blogid));
  const profile = parseAnswer(
    await callXmlRpc(transport, endpoint, 'wp.getProfile', [blog?.blogid ?? '1', user, password]),
    XmlRpcProfileSchema,
    host,
    'reading the profile',
  );
  return {
    blogName: blog?.blogName ?? host,
    userName: profile.display_name,
    canPublish: blog?.isAdmin === true || profile.roles.some((role) => publishingRoles.has(role)),
  };
}

/**
 * Checks MetaWeblog credentials with blogger.getUsersBlogs. The MetaWeblog family cannot say what
 * a user may do, so a user who may list the blog is taken to be able to publish to it.
 */
export async function verifyMetaWeblog(options: {
  readonly endpoint: string;
  readonly user: string;
  readonly password: string;
  readonly blogId: string;
  readonly transport: Transport;
}): Promise<VerifiedAccount> {
  const { transport, endpoint, user, password } = options;
  const host = hostOf(endpoint);
  // The Blogger API's application key comes first; no server checks it any more.
  const blogs = parseAnswer(
    await callXmlRpc(transport, endpoint, 'blogger.getUsersBlogs', ['', user, password]),
    BloggerUsersBlogsSchema,
    host,
    'checking the account',
  );
  const blog = blogs.find((candidate) => candidate.blogid === options.blogId);
  return { blogName: blog?.blogName ?? host, userName: user, canPublish: blog !== undefined };
}
