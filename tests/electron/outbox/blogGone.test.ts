import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../../shared/contract';
import { dispatch } from '../../../electron/core/dispatch';
import { EntryStore } from '../../../electron/core/outbox/entryStore';
import { openServices, type Services } from '../../../electron/core/services';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { startMicropub, type MicropubServer } from '../../servers/micropub';
import { MemoryBlog } from './support/memoryBlog';
import { openHarness } from './support/harness';

const newFolder = useTempFolders();

/** Failures no caller handled while a test ran: each one would have ended a host. */
const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown) => unhandled.push(reason);

function open(folder: string): Promise<Services> {
  return openServices({
    dataFolder: folder,
    access: { mode: 'write', program: { kind: 'dev-host' } },
    logError: () => undefined,
  });
}

async function call(services: Services, name: CallName, input: unknown): Promise<unknown> {
  const result = await dispatch(services.handlers, name, input, { logError: () => undefined });
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

describe('an outbox entry whose blog is gone (a real Micropub site)', () => {
  let site: MicropubServer;
  let services: Services | null = null;

  beforeAll(async () => {
    site = await startMicropub();
    process.on('unhandledRejection', recordUnhandled);
  }, 60_000);
  afterAll(async () => {
    process.off('unhandledRejection', recordUnhandled);
    await site.stop();
  });
  afterEach(async () => {
    await services?.close();
    services = null;
    unhandled.length = 0;
  });

  it('remove the blog, retry its old entry: it needs the writer, with what to do, and nothing crashes, now or at the next start', async () => {
    const folder = await newFolder();
    services = await open(folder);
    const added = { kind: 'micropub', address: site.url, user: '', secret: site.token };
    const { id: accountId } = (await call(services, 'addAccount', added)) as { id: string };
    const { id: draftId } = (await call(services, 'createDraft', { content: reblogPost() })) as { id: string };
    await call(services, 'setOnline', { online: false });
    await call(services, 'publishDraft', { draftId, accountIds: [accountId], schedule: { status: 'publish' } });
    const [entry] = services.outbox.list();
    if (!entry) throw new Error('no entry');
    // As the app did before removing a blog cancelled its entries: the entry stays waiting. (Adding
    // the same blog again would bring it back, with its id: see tests/electron/accounts/blogSettings.)
    await services.accounts.remove(accountId);
    await call(services, 'setOnline', { online: true });

    const retried = (await call(services, 'retryOutboxEntry', { entryId: entry.id })) as { state: unknown };
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(unhandled).toEqual([]);
    expect(retried.state).toEqual({
      state: 'needs-you',
      reason: expect.stringMatching(/was removed .*another blog.*cancel/) as unknown,
      cause: 'blog-removed',
      conflict: null,
    });
    const shown = (await call(services, 'getDraft', { id: draftId })) as { targets: Record<string, unknown> };
    expect(shown.targets[accountId]).toMatchObject({ state: 'needs-you' });
    await services.close();

    services = await open(folder);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(unhandled).toEqual([]);
    expect(services.outbox.list().map((each) => each.state.state)).toEqual(['needs-you']);
    expect((await call(services, 'cancelOutboxEntry', { entryId: entry.id })) as object).toMatchObject({
      state: { state: 'cancelled' },
    });
  }, 60_000);

  it('removing a blog cancels its waiting entries with the reason, and says what becomes of its posts', async () => {
    services = await open(await newFolder());
    const added = { kind: 'micropub', address: site.url, user: '', secret: site.token };
    const { id: accountId } = (await call(services, 'addAccount', added)) as { id: string };
    const published = (await call(services, 'createDraft', { content: reblogPost() })) as { id: string };
    await call(services, 'publishDraft', {
      draftId: published.id,
      accountIds: [accountId],
      schedule: { status: 'publish' },
    });
    const waiting = (await call(services, 'createDraft', { content: reblogPost() })) as { id: string };
    await call(services, 'setOnline', { online: false });
    await call(services, 'publishDraft', {
      draftId: waiting.id,
      accountIds: [accountId],
      schedule: { status: 'publish' },
    });

    expect(await call(services, 'removeAccount', { id: accountId })).toEqual({ removed: true, posts: 1, cancelled: 1 });

    const cancelled = services.outbox.list().find((entry) => entry.draftId === waiting.id);
    expect(cancelled?.state).toEqual({
      state: 'cancelled',
      at: expect.any(String) as unknown,
      reason: 'The blog “Micropub test blog” was removed from your blogs.',
    });
    // The published post keeps its link; nothing goes to the removed blog any more.
    expect((await services.view.get(published.id)).targets[accountId]).toMatchObject({ state: 'published' });
    expect(unhandled).toEqual([]);
  }, 60_000);
});

describe('a start never replays a crash', () => {
  const ACCOUNT = 'blog-account-1';
  it('an entry found "sending" is checked once; found so again, it waits for the writer, and a retry sends it once', async () => {
    const folder = await newFolder();
    const blog = new MemoryBlog();
    const offline = { online: false, setTimer: () => () => undefined } as const;
    let harness = await openHarness(folder, { [ACCOUNT]: blog }, offline);
    const draft = await harness.library.create(reblogPost());
    await harness.outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    const [queued] = harness.outbox.list();
    if (!queued) throw new Error('no entry');
    await harness.close();
    const store = new EntryStore(folder);
    const sending = { state: 'sending', startedAt: '2026-11-24T10:00:00.000Z' } as const;

    // The app stopped while sending: at start the entry is checked on the blog before going again.
    await store.save({ ...queued, attempts: 1, state: sending });
    harness = await openHarness(folder, { [ACCOUNT]: blog }, offline);
    expect(harness.outbox.list()[0]).toMatchObject({ interruptions: 1, mayExist: true, state: { state: 'retrying' } });
    await harness.close();

    // It stopped again during that attempt: the next start holds the entry instead of replaying it.
    await store.save({ ...queued, attempts: 2, interruptions: 1, mayExist: true, state: sending });
    harness = await openHarness(folder, { [ACCOUNT]: blog }, offline);
    expect(harness.outbox.list()[0]).toMatchObject({
      interruptions: 2,
      state: { state: 'needs-you', reason: expect.stringMatching(/stopped twice/) as unknown },
    });
    expect((await harness.targetOf(draft.id, ACCOUNT))?.state).toBe('needs-you');
    expect((await harness.outbox.drain()).tried).toEqual([]);
    expect(blog.writes).toEqual([]);

    harness.outbox.setOnline(true);
    expect(await harness.outbox.retry(queued.id)).toMatchObject({ interruptions: 0, state: { state: 'done' } });
    expect(blog.writes).toEqual(['create 1']);
    await harness.close();
  });
});
