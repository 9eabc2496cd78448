import { HttpUrlSchema } from '../../../shared/model/draft';

/**
 * Query parameters that only tell a site where a reader came from. They are removed from links and
 * source URLs so a quote does not carry someone else's campaign tracking onto the blog.
 */
const trackingParameters =
  /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|yclid)$/i;

export type Scheme = 'http:' | 'https:' | 'mailto:';

/**
 * The URL as an absolute address in one of the allowed schemes, resolved against `base` when it is
 * relative, with tracking parameters removed; null when it cannot be made one (a relative address
 * without a base, javascript:, data:, vbscript:, or anything unparseable).
 */
export function absoluteUrl(address: string, base: string | null, schemes: readonly Scheme[]): string | null {
  // Browsers ignore ASCII control characters and surrounding spaces in URLs ("java\tscript:"), so
  // they are removed before the scheme is judged, exactly as the URL parser will read it.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here.
  const cleaned = address.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (cleaned === '') return null;
  let url: URL;
  try {
    url = base === null ? new URL(cleaned) : new URL(cleaned, base);
  } catch {
    return null;
  }
  if (!(schemes as readonly string[]).includes(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  return withoutTracking(url).href;
}

/** An http(s) URL that the Source schema accepts, or null. */
export function sourceUrlOrNull(address: string | null | undefined): string | null {
  if (address === null || address === undefined) return null;
  const url = absoluteUrl(address, null, ['http:', 'https:']);
  if (url === null) return null;
  return HttpUrlSchema.safeParse(url).success ? url : null;
}

function withoutTracking(url: URL): URL {
  const names = [...url.searchParams.keys()].filter((name) => trackingParameters.test(name));
  if (names.length === 0) return url;
  const clean = new URL(url.href);
  for (const name of names) clean.searchParams.delete(name);
  return clean;
}
