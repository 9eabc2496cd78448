import type { TagTemplate } from '../model/themeSnapshot';
import { escapeHtml } from '../render/escape';
import { SLOT_ATTRIBUTE } from './liveFrame';

/**
 * Where a stored theme page takes a post: each place is an HTML comment the snapshot writes and
 * nothing else can (every comment of the blog's own page is dropped when the snapshot is taken).
 */
export const THEME_SLOTS = ['head', 'title', 'body', 'tags'] as const;
export type ThemeSlot = (typeof THEME_SLOTS)[number];

export function slotMarker(slot: ThemeSlot): string {
  return `<!--commonplace:${slot}-->`;
}

export { SLOT_ATTRIBUTE };

/**
 * The policy inside the themed page, on top of its frame's sandbox (no scripts, no forms): no
 * script runs and nothing is fetched. Stylesheets, fonts and images were inlined when the
 * snapshot was taken, so inline styles and data: addresses are all it needs. The app's themed
 * preview and `drafts render --themed` show the same document.
 */
export const THEMED_PREVIEW_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "media-src 'none'",
  "connect-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "worker-src 'none'",
  "object-src 'none'",
  "manifest-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

/** A stored page cut at its slots once, so that each keystroke only joins strings. */
export interface ThemePage {
  readonly pieces: readonly string[];
  /** `slots[i]` goes between `pieces[i]` and `pieces[i + 1]`. */
  readonly slots: readonly ThemeSlot[];
}

const markerPattern = /<!--commonplace:(head|title|body|tags)-->/g;

/** What may come before the head slot: a doctype, and the html and head opening tags. */
const pageOpening = /^\s*(<!doctype[^>]*>\s*)?(<html(\s[^>]*)?>\s*)?<head(\s[^>]*)?>\s*$/i;

/** Cuts a stored page at its slots; throws when it lacks its head or body slot, or has one twice. */
export function cutThemePage(page: string): ThemePage {
  const pieces: string[] = [];
  const slots: ThemeSlot[] = [];
  let start = 0;
  for (const match of page.matchAll(markerPattern)) {
    const slot = match[1] as ThemeSlot;
    if (slots.includes(slot)) throw new Error(`The theme page has its ${slot} slot twice.`);
    pieces.push(page.slice(start, match.index));
    slots.push(slot);
    start = match.index + match[0].length;
  }
  pieces.push(page.slice(start));
  for (const needed of ['head', 'body'] as const) {
    if (!slots.includes(needed)) throw new Error(`The theme page has no ${needed} slot.`);
  }
  if (slots[0] !== 'head' || !pageOpening.test(pieces[0] ?? '')) {
    // The policy must apply before anything of the page is parsed, so only the opening tags may precede it.
    throw new Error('The theme page does not start its head with the policy slot.');
  }
  return { pieces, slots };
}

/** What the themed preview shows in the theme. */
export interface ThemedPost {
  /** As text: the title the blog gets (with its hashtags when the blog shows them there). */
  readonly title: string;
  /** The shared renderer's HTML, exactly what publishing sends to this blog. */
  readonly bodyHtml: string;
  readonly tags: readonly string[];
  /** What the page opens scrolled to: the part the writer is changing (see anchorBlock). */
  readonly anchor: 'title' | 'tags' | 'block' | null;
}

const ANCHOR_ATTRIBUTE = 'data-commonplace-anchor';

/**
 * Marks one rendered block as the place the themed page opens scrolled to. A block is the
 * sanitizer's output, so it starts with an element's opening tag, or with text (then it is
 * left as it is).
 */
export function anchorBlock(html: string): string {
  const opening = /^(\s*<[a-z][a-z0-9]*)/.exec(html)?.[1];
  return opening === undefined ? html : `${opening} ${ANCHOR_ATTRIBUTE}${html.slice(opening.length)}`;
}

const anchorSelectors: Readonly<Record<NonNullable<ThemedPost['anchor']>, string>> = {
  title: `[${SLOT_ATTRIBUTE}="title"]`,
  tags: `[${SLOT_ATTRIBUTE}="tags"]`,
  block: `[${ANCHOR_ATTRIBUTE}]`,
};

/**
 * The themed page: the stored page with the post in its slots and the policy first in its head
 * (the app's themed preview and the CLI's `drafts render --themed` alike).
 */
export function themedDocument(page: ThemePage, tags: TagTemplate | null, post: ThemedPost): string {
  const fill: Record<ThemeSlot, string> = {
    head: headStart(post.anchor),
    title: escapeHtml(post.title),
    body: post.bodyHtml,
    tags:
      tags === null ? '' : post.tags.map((tag) => tags.link.replaceAll('{tag}', escapeHtml(tag))).join(tags.separator),
  };
  let document = page.pieces[0] ?? '';
  page.slots.forEach((slot, index) => {
    document += fill[slot] + (page.pieces[index + 1] ?? '');
  });
  return document;
}

function headStart(anchor: ThemedPost['anchor']): string {
  const policy = `<meta http-equiv="Content-Security-Policy" content="${THEMED_PREVIEW_CSP}">`;
  const scroll =
    anchor === null
      ? ''
      : `<style>${anchorSelectors[anchor]}{scroll-initial-target:nearest;scroll-margin-top:30vh}</style>`;
  return policy + scroll;
}
