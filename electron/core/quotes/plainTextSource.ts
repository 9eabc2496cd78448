import { sourceUrlOrNull } from './urls';

/** Plain text split into the passage and the address of its source, when the text carries one. */
export interface PlainTextParts {
  readonly text: string;
  readonly url: string | null;
}

const urlToken = /^<?(https?:\/\/[^\s<>]+?)>?[.,;:!?'"\u2019\u201d]*$/i;
const trailingUrl = /(?:^|[ \t\n])(?:(?:source|via)\s*:?\s*)?<?(https?:\/\/[^\s<>]+?)>?[.,;:!?'"\u2019\u201d]*$/i;

/**
 * Finds the source address in a plain-text copy: sharing a page gives the passage with the page's
 * address on its own line before or after it, or at the very end. A link inside the passage is
 * part of what was quoted and stays where it is.
 */
export function splitSourceUrl(text: string): PlainTextParts {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  const last = lines.findLastIndex((line) => line.trim() !== '');
  if (first === -1) return { text: '', url: null };
  for (const index of new Set([last, first])) {
    const url = tokenUrl(lines[index] ?? '');
    if (url !== null) return { text: lines.filter((_line, at) => at !== index).join('\n'), url };
  }
  const body = lines.slice(0, last + 1).join('\n');
  const match = trailingUrl.exec(body.slice(-10_000));
  const url = sourceUrlOrNull(match?.[1]);
  if (match === null || url === null) return { text, url: null };
  return { text: withoutTrailingSeparator(body.slice(0, body.length - match[0].length)), url };
}

function tokenUrl(line: string): string | null {
  const match = urlToken.exec(line.trim().replace(/^(?:source|via)\s*:?\s*/i, ''));
  return sourceUrlOrNull(match?.[1]);
}

/** "A passage — https://…": the dash, bar or colon before a trailing address goes with it. */
function withoutTrailingSeparator(text: string): string {
  let end = text.length;
  while (end > 0 && ' \t\n-\u2013\u2014|:'.includes(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}
