import { contentHash } from '../../../shared/model/contentHash';
import type { Draft } from '../../../shared/model/draft';
import type { ConflictDetails, RemoteLink } from '../../../shared/model/outbox';
import type { DraftLibrary } from '../library/draftLibrary';
import type { BlogAdapter } from '../publishing/blogAdapter';
import { outgoingPost, type PostStyle } from '../publishing/outgoingPost';
import { draftFromRemote } from './remoteDraft';
import { remoteLinkOf } from './remoteLink';

/** The draft as it would be sent and the post as the blog now holds it. */
export async function conflictDetails(options: {
  readonly draft: Draft;
  readonly accountId: string;
  readonly remoteId: string;
  readonly adapter: BlogAdapter;
  readonly style: PostStyle;
}): Promise<ConflictDetails> {
  const { draft, adapter } = options;
  const remote = await adapter.get(options.remoteId);
  const local = outgoingPost(draft, {
    identity: remote.identity ?? 'local',
    schedule: { status: 'publish' },
    style: options.style,
    accountId: options.accountId,
  });
  return {
    draftId: draft.id,
    accountId: options.accountId,
    remoteId: remote.remoteId,
    url: remote.url,
    remoteModifiedAt: remote.modifiedAt,
    local: { title: local.title, html: local.html, tags: [...local.tags] },
    remote: { title: remote.title, html: remote.renderedContent ?? remote.content, tags: [...remote.tags] },
  };
}

/**
 * "Take theirs": the blog's version becomes the draft (saved like any edit, so the library's
 * revision history applies). Returns the post as it now stands for the draft: published as of
 * the blog's modified time, with the draft's new content as what was sent.
 */
export async function takeTheirs(options: {
  readonly library: Pick<DraftLibrary, 'save'>;
  readonly draftId: string;
  readonly remoteId: string;
  readonly adapter: BlogAdapter;
  readonly style: PostStyle;
}): Promise<RemoteLink> {
  const remote = await options.adapter.get(options.remoteId);
  const saved = await options.library.save(options.draftId, draftFromRemote(remote, options.style));
  return remoteLinkOf(remote, contentHash(saved));
}
