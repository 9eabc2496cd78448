import type { DraftContent } from '../model/draft';

/** The title a blog gets: the draft's, with its hashtags after it where the blog shows them there. */
export function publishedTitle(content: Pick<DraftContent, 'title' | 'hashtags'>, hashtagsInTitle: boolean): string {
  const hashtags = content.hashtags.map((tag) => `#${tag}`).join(' ');
  return hashtagsInTitle && hashtags !== '' ? `${content.title} ${hashtags}`.trim() : content.title;
}
