import { DomUtils, parseDocument } from 'htmlparser2';
import { containsRightToLeft, textDirection } from '../text/direction';

type Element = Parameters<typeof DomUtils.getAttributeValue>[0];

/** Elements that hold a run of text, or a list or quote of them, whose direction a reader sees. */
const directed = /^(?:p|h[1-6]|li|ul|ol|blockquote|td|th|figcaption|dt|dd)$/;

/**
 * Marks each block whose text starts in a right-to-left script (Arabic, Hebrew…) with dir="auto",
 * so that the preview and the blog align and order it as written, whatever the page's direction.
 * Blocks of left-to-right text are left as they are: their HTML is unchanged. Each element is
 * judged by its own text alone, so marking parts of a document gives what marking the whole does.
 *
 * The input is sanitized HTML (lowercase tags, quoted attributes).
 */
export function markTextDirection(html: string): string {
  // Without a right-to-left letter anywhere, nothing needs marking: the common case costs one scan.
  if (!containsRightToLeft(html)) return html;
  const document = parseDocument(html, { withStartIndices: true });
  const marks = DomUtils.findAll(
    (element: Element) =>
      directed.test(element.name) &&
      element.attribs['dir'] === undefined &&
      textDirection(DomUtils.textContent(element)) === 'rtl',
    document.children,
  )
    .map((element) => (element.startIndex ?? 0) + 1 + element.name.length)
    .sort((a, b) => b - a);
  let marked = html;
  for (const at of marks) marked = `${marked.slice(0, at)} dir="auto"${marked.slice(at)}`;
  return marked;
}
