import type { DraftContent, Quote } from '../../../shared/model/draft';
import { bylineOf, sourceName } from '../../../shared/render/quote';
import { AppError } from '../../../shared/result';

/**
 * A draft's commentary and quotes as one Markdown text: the commentary, then each quote's excerpt
 * as a blockquote (every line marked "> ", so the excerpt comes back exactly) followed by a credit
 * line. What a generator renders, and what an export holds; the quotes' sources themselves live
 * in the front matter, so `splitMarkdownBody` gives back exactly what went in.
 */
export function markdownBody(content: Pick<DraftContent, 'commentary' | 'quotes'>): string {
  const groups = content.quotes.map((quote) => `${blockquote(quote.excerpt)}\n\n${creditLine(quote)}`);
  return `${[content.commentary, ...groups].join('\n\n')}\n`;
}

/**
 * The commentary and the excerpts of `quoteCount` quotes from a text `markdownBody` wrote.
 * Throws AppError('invalid-input') when the text no longer ends in that many quotes.
 */
export function splitMarkdownBody(
  body: string,
  quoteCount: number,
  name: string,
): { commentary: string; excerpts: string[] } {
  const broken = (): AppError =>
    new AppError(
      'invalid-input',
      `${name}: its front matter lists ${quoteCount} quote${quoteCount === 1 ? '' : 's'}, but its text does not end with that many quoted excerpts ("> " lines, then a credit line).`,
    );
  const normalised = body.replace(/\r\n/g, '\n');
  const lines = (normalised.endsWith('\n') ? normalised.slice(0, -1) : normalised).split('\n');
  const excerpts: string[] = [];
  for (let index = 0; index < quoteCount; index += 1) {
    const credit = lines.pop();
    const blank = lines.pop();
    if (credit === undefined || !credit.startsWith('\u2014') || blank !== '') throw broken();
    const quoted: string[] = [];
    while (lines.length > 0 && (lines.at(-1) ?? '').startsWith('>')) quoted.unshift(lines.pop() ?? '');
    if (quoted.length === 0 || lines.pop() !== '') throw broken();
    excerpts.unshift(quoted.map((line) => (line === '>' ? '' : line.replace(/^> /, ''))).join('\n'));
  }
  return { commentary: lines.join('\n'), excerpts };
}

function blockquote(excerpt: string): string {
  return excerpt
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** "— [Title](url), Author, date": who the quote is from, for a reader of the Markdown. */
function creditLine(quote: Quote): string {
  const { source } = quote;
  const name = sourceName(source).replace(/([[\]\\])/g, '\\$1');
  const linked = source.url && name ? `[${name}](<${source.url}>)` : name;
  const byline = bylineOf(source);
  const credit = [linked, byline].filter((part) => part !== '').join(', ');
  return `\u2014 ${credit === '' ? 'source not given' : credit}`.replace(/\n/g, ' ');
}
