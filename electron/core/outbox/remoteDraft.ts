import type { DraftContent } from '../../../shared/model/draft';
import { extractHashtags, uniqueHashtags } from '../../../shared/model/hashtags';
import { limits } from '../../../shared/model/limits';
import type { RemotePost } from '../publishing/blogAdapter';
import type { PostStyle } from '../publishing/outgoingPost';
import { htmlToMarkdown } from '../quotes/htmlToMarkdown';

/**
 * A post from the blog as draft content: its title (without the hashtags the account adds to
 * titles), its body as markdown, and its tags as hashtags. Quotes come back as markdown
 * blockquotes in the commentary: the blog keeps no record of their sources as fields.
 */
export function draftFromRemote(remote: RemotePost, style: PostStyle): DraftContent {
  const hashtags = uniqueHashtags(remote.tags).slice(0, limits.hashtagsPerDraft);
  const title = style.hashtagsInTitle ? extractHashtags(remote.title).text : remote.title;
  return {
    title: title.slice(0, limits.titleCharacters),
    commentary: htmlToMarkdown(remote.renderedContent ?? remote.content, remote.url),
    quotes: [],
    hashtags: [...hashtags],
    featuredImage: null,
  };
}
