import type { Transport } from '../blogAdapter';
import { hostOf, sendRequest, type HttpRequest } from '../http/request';
import { linksFromHeader, linksFromHtml, type AnnouncedLink } from '../http/linkRelations';
import { IndieAuthMetadataSchema } from './schemas';
import { PublishingError } from '../publishingError';
import { checkStatus, readJson } from '../http/responses';
import { blogAddress } from '../http/blogAddress';

/** What an IndieWeb site announces for publishing to it. */
export interface DiscoveredMicropub {
  /** The site's address after redirects: the `me` its tokens are issued for. */
  readonly siteUrl: string;
  /** The page's <title>, for showing the writer which blog was found. */
  readonly title: string | null;
  readonly endpoint: string;
  /** IndieAuth's endpoints, where the app signs in to get a token; null when not announced. */
  readonly authorizationEndpoint: string | null;
  readonly tokenEndpoint: string | null;
}

/**
 * Finds a site's Micropub endpoint (rel="micropub", https://www.w3.org/TR/micropub/#endpoint-discovery)
 * and its IndieAuth endpoints: rel="authorization_endpoint" and rel="token_endpoint", or the
 * rel="indieauth-metadata" document that newer IndieAuth servers announce instead. Link headers
 * come before <link> elements, as the recommendation asks.
 */
export async function discoverMicropub(address: string, transport: Transport): Promise<DiscoveredMicropub> {
  const request: HttpRequest = { method: 'GET', url: blogAddress(address), headers: { accept: 'text/html' } };
  const page = await sendRequest(transport, request);
  checkStatus(request, page);
  const links = [...linksFromHeader(page.headers.get('link'), page.url), ...linksFromHtml(page.body, page.url)];
  const endpoint = findLink(links, 'micropub');
  if (endpoint === null) {
    throw new PublishingError(
      'not-an-api',
      `${hostOf(page.url)} announces no Micropub endpoint (no rel="micropub" link). Check the address, or the site's Micropub plugin.`,
    );
  }
  let authorizationEndpoint = findLink(links, 'authorization_endpoint');
  let tokenEndpoint = findLink(links, 'token_endpoint');
  const metadata = findLink(links, 'indieauth-metadata');
  if (metadata !== null) {
    const metadataRequest: HttpRequest = { method: 'GET', url: metadata, headers: { accept: 'application/json' } };
    const found = readJson(
      metadataRequest,
      await sendRequest(transport, metadataRequest),
      IndieAuthMetadataSchema,
      'reading the IndieAuth metadata',
    );
    authorizationEndpoint = new URL(found.authorization_endpoint, metadata).toString();
    tokenEndpoint = new URL(found.token_endpoint, metadata).toString();
  }
  return { siteUrl: page.url, title: pageTitle(page.body), endpoint, authorizationEndpoint, tokenEndpoint };
}

function findLink(links: readonly AnnouncedLink[], rel: string): string | null {
  return links.find((link) => link.rel.toLowerCase() === rel)?.href ?? null;
}

function pageTitle(html: string): string | null {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
  return title === undefined || title === '' ? null : title;
}
