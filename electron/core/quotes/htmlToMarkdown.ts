import TurndownService from 'turndown';
import { AppError } from '../../../shared/result';
import { nestingDepth } from './htmlDepth';
import { escapeHtmlSyntax, escapeMarkdownText, trimBlankEdges } from './markdownText';
import { absoluteUrl } from './urls';

/** The part of a DOM element the rules below read; turndown's typings name the DOM's HTMLElement. */
interface ElementNode {
  getAttribute(name: string): string | null;
}

/** What the figure rule reads of an element and its children. */
interface FigureNode extends ElementNode {
  readonly nodeName: string;
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
  service.addRule('safeLink', {
    filter: 'a',
    replacement: (content: string, node: ElementNode) => {
      const href = absoluteUrl(node.getAttribute('href') ?? '', baseUrl, ['http:', 'https:', 'mailto:']);
      if (href === null || content.trim() === '') return content;
      return `[${content}](${linkDestination(href)}${linkTitle(node)})`;
    },
  });
  const image = (node: ElementNode, caption: string | null): string => {
    const source = absoluteUrl(node.getAttribute('src') ?? '', baseUrl, ['http:', 'https:']);
    if (source === null) return '';
    const alt = escapeMarkdownText(oneLine(node.getAttribute('alt') ?? ''));
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
  return quotedTitle(node.getAttribute('title') ?? '');
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
