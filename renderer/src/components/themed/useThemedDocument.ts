import { useMemo, useRef, useState } from 'react';
import type { Account } from '../../../../shared/model/account';
import type { DraftContent } from '../../../../shared/model/draft';
import type { ThemeSnapshot } from '../../../../shared/model/themeSnapshot';
import { createIncrementalRenderer, type RenderedBlock } from '../../../../shared/render/incremental';
import { withImageAddresses } from '../../../../shared/render/imageSources';
import { publishedTitle } from '../../../../shared/render/title';
import { markedBlock } from '../../../../shared/theme/liveFrame';
import { useInlinedImages } from '../../media/useInlinedImages';
import { anchorBlock, cutThemePage, themedDocument, type ThemedPost } from '../../../../shared/theme/themePage';

interface Shown {
  readonly title: string;
  readonly blocks: readonly RenderedBlock[];
  readonly tags: readonly string[];
  readonly anchor: ThemedPost['anchor'];
  readonly anchorIndex: number;
}

/** The draft as the themed frame shows it: a page to load, and what a keystroke changes in it. */
export interface ThemedFrameContent {
  /**
   * Changes when the page must load anew (another snapshot, other tags: the theme places tags
   * among its own markup); title and body changes are patched into the loaded page.
   */
  readonly pageKey: string;
  /** The whole document as the draft is now, for a load. */
  readonly compose: () => string;
  readonly title: string;
  /** The body's blocks, for patches (a block keeps its key while its HTML stays the same). */
  readonly blocks: readonly RenderedBlock[];
}

/**
 * The themed preview's content for the draft as it is now: what publishing sends to this blog
 * (its attribution style, passage links, hashtags in the title), for the blog's stored page. The
 * body comes from the incremental renderer, so a keystroke costs only the blocks it changed; a
 * page loaded anew opens scrolled to the part that changed last.
 */
export function useThemedDocument(
  content: DraftContent,
  account: Account,
  snapshot: ThemeSnapshot,
): ThemedFrameContent | null {
  const [renderer] = useState(createIncrementalRenderer);
  const page = useMemo(() => {
    try {
      return { cut: cutThemePage(snapshot.page), key: `${snapshot.takenAt}|${snapshot.page.length}` };
    } catch {
      return null;
    }
  }, [snapshot.page, snapshot.takenAt]);
  const previous = useRef<Shown | null>(null);
  const { attribution, linkToPassage, hashtagsInTitle } = account.options;
  const rendered = useMemo(
    () => renderer.render(content, { attribution, linkToPassage }),
    [renderer, content, attribution, linkToPassage],
  );
  const images = useInlinedImages(rendered.html);
  return useMemo(() => {
    if (page === null) return null;
    // A block showing library images changes once they are read (the frame loads data: only).
    const blocks = rendered.blocks.map((block) =>
      block.html.includes('media:')
        ? { key: `${block.key}|${images.version}`, html: withImageAddresses(block.html, images.addressOf) }
        : block,
    );
    const shown = whatChanged(previous.current, {
      title: publishedTitle(content, hashtagsInTitle),
      blocks,
      tags: content.hashtags,
    });
    previous.current = shown;
    const compose = (): string => {
      const bodyHtml = blocks
        .map((block, index) =>
          markedBlock(shown.anchor === 'block' && index === shown.anchorIndex ? anchorBlock(block.html) : block.html),
        )
        .join('');
      const post: ThemedPost = { title: shown.title, bodyHtml, tags: shown.tags, anchor: shown.anchor };
      return themedDocument(page.cut, snapshot.tags, post);
    };
    return { pageKey: `${page.key}|${shown.tags.join('\u0000')}`, compose, title: shown.title, blocks };
  }, [page, snapshot.tags, rendered, images, content, hashtagsInTitle]);
}

/** Where the page should open: the first block that changed, else the title or the tags if they did. */
function whatChanged(before: Shown | null, now: Omit<Shown, 'anchor' | 'anchorIndex'>): Shown {
  if (before === null) return { ...now, anchor: null, anchorIndex: -1 };
  const changed = now.blocks.findIndex((block, index) => before.blocks[index]?.key !== block.key);
  const lastRemoved = now.blocks.length < before.blocks.length ? now.blocks.length - 1 : -1;
  if (changed >= 0 || lastRemoved >= 0)
    return { ...now, anchor: 'block', anchorIndex: changed >= 0 ? changed : lastRemoved };
  if (now.title !== before.title) return { ...now, anchor: 'title', anchorIndex: -1 };
  if (now.tags.join(' ') !== before.tags.join(' ')) return { ...now, anchor: 'tags', anchorIndex: -1 };
  return { ...now, anchor: before.anchor, anchorIndex: before.anchorIndex };
}
