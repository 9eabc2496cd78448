import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthorization } from '../../../electron/core/publishing/http/request';
import { contentHash } from '../../../shared/model/contentHash';
import type { Draft, DraftContent } from '../../../shared/model/draft';
import { renderPostBody } from '../../../shared/render/post';
import { wordPressBlocks } from '../../../electron/core/publishing/wordpress/blocks';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { startWordPress, wordPressSkipReason, type WordPressServer } from '../../servers/wordpress';
import { openHarness, restAdapter, type Harness } from './support/harness';

const skipReason = wordPressSkipReason();
const ACCOUNT = 'conflict-blog-account';
const newFolder = useTempFolders();

describe.skipIf(skipReason !== null)('an update after the post was edited on the blog', () => {
  let server: WordPressServer;
  let harness: Harness | null = null;

  beforeAll(async () => {
    server = await startWordPress();
  }, 60_000);

  afterAll(async () => {
    await server.stop();
  });

  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  /** Edits the post as someone on the blog would, through WordPress's own REST API. */
  async function editOnTheBlog(remoteId: string, changes: { title: string; content: string }): Promise<void> {
    const response = await fetch(`${server.url}/wp-json/wp/v2/posts/${remoteId}`, {
      method: 'POST',
      headers: {
        authorization: basicAuthorization(server.user, server.applicationPassword),
        'content-type': 'application/json',
      },
      body: JSON.stringify(changes),
    });
    expect(response.status).toBe(200);
  }

  /**
   * Publishes a post, edits it on the blog past the next second (modified_gmt has one-second
   * resolution), edits the draft here, and asks for the update.
   */
  async function conflictingEdits(): Promise<{ draft: Draft; local: DraftContent; remoteId: string }> {
    harness = await openHarness(await newFolder(), { [ACCOUNT]: restAdapter(server.url, server) });
    const { library, outbox } = harness;
    const content = { ...reblogPost(), title: `Conflict test ${Date.now()}` };
    const draft = await library.create(content);
    const published = await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    if (published.kind !== 'published') throw new Error(`expected published, got ${published.kind}`);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await editOnTheBlog(published.remoteId, {
      title: `${content.title} (fixed on the blog)`,
      content: '<!-- wp:paragraph -->\n<p>Rewritten on the blog.</p>\n<!-- /wp:paragraph -->',
    });
    const local: DraftContent = { ...content, commentary: `${content.commentary}\n\nAdded here, offline.` };
    await library.save(draft.id, local);
    return { draft, local, remoteId: published.remoteId };
  }

  it('holds the update as a conflict, and shows both sides', async () => {
    const { draft, local, remoteId } = await conflictingEdits();
    if (!harness) return;
    const { outbox, targetOf } = harness;

    const outcome = await outbox.update({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });

    expect(outcome).toMatchObject({
      kind: 'needs-you',
      reason: expect.stringMatching(/changed on the blog/) as unknown,
    });
    const target = await targetOf(draft.id, ACCOUNT);
    expect(target).toMatchObject({ state: 'conflict', remoteId });
    const remote = await restAdapter(server.url, server).get(remoteId);
    expect(remote.title).toMatch(/fixed on the blog/);
    expect(target?.state === 'conflict' && target.remoteModifiedAt).toBe(remote.modifiedAt);

    const details = await outbox.conflictDetails(draft.id, ACCOUNT);
    expect(details.local).toEqual({ title: local.title, html: renderPostBody(local), tags: local.hashtags });
    expect(details.remote.title).toBe(remote.title);
    expect(details.remote.html).toContain('Rewritten on the blog.');
    expect([...details.remote.tags].sort()).toEqual(['ISIS', 'Iraq']);
    expect(outbox.list().at(-1)?.state).toEqual({
      state: 'needs-you',
      reason: expect.stringMatching(/changed on the blog/) as unknown,
      cause: 'other',
      conflict: { remoteModifiedAt: remote.modifiedAt },
    });
  });

  it('"keep mine" overwrites the blog with the draft', async () => {
    const { draft, local, remoteId } = await conflictingEdits();
    if (!harness) return;
    const { outbox, targetOf } = harness;
    await outbox.update({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });

    const outcome = await outbox.resolveConflict(draft.id, ACCOUNT, 'keep-mine');

    expect(outcome).toMatchObject({ kind: 'published', remoteId });
    const remote = await restAdapter(server.url, server).get(remoteId);
    expect(remote.title).toBe(local.title);
    expect(remote.content).toBe(wordPressBlocks(renderPostBody(local), outbox.list().at(-1)?.identity));
    expect(await targetOf(draft.id, ACCOUNT)).toEqual({
      state: 'published',
      remoteId,
      url: remote.url,
      remoteModifiedAt: remote.modifiedAt,
      sentHash: contentHash(local),
    });
    expect(outbox.list().filter((entry) => entry.state.state === 'needs-you')).toEqual([]);
  });

  it('"take theirs" makes the blog\'s version the draft, published as of the blog\'s time', async () => {
    const { draft, local, remoteId } = await conflictingEdits();
    if (!harness) return;
    const { outbox, view } = harness;
    await outbox.update({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    const before = await restAdapter(server.url, server).get(remoteId);

    const outcome = await outbox.resolveConflict(draft.id, ACCOUNT, 'take-theirs');

    expect(outcome).toMatchObject({ kind: 'published', remoteId });
    const after = await restAdapter(server.url, server).get(remoteId);
    expect(after.modifiedAt).toBe(before.modifiedAt);
    expect(after.title).toBe(before.title);
    const taken = await view.get(draft.id);
    expect(taken.title).toBe(before.title);
    expect(taken.commentary).toBe('Rewritten on the blog.');
    expect([...taken.hashtags].sort()).toEqual(['ISIS', 'Iraq']);
    expect(taken.targets[ACCOUNT]).toEqual({
      state: 'published',
      remoteId,
      url: after.url,
      remoteModifiedAt: after.modifiedAt,
      sentHash: contentHash(taken),
    });
    expect(taken.commentary).not.toContain(local.commentary);
    expect(outbox.list().filter((entry) => entry.state.state === 'needs-you')).toEqual([]);
  });

  it('merging by hand: edit the draft, then keep mine; a later update goes through without a conflict', async () => {
    const { draft, local, remoteId } = await conflictingEdits();
    if (!harness) return;
    const { library, outbox } = harness;
    await outbox.update({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    const merged: DraftContent = { ...local, title: `${local.title} (fixed on the blog)` };
    await library.save(draft.id, merged);
    await outbox.resolveConflict(draft.id, ACCOUNT, 'keep-mine');
    const later: DraftContent = { ...merged, commentary: `${merged.commentary}\n\nOne more line.` };
    await library.save(draft.id, later);

    const outcome = await outbox.update({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });

    expect(outcome).toMatchObject({ kind: 'published', remoteId });
    const remote = await restAdapter(server.url, server).get(remoteId);
    expect(remote.title).toBe(merged.title);
    expect(remote.content).toContain('One more line.');
  });
});
