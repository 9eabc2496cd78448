import type { PublishState } from '../../../shared/model/draft';
import type { OutboxEntry, RemoteLink } from '../../../shared/model/outbox';
import type { PostLink } from './linkStore';
import { isPending } from './queue';

/** Everything the outbox keeps about one draft's post on one blog. */
export interface PostRecords {
  /** Its entries, oldest first. */
  readonly entries: readonly OutboxEntry[];
  /** Its link record, when one was written. */
  readonly link: PostLink | undefined;
}

/** The post on the blog as last known, and the identity stamped on it; null when nothing is known. */
export interface KnownPost {
  readonly remote: RemoteLink | null;
  readonly identity: string | null;
}

/**
 * What the outbox last learnt of the post: from the record with the highest sequence, an entry
 * (which carries the post as known when it was recorded, and as it left it once finished) or
 * the link record. Null when the outbox never dealt with this post.
 */
export function knownPost(records: PostRecords): KnownPost | null {
  const latest = records.entries.at(-1);
  const { link } = records;
  if (link && (!latest || link.sequence > latest.sequence)) return { remote: link.remote, identity: link.identity };
  if (latest) return { remote: latest.remote, identity: latest.identity };
  return null;
}

/**
 * Where the draft stands on the blog, derived from the outbox's records and the draft's content
 * hash (null for a draft deleted for good): a publish under way first, then an entry that needs
 * the writer, then the post as last known, "changed since publish" when the draft's content is no
 * longer what was sent, and whether the blog holds it as a draft or until a time (as it last said).
 */
export function targetState(records: PostRecords, contentHash: string | null): PublishState {
  const publishing = records.entries.filter((entry) => entry.action === 'publish' && isPending(entry));
  const sending = publishing.find((entry) => entry.state.state === 'sending');
  if (sending?.state.state === 'sending') return { state: 'sending', startedAt: sending.state.startedAt };
  const [queued] = publishing;
  if (queued) return { state: 'queued', queuedAt: queued.createdAt };
  const { link } = records;
  const latest = records.entries.at(-1);
  if (link?.standing && (!latest || link.sequence > latest.sequence)) return link.standing;
  const settled = records.entries.findLast((entry) => entry.state.state !== 'cancelled');
  if (settled?.state.state === 'needs-you' && !isSupersededByLink(records, settled)) {
    const { reason, cause, conflict } = settled.state;
    if (conflict && settled.remote) {
      return { state: 'conflict', remoteId: settled.remote.remoteId, remoteModifiedAt: conflict.remoteModifiedAt };
    }
    return { state: 'needs-you', reason, cause };
  }
  const remote = knownPost(records)?.remote ?? null;
  if (!remote) return { state: 'not-published' };
  const { held, ...onBlog } = remote;
  const changed = contentHash !== null && contentHash !== onBlog.sentHash;
  // How the blog holds the post is part of the record of it, so it outlives the entry that sent it.
  return { state: changed ? 'changed-since-publish' : 'published', ...onBlog, ...(held ? { held } : {}) };
}

function isSupersededByLink(records: PostRecords, entry: OutboxEntry): boolean {
  return records.link !== undefined && records.link.sequence > entry.sequence;
}
