/** One piece of an HTML fragment at its top level: an element with all it holds, or the text between. */
export interface TopLevelPart {
  /** The element's tag name, or null for the text between elements. */
  readonly tag: string | null;
  /** The element's opening tag as written ('' for text). */
  readonly openingTag: string;
  readonly html: string;
}

const tagPattern = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>/g;
const voidTags = new Set(['br', 'hr', 'img', 'input', 'wbr']);

/**
 * Splits sanitized HTML (lowercase tags, quoted attributes, text escaped: what the shared
 * renderer makes, and what makes scanning its tags without a DOM reliable) into its top-level
 * elements and the text between them, in order; joined again they are the input, byte for byte.
 * Publishing shapes each part as the blog's editor expects (WordPress blocks, Ghost cards).
 */
export function topLevelElements(html: string): TopLevelPart[] {
  const parts: TopLevelPart[] = [];
  let depth = 0;
  let start = 0;
  let openingTag = '';
  let tag = '';
  for (const match of html.matchAll(tagPattern)) {
    const [whole, slash, name] = match;
    if (name === undefined) continue;
    if (depth === 0) {
      if (slash === '/') continue;
      if (match.index > start) parts.push({ tag: null, openingTag: '', html: html.slice(start, match.index) });
      start = match.index;
      tag = name;
      openingTag = whole;
      if (voidTags.has(name)) {
        parts.push({ tag, openingTag, html: whole });
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
      parts.push({ tag, openingTag, html: html.slice(start, end) });
      start = end;
    }
  }
  if (start < html.length) parts.push({ tag: null, openingTag: '', html: html.slice(start) });
  return parts;
}
