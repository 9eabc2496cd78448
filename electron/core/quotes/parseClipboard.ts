import { limits } from '../../../shared/model/limits';
import { AppError } from '../../../shared/result';
import { firstFormat, formatNames, hasImage, normalizeFormats, type FormatMap } from './clipboardFormats';
import { readClipboardPayload } from '../../../shared/model/clipboard';
import { htmlToMarkdown } from './htmlToMarkdown';
import { plainTextToMarkdown } from './markdownText';
import { splitSourceUrl } from './plainTextSource';
import { sourceUrlOrNull } from './urls';
import { looksLikeWindowsHtml, parseWindowsHtml } from './windowsHtmlFormat';

/** What a clipboard says about a quote, before the source page is consulted. */
export interface ClipboardQuote {
  /** The copied passage as markdown; empty when only a link or bookmark was copied. */
  readonly excerpt: string;
  /** The page the passage came from, when the clipboard names one (tracking parameters removed). */
  readonly sourceUrl: string | null;
  /** The page's title, when the clipboard carries one with that URL (a bookmark or Firefox link). */
  readonly sourceTitle: string;
  /** The HTML format's content exactly as copied, kept for provenance; never rendered. */
  readonly clipboardHtml: string | null;
}

/** An address and the title that goes with it, as a bookmark or a copied link carries them. */
interface TitledLink {
  readonly url: string | null;
  readonly title: string;
}

/**
 * Reads a clipboard payload ({"formats": {name: content}}) into a quote. Pure: no network, no
 * clock. Throws AppError('invalid-input') with a message for the writer when the clipboard holds
 * nothing to quote (empty, an image only, too large, unreadable); never any other error.
 */
export function parseClipboard(input: unknown): ClipboardQuote {
  const formats = normalizeFormats(readClipboardPayload(input));
  const html = htmlOf(formats);
  const links = titledLinks(formats);
  const sourceUrl = html?.sourceUrl ?? firstUrl([...sourceUrlFormats(formats), ...links.map((link) => link.url)]);
  const fromHtml = html === null ? '' : markdownOf(html.fragment, sourceUrl, formats);
  const plain = fromHtml === '' ? plainTextOf(formats) : { text: '', url: null };
  const url = sourceUrl ?? plain.url;
  const excerpt = fromHtml === '' ? plainTextToMarkdown(plain.text) : fromHtml;
  if (excerpt === '' && url === null) throw nothingToQuote(formats);
  if (excerpt.length > limits.excerptCharacters) {
    throw new AppError('invalid-input', 'The copied passage is too long to quote. Copy a shorter passage.');
  }
  return {
    excerpt,
    sourceUrl: url,
    sourceTitle: links.find((link) => link.url !== null && link.url === url)?.title ?? '',
    clipboardHtml: html?.original ?? null,
  };
}

interface CopiedHtml {
  readonly original: string;
  readonly fragment: string;
  readonly sourceUrl: string | null;
}

function htmlOf(formats: FormatMap): CopiedHtml | null {
  const windows = firstFormat(formats, formatNames.windowsHtml);
  const html = firstFormat(formats, formatNames.html);
  const original = windows ?? html;
  if (original === null) return null;
  if (windows === null && !looksLikeWindowsHtml(original)) return { original, fragment: original, sourceUrl: null };
  const parsed = parseWindowsHtml(original);
  return { original, fragment: parsed.fragment, sourceUrl: sourceUrlOrNull(parsed.sourceUrl) };
}

function markdownOf(html: string, baseUrl: string | null, formats: FormatMap): string {
  try {
    return htmlToMarkdown(html, baseUrl);
  } catch (error) {
    // Pathological HTML (nested too deeply) cannot be converted; the plain text the browser
    // copied alongside it still can.
    if (firstFormat(formats, formatNames.plainText) !== null) return '';
    if (error instanceof AppError) throw error;
    throw new AppError('invalid-input', 'The copied HTML could not be read. Try copying the passage again.', {
      cause: error,
    });
  }
}

function plainTextOf(formats: FormatMap): { text: string; url: string | null } {
  const text = firstFormat(formats, formatNames.plainText);
  return text === null ? { text: '', url: null } : splitSourceUrl(text);
}

function sourceUrlFormats(formats: FormatMap): (string | null)[] {
  return formatNames.sourceUrl.map((name) => firstLine(formats.get(name) ?? ''));
}

function titledLinks(formats: FormatMap): TitledLink[] {
  const links: TitledLink[] = [];
  const bookmark = firstFormat(formats, formatNames.bookmark);
  if (bookmark !== null) links.push(parseBookmark(bookmark));
  const macUrl = firstFormat(formats, formatNames.macUrl);
  if (macUrl !== null) {
    links.push({
      url: sourceUrlOrNull(firstLine(macUrl)),
      title: oneLine(firstFormat(formats, formatNames.macUrlTitle) ?? ''),
    });
  }
  const mozillaUrl = firstFormat(formats, formatNames.mozillaUrl);
  if (mozillaUrl !== null) {
    const [address = '', title = ''] = mozillaUrl.replace(/\r\n?/g, '\n').split('\n');
    links.push({ url: sourceUrlOrNull(address.trim()), title: oneLine(title) });
  }
  const uriList = firstFormat(formats, formatNames.uriList);
  if (uriList !== null) links.push({ url: firstUriListUrl(uriList), title: '' });
  return links;
}

/** Electron's clipboard.readBookmark() result, {"title", "url"}, as JSON. */
function parseBookmark(json: string): TitledLink {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { url: null, title: '' };
  }
  if (typeof value !== 'object' || value === null) return { url: null, title: '' };
  const { url, title } = value as { url?: unknown; title?: unknown };
  return {
    url: typeof url === 'string' ? sourceUrlOrNull(url.trim()) : null,
    title: typeof title === 'string' ? oneLine(title) : '',
  };
}

function firstUriListUrl(list: string): string | null {
  const lines = list.split(/\r?\n/).map((line) => line.trim());
  return firstUrl(lines.filter((line) => line !== '' && !line.startsWith('#')));
}

function firstUrl(candidates: readonly (string | null)[]): string | null {
  for (const candidate of candidates) {
    const url = sourceUrlOrNull(candidate);
    if (url !== null) return url;
  }
  return null;
}

function firstLine(text: string): string {
  return (text.split(/\r?\n/, 1)[0] ?? '').trim();
}

function oneLine(text: string): string {
  return text
    .replace(/[\t\r\n ]+/g, ' ')
    .trim()
    .slice(0, limits.sourceFieldCharacters);
}

function nothingToQuote(formats: FormatMap): AppError {
  if (hasImage(formats)) {
    return new AppError(
      'invalid-input',
      'The clipboard holds an image, not text. Select the passage itself in your browser and copy it.',
    );
  }
  return new AppError('invalid-input', 'The clipboard holds no text to quote. Copy a passage in your browser first.');
}
