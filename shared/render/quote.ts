import type { AttributionStyle } from '../model/accountChoices';
import type { Quote, Source } from '../model/draft';
import { markTextDirection } from './direction';
import { escapeHtml } from './escape';
import { renderMarkdown } from './markdown';
import { passageLink } from './textFragment';

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

function viaLine(source: Source, href: string | null): string {
  const name = escapeHtml(sourceName(source));
  if (!href) return name ? `<p class="quote-via">via ${name}.</p>\n` : '';
  return `<p class="quote-via">via <a href="${escapeHtml(href)}">${name}</a>.</p>\n`;
}

/** Per-blog choices about how a post is rendered. */
export interface RenderOptions {
  /** "via" when not said. */
  readonly attribution?: AttributionStyle;
  /** Whether the link to the source opens it at the quoted passage (a text fragment). */
  readonly linkToPassage?: boolean;
}

function sourceCredit(source: Source, href: string | null): string {
  const name = escapeHtml(sourceName(source));
  if (!name) return '';
  const named = href ? `<a href="${escapeHtml(href)}">${name}</a>` : name;
  return `<p class="quote-via">Source: <em>${named}</em></p>\n`;
}

function quoteback(quote: Quote, body: string, href: string | null): string {
  const { source } = quote;
  const who = source.author || source.siteName;
  const attributes = [
    'class="quoteback"',
    `data-title="${escapeHtml(sourceName(source))}"`,
    `data-author="${escapeHtml(who)}"`,
    source.url ? `cite="${escapeHtml(source.url)}"` : '',
  ].filter((attribute) => attribute !== '');
  const link = href ? `<cite><a href="${escapeHtml(href)}">${escapeHtml(sourceName(source))}</a></cite>` : '';
  const footer = `<footer>${escapeHtml(who)}${who && link ? ' ' : ''}${link}</footer>\n`;
  return `<blockquote ${attributes.join(' ')}>\n${body}${footer}</blockquote>\n`;
}

/**
 * A quote as a credited blockquote, in the blog's attribution style ("via" by default). The cite
 * attribute always names the source itself; only the link a reader follows may open the passage.
 */
export function renderQuote(quote: Quote, options: RenderOptions = {}): string {
  return markTextDirection(creditedQuote(quote, options));
}

function creditedQuote(quote: Quote, options: RenderOptions): string {
  const style = options.attribution ?? 'via';
  const { url } = quote.source;
  const href = url && options.linkToPassage ? passageLink(url, quote.excerpt) : url;
  const body = renderMarkdown(excerptAsPublished(quote.excerpt));
  if (style === 'quoteback') return quoteback(quote, body, href);
  const cite = url ? ` cite="${escapeHtml(url)}"` : '';
  const credit = style === 'source' ? sourceCredit(quote.source, href) : viaLine(quote.source, href);
  return `<blockquote${cite}>\n${sourceLine(quote.source)}${body}</blockquote>\n${credit}`;
}
