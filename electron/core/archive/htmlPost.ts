import render from 'dom-serializer';
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import { emptySource, HttpUrlSchema, type Quote, type Source } from '../../../shared/model/draft';
import { limits } from '../../../shared/model/limits';
import { isCutMidSentence } from '../../../shared/render/quote';
import { AppError } from '../../../shared/result';
import { htmlToMarkdown } from '../quotes/htmlToMarkdown';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Parameters<typeof DomUtils.getAttributeValue>[0];

/** What a post's HTML becomes: the commentary as Markdown, and the quotes it ends with. */
export interface HtmlPost {
  readonly commentary: string;
  readonly quotes: readonly Quote[];
}

const ELLIPSIS = '\u2026';

/**
 * A published post's HTML as draft content. The credited quotes it ends with — a blockquote with a
 * cite address (or WordPress's quote block, or a Quotebacks quote), with its credit line — become
 * quotes with their sources, as Commonplace wrote them; a blockquote in the middle of the text
 * stays in the commentary, so the order of the post is kept. `sources` (a static site keeps
 * them in its front matter) complete what the HTML says, matched by address. HTML too deeply
 * nested to convert is kept as it is: Markdown holds HTML, and the renderer sanitizes it.
 */
export function htmlPost(
  html: string,
  options: { readonly baseUrl: string | null; readonly newId: () => string; readonly sources?: readonly Source[] },
): HtmlPost {
  const nodes = parseDocument(html).children.filter((node) => !isBlank(node) && node.type !== ElementType.Comment);
  const quotes: Quote[] = [];
  for (;;) {
    const found = trailingQuote(nodes, options);
    if (found === null) break;
    nodes.splice(nodes.length - found.used, found.used);
    quotes.unshift(found.quote);
  }
  return { commentary: markdown(nodes.map((node) => render(node)).join('\n'), options.baseUrl), quotes };
}

/** The quote the nodes end with, and how many nodes it took (blockquote and credit line), or null. */
function trailingQuote(
  nodes: readonly Node[],
  options: { readonly baseUrl: string | null; readonly newId: () => string; readonly sources?: readonly Source[] },
): { quote: Quote; used: number } | null {
  const last = nodes.at(-1);
  const credit = last && isCreditLine(last) ? last : null;
  const candidate = nodes.at(credit === null ? -1 : -2);
  if (candidate === undefined || !DomUtils.isTag(candidate) || candidate.name !== 'blockquote') return null;
  const source = sourceOf(candidate, credit);
  const sourceLine = DomUtils.findOne(
    (each) => each.name === 'p' && hasClass(each, 'quote-source'),
    candidate.children,
    false,
  );
  const credited = sourceLine !== null || blockCitation(candidate, null) !== null;
  if (source.url === null && credit === null && !credited && !hasClass(candidate, 'quoteback')) return null;
  const known = options.sources?.find((each) => each.url !== null && each.url === source.url);
  return {
    quote: {
      id: options.newId(),
      excerpt: excerptOf(candidate, options.baseUrl).slice(0, limits.excerptCharacters),
      source: known ? { ...source, ...known } : source,
      note: '',
      clipboardHtml: null,
    },
    used: credit === null ? 1 : 2,
  };
}

/** "via <a>Title</a>.", "Source: <em><a>Title</a></em>", or "— <a>Title</a>": a line crediting the quote above it. */
function isCreditLine(node: Node): node is Element {
  if (!DomUtils.isTag(node) || node.name !== 'p') return false;
  if (hasClass(node, 'quote-via')) return true;
  const text = DomUtils.textContent(node).trim();
  return (
    /^(via |source:|\u2014|\u2013|-- )/i.test(text) && DomUtils.findOne((each) => each.name === 'a', [node]) !== null
  );
}

function sourceOf(blockquote: Element, credit: Element | null): Source {
  const cite = httpUrl(DomUtils.getAttributeValue(blockquote, 'cite'));
  const creditLink = credit === null ? null : DomUtils.findOne((each) => each.name === 'a', [credit]);
  const innerCite = DomUtils.findOne((each) => each.name === 'cite', blockquote.children);
  const innerLink = innerCite === null ? null : DomUtils.findOne((each) => each.name === 'a', [innerCite]);
  const url =
    cite ??
    httpUrl(creditLink && DomUtils.getAttributeValue(creditLink, 'href')) ??
    httpUrl(innerLink && DomUtils.getAttributeValue(innerLink, 'href'));
  const sourceLine = DomUtils.findOne(
    (each) => each.name === 'p' && hasClass(each, 'quote-source'),
    blockquote.children,
    false,
  );
  const linkText =
    creditLink !== null
      ? DomUtils.textContent(creditLink).trim()
      : credit !== null
        ? // A source without an address is credited in plain words: "via Title."
          DomUtils.textContent(credit)
            .trim()
            .replace(/^via\s+/i, '')
            .replace(/\.$/, '')
        : null;
  // The renderer names a source with no title or site by its host; that name is not a title.
  const creditTitle = linkText !== null && url !== null && linkText === new URL(url).host ? null : linkText;
  const citation = blockCitation(blockquote, creditTitle);
  const title =
    DomUtils.getAttributeValue(blockquote, 'data-title') ??
    citation?.title ??
    (innerCite === null ? null : DomUtils.textContent(innerCite).trim()) ??
    creditTitle ??
    '';
  const citeInLine = sourceLine !== null && DomUtils.findOne((each) => each.name === 'cite', [sourceLine]) !== null;
  const lineText = sourceLine === null ? '' : DomUtils.textContent(sourceLine).trim();
  const byline = citation?.byline ?? (citeInLine ? lineText.split('\u2014').slice(1).join('\u2014').trim() : lineText);
  return {
    ...emptySource(),
    url,
    title: clip(title),
    ...bylineFields(byline, DomUtils.getAttributeValue(blockquote, 'data-author') ?? ''),
  };
}

/**
 * WordPress's Quote block keeps the whole credit line in one <cite> of its own ("Title — Rudaw,
 * yesterday at 09:51", as the publishing side writes it). The title is the via line's link text
 * when the citation starts with it, else what comes before the dash; a citation without a dash
 * or a via line is a byline alone, as the renderer writes a source with no title. Null for other
 * quotes.
 */
function blockCitation(blockquote: Element, creditTitle: string | null): { title: string; byline: string } | null {
  const cite = blockquote.children.find((child): child is Element => DomUtils.isTag(child) && child.name === 'cite');
  if (cite === undefined) return null;
  const text = DomUtils.textContent(cite).trim();
  const dash = ' \u2014 ';
  if (creditTitle !== null && creditTitle !== '' && text.startsWith(creditTitle)) {
    return { title: creditTitle, byline: text.slice(creditTitle.length).replace(/^\s*\u2014\s*/, '') };
  }
  if (!text.includes(dash)) return { title: '', byline: text };
  const [title = '', ...rest] = text.split(dash);
  return { title: title.trim(), byline: rest.join(dash).trim() };
}

/** "Rudaw, yesterday at 09:51" back into who and when, as `bylineOf` wrote it. */
function bylineFields(
  byline: string,
  dataAuthor: string,
): Pick<Source, 'author' | 'siteName' | 'publishedAt' | 'publishedAtText'> {
  const parts = byline === '' ? [] : byline.split(', ');
  const last = parts.at(-1) ?? '';
  const dated = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(last);
  const when = parts.length >= 2 ? (parts.pop() ?? '') : '';
  const [who = dataAuthor, site = ''] = parts;
  return {
    author: clip(who),
    siteName: clip(site),
    publishedAt: dated ? when : null,
    publishedAtText: dated ? '' : clip(when),
  };
}

function excerptOf(blockquote: Element, baseUrl: string | null): string {
  const kept = blockquote.children.filter(
    (node) =>
      !(DomUtils.isTag(node) && (hasClass(node, 'quote-source') || node.name === 'footer' || node.name === 'cite')),
  );
  const text = markdown(kept.map((node) => render(node)).join(''), baseUrl);
  // The renderer marks an excerpt cut mid-sentence with an ellipsis; the excerpt itself had none.
  const trimmed = text.endsWith(ELLIPSIS) ? text.slice(0, -ELLIPSIS.length) : text;
  return trimmed !== text && isCutMidSentence(trimmed) ? trimmed : text;
}

function markdown(html: string, baseUrl: string | null): string {
  try {
    return htmlToMarkdown(html, baseUrl).slice(0, limits.commentaryCharacters);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'invalid-input') return html.slice(0, limits.commentaryCharacters);
    throw error;
  }
}

function hasClass(element: Element, name: string): boolean {
  return (DomUtils.getAttributeValue(element, 'class') ?? '').split(/\s+/).includes(name);
}

function isBlank(node: Node): boolean {
  return node.type === ElementType.Text && DomUtils.textContent(node).trim() === '';
}

function httpUrl(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return HttpUrlSchema.safeParse(value.trim()).success ? value.trim() : null;
}

function clip(text: string): string {
  return text.slice(0, limits.sourceFieldCharacters);
}
