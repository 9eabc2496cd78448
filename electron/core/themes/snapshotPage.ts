import { defaultTreeAdapter, parse, serialize } from 'parse5';
import { SLOT_ATTRIBUTE, slotMarker } from '../../../shared/theme/themePage';
import type { TagTemplate } from '../../../shared/model/themeSnapshot';
import { AppError } from '../../../shared/result';
import { nestingDepth } from '../quotes/htmlDepth';
import type { AssetLoader } from './assetLoader';
import {
  firstElement,
  prependComment,
  replaceChildrenWithComment,
  setAttribute,
  type Document,
  type Element,
} from './dom';
import { baseUrlOf, inlineAssets, linkedSheetsToStyles } from './inlineAssets';
import { sanitizePage } from './pageSanitizer';
import { findPostParts, type KnownPost } from './postParts';
import { tagTemplate } from './tagTemplate';

/** Far deeper than any theme's page (a few dozen levels), far shallower than what strains a stack. */
const MAX_NESTING = 1_000;

/** A post page made into a theme: inert, self-contained, with the post's places marked. */
export interface ThemePageCapture {
  readonly page: string;
  readonly tags: TagTemplate | null;
  readonly found: { readonly title: boolean; readonly tags: boolean };
}

/**
 * Turns one of the blog's post pages into a theme page, or null when the post's body cannot be
 * found on it. Parsed as a browser parses it with scripts off (parse5, scripting disabled), which
 * is how the frame will see it; found before anything is removed, so that the match uses the page
 * as readers get it.
 */
export async function captureThemePage(
  html: string,
  pageUrl: string,
  post: KnownPost,
  assets: AssetLoader,
): Promise<ThemePageCapture | null> {
  // The passes over the page recurse by depth: hostile nesting is refused before the tree is built.
  if (nestingDepth(html) > MAX_NESTING) {
    throw new AppError(
      'invalid-input',
      `The page ${pageUrl} nests its elements more than ${MAX_NESTING} deep; it is not kept as a theme.`,
    );
  }
  const document = parse(html, { scriptingEnabled: false });
  const parts = findPostParts(document, post);
  if (!parts) return null;
  const base = baseUrlOf(document, pageUrl);
  const sheets = await linkedSheetsToStyles(document, base, assets);
  sanitizePage(document, base);
  await inlineAssets(document, base, sheets, assets);

  const head = firstElement(document, 'head');
  // The sanitizer may have removed what held a part (a body inside an iframe's fallback…).
  if (!head || !isAttached(parts.body, document)) return null;
  prependComment(head, commentData('head'));
  markSlot(parts.body, 'body');
  if (parts.title && isAttached(parts.title, document)) markSlot(parts.title, 'title');
  const tags = parts.tags && isAttached(parts.tags.container, document) ? tagTemplate(parts.tags) : null;
  if (parts.tags && tags) {
    const { container, first, last } = parts.tags;
    setAttribute(container, SLOT_ATTRIBUTE, 'tags');
    const from = container.childNodes.indexOf(first);
    const to = container.childNodes.indexOf(last);
    const removed = container.childNodes.slice(Math.min(from, to), Math.max(from, to) + 1);
    const [anchor] = removed;
    if (anchor)
      defaultTreeAdapter.insertBefore(container, defaultTreeAdapter.createCommentNode(commentData('tags')), anchor);
    for (const node of removed) defaultTreeAdapter.detachNode(node);
  }
  const page = `<!DOCTYPE html>${serialize(document).replace(/^<!DOCTYPE[^>]*>/i, '')}`;
  return {
    page,
    tags,
    found: { title: page.includes(slotMarker('title')), tags: tags !== null },
  };
}

function isAttached(element: Element, document: Document): boolean {
  let node: Element | Document | null = element;
  while (node && node !== document) node = 'parentNode' in node ? (node.parentNode as Element | Document | null) : null;
  return node === document;
}

function markSlot(element: Element, slot: 'title' | 'body'): void {
  setAttribute(element, SLOT_ATTRIBUTE, slot);
  replaceChildrenWithComment(element, commentData(slot));
}

/** The marker's comment text: slotMarker without the comment's delimiters. */
function commentData(slot: 'head' | 'title' | 'body' | 'tags'): string {
  return slotMarker(slot).slice('<!--'.length, -'-->'.length);
}
