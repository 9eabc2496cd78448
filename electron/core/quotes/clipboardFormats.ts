import type { ClipboardPayload } from '../../../shared/model/clipboard';

/**
 * The format names the parser reads, in lower case. Hosts pass names as their platform spells
 * them; lookups ignore case and MIME parameters ("text/plain;charset=utf-8" is "text/plain").
 */
export const formatNames = {
  /** HTML as browsers put it on the clipboard; "public.html" is its macOS type name. */
  html: ['text/html', 'public.html'],
  /** The Windows "HTML Format" (CF_HTML): a header with byte offsets and SourceURL, then HTML. */
  windowsHtml: ['html format'],
  plainText: ['text/plain', 'public.utf8-plain-text', 'text/unicode', 'utf8_string'],
  /**
   * The page a selection was copied from: Chromium on macOS ("org.chromium.source-url") and on
   * Linux ("chromium/x-source-url"), Firefox ("text/x-moz-url-priv").
   */
  sourceUrl: ['org.chromium.source-url', 'chromium/x-source-url', 'text/x-moz-url-priv'],
  /** Firefox's copied link: the URL, a line break, then its title. */
  mozillaUrl: ['text/x-moz-url'],
  /** Ours: Electron's clipboard.readBookmark() as JSON, {"title": "…", "url": "…"}. */
  bookmark: ['electron/bookmark'],
  /** macOS's URL type and the title that goes with it (what readBookmark reads). */
  macUrl: ['public.url'],
  macUrlTitle: ['public.url-name'],
  /** RFC 2483: one URL a line, "#" lines are comments; what a dropped link carries. */
  uriList: ['text/uri-list'],
} as const;

const imageFormats = /^(image\/|public\.(png|tiff|jpeg|heic)$|cf_dib|cf_bitmap|png$)/;

/** The payload's formats keyed by lower-case name without MIME parameters, their text decoded. */
export type FormatMap = ReadonlyMap<string, string>;

export function normalizeFormats(payload: ClipboardPayload): FormatMap {
  const formats = new Map<string, string>();
  for (const [name, content] of Object.entries(payload.formats)) {
    const key = normalizeFormatName(name);
    const existing = formats.get(key);
    if (existing === undefined || existing.trim() === '') formats.set(key, decodeWideText(content));
  }
  return formats;
}

function normalizeFormatName(name: string): string {
  return (name.split(';')[0] ?? '').trim().toLowerCase();
}

/** The first of the named formats that holds more than white space. */
export function firstFormat(formats: FormatMap, names: readonly string[]): string | null {
  for (const name of names) {
    const content = formats.get(name);
    if (content !== undefined && content.trim() !== '') return content;
  }
  return null;
}

/** True when the clipboard names an image format: what a screenshot or "Copy image" leaves. */
export function hasImage(formats: FormatMap): boolean {
  return [...formats.keys()].some((name) => imageFormats.test(name));
}

/**
 * Firefox writes text/x-moz-url and friends as UTF-16. A host that reads those bytes as UTF-8 or
 * Latin-1 hands us every other character as U+0000; this turns such text back into what was meant.
 */
function decodeWideText(text: string): string {
  if (!text.includes('\u0000')) return text;
  // A byte-order mark read as UTF-8 arrives as replacement characters.
  const body = text.replace(/^[\ufeff\ufffd]+/u, '');
  if (!fitsInBytes(body)) return body.replaceAll('\u0000', '');
  const bytes = Uint8Array.from(body, (character) => character.charCodeAt(0));
  return new TextDecoder('utf-16le')
    .decode(bytes)
    .replace(/^\ufeff/u, '')
    .replaceAll('\u0000', '');
}

function fitsInBytes(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    if (text.charCodeAt(index) > 0xff) return false;
  }
  return true;
}
