import { contentHash } from '../../../shared/model/contentHash';
import { ClientIdentitySchema, type PullReport, type RemoteLink } from '../../../shared/model/outbox';
import type { DraftLibrary } from '../library/draftLibrary';
import type { BlogAdapter } from '../publishing/blogAdapter';
import type { PostStyle } from '../publishing/outgoingPost';
import { draftFromRemote } from './remoteDraft';
import { remoteLinkOf } from './remoteLink';

/**
 * Brings the account's most recent posts into the library as drafts linked to them, so they can
 * be edited offline and updated; the blog is the shared truth between a writer's machines.
 * Posts already linked to a draft (in or out of the trash) are left alone.
 */
export async function pullRecent(options: {
  readonly library: Pick<DraftLibrary, 'create'>;
  /** The remote ids of the account's posts that drafts here are already linked to. */
  readonly linked: ReadonlySet<string>;
  readonly count: number;
  readonly adapter: BlogAdapter;
  readonly style: PostStyle;
  /** Records the new draft's link to its post (the outbox's record). */
  readonly link: (draftId: string, remote: RemoteLink, identity: string | null) => Promise<void>;
}): Promise<PullReport> {
  const recent = await options.adapter.listRecent(options.count);
  const linked = new Set(options.linked);
  const imported: string[] = [];
  let skipped = 0;
  for (const remote of recent) {
    if (linked.has(remote.remoteId)) {
      skipped += 1;
      continue;
    }
    const draft = await options.library.create(draftFromRemote(remote, options.style));
    await options.link(
      draft.id,
      remoteLinkOf(remote, contentHash(draft)),
      ClientIdentitySchema.safeParse(remote.identity).data ?? null,
    );
    linked.add(remote.remoteId);
    imported.push(draft.id);
  }
  return { imported, skipped };
}
