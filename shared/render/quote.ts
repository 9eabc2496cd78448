import type { Quote, Source } from '../model/draft';
import { escapeHtml } from './escape';
import { renderMarkdown } from './markdown';

const ELLIPSIS = '\u2026';
const endsASentence = /[.!?\u2026:;'"\u2019\u201d)\]*_`]$/u;

/** True when the excerpt stops mid-sentence, as copied excerpts often do. */
export function isCutMidSentence(excerpt: string): boolean {
  const text = excerpt.trimEnd();
  return text !== '' && !endsASentence.test(text);
}

/** The excerpt as published: marked with an ellipsis where it was cut mid-sentence. */
export function excerptAsPublished(excerpt: string): string {
  const text = excerpt.trimEnd();
  return isCutMidSentence(text) ? text + ELLIPSIS : text;
}

/** "Rudaw, yesterday at 09:51": who wrote it and when, as one line. */
export function bylineOf(source: Source): string {
  const who = source.author || source.siteName;
  const site = source.siteName && source.siteName !== who ? source.siteName : '';
  const when = source.publishedAt ?? source.publishedAtText;
  return [who, site, when].filter((part) => part !== '').join(', ');
}

/** The name a "via" link shows: the source's title, else its site, else its host. */
export function sourceName(source: Source): string {
  if (source.title) return source.title;
  if (source.siteName) return source.siteName;
  if (source.url) return new URL(source.url).host;
  return '';
}

function sourceLine(source: Source): string {
  const title = source.title ? `<cite>${escapeHtml(source.title)}</cite>` : '';
  const byline = escapeHtml(bylineOf(source));
  const line = [title, byline].filter((part) => part !== '').join(' \u2014 ');
  return line ? `<p class="quote-source">${line}</p>\n` : '';
}

function viaLine(source: Source): string {
  const name = escapeHtml(sourceName(source));
  if (!source.url) return name ? `<p class="quote-via">via ${name}.</p>\n` : '';
  return `<p class="quote-via">via <a href="${escapeHtml(source.url)}">${name}</a>.</p>\n`;
}

/** A quote as a credited blockquote, followed by its "via" line. */
export function renderQuote(quote: Quote): string {
  const cite = quote.source.url ? ` cite="${escapeHtml(quote.source.url)}"` : '';
  const body = renderMarkdown(excerptAsPublished(quote.excerpt));
  return `<blockquote${cite}>\n${sourceLine(quote.source)}${body}</blockquote>\n${viaLine(quote.source)}`;
}
