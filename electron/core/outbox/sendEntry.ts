import type { Draft } from '../../../shared/model/draft';
import { contentHash } from '../../../shared/model/contentHash';
import { hashtagKey } from '../../../shared/model/hashtags';
import type { OutboxEntry, OutboxSchedule, RemoteLink } from '../../../shared/model/outbox';
import { AppError } from '../../../shared/result';
import type { BlogAdapter, OutgoingPost, PostSchedule, RemotePost } from '../publishing/blogAdapter';
import { featuredReference } from '../publishing/imageUpload';
import { outgoingPost, type PostStyle } from '../publishing/outgoingPost';
import type { BlogImages } from './sendImages';

/** What one attempt achieved on the blog. */
export type SendResult =
  | { readonly kind: 'published'; readonly remote: RemotePost; readonly sentHash: string }
  | { readonly kind: 'conflict'; readonly remote: RemotePost }
  | { readonly kind: 'removed' };

export interface SendRequest {
  readonly entry: OutboxEntry;
  /** The post on the blog as the outbox knows it now; null before it was created. */
  readonly link: RemoteLink | null;
  /** The draft as it is now, or null when it no longer exists. */
  readonly draft: Draft | null;
  readonly adapter: BlogAdapter;
  readonly style: PostStyle;
  /** Uploads the post's images (once per blog) before the post that uses them. */
  readonly images: BlogImages;
}

/**
 * One attempt at an entry, exactly once: a post that an earlier attempt may have created is
 * looked up by its client identity before anything is created, and an update first reads the
 * post so that an edit made on the blog is held as a conflict instead of overwritten.
 */
export async function sendEntry(request: SendRequest): Promise<SendResult> {
  const { entry, draft, adapter, link } = request;
  if (entry.action === 'delete') {
    const remoteId = link?.remoteId ?? (await adapter.findByIdentity(entry.identity))?.remoteId;
    if (remoteId !== undefined) await adapter.delete(remoteId);
    return { kind: 'removed' };
  }
  if (!draft) {
    throw new AppError('not-found', 'The draft was deleted from the library, so there is nothing to publish.');
  }
  const sentHash = contentHash(draft);
  const images = await request.images.send({
    accountId: entry.accountId,
    draft,
    adapter,
    mayHaveUploaded: entry.mayExist,
    ...(request.style.maxImageSide === undefined ? {} : { maxImageSide: request.style.maxImageSide }),
  });
  const post = (identity: string): OutgoingPost =>
    images.place(
      outgoingPost(draft, {
        identity,
        schedule: postSchedule(entry.schedule),
        style: request.style,
        accountId: entry.accountId,
      }),
    );
  if (link === null) {
    const wanted = post(entry.identity);
    const found = entry.mayExist ? await adapter.findByIdentity(entry.identity, { slug: wanted.slug }) : null;
    if (found === null) return { kind: 'published', remote: await createOnce(adapter, wanted), sentHash };
    // Our own earlier attempt made it: bring it up to date if the draft changed since.
    const remote = holdsPost(adapter, found, wanted) ? found : await adapter.update(found.remoteId, wanted);
    return { kind: 'published', remote, sentHash };
  }
  const remote = await adapter.get(link.remoteId);
  const wanted = post(remote.identity ?? entry.identity);
  // Already there: an interrupted attempt got through, or the blog was edited to match.
  if (holdsPost(adapter, remote, wanted)) return { kind: 'published', remote, sentHash };
  if (!entry.force && remote.modifiedAt !== link.remoteModifiedAt) return { kind: 'conflict', remote };
  return { kind: 'published', remote: await adapter.update(link.remoteId, wanted), sentHash };
}

const STRAY_DELETE_TRIES = 3;

/**
 * Creates the post, and undoes a second copy. A blog that hands back another slug than the one
 * sent (WordPress and Ghost make a taken slug unique with "-2") may already hold a post with our
 * identity, made by an earlier attempt that was still under way on the server when we looked for
 * it; or the slug was taken by another post, and ours is the only one.
 */
async function createOnce(adapter: BlogAdapter, post: OutgoingPost): Promise<RemotePost> {
  const created = await adapter.create(post);
  if (created.slug === null || sameSlug(created.slug, post)) return created;
  const earlier = await adapter.findByIdentity(post.identity, { slug: post.slug });
  if (earlier === null || earlier.remoteId === created.remoteId) return created;
  for (let tries = 1; ; tries += 1) {
    try {
      await adapter.delete(created.remoteId);
      break;
    } catch (error) {
      if (tries >= STRAY_DELETE_TRIES) throw error;
    }
  }
  return holdsPost(adapter, earlier, post) ? earlier : adapter.update(earlier.remoteId, post);
}

/** Whether the blog kept the slug as sent, in either spelling (blogs lowercase and may transliterate). */
function sameSlug(slug: string, post: OutgoingPost): boolean {
  const kept = slug.toLocaleLowerCase('und');
  return kept === post.slug.own || kept === post.slug.latin;
}

export function postSchedule(schedule: OutboxSchedule): PostSchedule {
  return schedule.status === 'future' ? { status: 'future', date: new Date(schedule.date) } : schedule;
}

/**
 * True when the blog already shows exactly this post: title, tags, body, status, and the excerpt
 * and categories where the blog keeps them (categories when any were chosen: else the blog's own
 * default stands).
 */
function holdsPost(adapter: BlogAdapter, remote: RemotePost, post: OutgoingPost): boolean {
  const tags = (names: readonly string[]): string => [...new Set(names.map(hashtagKey))].sort().join(' ');
  const names = (list: readonly string[]): string =>
    [...new Set(list.map((name) => name.trim().toLocaleLowerCase('und')))].sort().join('\n');
  const status = post.schedule.status === 'future' ? ['future', 'publish'] : [post.schedule.status];
  return (
    remote.title === post.title &&
    tags(remote.tags) === tags(post.tags) &&
    (remote.summary === null || remote.summary.trim() === post.summary) &&
    (remote.categories === null ||
      post.categories.length === 0 ||
      names(remote.categories) === names(post.categories)) &&
    remote.content.trim() === adapter.storedContent(post).trim() &&
    status.includes(remote.status) &&
    // An adapter that does not read the featured image cannot say it is there: send it again.
    (remote.featuredImage === undefined
      ? featuredReference(post.featuredImage) === null
      : remote.featuredImage === featuredReference(post.featuredImage))
  );
}
