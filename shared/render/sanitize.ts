import sanitizeHtml from 'sanitize-html';
import { MediaFileSchema } from '../model/image';
import { markTextDirection } from './direction';

/**
 * The one allowlist for HTML that reaches the preview or a blog. Pure string → string, so it gives
 * the same output in the renderer and in Node, which is what keeps the blog equal to the preview.
 */
const policy: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'em',
    'strong',
    'del',
    's',
    'sup',
    'sub',
    'code',
    'pre',
    'kbd',
    'mark',
    'a',
    'img',
    'ul',
    'ol',
    'li',
    'blockquote',
    'cite',
    'q',
    'figure',
    'figcaption',
    'footer',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'input',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    blockquote: ['cite', 'class', 'data-title', 'data-author'],
    p: ['class'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
    code: ['class'],
    input: ['type', 'checked', 'disabled'],
  },
  allowedClasses: {
    blockquote: ['quoteback'],
    p: ['quote-source', 'quote-via'],
    code: [/^language-[\w-]+$/],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  // media: names an image in the library (media:<sha256>.<ext>); each host gives it its address.
  allowedSchemesByTag: { img: ['http', 'https', 'media'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object'],
  exclusiveFilter: (frame) =>
    (frame.tag === 'input' && frame.attribs['type'] !== 'checkbox') ||
    (frame.tag === 'img' && !isLibraryOrWebImage(frame.attribs['src'] ?? '')),
};

/**
 * A media: address names a library file exactly (media:<sha256>.<ext>) or nothing: a reference the
 * writer's typing broke would otherwise reach a blog as a broken image, since only exact names are
 * given the blog's address. Other images have http(s) addresses, already checked by scheme.
 */
function isLibraryOrWebImage(src: string): boolean {
  if (!/^media:/i.test(src)) return true;
  return src.startsWith('media:') && MediaFileSchema.safeParse(src.slice('media:'.length)).success;
}

/**
 * Removes every element, attribute and URL scheme that the allowlist does not name, then marks
 * the direction of right-to-left text (see markTextDirection).
 */
export function sanitize(html: string): string {
  return markTextDirection(sanitizeHtml(html, policy));
}
