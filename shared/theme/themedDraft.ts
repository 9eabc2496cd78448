import type { AccountOptions } from '../model/account';
import type { DraftContent } from '../model/draft';
import type { ThemeSnapshot } from '../model/themeSnapshot';
import { renderPostBody } from '../render/post';
import { publishedTitle } from '../render/title';
import { cutThemePage, themedDocument } from './themePage';

/**
 * A draft as on one blog, in that blog's theme snapshot, in one go: what `drafts render --themed`
 * prints. The live preview builds the same document incrementally (useThemedDocument).
 */
export function themedDraftDocument(content: DraftContent, options: AccountOptions, snapshot: ThemeSnapshot): string {
  return themedDocument(cutThemePage(snapshot.page), snapshot.tags, {
    title: publishedTitle(content, options.hashtagsInTitle),
    bodyHtml: renderPostBody(content, { attribution: options.attribution, linkToPassage: options.linkToPassage }),
    tags: content.hashtags,
    anchor: null,
  });
}
