import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EntryStore } from '../../../electron/core/outbox/entryStore';
import type { OutgoingPost } from '../../../electron/core/publishing/blogAdapter';
import { newClientIdentity } from '../../../electron/core/publishing/clientIdentity';
import { outgoingPost } from '../../../electron/core/publishing/outgoingPost';
import { contentHash } from '../../../shared/model/contentHash';
import type { DraftContent } from '../../../shared/model/draft';
import type { OutboxEntry } from '../../../shared/model/outbox';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { startFaultProxy, type Fault, type FaultProxy, type ProxiedRequest } from '../../servers/faultProxy';
import { startWordPress, wordPressSkipReason, type WordPressServer } from '../../servers/wordpress';
import {
  eventually,
  openHarness,
  postsWithIdentity,
  restAdapter,
  trashedCopies,
  type Harness,
} from './support/harness';

const skipReason = wordPressSkipReason();
const ACCOUNT = 'blog-account-1';
const CLIENT_TIMEOUT_MS = 1_500;
const newFolder = useTempFolders();

/** A post-creating or post-updating request, as opposed to the tag lookups that precede it. */
function postWrite(request: ProxiedRequest): boolean {
  return request.method === 'POST' && /wp\/v2\/posts/.test(decodeURIComponent(request.path));
}

/** The draft as the outbox sends it to this blog under `identity`. */
function sentAs(content: DraftContent, identity: string): OutgoingPost {
  return outgoingPost(content, { identity, schedule: { status: 'publish' }, style: { hashtagsInTitle: false } });
}

let counter = 0;
function uniquePost(): DraftContent {
  counter += 1;
  return { ...reblogPost(), title: `Outbox test post ${counter} ${Date.now()}` };
}

describe.skipIf(skipReason !== null)('the outbox against a real WordPress, through a fault proxy', () => {
  let server: WordPressServer;
  let proxy: FaultProxy;
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
    await proxy.stop();
  });

  /** A fresh library and outbox publishing to the blog through a new fault proxy. */
  async function setUp(overrides: Parameters<typeof openHarness>[2] = {}): Promise<Harness> {
    proxy = await startFaultProxy({ target: server.url, lifetimeMs: 60_000 });
    harness = await openHarness(
      await newFolder(),
      { [ACCOUNT]: restAdapter(proxy.url, server, CLIENT_TIMEOUT_MS) },
      overrides,
    );
    return harness;
  }

  const direct = (): ReturnType<typeof restAdapter> => restAdapter(server.url, server);

  function entryFor(draftId: string): OutboxEntry {
    const entry = harness?.outbox.list().findLast((candidate) => candidate.draftId === draftId);
    if (!entry) throw new Error(`no outbox entry for ${draftId}`);
    return entry;
  }

  it('publishes at once when online: the post on the blog is the preview, the target remembers it', async () => {
    const { library, outbox, events, targetOf } = await setUp();
    const content = uniquePost();
    const draft = await library.create(content);

    const outcome = await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });

    expect(outcome.kind).toBe('published');
    if (outcome.kind !== 'published') return;
    const remote = await direct().get(outcome.remoteId);
    expect(remote.title).toBe(content.title);
    expect(remote.content).toBe(direct().storedContent(sentAs(content, entryFor(draft.id).identity)));
    expect([...remote.tags].sort()).toEqual(['ISIS', 'Iraq']);
    expect(await targetOf(draft.id, ACCOUNT)).toEqual({
      state: 'published',
      remoteId: remote.remoteId,
      url: remote.url,
      remoteModifiedAt: remote.modifiedAt,
      sentHash: contentHash(content),
    });
    expect(entryFor(draft.id).state.state).toBe('done');
    expect(events).toContainEqual({
      type: 'target-changed',
      draftId: draft.id,
      accountId: ACCOUNT,
      state: await targetOf(draft.id, ACCOUNT),
      status: 'published',
    });
  });

  it('records the entry while offline, sends nothing, and publishes when the connection returns', async () => {
    const { library, outbox, targetOf } = await setUp();
    const draft = await library.create(uniquePost());
    outbox.setOnline(false);

    const outcome = await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });

    expect(outcome).toMatchObject({ kind: 'queued', nextAttemptAt: null });
    expect(proxy.requests()).toBe(0);
    expect((await targetOf(draft.id, ACCOUNT))?.state).toBe('queued');
    const { identity } = entryFor(draft.id);
    outbox.setOnline(true);
    await eventually(async () => (await targetOf(draft.id, ACCOUNT))?.state === 'published');
    expect(await postsWithIdentity(direct(), identity)).toHaveLength(1);
  });

  const ambiguous: readonly (readonly [string, Fault])[] = [
    ['the answer is lost after the blog committed', { kind: 'reset-after' }],
    ['the answer comes after the client gave up', { kind: 'slow', delayMs: CLIENT_TIMEOUT_MS + 1_000 }],
    ['the connection drops before the blog sees the request', { kind: 'reset-before' }],
    ['a 500 comes back', { kind: 'status', status: 500 }],
  ];

  /** No background retries (no timers, a long backoff): the test's drain makes the next attempt. */
  const manualTimers = {
    setTimer: () => () => undefined,
    backoff: { baseMs: 60_000, maxMs: 60_000, maxRetryAfterMs: 60_000, settleMs: 60_000 },
  };

  it.each(ambiguous)('when %s, the next attempt finds or makes exactly one post', async (_what, fault) => {
    const { library, outbox, targetOf } = await setUp(manualTimers);
    const draft = await library.create(uniquePost());
    proxy.inject(fault, postWrite);

    const first = await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    expect(first.kind).toBe('queued');
    const entry = entryFor(draft.id);
    expect(entry).toMatchObject({ mayExist: true, attempts: 1, state: { state: 'retrying' } });

    const report = await outbox.drain();

    expect(report).toMatchObject({ done: 1, needsYou: 0, pending: 0 });
    const posts = await postsWithIdentity(direct(), entry.identity);
    expect(posts).toHaveLength(1);
    expect(await trashedCopies(server.url, server, entry.identity)).toBe(0);
    const target = await targetOf(draft.id, ACCOUNT);
    expect(target).toMatchObject({ state: 'published', remoteId: posts[0]?.remoteId });
    expect(proxy.faults()).toMatchObject({ [fault.kind]: 1 });
  });

  it('honours Retry-After on a 429: the blog is left alone until then, and the drain sends it', async () => {
    const start = new Date('2026-01-01T10:00:00.000Z');
    const delays: number[] = [];
    const { library, outbox } = await setUp({
      now: () => start,
      random: () => 0,
      setTimer: (_callback, delayMs) => {
        delays.push(delayMs);
        return () => undefined;
      },
    });
    const first = await library.create(uniquePost());
    const second = await library.create(uniquePost());
    proxy.inject({ kind: 'status', status: 429, retryAfterSeconds: 7 }, postWrite);

    const outcome = await outbox.publish({ draftId: first.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    expect(outcome).toMatchObject({ kind: 'queued', nextAttemptAt: '2026-01-01T10:00:07.000Z' });
    // The background drain wakes exactly when the blog said it may be asked again.
    expect(delays.at(-1)).toBe(7_000);
    expect(await postsWithIdentity(direct(), entryFor(first.id).identity)).toEqual([]);
    const requestsBefore = proxy.requests();
    const waiting = await outbox.publish({ draftId: second.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    expect(waiting.kind).toBe('queued');
    expect(proxy.requests()).toBe(requestsBefore);

    expect(await outbox.drain()).toMatchObject({ done: 2, pending: 0 });
  });

  it('does not retry what cannot succeed: 403 and 401 go to needs-you with the reason', async () => {
    const folder = await newFolder();
    proxy = await startFaultProxy({ target: server.url, lifetimeMs: 60_000 });
    harness = await openHarness(folder, {
      'contributor-account': restAdapter(server.url, server.contributor),
      'wrong-password-account': restAdapter(server.url, { user: server.user, applicationPassword: 'wrong' }),
    });
    const { library, outbox, targetOf } = harness;
    for (const [accountId, reason, cause] of [
      ['contributor-account', /not allow/, 'other'],
      ['wrong-password-account', /refused the password; update it in the blog's settings/, 'credentials'],
    ] as const) {
      const draft = await library.create(uniquePost());
      const outcome = await outbox.publish({ draftId: draft.id, accountId, schedule: { status: 'publish' } });
      // The cause says which remedy helps (the CLI's --json gives it too).
      expect(outcome).toMatchObject({ kind: 'needs-you', reason: expect.stringMatching(reason) as unknown, cause });
      expect(await targetOf(draft.id, accountId)).toMatchObject({ state: 'needs-you' });
      const entry = entryFor(draft.id);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(entryFor(draft.id).attempts).toBe(1);
      expect((await outbox.drain()).tried).toHaveLength(0);
      expect(await outbox.retry(entry.id)).toMatchObject({ attempts: 2, state: { state: 'needs-you' } });
    }
  });

  it('an entry left "sending" by a killed process is checked on the blog at restart, not sent twice', async () => {
    const { library, outbox } = await setUp();
    const draft = await library.create(uniquePost());
    outbox.setOnline(false);
    await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    const entry = entryFor(draft.id);
    // What the killed process had sent: the post is on the blog, its answer never recorded.
    const sent = await direct().create(sentAs(draft, entry.identity));
    await harness?.close();
    await new EntryStore(library.folder).save({
      ...entry,
      attempts: 1,
      state: { state: 'sending', startedAt: new Date().toISOString() },
    });

    harness = await openHarness(
      library.folder,
      { [ACCOUNT]: restAdapter(proxy.url, server, CLIENT_TIMEOUT_MS) },
      { online: false },
    );
    expect(harness.outbox.list()[0]).toMatchObject({ mayExist: true });
    const report = await harness.outbox.drain();

    expect(report.done).toBe(1);
    expect(await postsWithIdentity(direct(), entry.identity)).toHaveLength(1);
    expect(await trashedCopies(server.url, server, entry.identity)).toBe(0);
    expect(await harness.targetOf(draft.id, ACCOUNT)).toMatchObject({
      state: 'published',
      remoteId: sent.remoteId,
    });
  });

  it('undoes a second copy when the blog renames the identity (a first request still running when we looked)', async () => {
    const { library, outbox, targetOf } = await setUp({ online: false });
    const draft = await library.create(uniquePost());
    await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    const entry = entryFor(draft.id);
    expect(entry.mayExist).toBe(false);
    // The earlier request lands on the blog only now, after the outbox decided there was nothing to find.
    const earlier = await direct().create(sentAs(draft, entry.identity));

    expect((await outbox.drain()).done).toBe(1);

    expect((await postsWithIdentity(direct(), entry.identity)).map((post) => post.remoteId)).toEqual([
      earlier.remoteId,
    ]);
    expect(await trashedCopies(server.url, server, entry.identity)).toBe(1);
    expect(await targetOf(draft.id, ACCOUNT)).toMatchObject({
      state: 'published',
      remoteId: earlier.remoteId,
    });
  });

  it('updates a published post in place after a local edit, and remembers the new hash', async () => {
    const { library, outbox, targetOf } = await setUp();
    const content = uniquePost();
    const draft = await library.create(content);
    const first = await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    const edited: DraftContent = { ...content, title: `${content.title} (edited)`, hashtags: ['ISIS', 'Mosul'] };
    await library.save(draft.id, edited);
    expect((await targetOf(draft.id, ACCOUNT))?.state).toBe('changed-since-publish');

    const second = await outbox.update({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });

    expect(first.kind).toBe('published');
    expect(second).toMatchObject({ kind: 'published', remoteId: first.kind === 'published' ? first.remoteId : '' });
    const remote = await direct().get(second.kind === 'published' ? second.remoteId : '0');
    expect(remote.title).toBe(edited.title);
    expect([...remote.tags].sort()).toEqual(['ISIS', 'Mosul']);
    expect(await targetOf(draft.id, ACCOUNT)).toMatchObject({
      state: 'published',
      sentHash: contentHash(edited),
      remoteModifiedAt: remote.modifiedAt,
    });
  });

  it('updates the post when only its excerpt or categories changed', async () => {
    const { library, outbox, targetOf } = await setUp();
    const content = uniquePost();
    const draft = await library.create(content);
    const first = await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    if (first.kind !== 'published') throw new Error(`expected published, got ${first.kind}`);
    const category = `Notes ${Date.now()}`;
    await library.save(draft.id, {
      ...content,
      options: { slug: '', summary: 'Only the excerpt is new.', categories: { [ACCOUNT]: [category] } },
    });
    expect((await targetOf(draft.id, ACCOUNT))?.state).toBe('changed-since-publish');

    await outbox.update({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });

    const remote = await direct().get(first.remoteId);
    expect(remote.summary).toBe('Only the excerpt is new.');
    expect(remote.categories).toEqual([category]);
    expect((await targetOf(draft.id, ACCOUNT))?.state).toBe('published');
  });

  it('in order per post: a removal waits for the update before it, and one drain sends both', async () => {
    const { library, outbox, targetOf } = await setUp(manualTimers);
    const draft = await library.create(uniquePost());
    await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    const target = await targetOf(draft.id, ACCOUNT);
    if (target?.state !== 'published') throw new Error(`expected published, got ${target?.state ?? 'nothing'}`);
    await library.save(draft.id, { ...uniquePost(), title: 'Changed before removal' });
    proxy.inject({ kind: 'status', status: 503 }, postWrite);
    const update = await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    expect(update.kind).toBe('queued');

    const removal = await outbox.remove({ draftId: draft.id, accountId: ACCOUNT });
    expect(removal).toMatchObject({ kind: 'queued', reason: expect.stringMatching(/earlier change/) as unknown });

    expect(await outbox.drain()).toMatchObject({ done: 2, pending: 0 });
    const remote = await direct().get(target.remoteId);
    expect(remote.status).toBe('trash');
    expect(remote.title).toBe('Changed before removal');
    expect(await targetOf(draft.id, ACCOUNT)).toEqual({ state: 'not-published' });
  });

  it('cancels a queued entry: nothing is sent and the target is not published', async () => {
    const { library, outbox, targetOf } = await setUp({ online: false });
    const draft = await library.create(uniquePost());
    const outcome = await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    if (outcome.kind !== 'queued') throw new Error(`expected queued, got ${outcome.kind}`);

    const cancelled = await outbox.cancel(outcome.entryId);

    expect(cancelled.state.state).toBe('cancelled');
    expect(await targetOf(draft.id, ACCOUNT)).toEqual({ state: 'not-published' });
    expect(await outbox.drain()).toMatchObject({ tried: [], pending: 0 });
    expect(proxy.requests()).toBe(0);
  });

  it('publishing twice while offline makes one entry and one post', async () => {
    const { library, outbox } = await setUp({ online: false });
    const draft = await library.create(uniquePost());
    await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'draft' } });
    await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    expect(outbox.list()).toHaveLength(1);

    await outbox.drain();

    const posts = await postsWithIdentity(direct(), entryFor(draft.id).identity);
    expect(posts.map((post) => post.status)).toEqual(['publish']);
  });

  it('rides out refused connections and flapping, retrying in the background with backoff', async () => {
    const { library, outbox, targetOf } = await setUp();
    const drafts = await Promise.all([1, 2, 3].map(() => library.create(uniquePost())));
    await proxy.down();
    for (const draft of drafts) {
      const outcome = await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
      expect(outcome.kind).toBe('queued');
    }
    await proxy.up();
    await proxy.flap({ upMs: 150, downMs: 150, cycles: 3 });

    await eventually(async () => {
      const states = await Promise.all(drafts.map(async (draft) => await targetOf(draft.id, ACCOUNT)));
      return states.every((state) => state?.state === 'published');
    }, 15_000).catch((error: unknown) => {
      console.log(JSON.stringify(outbox.list(), null, 1));
      throw error;
    });
    for (const draft of drafts) expect(await postsWithIdentity(direct(), entryFor(draft.id).identity)).toHaveLength(1);
    expect(proxy.faults().refused).toBeGreaterThanOrEqual(4);
  });

  it('while offline with work pending, probes the blog on a timer and goes online when it answers', async () => {
    const scheduled: (() => void)[] = [];
    const { library, outbox, targetOf } = await setUp({
      online: false,
      setTimer: (callback) => {
        scheduled.push(callback);
        return () => undefined;
      },
    });
    const draft = await library.create(uniquePost());
    await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    await proxy.down();
    expect(await outbox.probe()).toBe(false);
    await proxy.up();
    expect(scheduled.length).toBeGreaterThan(0);

    scheduled.at(-1)?.();

    await eventually(() => outbox.online);
    await eventually(async () => (await targetOf(draft.id, ACCOUNT))?.state === 'published');
  });

  it('pulls recent posts into the library as linked drafts, once', async () => {
    const { view, outbox } = await setUp();
    // Posts of earlier tests made in the same second could sort level with these: start a new second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const made = [];
    for (const content of [uniquePost(), uniquePost()]) {
      made.push(await direct().create(sentAs(content, newClientIdentity())));
    }

    const first = await outbox.pull(ACCOUNT, 2);
    const again = await outbox.pull(ACCOUNT, 2);

    expect(first.imported).toHaveLength(2);
    expect(again).toEqual({ imported: [], skipped: 2 });
    for (const id of first.imported) {
      const draft = await view.get(id);
      const remote = made.find((post) => post.title === draft.title);
      expect(remote).toBeDefined();
      expect([...draft.hashtags].sort()).toEqual(['ISIS', 'Iraq']);
      expect(draft.commentary).toContain('> ');
      expect(draft.targets[ACCOUNT]).toEqual({
        state: 'published',
        remoteId: remote?.remoteId,
        url: remote?.url,
        remoteModifiedAt: remote?.modifiedAt,
        sentHash: contentHash(draft),
      });
    }
  });
});
