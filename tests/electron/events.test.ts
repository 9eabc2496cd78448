import { describe, expect, it } from 'vitest';
import { AppEventSchema, type AppEvent } from '../../shared/contract';
import { contentHash } from '../../shared/model/contentHash';
import { PublishingError } from '../../electron/core/publishing/publishingError';
import { reblogPost } from '../support/fixtures';
import { useTempFolders } from '../support/tempFolder';
import { openHarness, type Harness } from './outbox/support/harness';
import { MemoryBlog } from './outbox/support/memoryBlog';

const newFolder = useTempFolders();
const ACCOUNT = 'blog-account-1';

/** The events `act` made the core announce, each checked against the contract. */
async function eventsOf(harness: Harness, act: () => Promise<unknown>): Promise<AppEvent[]> {
  harness.events.length = 0;
  await act();
  const events = [...harness.events];
  for (const event of events) expect(AppEventSchema.parse(event)).toEqual(event);
  return events;
}

describe('the core announces each change with what changed, and nothing else', () => {
  it('a save: the draft’s new summary; tag counts only when its hashtags changed', async () => {
    const harness = await openHarness(await newFolder(), {});
    const draft = await harness.library.create(reblogPost());
    const edited = { ...reblogPost(), title: 'Edited' };

    expect(await eventsOf(harness, () => harness.library.save(draft.id, edited))).toEqual([
      { type: 'draft-changed', summary: harness.view.summary(draft.id) },
    ]);
    expect(harness.view.summary(draft.id)).toMatchObject({ title: 'Edited', revision: 2, status: 'draft' });

    const tagged = { ...edited, hashtags: ['ISIS', 'Mosul'] };
    expect(await eventsOf(harness, () => harness.library.save(draft.id, tagged))).toEqual([
      { type: 'draft-changed', summary: harness.view.summary(draft.id) },
      { type: 'tags-changed', tags: await harness.library.tags() },
    ]);
    expect(await harness.library.tags()).toEqual([
      { tag: 'ISIS', count: 1 },
      { tag: 'Mosul', count: 1 },
    ]);
    await harness.close();
  });

  it('a publish: each state of its entry, and of the draft on the blog, once, in order', async () => {
    const harness = await openHarness(await newFolder(), { [ACCOUNT]: new MemoryBlog() });
    const content = reblogPost();
    const draft = await harness.library.create(content);

    const events = await eventsOf(harness, () =>
      harness.outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } }),
    );

    const [entry] = harness.outbox.list();
    if (!entry?.remote) throw new Error('not published');
    // Published now: the blog shows the post, so the state says nothing of holding it.
    const shown = { ...entry.remote, held: undefined };
    const target = { type: 'target-changed', draftId: draft.id, accountId: ACCOUNT } as const;
    expect(events).toEqual([
      { type: 'outbox-entry-changed', entry: { ...entry, attempts: 0, remote: null, state: { state: 'queued' } } },
      { ...target, state: { state: 'queued', queuedAt: entry.createdAt }, status: 'queued' },
      {
        type: 'outbox-entry-changed',
        entry: {
          ...entry,
          mayExist: true,
          remote: null,
          state: { state: 'sending', startedAt: expect.any(String) as unknown },
        },
      },
      { ...target, state: { state: 'sending', startedAt: expect.any(String) as unknown }, status: 'queued' },
      { type: 'outbox-entry-changed', entry },
      { ...target, state: { state: 'published', ...shown }, status: 'published' },
    ]);
    expect(entry.remote.sentHash).toBe(contentHash(content));

    // A later save makes it "changed since publish": the target and the draft's status say so.
    const edited = { ...content, title: 'Edited after publishing' };
    expect(await eventsOf(harness, () => harness.library.save(draft.id, edited))).toEqual([
      { ...target, state: { state: 'changed-since-publish', ...shown }, status: 'changed' },
      { type: 'draft-changed', summary: { ...harness.view.summary(draft.id), status: 'changed' } },
    ]);
    await harness.close();
  });

  it('an outbox retry: the entry and the target as it goes out again', async () => {
    const blog = new MemoryBlog();
    const harness = await openHarness(await newFolder(), { [ACCOUNT]: blog });
    const draft = await harness.library.create(reblogPost());
    blog.fail(() => new PublishingError('bad-credentials', 'The blog did not accept the password.'));
    await harness.outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    const [held] = harness.outbox.list();
    if (held?.state.state !== 'needs-you') throw new Error('expected the entry to need the writer');
    blog.recover();

    const events = await eventsOf(harness, () => harness.outbox.retry(held.id));

    expect(events.map((event) => (event.type === 'target-changed' ? event.state.state : event.type))).toEqual([
      'outbox-entry-changed',
      'queued',
      'outbox-entry-changed',
      'sending',
      'outbox-entry-changed',
      'published',
    ]);
    expect(events.at(-2)).toEqual({ type: 'outbox-entry-changed', entry: harness.outbox.list()[0] });
    await harness.close();
  });

  it('trash, restore and emptying the trash: the summaries, the tag counts, and which drafts are gone', async () => {
    const harness = await openHarness(await newFolder(), {});
    const draft = await harness.library.create(reblogPost());

    expect(await eventsOf(harness, () => harness.library.trash(draft.id))).toEqual([
      { type: 'draft-changed', summary: harness.view.summary(draft.id) },
      { type: 'tags-changed', tags: [] },
    ]);
    expect(await eventsOf(harness, () => harness.library.emptyTrash())).toEqual([
      { type: 'drafts-deleted', ids: [draft.id] },
    ]);
    await harness.close();
  });
});
