import { parseFragment, serializeOuter } from 'parse5';
import type { TagTemplate } from '../../../shared/model/themeSnapshot';
import { attribute, elements, isElement, removeAttribute, setAttribute, setText, type Element } from './dom';
import type { TagList } from './postParts';

/**
 * How the theme writes a list of tags, read from the (sanitized) list of the post it came from:
 * the child holding the first tag's link, with `{tag}` as the link's text and an address that
 * goes nowhere, and what stands between the first two children that hold links.
 */
export function tagTemplate(tags: TagList): TagTemplate | null {
  const { container, first, second, link } = tags;
  if (first.parentNode !== container) return null;
  const linkPath = pathTo(first, link);
  if (linkPath === null) return null;
  const copy = parseFragment(serializeOuter(first)).childNodes[0];
  if (!copy || !isElement(copy)) return null;
  const linkCopy = follow(copy, linkPath) ?? copy;
  setText(linkCopy, '{tag}');
  if (linkCopy.tagName === 'a') {
    setAttribute(linkCopy, 'href', '#');
    removeAttribute(linkCopy, 'target');
    const relations = (attribute(linkCopy, 'rel') ?? '')
      .split(' ')
      .filter((word) => word !== 'noopener' && word !== 'noreferrer');
    if (relations.length > 0) setAttribute(linkCopy, 'rel', relations.join(' '));
    else removeAttribute(linkCopy, 'rel');
  }
  const from = container.childNodes.indexOf(first);
  const to = second === null ? -1 : container.childNodes.indexOf(second);
  const separator =
    to > from
      ? container.childNodes
          .slice(from + 1, to)
          .map((node) => serializeOuter(node))
          .join('')
      : ' ';
  return { link: serializeOuter(copy), separator };
}

/** The child indexes from `ancestor` down to `element`, or null when it is not inside. */
function pathTo(ancestor: Element, element: Element): number[] | null {
  const path: number[] = [];
  for (let node: Element = element; node !== ancestor;) {
    const parent = node.parentNode;
    if (!parent || !isElement(parent)) return null;
    path.unshift(parent.childNodes.indexOf(node));
    node = parent;
  }
  return path;
}

function follow(root: Element, path: readonly number[]): Element | null {
  let node: Element = root;
  for (const index of path) {
    const next = node.childNodes[index];
    if (!next || !isElement(next)) return null;
    node = next;
  }
  return [node, ...elements(node)][0] ?? null;
}
