/** A link a page announces, in its HTTP Link header or an HTML <link> element. */
export interface AnnouncedLink {
  readonly rel: string;
  readonly href: string;
  readonly type: string | null;
}

const linkHeaderEntry = /<([^>]*)>((?:\s*;\s*[a-zA-Z*-]+\s*=\s*(?:"[^"]*"|[^;,\s]*))*)/g;
const linkParameter = /;\s*([a-zA-Z*-]+)\s*=\s*(?:"([^"]*)"|([^;,\s]*))/g;
const linkElement = /<link\b[^>]*>/gi;
const htmlAttribute = /([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

/** The links of an RFC 8288 Link header, with their addresses resolved against `base`. */
export function linksFromHeader(header: string | null, base: string): AnnouncedLink[] {
  if (header === null) return [];
  const links: AnnouncedLink[] = [];
  for (const [, href = '', parameters = ''] of header.matchAll(linkHeaderEntry)) {
    const values = new Map<string, string>();
    for (const [, name = '', quoted, bare] of parameters.matchAll(linkParameter)) {
      values.set(name.toLowerCase(), quoted ?? bare ?? '');
    }
    for (const rel of (values.get('rel') ?? '').split(/\s+/).filter((value) => value !== '')) {
      const resolved = resolve(href, base);
      if (resolved !== null) links.push({ rel, href: resolved, type: values.get('type') ?? null });
    }
  }
  return links;
}

/** The <link> elements of an HTML page; only rel, href and type are read, nothing is run. */
export function linksFromHtml(html: string, base: string): AnnouncedLink[] {
  const links: AnnouncedLink[] = [];
  for (const [element] of html.matchAll(linkElement)) {
    const attributes = new Map<string, string>();
    for (const [, name = '', double, single, bare] of element.matchAll(htmlAttribute)) {
      attributes.set(name.toLowerCase(), decodeEntities(double ?? single ?? bare ?? ''));
    }
    const href = attributes.get('href');
    if (href === undefined) continue;
    const resolved = resolve(href, base);
    if (resolved === null) continue;
    for (const rel of (attributes.get('rel') ?? '').split(/\s+/).filter((value) => value !== '')) {
      links.push({ rel, href: resolved, type: attributes.get('type') ?? null });
    }
  }
  return links;
}

function resolve(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_match, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
