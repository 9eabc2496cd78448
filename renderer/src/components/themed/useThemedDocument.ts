import { useMemo, useRef, useState } from 'react';
import type { Account } from '../../../../shared/model/account';
import type { DraftContent } from '../../../../shared/model/draft';
import type { ThemeSnapshot } from '../../../../shared/model/themeSnapshot';
import { createIncrementalRenderer, type RenderedBlock } from '../../../../shared/render/incremental';
import { publishedTitle } from '../../../../shared/render/title';
import { anchorBlock, cutThemePage, themedDocument, type ThemedPost } from '../../../../shared/theme/themePage';

interface Shown {
  readonly title: string;
  readonly blocks: readonly RenderedBlock[];
  readonly tags: readonly string[];
  readonly anchor: ThemedPost['anchor'];
  readonly anchorIndex: number;
}

/**
 * The themed preview's document for the draft as it is now: what publishing sends to this blog
 * (its attribution style, passage links, hashtags in the title), in the blog's stored page. The
 * body comes from the incremental renderer, so a keystroke costs joining strings, not rendering
 * the post again; the document opens scrolled to what the keystroke changed.
 */
export function useThemedDocument(content: DraftContent, account: Account, snapshot: ThemeSnapshot): string | null {
  const [renderer] = useState(createIncrementalRenderer);
  const page = useMemo(() => {
    try {
      return cutThemePage(snapshot.page);
    } catch {
      return null;
    }
  }, [snapshot.page]);
  const previous = useRef<Shown | null>(null);
  const { attribution, linkToPassage, hashtagsInTitle } = account.options;
  return useMemo(() => {
    if (page === null) return null;
    const { blocks } = renderer.render(content, { attribution, linkToPassage });
    const shown = whatChanged(previous.current, {
      title: publishedTitle(content, hashtagsInTitle),
      blocks,
      tags: content.hashtags,
    });
    previous.current = shown;
    const bodyHtml = blocks
      .map((block, index) =>
        shown.anchor === 'block' && index === shown.anchorIndex ? anchorBlock(block.html) : block.html,
      )
      .join('');
    return themedDocument(page, snapshot.tags, {
      title: shown.title,
      bodyHtml,
      tags: shown.tags,
      anchor: shown.anchor,
    });
  }, [page, snapshot.tags, renderer, content, attribution, linkToPassage, hashtagsInTitle]);
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
