import { defaultTreeAdapter, type DefaultTreeAdapterTypes } from 'parse5';

export type Element = DefaultTreeAdapterTypes.Element;
export type ParentNode = DefaultTreeAdapterTypes.ParentNode;
export type ChildNode = DefaultTreeAdapterTypes.ChildNode;
export type Document = DefaultTreeAdapterTypes.Document;

/** Small helpers over parse5's tree, which has no DOM methods of its own. */
export function isElement(node: DefaultTreeAdapterTypes.Node): node is Element {
  return 'tagName' in node;
}

export function attribute(element: Element, name: string): string | null {
  return element.attrs.find((each) => each.name === name && each.namespace === undefined)?.value ?? null;
}

export function setAttribute(element: Element, name: string, value: string): void {
  const existing = element.attrs.find((each) => each.name === name && each.namespace === undefined);
  if (existing) existing.value = value;
  else element.attrs.push({ name, value });
}

export function removeAttribute(element: Element, name: string): void {
  element.attrs = element.attrs.filter((each) => !(each.name === name && each.namespace === undefined));
}

/** Every element under `root`, in document order (template contents excluded). */
export function* elements(root: ParentNode): Generator<Element> {
  for (const child of [...root.childNodes]) {
    if (!isElement(child)) continue;
    yield child;
    yield* elements(child);
  }
}

export function firstElement(root: ParentNode, tagName: string): Element | null {
  for (const element of elements(root)) if (element.tagName === tagName) return element;
  return null;
}

/** The text a reader sees in `node`, with spaces between blocks' words kept apart. */
export function textOf(node: ParentNode): string {
  const parts: string[] = [];
  const visit = (parent: ParentNode): void => {
    for (const child of parent.childNodes) {
      if (child.nodeName === '#text' && 'value' in child) parts.push(child.value);
      else if (isElement(child)) {
        parts.push(' ');
        visit(child);
        parts.push(' ');
      }
    }
  };
  visit(node);
  return parts.join('');
}

export function removeNode(node: ChildNode): void {
  defaultTreeAdapter.detachNode(node);
}

/** Replaces `element`'s children with one comment (a slot marker). */
export function replaceChildrenWithComment(element: Element, data: string): void {
  for (const child of [...element.childNodes]) defaultTreeAdapter.detachNode(child);
  defaultTreeAdapter.appendChild(element, defaultTreeAdapter.createCommentNode(data));
}

export function prependComment(element: Element, data: string): void {
  const comment = defaultTreeAdapter.createCommentNode(data);
  const first = element.childNodes[0];
  if (first) defaultTreeAdapter.insertBefore(element, comment, first);
  else defaultTreeAdapter.appendChild(element, comment);
}

/** Moves `element`'s children into its place and removes it. */
export function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  for (const child of [...element.childNodes]) {
    defaultTreeAdapter.detachNode(child);
    defaultTreeAdapter.insertBefore(parent, child, element);
  }
  defaultTreeAdapter.detachNode(element);
}

export function setText(element: Element, text: string): void {
  for (const child of [...element.childNodes]) defaultTreeAdapter.detachNode(child);
  if (text !== '') defaultTreeAdapter.insertText(element, text);
}
