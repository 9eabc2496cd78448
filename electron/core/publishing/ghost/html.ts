/**
 * The preview's HTML as Ghost's Admin API should receive it (with ?source=html). Ghost turns HTML
 * into its own editor's cards and renders those for readers; a blockquote it rebuilds loses its
 * cite attribute, its inner paragraphs become <br> lines, and classes go (verified on 5.130). So
 * plain paragraphs and headings go as they are, and open as Ghost's own paragraphs and headings,
 * while everything else (the credited quote, the "via" line with its class) goes inside HTML
 * cards, the <!--kg-card-begin: html--> markers Ghost keeps as written. Readers then get the
 * preview's HTML, apart from whitespace between elements, &nbsp; spelled as an entity, and
 * ?ref=<site> added to outbound links where the blog keeps Ghost's "outbound link tagging" on.
 *
 * The input is sanitized HTML (lowercase tags, quoted attributes, text escaped), which is what
 * makes scanning its tags without a DOM reliable.
 */
export function ghostHtml(html: string): string {
  const output: string[] = [];
  let card: string[] = [];
  const closeCard = (): void => {
    if (card.length === 0) return;
    output.push(`${CARD_BEGIN}${card.join('')}${CARD_END}`);
    card = [];
  };
  for (const part of topLevelParts(html)) {
    if (part.native) {
      closeCard();
      output.push(part.html);
    } else if (part.html.trim() === '' && card.length === 0) {
      output.push(part.html);
    } else {
      card.push(part.html);
    }
  }
  closeCard();
  return output.join('');
}

export const CARD_BEGIN = '<!--kg-card-begin: html-->';
export const CARD_END = '<!--kg-card-end: html-->';

interface Part {
  /** A paragraph or heading without attributes, which Ghost keeps as it is. */
  readonly native: boolean;
  readonly html: string;
}

const tagPattern = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>/g;
const voidTags = new Set(['br', 'hr', 'img', 'input', 'wbr']);
const nativeOpening = /^<(p|h[1-6])>$/;

function topLevelParts(html: string): Part[] {
  const parts: Part[] = [];
  let depth = 0;
  let start = 0;
  let native = false;
  for (const match of html.matchAll(tagPattern)) {
    const [whole, slash, name] = match;
    if (name === undefined) continue;
    if (depth === 0) {
      if (slash === '/') continue;
      if (match.index > start) parts.push({ native: false, html: html.slice(start, match.index) });
      start = match.index;
      native = nativeOpening.test(whole);
      if (voidTags.has(name)) {
        parts.push({ native: false, html: whole });
        start = match.index + whole.length;
        continue;
      }
      depth = 1;
      continue;
    }
    if (voidTags.has(name)) continue;
    depth += slash === '/' ? -1 : 1;
    if (depth === 0) {
      const end = match.index + whole.length;
      parts.push({ native, html: html.slice(start, end) });
      start = end;
    }
  }
  if (start < html.length) parts.push({ native: false, html: html.slice(start) });
  return parts;
}
