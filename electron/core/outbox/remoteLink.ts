import { HeldLinkSchema, type BlogHold } from '../../../shared/model/draft';
import type { RemoteLink } from '../../../shared/model/outbox';
import type { RemotePost } from '../publishing/blogAdapter';

/**
 * The outbox's record of a post from the blog's own answer: where it is, what was sent, and how
 * the blog holds it. Kept with the post, so that "a draft on the blog" or "scheduled for …" stays
 * true after the entry that sent it is pruned, after a pull and after a settled conflict.
 */
export function remoteLinkOf(remote: RemotePost, sentHash: string): RemoteLink {
  return {
    remoteId: remote.remoteId,
    url: remote.url,
    remoteModifiedAt: remote.modifiedAt,
    sentHash,
    held: holdOf(remote),
  };
}

/**
 * How the blog holds the post, from the status it answered with: a post waiting for review is as
 * unseen as a draft; a private or trashed one is neither held for later nor on show, and its
 * address is all there is to offer.
 */
function holdOf(remote: RemotePost): BlogHold | null {
  // A link the blog made malformed is not offered, rather than stored and refused on the next read.
  const open = remote.heldLink === null ? null : (HeldLinkSchema.safeParse(remote.heldLink).data ?? null);
  switch (remote.status) {
    case 'draft':
    case 'pending':
      return { as: 'draft', open };
    case 'future':
      return { as: 'scheduled', until: remote.publishedAt, open };
    case 'publish':
    case 'private':
    case 'trash':
      return null;
  }
}
