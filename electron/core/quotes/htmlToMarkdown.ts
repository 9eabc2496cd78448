import TurndownService from 'turndown';
import { AppError } from '../../../shared/result';
import { nestingDepth } from './htmlDepth';
import { escapeHtmlSyntax, escapeMarkdownText, trimBlankEdges } from './markdownText';
import { absoluteUrl } from './urls';

/** The part of a DOM node the rules below read; turndown's typings name the DOM's HTMLElement. */
interface ElementNode {
  readonly nodeName: string;
  readonly previousSibling: ElementNode | null;
  readonly nextSibling: ElementNode | null;
  getAttribute?(name: string): string | null;
}

function attribute(node: ElementNode, name: string): string {
  return node.getAttribute?.(name) ?? '';
}

/**
 * Google Docs wraps what it copies in <b style="font-weight:normal" id="docs-internal-guid-…">,
 * bold only in name: the paragraphs inside are plain, and its bold and italics are spans' styles.
 */
function isDocsWrapper(node: ElementNode): boolean {
  return (
    node.nodeName === 'B' &&
    (attribute(node, 'id').startsWith('docs-internal-guid-') || /font-weight:\s*normal/i.test(attribute(node, 'style')))
  );
}

const blockNames = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TABLE']);

/** A line break standing between blocks (Google Docs writes an empty paragraph so): no line of text. */
function breaksBetweenBlocks(node: ElementNode): boolean {
  if (attribute(node, 'class') === 'Apple-interchange-newline') return true;
  const before = node.previousSibling;
  const after = node.nextSibling;
  return (before === null || blockNames.has(before.nodeName)) && (after === null || blockNames.has(after.nodeName));
}

/** How a span's style shows its text: bold, italic, both or neither (how Docs and other editors mark them). */
function spanEmphasis(node: ElementNode): { readonly bold: boolean; readonly italic: boolean } {
  const style = attribute(node, 'style');
  return {
    bold: /font-weight:\s*(bold|[6-9]00)\b/i.test(style),
    italic: /font-style:\s*italic\b/i.test(style),
  };
}

/** What the figure rule reads of an element and its children. */
interface FigureNode extends ElementNode {
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<FigureNode>;
}

/**
 * Elements whose content is never part of a quoted passage: code, styling, embedded documents,
 * media without a text form, and form controls. Their text is dropped with them.
 */
const droppedElements = [
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'map',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'datalist',
] as const;

/**
 * Deeper than the selections writers copy (browsers copy from the selection's common ancestor
 * down). Conversion time grows with size times depth: 2 MB of HTML takes about a second at
 * depth 1 and four at depth 100, so hostile nesting is refused rather than converted.
 */
const maximumDepth = 100;

/**
 * Copied HTML as markdown: paragraphs, emphasis, links, lists, line breaks and headings kept.
 * Only text, link targets, image sources and titles are read from the HTML, so event handlers,
 * style and data-* attributes and comments never reach the markdown. Links and images are made
 * absolute against `baseUrl` (the page the HTML was copied from) and kept only in safe schemes;
 * text that spells HTML is escaped, so the result is inert even before the shared sanitizer runs.
 * Throws AppError('invalid-input') for HTML nested past any real page.
 */
export function htmlToMarkdown(html: string, baseUrl: string | null): string {
  if (nestingDepth(html) > maximumDepth) {
    throw new AppError('invalid-input', 'The copied HTML is nested too deeply to read. Try copying a smaller part.');
  }
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    strongDelimiter: '**',
  });
  // A text node ending in "!" right before a link would turn the link into an image: "Wow![x](…)".
  service.escape = (text: string) => escapeMarkdownText(text).replace(/!$/, '\\!');
  service.remove([...droppedElements]);
  service.addRule('docsWrapper', {
    filter: (node: ElementNode) => isDocsWrapper(node),
    replacement: (content: string) => content,
  });
  service.addRule('breakBetweenBlocks', {
    filter: (node: ElementNode) => node.nodeName === 'BR' && breaksBetweenBlocks(node),
    replacement: () => '',
  });
  service.addRule('styledSpan', {
    filter: (node: ElementNode) => {
      if (node.nodeName !== 'SPAN') return false;
      const { bold, italic } = spanEmphasis(node);
      return bold || italic;
    },
    replacement: (content: string, node: ElementNode) => {
      if (content.trim() === '') return content;
      const { bold, italic } = spanEmphasis(node);
      // Spaces stay outside the markers, where markdown reads emphasis.
      const [, before = '', inner = '', after = ''] = /^(\s*)([^]*?)(\s*)$/.exec(content) ?? [];
      const marked = `${bold ? '**' : ''}${italic ? '_' : ''}${inner}${italic ? '_' : ''}${bold ? '**' : ''}`;
      return `${before}${marked}${after}`;
    },
  });
  service.addRule('safeLink', {
    filter: 'a',
    replacement: (content: string, node: ElementNode) => {
      const href = absoluteUrl(attribute(node, 'href'), baseUrl, ['http:', 'https:', 'mailto:']);
      if (href === null || content.trim() === '') return content;
      return `[${content}](${linkDestination(href)}${linkTitle(node)})`;
    },
  });
  const image = (node: ElementNode, caption: string | null): string => {
    const source = absoluteUrl(attribute(node, 'src'), baseUrl, ['http:', 'https:']);
    if (source === null) return '';
    const alt = escapeMarkdownText(oneLine(attribute(node, 'alt')));
    return `![${alt}](${linkDestination(source)}${caption === null ? linkTitle(node) : quotedTitle(caption)})`;
  };
  service.addRule('safeImage', {
    filter: 'img',
    replacement: (_content: string, node: ElementNode) => image(node, null),
  });
  // A figure (one image, perhaps a caption) stays a figure: the image alone in its paragraph,
  // its caption as the title, which the shared renderer shows as <figure><figcaption>.
  service.addRule('figure', {
    filter: (node: FigureNode) => figureParts(node) !== null,
    replacement: (_content: string, node: FigureNode) => {
      const parts = figureParts(node);
      const markdown = parts === null ? '' : image(parts.image, parts.caption);
      return markdown === '' ? '' : `\n\n${markdown}\n\n`;
    },
  });
  return trimBlankEdges(service.turndown(html));
}

/** A URL as a markdown link destination: characters markdown would read as syntax are percent-encoded. */
function linkDestination(url: string): string {
  return url.replace(
    /[()<>\\\s]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function linkTitle(node: ElementNode): string {
  return quotedTitle(attribute(node, 'title'));
}

function quotedTitle(text: string): string {
  const title = oneLine(text);
  if (title === '') return '';
  return ` "${escapeHtmlSyntax(title.replace(/[\\"]/g, (character) => `\\${character}`))}"`;
}

/** A <figure> holding one <img> (perhaps in a link or <picture>) and at most a <figcaption>; null for any other. */
function figureParts(node: FigureNode): { readonly image: FigureNode; readonly caption: string } | null {
  if (node.nodeName !== 'FIGURE') return null;
  const images: FigureNode[] = [];
  let caption = '';
  const visit = (each: FigureNode): boolean => {
    if (each.nodeName === 'IMG') images.push(each);
    else if (each.nodeName === 'FIGCAPTION') caption = oneLine(each.textContent ?? '');
    else if (each.nodeName === '#text') return (each.textContent ?? '').trim() === '';
    else if (['A', 'PICTURE', 'SOURCE', 'DIV', 'SPAN'].includes(each.nodeName))
      return Array.from(each.childNodes).every(visit);
    else return false;
    return true;
  };
  if (!Array.from(node.childNodes).every(visit) || images.length !== 1 || images[0] === undefined) return null;
  return { image: images[0], caption };
}

function oneLine(text: string): string {
  return text.replace(/[\t\r\n ]+/g, ' ').trim();
}
