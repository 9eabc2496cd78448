import { topLevelElements } from './topLevelElements';

/**
 * Wraps the shared renderer's HTML in WordPress block delimiters, so the post opens as blocks in
 * WordPress's editor. Only comments are added, flush against each element, and WordPress strips
 * them when it renders a post made of blocks: readers get the preview's HTML byte for byte.
 *
 * Top-level paragraphs become paragraph blocks (the "via" line keeps its class), headings heading
 * blocks, and anything else, the credited blockquote included, a Custom HTML block, which keeps its
 * HTML exactly. A quote block cannot hold the preview's blockquote: WordPress's editor rejects its
 * cite attribute and expects class="wp-block-quote" and a trailing <cite>, so it would open as
 * "invalid content" — or readers would get HTML that differs from the preview.
 *
 * The input is sanitized HTML (lowercase tags, quoted attributes, text escaped), which is what
 * makes scanning its tags without a DOM reliable.
 */
export function wordPressBlocks(html: string): string {
  return topLevelElements(html)
    .map((part) => (part.tag === null ? part.html : delimit(part.tag, part.openingTag, part.html)))
    .join('');
}

const headingLevel = /^h([1-6])$/;

function delimit(tag: string, openingTag: string, html: string): string {
  if (tag === 'p') {
    const className = /\sclass="([^"]*)"/.exec(openingTag)?.[1];
    return comment('paragraph', className === undefined ? null : { className }, html);
  }
  const level = headingLevel.exec(tag)?.[1];
  if (level !== undefined) return comment('heading', { level: Number(level) }, html);
  return comment('html', null, html);
}

function comment(block: string, attributes: Record<string, unknown> | null, html: string): string {
  const json = attributes === null ? '' : ` ${serializeAttributes(attributes)}`;
  return `<!-- wp:${block}${json} -->${html}<!-- /wp:${block} -->`;
}

/** JSON that cannot end the comment or be read as markup, escaped as WordPress's own serializer does. */
function serializeAttributes(attributes: Record<string, unknown>): string {
  return JSON.stringify(attributes)
    .replaceAll('--', '\\u002d\\u002d')
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\\"', '\\u0022');
}
