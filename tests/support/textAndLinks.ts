import { DomUtils, parseDocument } from 'htmlparser2';

type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Parameters<typeof DomUtils.getAttributeValue>[0];

/** What a reader gets from a post: its pieces of text and where its links and images go. */
export interface TextAndLinks {
  /** The text of each paragraph, heading, list item, citation and caption, sorted. */
  readonly text: readonly string[];
  /** Every link and image address, sorted. */
  readonly links: readonly string[];
}

const pieces = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'figcaption', 'td', 'th']);
const containers = new Set(['ul', 'ol', 'blockquote', 'table', 'figure']);

/**
 * The text and links of HTML, independent of how it is marked up: the preview's
 * <p class="quote-source"><cite>Title</cite> — byline</p> and WordPress's Quote block citation
 * <cite>Title — byline</cite> are the same piece of text. Whitespace is collapsed, and the
 * typography WordPress's wptexturize adds (curly quotes, dashes) is undone on both sides.
 */
export function textAndLinks(html: string): TextAndLinks {
  const document = parseDocument(html);
  const text: string[] = [];
  const visit = (nodes: readonly ChildNode[], parent: Element | null): void => {
    for (const node of nodes) {
      if (!DomUtils.isTag(node)) continue;
      const quoteCitation = node.name === 'cite' && parent?.name === 'blockquote';
      if (pieces.has(node.name) || quoteCitation) {
        // A loose list's item holds a paragraph: its text is the paragraph's, counted once.
        const own = node.children.filter(
          (child) => !(DomUtils.isTag(child) && (containers.has(child.name) || pieces.has(child.name))),
        );
        const words = normalize(DomUtils.textContent(own));
        if (words !== '') text.push(words);
      }
      visit(node.children, node);
    }
  };
  visit(document.children, null);
  const links = [
    ...DomUtils.findAll((element) => element.name === 'a', document.children).map((a) => a.attribs['href'] ?? ''),
    ...DomUtils.findAll((element) => element.name === 'img', document.children).map((img) => img.attribs['src'] ?? ''),
  ];
  return { text: text.sort(), links: links.sort() };
}

function normalize(text: string): string {
  return text
    .replace(/[\u2018\u2019\u2032]/g, "'")
    .replace(/[\u201c\u201d\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}
