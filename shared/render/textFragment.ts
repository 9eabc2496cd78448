import { decodeHTML } from 'entities';
import type { Token } from 'marked';
import { lexMarkdown } from './markdown';

/** Words taken from each end of the excerpt: enough to be unique on a page, short enough to survive small edits. */
const WORDS_AT_EACH_END = 4;

/**
 * The source's address, opening at the quoted passage: a text fragment (#:~:text=start,end) that
 * browsers scroll to and highlight. Each term lies within one paragraph, since a browser matches
 * a term within a single block of the page. An address that already carries a text directive,
 * or an excerpt without words, gives the address unchanged.
 */
export function passageLink(url: string, excerpt: string): string {
  if (url.includes(':~:')) return url;
  const directive = textDirective(paragraphTexts(excerpt));
  if (directive === null) return url;
  return url.includes('#') ? `${url}:~:${directive}` : `${url}#:~:${directive}`;
}

function textDirective(paragraphs: readonly string[]): string | null {
  const first = paragraphs[0]?.split(' ') ?? [];
  const last = paragraphs[paragraphs.length - 1]?.split(' ') ?? [];
  if (first.length === 0) return null;
  const whole = paragraphs.length === 1 && first.length <= 2 * WORDS_AT_EACH_END;
  if (whole) return `text=${encodeTerm(first.join(' '))}`;
  const start = first.slice(0, WORDS_AT_EACH_END).join(' ');
  const end = last.slice(-WORDS_AT_EACH_END).join(' ');
  return `text=${encodeTerm(start)},${encodeTerm(end)}`;
}

/** Percent-encoded, with "-", "," and "&" encoded too: they are the directive's own syntax. */
function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

/** The excerpt's paragraphs (and list items, headings…) as plain text, one string each, spaces collapsed. */
function paragraphTexts(markdown: string): string[] {
  return lexMarkdown(markdown)
    .flatMap((token) => (token.type === 'list' ? (token.items as Token[]) : [token]))
    .map((token) => inlineText(token).replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');
}

function inlineText(token: Token): string {
  if (token.type === 'image' || token.type === 'html' || token.type === 'space' || token.type === 'def') return '';
  if (token.type === 'br') return ' ';
  const nested = 'tokens' in token ? (token.tokens as Token[] | undefined) : undefined;
  if (nested) return nested.map(inlineText).join('');
  const isText = token.type === 'text' || token.type === 'escape' || token.type === 'codespan';
  // Pasted excerpts write "<" and "&" as entities where they could start markup; the page shows the characters.
  return isText ? decodeHTML(String(token.text)) : '';
}
