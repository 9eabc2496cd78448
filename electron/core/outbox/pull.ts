import { contentHash } from '../../../shared/model/contentHash';
import type { PullReport } from '../../../shared/model/outbox';
import type { DraftLibrary } from '../library/draftLibrary';
import type { BlogAdapter } from '../publishing/blogAdapter';
import type { PostStyle } from '../publishing/outgoingPost';
import { draftFromRemote } from './remoteDraft';

/**
 * Brings the account's most recent posts into the library as drafts linked to them, so they can
 * be edited offline and updated; the blog is the shared truth between a writer's machines.
 * Posts already linked to a draft (in or out of the trash) are left alone.
 */
export async function pullRecent(options: {
  readonly library: Pick<DraftLibrary, 'list' | 'get' | 'create' | 'setPublishState'>;
  readonly accountId: string;
  readonly count: number;
  readonly adapter: BlogAdapter;
  readonly style: PostStyle;
}): Promise<PullReport> {
  const { library, accountId } = options;
  const recent = await options.adapter.listRecent(options.count);
  const linked = await linkedRemoteIds(library, accountId);
  const imported: string[] = [];
  let skipped = 0;
  for (const remote of recent) {
    if (linked.has(remote.remoteId)) {
      skipped += 1;
      continue;
    }
    const draft = await library.create(draftFromRemote(remote, options.style));
    await library.setPublishState(draft.id, accountId, {
      state: 'published',
      remoteId: remote.remoteId,
      url: remote.url,
      remoteModifiedAt: remote.modifiedAt,
      sentHash: contentHash(draft),
    });
    linked.add(remote.remoteId);
    imported.push(draft.id);
  }
  return { imported, skipped };
}

/** The remote ids of the account's posts that drafts here are linked to. Reads every draft that is not plain local. */
async function linkedRemoteIds(library: Pick<DraftLibrary, 'list' | 'get'>, accountId: string): Promise<Set<string>> {
  const summaries = [...(await library.list()), ...(await library.list({ trash: 'only' }))];
  const ids = new Set<string>();
  for (const summary of summaries) {
    if (summary.status === 'draft') continue;
    const target = (await library.get(summary.id)).targets[accountId];
    if (target && 'remoteId' in target) ids.add(target.remoteId);
  }
  return ids;
}
