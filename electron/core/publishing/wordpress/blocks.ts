import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import { DomUtils, parseDocument } from 'htmlparser2';

type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Parameters<typeof DomUtils.getAttributeValue>[0];
import { z } from 'zod';
import { textDirection } from '../../../../shared/text/direction';
import type { ClientIdentity } from '../blogAdapter';

/**
 * The shared renderer's HTML as WordPress core blocks, so that the theme styles each part as what
 * it is and the post opens in the block editor as blocks a writer can edit: paragraphs, headings,
 * lists, code, images, separators and quotes become their core blocks, in the markup each block's
 * save function makes (WordPress 6.1, whose formats later versions read through their
 * deprecations); anything else (tables, Quotebacks) stays HTML in a Custom HTML block.
 *
 * A credited quote becomes a Quote block: the excerpt as its inner blocks, the source line as its
 * citation (the <cite> inside the quote, where the Quote block keeps it), and the "via" line a
 * paragraph of its own after it. The blockquote's cite attribute goes, since the Quote block does
 * not keep it; the source's address stays in the via line. So readers get the preview's text and
 * links, with WordPress's classes.
 *
 * The client identity rides as an attribute in the first block's delimiter comment (its metadata),
 * which WordPress strips before readers see the post, and its search finds in the stored markup.
 *
 * The input is sanitized HTML (lowercase tags, quoted attributes, text escaped).
 */
export function wordPressBlocks(html: string, identity?: ClientIdentity): string {
  const source = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const blocks = new Converter(html).blocks(source.children);
  if (identity === undefined) return blocks.map(serialize).join('\n\n');
  const metadata = { commonplace: identity };
  const [first, ...rest] = blocks;
  // A post without a body still carries its identity: an empty Custom HTML block shows readers nothing.
  const stamped = first
    ? { ...first, attributes: { ...first.attributes, metadata } }
    : emptyBlock('html', { metadata });
  return [stamped, ...rest].map(serialize).join('\n\n');
}

/** The client identity stamped on block markup by `wordPressBlocks`, or null. */
export function identityInBlocks(markup: string): ClientIdentity | null {
  const [first] = parseBlocks(markup).filter((block) => block.blockName !== null);
  return IdentitySchema.safeParse(first?.attrs).data?.metadata.commonplace ?? null;
}

const IdentitySchema = z.object({ metadata: z.object({ commonplace: z.string().regex(/^[a-z0-9-]+$/) }) });

/** One block to be serialized: its name, the attributes its comment carries, and its HTML. */
interface Block {
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** The block's HTML, with the markers where its inner blocks go; null for a self-closing block. */
  readonly html: readonly (string | Block)[] | null;
}

function emptyBlock(name: string, attributes: Readonly<Record<string, unknown>> = {}): Block {
  return { name, attributes, html: null };
}

function serialize(block: Block): string {
  const json = Object.keys(block.attributes).length === 0 ? '' : ` ${serializeAttributes(block.attributes)}`;
  if (block.html === null) return `<!-- wp:${block.name}${json} /-->`;
  const inner = block.html.map((part) => (typeof part === 'string' ? part : serialize(part))).join('');
  return `<!-- wp:${block.name}${json} -->${inner}<!-- /wp:${block.name} -->`;
}

/** JSON that cannot end the comment or be read as markup, escaped as WordPress's own serializer does. */
function serializeAttributes(attributes: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(attributes)
    .replaceAll('--', '\\u002d\\u002d')
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\\"', '\\u0022');
}

const headingLevel = /^h([1-6])$/;

/** Walks the parsed HTML, slicing the original text so that every character of content is kept as written. */
class Converter {
  readonly #html: string;

  constructor(html: string) {
    this.#html = html;
  }

  blocks(nodes: readonly ChildNode[]): Block[] {
    const blocks: Block[] = [];
    for (const node of meaningful(nodes)) {
      blocks.push(DomUtils.isTag(node) ? this.#block(node) : this.#rawBlock(node));
    }
    return blocks;
  }

  #block(element: Element): Block {
    const level = headingLevel.exec(element.name)?.[1];
    if (level !== undefined) return this.#heading(element, Number(level));
    switch (element.name) {
      case 'p':
        return this.#image(element) ?? this.#paragraph(element);
      case 'ul':
      case 'ol':
        return this.#list(element) ?? this.#rawBlock(element);
      case 'blockquote':
        return this.#quote(element) ?? this.#rawBlock(element);
      case 'pre':
        return this.#code(element) ?? this.#rawBlock(element);
      case 'figure':
        return this.#image(element) ?? this.#rawBlock(element);
      case 'hr':
        return {
          name: 'separator',
          attributes: {},
          html: ['<hr class="wp-block-separator has-alpha-channel-opacity"/>'],
        };
      default:
        return this.#rawBlock(element);
    }
  }

  /** Kept exactly as it is, in a Custom HTML block. */
  #rawBlock(node: ChildNode): Block {
    return { name: 'html', attributes: {}, html: [this.#outer(node)] };
  }

  #paragraph(element: Element): Block {
    const className = element.attribs['class'];
    const rtl = this.#isRightToLeft(element);
    const attributes = { ...(className ? { className } : {}), ...(rtl ? { direction: 'rtl' } : {}) };
    const opening = `<p${className ? ` class="${className}"` : ''}${rtl ? ' dir="rtl"' : ''}>`;
    return { name: 'paragraph', attributes, html: [`${opening}${this.#inner(element)}</p>`] };
  }

  /** Headings have no direction in WordPress: a right-to-left one is aligned to the right. */
  #heading(element: Element, level: number): Block {
    const rtl = this.#isRightToLeft(element);
    const attributes = { ...(level === 2 ? {} : { level }), ...(rtl ? { textAlign: 'right' } : {}) };
    const opening = `<h${level}${rtl ? ' class="has-text-align-right"' : ''}>`;
    return { name: 'heading', attributes, html: [`${opening}${this.#inner(element)}</h${level}>`] };
  }

  /**
   * A list of list-item blocks, with nested lists as inner lists. A loose list's items hold one
   * paragraph each, which the item's text takes; items holding more than that (several paragraphs,
   * a quote, a task's checkbox) keep the whole list as HTML.
   */
  #list(element: Element): Block | null {
    const ordered = element.name === 'ol';
    const start = element.attribs['start'];
    const items: Block[] = [];
    for (const child of meaningful(element.children)) {
      if (!DomUtils.isTag(child) || child.name !== 'li') return null;
      const item = this.#listItem(child);
      if (!item) return null;
      items.push(item);
    }
    const attributes = { ...(ordered ? { ordered: true } : {}), ...(start ? { start: Number(start) } : {}) };
    const tag = ordered ? 'ol' : 'ul';
    return { name: 'list', attributes, html: [`<${tag}${start ? ` start="${start}"` : ''}>`, ...items, `</${tag}>`] };
  }

  #listItem(item: Element): Block | null {
    const children = meaningful(item.children);
    const firstNested = children.findIndex(
      (child) => DomUtils.isTag(child) && (child.name === 'ul' || child.name === 'ol'),
    );
    const own = firstNested === -1 ? children : children.slice(0, firstNested);
    const nested = firstNested === -1 ? [] : children.slice(firstNested);
    const [only] = own;
    const paragraph = own.length === 1 && only !== undefined && DomUtils.isTag(only) && only.name === 'p' ? only : null;
    if (!paragraph && own.some((child) => DomUtils.isTag(child) && isBlockElement(child.name))) return null;
    const lists: Block[] = [];
    for (const list of nested) {
      // A list item's own text comes before its nested lists; anything after them is not a list item's shape.
      const block = DomUtils.isTag(list) && (list.name === 'ul' || list.name === 'ol') ? this.#list(list) : null;
      if (!block) return null;
      lists.push(block);
    }
    const text = paragraph ? this.#inner(paragraph) : this.#slice(own).trim();
    return { name: 'list-item', attributes: {}, html: ['<li>', text, ...lists, '</li>'] };
  }

  /**
   * A Quote block around the blockquote's content as inner blocks. The preview's source line (its
   * first paragraph, class quote-source) becomes the citation; the title's <cite> inside it becomes
   * plain text, since a citation is one <cite>.
   */
  #quote(element: Element): Block | null {
    if (element.attribs['class'] === 'quoteback') return null;
    const children = meaningful(element.children);
    const [first] = children;
    const sourceLine =
      first !== undefined && DomUtils.isTag(first) && first.name === 'p' && first.attribs['class'] === 'quote-source';
    const citation = sourceLine ? this.#citation(first) : '';
    const inner = this.blocks(sourceLine ? children.slice(1) : children);
    const html: (string | Block)[] = ['<blockquote class="wp-block-quote">', ...inner];
    if (citation !== '') html.push(`<cite>${citation}</cite>`);
    html.push('</blockquote>');
    return { name: 'quote', attributes: {}, html };
  }

  #citation(line: Element): string {
    return line.children
      .map((child) => (DomUtils.isTag(child) && child.name === 'cite' ? this.#inner(child) : this.#outer(child)))
      .join('');
  }

  /**
   * A code block from <pre><code>: the language class goes (the Code block has none), and "[" and
   * a line that is only a link are escaped as the Code block does, so WordPress neither runs a
   * shortcode nor embeds a link that the writer meant as code.
   */
  #code(element: Element): Block | null {
    const [code, ...others] = element.children;
    if (others.length > 0 || !(code !== undefined && DomUtils.isTag(code)) || code.name !== 'code') return null;
    const text = this.#inner(code)
      .replace(/\[/g, '&#91;')
      .replace(/^(\s*https?:)\/\/([^\s<>"]+\s*)$/m, '$1&#47;&#47;$2');
    return { name: 'code', attributes: {}, html: [`<pre class="wp-block-code"><code>${text}</code></pre>`] };
  }

  /**
   * An Image block from a paragraph or figure that holds only an image (a link around it allowed),
   * with a figure's caption. Anything else around the image keeps the element as it is.
   */
  #image(element: Element): Block | null {
    const children = meaningful(element.children);
    const [picture, caption, ...rest] = children;
    if (rest.length > 0 || !(picture !== undefined && DomUtils.isTag(picture))) return null;
    if (caption && !(element.name === 'figure' && DomUtils.isTag(caption) && caption.name === 'figcaption'))
      return null;
    const link = picture.name === 'a' ? picture : null;
    const linked = link && meaningful(link.children);
    const image = link ? (linked?.length === 1 ? linked[0] : undefined) : picture;
    if (!(image !== undefined && DomUtils.isTag(image)) || image.name !== 'img') return null;
    const { src, alt, title, width, height } = image.attribs;
    if (!src) return null;
    const size = { ...(width ? { width: Number(width) } : {}), ...(height ? { height: Number(height) } : {}) };
    if (Object.values(size).some((value) => !Number.isInteger(value))) return null;
    const img = [
      `<img src="${src}" alt="${alt ?? ''}"`,
      width ? ` width="${width}"` : '',
      height ? ` height="${height}"` : '',
      title ? ` title="${title}"` : '',
      '/>',
    ].join('');
    const href = link?.attribs['href'];
    const captionHtml = caption !== undefined && DomUtils.isTag(caption) ? this.#inner(caption) : '';
    const classes = ['wp-block-image', ...(width || height ? ['is-resized'] : [])].join(' ');
    return {
      name: 'image',
      attributes: size,
      html: [
        `<figure class="${classes}">`,
        href ? `<a href="${href}">${img}</a>` : img,
        captionHtml.trim() === '' ? '' : `<figcaption class="wp-element-caption">${captionHtml}</figcaption>`,
        '</figure>',
      ],
    };
  }

  #isRightToLeft(element: Element): boolean {
    return element.attribs['dir'] !== undefined && textDirection(DomUtils.textContent(element)) === 'rtl';
  }

  #outer(node: ChildNode): string {
    return this.#html.slice(node.startIndex ?? 0, (node.endIndex ?? -1) + 1);
  }

  #inner(element: Element): string {
    return this.#slice(element.children);
  }

  /** The original text of consecutive sibling nodes. */
  #slice(nodes: readonly ChildNode[]): string {
    const first = nodes[0];
    const last = nodes.at(-1);
    if (!first || !last) return '';
    return this.#html.slice(first.startIndex ?? 0, (last.endIndex ?? -1) + 1);
  }
}

/** The nodes that are not whitespace between elements. */
function meaningful(nodes: readonly ChildNode[]): ChildNode[] {
  return nodes.filter((node) => !(DomUtils.isText(node) && node.data.trim() === ''));
}

/** What a list item's text cannot hold: blocks of their own (and a task's checkbox). */
const blockElement = /^(?:p|div|blockquote|pre|ul|ol|table|figure|hr|h[1-6]|input)$/;

function isBlockElement(name: string): boolean {
  return blockElement.test(name);
}
