import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import type { Transport } from './blogAdapter';
import { hostOf, sendRequest, type HttpRequest } from './http/request';
import { linksFromHeader, linksFromHtml, type AnnouncedLink } from './http/linkRelations';
import { PublishingError } from './publishingError';
import { checkStatus } from './http/responses';
import { restRoute } from './wordpress/restRoute';
import { RestIndexSchema } from './wordpress/restSchemas';
import { blogAddress } from './http/blogAddress';

/** The APIs a blog announces. */
export interface DiscoveredBlog {
  /** The blog's address after redirects (e.g. http → https). */
  readonly address: string;
  /** WordPress REST root (".../wp-json/" or ".../?rest_route=/"), or null. */
  readonly restRoot: string | null;
  /** XML-RPC endpoint announced through RSD, or null. */
  readonly xmlRpcEndpoint: string | null;
  /** The blog id RSD names for the XML-RPC API ("1" on WordPress). */
  readonly xmlRpcBlogId: string | null;
  /**
   * Which XML-RPC API RSD announced, most capable first: "WordPress" (use WordPressXmlRpcAdapter),
   * else "MetaWeblog" or "Movable Type" (use MetaWeblogAdapter); "Blogger" alone cannot publish titles.
   */
  readonly xmlRpcApi: XmlRpcApi | null;
}

export type XmlRpcApi = 'WordPress' | 'MetaWeblog' | 'Movable Type' | 'Blogger';

const WORDPRESS_API = 'https://api.w.org/';
const rsdParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true });
const RsdApiSchema = z.object({
  name: z.string(),
  apiLink: z.string(),
  blogID: z.union([z.string(), z.number()]).transform(String).optional(),
  preferred: z.string().optional(),
});
const RsdSchema = z.object({
  rsd: z.object({ service: z.object({ apis: z.object({ api: z.union([RsdApiSchema, z.array(RsdApiSchema)]) }) }) }),
});
/** RSD names, most preferred first; "WordPress" is the wp.* API, a superset of MetaWeblog. */
const xmlRpcApis: readonly XmlRpcApi[] = ['WordPress', 'MetaWeblog', 'Movable Type', 'Blogger'];

/**
 * Finds a blog's publishing APIs from the address a writer types: WordPress REST through the
 * Link header rel="https://api.w.org/" (or the same <link> in the page), with the ?rest_route=
 * form as fallback, and XML-RPC through RSD (<link rel="EditURI">).
 */
export async function discoverBlog(address: string, transport: Transport): Promise<DiscoveredBlog> {
  const start = blogAddress(address);
  const request: HttpRequest = { method: 'GET', url: start, headers: { accept: 'text/html' } };
  const page = await sendRequest(transport, request);
  checkStatus(request, page);
  const links = [...linksFromHeader(page.headers.get('link'), page.url), ...linksFromHtml(page.body, page.url)];
  const restRoot = findLink(links, WORDPRESS_API) ?? (await probeQueryRoute(transport, page.url));
  const rsd = findLink(links, 'EditURI');
  const xmlRpc = rsd === null ? null : await readRsd(transport, rsd);
  if (restRoot === null && xmlRpc === null) {
    throw new PublishingError(
      'not-an-api',
      `No blog publishing API was found at ${hostOf(page.url)}. Check the address; for WordPress, it is the blog's home page.`,
    );
  }
  return {
    address: page.url,
    restRoot,
    xmlRpcEndpoint: xmlRpc?.endpoint ?? null,
    xmlRpcBlogId: xmlRpc?.blogId ?? null,
    xmlRpcApi: xmlRpc?.api ?? null,
  };
}

function findLink(links: readonly AnnouncedLink[], rel: string): string | null {
  return links.find((link) => link.rel.toLowerCase() === rel.toLowerCase())?.href ?? null;
}

/**
 * Sites that hide the Link header still answer the REST index at ?rest_route=/, relative to the
 * blog's address so that a WordPress in a folder (example.com/blog/) is found too.
 */
async function probeQueryRoute(transport: Transport, address: string): Promise<string | null> {
  const root = new URL('?rest_route=/', address).toString();
  const request: HttpRequest = { method: 'GET', url: restRoute(root, ''), headers: { accept: 'application/json' } };
  try {
    const response = await sendRequest(transport, request);
    if (response.status !== 200) return null;
    const index = RestIndexSchema.safeParse(JSON.parse(response.body));
    return index.success && index.data.namespaces.includes('wp/v2') ? root : null;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    if (error instanceof PublishingError && !error.retryable) return null;
    throw error;
  }
}

async function readRsd(
  transport: Transport,
  url: string,
): Promise<{ endpoint: string; blogId: string | null; api: XmlRpcApi } | null> {
  const request: HttpRequest = { method: 'GET', url, headers: { accept: 'application/rsd+xml, text/xml' } };
  const response = await sendRequest(transport, request);
  checkStatus(request, response);
  if (/<!doctype/i.test(response.body)) return null;
  let document: unknown;
  try {
    document = rsdParser.parse(response.body);
  } catch {
    return null;
  }
  const parsed = RsdSchema.safeParse(document);
  if (!parsed.success) return null;
  const listed = parsed.data.rsd.service.apis.api;
  const apis = Array.isArray(listed) ? listed : [listed];
  for (const name of xmlRpcApis) {
    const api = apis.find((candidate) => candidate.name === name);
    if (api) return { endpoint: new URL(api.apiLink, response.url).toString(), blogId: api.blogID ?? null, api: name };
  }
  return null;
}
