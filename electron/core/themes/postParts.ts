import { parseFragment } from 'parse5';
import { isElement, textOf, type Element, type ParentNode } from './dom';

/** A post the blog is known to have published, as its API gave it. */
export interface KnownPost {
  readonly url: string;
  readonly title: string;
  /** The body as readers get it (or as stored, when the API gives nothing else). */
  readonly html: string;
  readonly tags: readonly string[];
}

/** Where a theme put the parts of one post on its page. */
export interface PostParts {
  readonly body: Element;
  readonly title: Element | null;
  readonly tags: TagList | null;
}

/** The element holding the tag links, and which of its children hold the first, the second and the last. */
export interface TagList {
  readonly container: Element;
  readonly first: Element;
  /** The child holding the second tag's link, when the theme shows more than one. */
  readonly second: Element | null;
  readonly last: Element;
  /** The first tag's link, inside `first`. */
  readonly link: Element;
}

/** Words as compared: letters and digits, lowercased, so entities, curly quotes and markup do not matter. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title']);

interface WordIndex {
  readonly words: string[];
  /** Each element's words are words[start, end). */
  readonly spans: Map<Element, { start: number; end: number }>;
  readonly order: Element[];
}

function indexWords(root: ParentNode): WordIndex {
  const words: string[] = [];
  const spans = new Map<Element, { start: number; end: number }>();
  const order: Element[] = [];
  const visit = (parent: ParentNode): void => {
    for (const child of parent.childNodes) {
      if (child.nodeName === '#text' && 'value' in child) words.push(...wordsOf(child.value));
      else if (isElement(child) && !SKIPPED.has(child.tagName)) {
        const start = words.length;
        order.push(child);
        visit(child);
        spans.set(child, { start, end: words.length });
      }
    }
  };
  visit(root);
  return { words, spans, order };
}

function occurrences(haystack: readonly string[], needle: readonly string[], from = 0): number[] {
  const found: number[] = [];
  outer: for (let index = from; index + needle.length <= haystack.length; index += 1) {
    for (let offset = 0; offset < needle.length; offset += 1) {
      if (haystack[index + offset] !== needle[offset]) continue outer;
    }
    found.push(index);
  }
  return found;
}

/** The words [start, end) of the page that read as the post, or null. */
function matchSpan(page: readonly string[], post: readonly string[]): { start: number; end: number } | null {
  if (post.length === 0) return null;
  for (const size of [8, 3, 1]) {
    const k = Math.min(size, Math.max(1, Math.floor(post.length / 2)));
    const head = post.slice(0, k);
    const tail = post.slice(post.length - k);
    let best: { start: number; end: number } | null = null;
    for (const start of occurrences(page, head)) {
      const tailAt = occurrences(page, tail, start + Math.max(0, post.length - k) - Math.floor(post.length / 4))[0];
      if (tailAt === undefined) continue;
      const end = tailAt + k;
      const length = end - start;
      if (length > post.length * 2 + 20) continue;
      if (best === null || Math.abs(length - post.length) < Math.abs(best.end - best.start - post.length)) {
        best = { start, end };
      }
    }
    if (best) return best;
    if (k === 1) break;
  }
  return null;
}

/** Block containers a post's body can be poured into (not a paragraph, a link or a list). */
const CONTAINERS = new Set(['div', 'article', 'section', 'main', 'aside', 'td']);

/** `element`, or the nearest container above it: a one-paragraph post is found as its paragraph. */
function containerOf(element: Element | null): Element | null {
  for (
    let current = element;
    current;
    current = current.parentNode && isElement(current.parentNode) ? current.parentNode : null
  ) {
    if (current.tagName === 'body' || current.tagName === 'html') return null;
    if (CONTAINERS.has(current.tagName)) return current;
  }
  return null;
}

/** The deepest element whose words cover [start, end). */
function deepestCovering(index: WordIndex, start: number, end: number): Element | null {
  let found: Element | null = null;
  for (const element of index.order) {
    const span = index.spans.get(element);
    if (span && span.start <= start && span.end >= end) found = element;
  }
  return found;
}

function isInside(element: Element, ancestor: Element): boolean {
  for (let node: ParentNode | null = element; node; node = 'parentNode' in node ? node.parentNode : null) {
    if (node === ancestor) return true;
  }
  return false;
}

const sameWords = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((word, index) => word === b[index]);

function findTitle(body: Element, index: WordIndex, title: string): Element | null {
  const wanted = wordsOf(title);
  if (wanted.length === 0) return null;
  const bodyStart = index.spans.get(body)?.start ?? 0;
  const candidates = index.order.filter((element) => {
    if (isInside(element, body) || isInside(body, element)) return false;
    return sameWords(wordsOf(textOf(element)), wanted);
  });
  if (candidates.length === 0) return null;
  // The deepest of nested matches (<h1><a>Title</a></h1> → the link), headings first, and of
  // those the nearest before the body: a title in the site's navigation is not the post's.
  const deepest = candidates.filter(
    (element) => !candidates.some((other) => other !== element && isInside(other, element)),
  );
  const rank = (element: Element): number => {
    const heading = [element, element.parentNode].some(
      (node) => node && isElement(node) && /^h[1-6]$/.test(node.tagName),
    );
    const before = (index.spans.get(element)?.end ?? 0) <= bodyStart;
    return (heading ? 0 : 2) + (before ? 0 : 1);
  };
  deepest.sort((a, b) => rank(a) - rank(b) || (index.spans.get(b)?.start ?? 0) - (index.spans.get(a)?.start ?? 0));
  return deepest[0] ?? null;
}

function findTags(body: Element, index: WordIndex, tags: readonly string[]): TagList | null {
  const links: Element[] = [];
  for (const tag of tags) {
    const wanted = wordsOf(tag);
    const link = index.order.find(
      (element) =>
        element.tagName === 'a' &&
        !links.includes(element) &&
        !isInside(element, body) &&
        sameWords(wordsOf(textOf(element)), wanted),
    );
    if (link) links.push(link);
  }
  const [firstLink] = links;
  if (!firstLink) return null;
  const container = commonAncestor(links);
  if (!container || isInside(body, container)) return null;
  const holders = links
    .map((link) => container.childNodes.find((child): child is Element => isElement(child) && isInside(link, child)))
    .filter((holder): holder is Element => holder !== undefined);
  const inOrder = container.childNodes.filter((child): child is Element => holders.some((holder) => holder === child));
  const [first] = holders;
  const last = inOrder.at(-1);
  if (!first || !last) return null;
  return { container, first, second: inOrder.find((holder) => holder !== first) ?? null, last, link: firstLink };
}

function commonAncestor(nodes: readonly Element[]): Element | null {
  const [first, ...rest] = nodes;
  if (!first) return null;
  if (rest.length === 0) return first.parentNode && isElement(first.parentNode) ? first.parentNode : null;
  for (let candidate = first.parentNode; candidate; candidate = isElement(candidate) ? candidate.parentNode : null) {
    if (isElement(candidate) && rest.every((node) => isInside(node, candidate))) return candidate;
  }
  return null;
}

/**
 * Finds the post's body on its own page by the words the blog is known to have published there
 * (the first and last words of the post, in order, within the deepest element that holds them
 * all), then its title (an element reading exactly the title, a heading before the body first)
 * and its tag links. Null when the body is not on the page.
 */
export function findPostParts(root: ParentNode, post: KnownPost): PostParts | null {
  const index = indexWords(root);
  const span = matchSpan(index.words, wordsOf(textOf(parseFragment(post.html))));
  if (!span) return null;
  const body = containerOf(deepestCovering(index, span.start, span.end));
  if (!body) return null;
  return { body, title: findTitle(body, index, post.title), tags: findTags(body, index, post.tags) };
}
