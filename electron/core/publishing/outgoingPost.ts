import { postOptionsOf, type DraftContent } from '../../../shared/model/draft';
import { postSlug } from '../../../shared/text/slug';
import { renderPostBody } from '../../../shared/render/post';
import type { AttributionStyle } from '../../../shared/model/accountChoices';
import { publishedTitle } from '../../../shared/render/title';
import type { ClientIdentity, OutgoingPost, PostSchedule } from './blogAdapter';

/** Per-account choices about how a draft appears on that blog. */
export interface PostStyle {
  /** The example post shows its hashtags in its title: "… true? #ISIS #Iraq". */
  readonly hashtagsInTitle: boolean;
  /** How quotes are credited on this blog; "via" when not said. */
  readonly attribution?: AttributionStyle;
  /** Whether the link to a quote's source opens it at the quoted passage. */
  readonly linkToPassage?: boolean;
  /** The longest side of an image as this blog receives it; the default when not said. */
  readonly maxImageSide?: number;
}

/**
 * A draft as any adapter sends it: the preview's HTML (the one shared renderer), the title, and
 * the hashtags as tags, optionally also appended to the title. The slug comes from the writer's
 * own title, never from the hashtags added to it.
 */
export function outgoingPost(
  content: DraftContent,
  options: {
    readonly identity: ClientIdentity;
    readonly schedule: PostSchedule;
    readonly style: PostStyle;
    /** The blog it goes to, whose categories it takes. */
    readonly accountId?: string;
  },
): OutgoingPost {
  const postOptions = postOptionsOf(content);
  return {
    identity: options.identity,
    content,
    title: publishedTitle(content, options.style.hashtagsInTitle),
    slug: postSlug(content.title, postOptions.slug),
    summary: postOptions.summary.trim(),
    categories: options.accountId === undefined ? [] : (postOptions.categories[options.accountId] ?? []),
    html: renderPostBody(content, {
      attribution: options.style.attribution ?? 'via',
      linkToPassage: options.style.linkToPassage ?? false,
    }),
    tags: content.hashtags,
    schedule: options.schedule,
  };
}
