import { html as htmlSpec } from 'parse5';
import { attribute, isElement, removeNode, setAttribute, unwrap, type Element, type ParentNode } from './dom';

const { NS } = htmlSpec;
const XLINK_NAMESPACE: string = NS.XLINK;
const XML_NAMESPACE: string = NS.XML;

/** HTML elements a theme page keeps: structure, text and tables; nothing that loads, runs or submits. */
const HTML_ELEMENTS = new Set([
  'html',
  'head',
  'body',
  'title',
  'meta',
  'style',
  'a',
  'abbr',
  'address',
  'article',
  'aside',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'button',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'data',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'label',
  'li',
  'main',
  'mark',
  'menu',
  'nav',
  'ol',
  'option',
  'p',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'search',
  'section',
  'select',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'wbr',
]);

/** Elements kept for what they hold: a form's fields stay as they look, the form goes. */
const HTML_UNWRAPPED = new Set(['form', 'noscript', 'picture', 'font', 'center', 'fieldset', 'legend', 'big', 'tt']);

/** SVG drawing elements; nothing that fetches (image, feImage, use of another file), runs or animates. */
const SVG_ELEMENTS = new Set([
  'svg',
  'g',
  'path',
  'circle',
  'ellipse',
  'line',
  'polygon',
  'polyline',
  'rect',
  'title',
  'desc',
  'defs',
  'symbol',
  'use',
  'linearGradient',
  'radialGradient',
  'stop',
  'clipPath',
  'mask',
  'text',
  'tspan',
]);

const GLOBAL_ATTRIBUTES = new Set(['class', 'id', 'role', 'lang', 'dir', 'title', 'hidden', 'style', 'translate']);
const HTML_ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
  a: new Set(['href', 'rel']),
  img: new Set(['src', 'alt', 'width', 'height']),
  ol: new Set(['start', 'reversed', 'type']),
  li: new Set(['value']),
  td: new Set(['colspan', 'rowspan', 'headers', 'align', 'valign', 'width']),
  th: new Set(['colspan', 'rowspan', 'headers', 'scope', 'align', 'valign', 'width']),
  col: new Set(['span', 'width']),
  colgroup: new Set(['span', 'width']),
  table: new Set(['border', 'cellpadding', 'cellspacing', 'width', 'align']),
  time: new Set(['datetime']),
  data: new Set(['value']),
  details: new Set(['open']),
  input: new Set(['type', 'value', 'placeholder', 'checked', 'disabled', 'readonly', 'size']),
  button: new Set(['type', 'disabled']),
  label: new Set(['for']),
  select: new Set(['disabled']),
  option: new Set(['value', 'selected', 'disabled']),
  meta: new Set(['charset']),
};
const INPUT_TYPES = new Set(['text', 'search', 'email', 'submit', 'button', 'checkbox', 'radio', 'reset']);

/** Attributes of our own; the page's copies are dropped so that only the snapshot sets them. */
const RESERVED_ATTRIBUTE = /^data-commonplace/;

/**
 * Makes a blog's page inert, keeping how it looks: an allowlist of elements and attributes, links
 * that only ever open a new window on a web or mail address, no comments. What loads (style
 * elements, style attributes, images) is left for the asset pass to inline or drop; everything
 * else that could load, run, submit, navigate or redirect is gone. The frame's sandbox and policy
 * stop the same things again: this is the first of three layers, and the only one that removes
 * a meta refresh or a <link rel=dns-prefetch>, which no policy covers.
 */
export function sanitizePage(root: ParentNode, pageUrl: string): void {
  for (const child of [...root.childNodes]) {
    if (child.nodeName === '#comment') removeNode(child);
    else if (isElement(child)) sanitizeElement(child, pageUrl);
  }
}

function sanitizeElement(element: Element, pageUrl: string): void {
  const verdict = verdictFor(element);
  if (verdict === 'drop') {
    removeNode(element);
    return;
  }
  sanitizePage(element, pageUrl);
  if (verdict === 'unwrap') {
    unwrap(element);
    return;
  }
  element.attrs = element.attrs.filter((each) => keepsAttribute(element, each.name, each.value, each.namespace));
  if (element.namespaceURI === NS.HTML && element.tagName === 'a') rewriteLink(element, pageUrl);
}

function verdictFor(element: Element): 'keep' | 'unwrap' | 'drop' {
  if (element.namespaceURI === NS.SVG) return SVG_ELEMENTS.has(element.tagName) ? 'keep' : 'drop';
  if (element.namespaceURI !== NS.HTML) return 'drop';
  const name = element.tagName;
  if (name === 'meta') return attribute(element, 'charset') === null ? 'drop' : 'keep';
  if (name === 'input') return INPUT_TYPES.has((attribute(element, 'type') ?? 'text').toLowerCase()) ? 'keep' : 'drop';
  if (HTML_ELEMENTS.has(name)) return 'keep';
  if (HTML_UNWRAPPED.has(name)) return 'unwrap';
  // A custom element (a hyphen in its name) is inert without its script; the theme may style it.
  if (name.includes('-') && /^[a-z][a-z0-9-]*$/.test(name)) return 'keep';
  return 'drop';
}

function keepsAttribute(element: Element, name: string, value: string, namespace: string | undefined): boolean {
  if (RESERVED_ATTRIBUTE.test(name) || /^on/i.test(name)) return false;
  if (element.namespaceURI === NS.SVG) return keepsSvgAttribute(element, name, value, namespace);
  if (namespace !== undefined) return false;
  if (GLOBAL_ATTRIBUTES.has(name) || /^aria-[a-z-]+$/.test(name) || /^data-[a-z0-9-]+$/.test(name)) return true;
  return HTML_ATTRIBUTES[element.tagName]?.has(name) ?? false;
}

/** SVG keeps its drawing attributes; references only within the page (`#id`), never to a file. */
function keepsSvgAttribute(element: Element, name: string, value: string, namespace: string | undefined): boolean {
  if (name === 'href' || (namespace === XLINK_NAMESPACE && name === 'xlink:href')) {
    return element.tagName === 'use' && /^#[\w-]+$/.test(value.trim());
  }
  if (namespace !== undefined && namespace !== XML_NAMESPACE) return false;
  if (/url\s*\(/i.test(value) && !/^url\(\s*['"]?#[\w-]+['"]?\s*\)$/i.test(value.trim())) return false;
  return !/^(begin|end|dur|repeatCount|to|from|values|by|attributeName)$/i.test(name);
}

const STYLED_RELATIONS = new Set(['tag', 'category', 'author', 'bookmark', 'nofollow', 'ugc', 'external']);

/** Web and mail links open in a new window (which the host hands to the system); in-page links stay. */
function rewriteLink(link: Element, pageUrl: string): void {
  const href = attribute(link, 'href');
  // Relations a theme styles by (rel=tag) stay; any that fetch or hand over (prefetch, opener) go.
  const relations = (attribute(link, 'rel') ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => STYLED_RELATIONS.has(word));
  link.attrs = link.attrs.filter((each) => each.name !== 'href' && each.name !== 'rel');
  if (relations.length > 0) setAttribute(link, 'rel', relations.join(' '));
  if (href === null) return;
  const trimmed = href.trim();
  if (/^#[^\s]*$/.test(trimmed)) {
    setAttribute(link, 'href', trimmed);
    return;
  }
  let url: URL;
  try {
    url = new URL(trimmed, pageUrl);
  } catch {
    return;
  }
  if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return;
  setAttribute(link, 'href', url.href);
  setAttribute(link, 'target', '_blank');
  setAttribute(link, 'rel', [...relations, 'noopener', 'noreferrer'].join(' '));
}
