import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MediaStore } from '../../../electron/core/media/mediaStore';
import { processImage } from '../../../electron/core/media/processImage';
import type { BlogAdapter, RemotePost, Transport } from '../../../electron/core/publishing/blogAdapter';
import { BLOGGER_TAKES_NO_IMAGES } from '../../../electron/core/publishing/blogger/adapter';
import { GhostAdminAdapter } from '../../../electron/core/publishing/ghost/adminAdapter';
import { basicAuthorization } from '../../../electron/core/publishing/http/request';
import { uploadTitle } from '../../../electron/core/publishing/imageUpload';
import { MicropubAdapter } from '../../../electron/core/publishing/micropub/adapter';
import { WordPressXmlRpcAdapter } from '../../../electron/core/publishing/xmlrpc/wordpressAdapter';
import { imageMarkdown } from '../../../shared/media/references';
import type { DraftContent } from '../../../shared/model/draft';
import type { MediaFile } from '../../../shared/model/image';
import type { OutboxEntry } from '../../../shared/model/outbox';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { startFaultProxy, type FaultProxy, type ProxiedRequest } from '../../servers/faultProxy';
import { ghostSkipReason, startGhost, type GhostServer } from '../../servers/ghost';
import { startMicropub, type MicropubServer } from '../../servers/micropub';
import { startWordPress, wordPressSkipReason, type WordPressServer } from '../../servers/wordpress';
import { sampleImage } from '../media/support/images';
import { silentBlogger } from '../publishing/support/silentBlogger';
import type { DrainAccount, DrainConfig } from './support/drainOutbox';
import { eventually, openHarness, postsWithIdentity, restAdapter, type Harness } from './support/harness';

const ACCOUNT = 'blog-account-1';
const DRAIN = fileURLToPath(new URL('./support/drainOutbox.ts', import.meta.url));
const CLIENT_TIMEOUT_MS = 5_000;
const newFolder = useTempFolders();

/** No background retries: the test's drain makes the next attempt. */
const manualTimers = {
  setTimer: () => () => undefined,
  backoff: { baseMs: 60_000, maxMs: 60_000, maxRetryAfterMs: 60_000, settleMs: 60_000 },
};

let photos = 0;
/**
 * A photo with a GPS position, added to the library in `folder` as the app adds one; a new one
 * (other bytes, so another file) each time, so no test finds another's upload on the blog.
 */
async function addPhoto(folder: string): Promise<MediaFile> {
  photos += 1;
  const original = await sampleImage('jpeg', 200 + photos, 150, { gps: true });
  return (await new MediaStore(folder).put(await processImage(original))).file;
}

/** The example post with a captioned photo in its commentary, the same photo as its featured image. */
function postWithPhoto(file: MediaFile): DraftContent {
  const example = reblogPost();
  return {
    ...example,
    title: `A post with a photo ${photos} ${Date.now()}`,
    commentary: `${example.commentary}\n\n${imageMarkdown(file, 'Boats on the shingle', 'Aldeburgh, 2024')}`,
    featuredImage: { file, alt: 'Boats' },
  };
}

/** The draft's content with a sentence added to its commentary. */
function edited(draft: DraftContent): DraftContent {
  const { title, commentary, quotes, hashtags, featuredImage } = draft;
  return { title, commentary: `${commentary}\n\nMore.`, quotes, hashtags, featuredImage };
}

/** The bytes a reader's browser loads from `url`, checked to be an image without any EXIF (so no GPS). */
async function expectImageWithoutLocation(url: string): Promise<void> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect((await sharp(bytes).metadata()).exif).toBeUndefined();
  expect(bytes.includes('Spy 1')).toBe(false);
}

/** A transport that counts the requests whose URL matches `counted`. */
function countingTransport(counted: RegExp): { transport: Transport; count: () => number } {
  let count = 0;
  return {
    transport: {
      fetch: (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (counted.test(url) && (init?.method ?? 'GET') === 'POST') count += 1;
        return fetch(input, init);
      },
      timeoutMs: 30_000,
    },
    count: () => count,
  };
}

function entryFor(harness: Harness, draftId: string): OutboxEntry {
  const entry = harness.outbox.list().findLast((candidate) => candidate.draftId === draftId);
  if (!entry) throw new Error(`no outbox entry for ${draftId}`);
  return entry;
}

/** The post's address on the blog after publishing, failing the test when it did not get there. */
function publishedId(outcome: Awaited<ReturnType<Harness['outbox']['publish']>>): string {
  if (outcome.kind !== 'published') throw new Error(`not published: ${JSON.stringify(outcome)}`);
  return outcome.remoteId;
}

/**
 * Publishes a new draft with a photo to `adapter` through a fresh outbox (one upload), then edits
 * the draft and updates the post (no second upload). Returns the photo and the post both times.
 */
async function publishThenUpdate(
  adapter: BlogAdapter,
  uploads: () => number,
): Promise<{ file: MediaFile; first: RemotePost; updated: RemotePost }> {
  const harness = await openHarness(await newFolder(), { [ACCOUNT]: adapter }, manualTimers);
  try {
    const { library, outbox } = harness;
    const file = await addPhoto(library.folder);
    const draft = await library.create(postWithPhoto(file));
    const schedule = { status: 'publish' } as const;
    const remoteId = publishedId(await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule }));
    expect(uploads()).toBe(1);
    const first = await adapter.get(remoteId);

    await library.save(draft.id, edited(draft));
    expect(await outbox.update({ draftId: draft.id, accountId: ACCOUNT, schedule })).toMatchObject({ remoteId });
    expect(uploads()).toBe(1);
    const updated = await adapter.get(remoteId);
    expect(updated.content).toContain('More.');
    return { file, first, updated };
  } finally {
    await harness.close();
  }
}

/** The outbox in its own process (drainOutbox.ts), draining `folder` until nothing is pending. */
function outboxProcess(
  folder: string,
  config: unknown,
): {
  readonly child: ChildProcess;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', DRAIN, folder, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exit, output: () => output };
}

const wordPressSkip = wordPressSkipReason();
describe.skipIf(wordPressSkip !== null)('publishing a post with images to a real WordPress, through the outbox', () => {
  let server: WordPressServer;
  let proxy: FaultProxy;
  let harness: Harness | null = null;
  let mediaPosts = 0;

  beforeAll(async () => {
    server = await startWordPress();
  }, 120_000);
  afterAll(async () => {
    await server.stop();
  });
  afterEach(async () => {
    await harness?.close();
    harness = null;
    await proxy.stop();
  });

  const isMediaUpload = (request: ProxiedRequest): boolean =>
    request.method === 'POST' && /wp\/v2\/media/.test(decodeURIComponent(request.path));

  async function setUp(
    adapterFor: (base: string) => BlogAdapter = (base) => restAdapter(base, server, CLIENT_TIMEOUT_MS),
  ) {
    mediaPosts = 0;
    proxy = await startFaultProxy({
      target: server.url,
      lifetimeMs: 120_000,
      plan: (request) => {
        if (isMediaUpload(request)) mediaPosts += 1;
        return null;
      },
    });
    harness = await openHarness(await newFolder(), { [ACCOUNT]: adapterFor(proxy.url) }, manualTimers);
    return harness;
  }

  /** Every media item on the blog titled as an upload of this image (XML-RPC keeps the extension in the title). */
  async function mediaItems(file: MediaFile): Promise<{ id: number; source_url: string }[]> {
    const title = uploadTitle(file);
    const response = await fetch(`${server.url}/wp-json/wp/v2/media?search=${title}&per_page=100&context=edit`, {
      headers: { authorization: basicAuthorization(server.user, server.applicationPassword) },
    });
    const items = (await response.json()) as { id: number; source_url: string; title: { raw: string } }[];
    // A second copy may be titled "…-2": any title that starts with the upload's counts.
    return items.filter((item) => item.title.raw.startsWith(title));
  }

  it('REST: the live post shows the uploaded image, also as its featured image, stored once without its GPS position; publishing again uploads nothing', async () => {
    const { library, outbox } = await setUp();
    const file = await addPhoto(library.folder);
    const draft = await library.create(postWithPhoto(file));

    const remoteId = publishedId(
      await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } }),
    );

    const items = await mediaItems(file);
    expect(items).toHaveLength(1);
    const url = items[0]?.source_url ?? '';
    const remote = await restAdapter(server.url, server).get(remoteId);
    expect(remote.content).toContain(`src="${url}"`);
    expect(remote.content).not.toContain('media:');
    expect(remote.featuredImage).toBe(String(items[0]?.id));
    const page = await (await fetch(remote.url)).text();
    expect(page).toContain(url);
    await expectImageWithoutLocation(url);

    // An edit goes out as an update; another draft uses the same photo: neither uploads it again.
    await library.save(draft.id, edited(draft));
    const updated = await outbox.update({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    expect(updated).toMatchObject({ kind: 'published', remoteId });
    const other = await library.create(postWithPhoto(file));
    const otherId = publishedId(
      await outbox.publish({ draftId: other.id, accountId: ACCOUNT, schedule: { status: 'publish' } }),
    );

    expect(mediaPosts).toBe(1);
    expect(await mediaItems(file)).toHaveLength(1);
    expect((await restAdapter(server.url, server).get(remoteId)).content).toContain('More.');
    expect((await restAdapter(server.url, server).get(otherId)).content).toContain(`src="${url}"`);

    // The featured image taken off the draft (and nothing else changed) comes off the post.
    const { title, commentary, quotes, hashtags } = await library.get(draft.id);
    await library.save(draft.id, { title, commentary, quotes, hashtags, featuredImage: null });
    await outbox.update({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    expect((await restAdapter(server.url, server).get(remoteId)).featuredImage).toBeNull();
  });

  it('REST: when the answer to an upload is lost after WordPress stored it, the retry finds it: one media item, one post', async () => {
    const { library, outbox } = await setUp();
    const file = await addPhoto(library.folder);
    const draft = await library.create(postWithPhoto(file));
    proxy.inject({ kind: 'reset-after' }, isMediaUpload);

    const first = await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    expect(first.kind).toBe('queued');
    expect(entryFor(harness as Harness, draft.id)).toMatchObject({
      mayExist: true,
      state: { state: 'retrying' },
    });
    expect(await mediaItems(file)).toHaveLength(1);

    const report = await outbox.drain();

    expect(report).toMatchObject({ done: 1, needsYou: 0, pending: 0 });
    // The cut upload was the only one (the proxy's plan never sees an injected request).
    expect(mediaPosts).toBe(0);
    const items = await mediaItems(file);
    expect(items).toHaveLength(1);
    const { identity } = entryFor(harness as Harness, draft.id);
    const posts = await postsWithIdentity(restAdapter(server.url, server), identity);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.content).toContain(`src="${items[0]?.source_url ?? ''}"`);
  });

  it('REST: an image the blog refuses as too large holds the post for the writer, and nothing of it is sent', async () => {
    const { library, outbox, targetOf } = await setUp();
    const file = await addPhoto(library.folder);
    const draft = await library.create(postWithPhoto(file));
    proxy.inject({ kind: 'status', status: 413 }, isMediaUpload);

    const outcome = await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });

    expect(outcome).toMatchObject({ kind: 'needs-you', reason: expect.stringContaining('too large') as string });
    expect((await targetOf(draft.id, ACCOUNT))?.state).toBe('needs-you');
    const { identity } = entryFor(harness as Harness, draft.id);
    expect(await postsWithIdentity(restAdapter(server.url, server), identity)).toHaveLength(0);
  });

  it('XML-RPC: the live post shows the uploaded image, also as its featured image (and not once taken off); a lost answer to the upload still leaves one media item', async () => {
    const { library, outbox } = await setUp(
      (base) =>
        new WordPressXmlRpcAdapter({
          endpoint: `${base}/xmlrpc.php`,
          blogId: '1',
          user: server.user,
          password: server.applicationPassword,
          transport: { fetch, timeoutMs: CLIENT_TIMEOUT_MS },
        }),
    );
    const file = await addPhoto(library.folder);
    const draft = await library.create(postWithPhoto(file));
    // The first request of the attempt is the upload (wp.uploadFile): its answer is lost.
    proxy.inject({ kind: 'reset-after' });

    expect(
      (await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } })).kind,
    ).toBe('queued');
    expect(await mediaItems(file)).toHaveLength(1);
    expect(await outbox.drain()).toMatchObject({ done: 1, needsYou: 0 });

    const items = await mediaItems(file);
    expect(items).toHaveLength(1);
    const entry = entryFor(harness as Harness, draft.id);
    const remote = await restAdapter(server.url, server).get(entry.remote?.remoteId ?? '');
    expect(remote.content).toContain(`src="${items[0]?.source_url ?? ''}"`);
    expect(remote.featuredImage).toBe(String(items[0]?.id));
    await expectImageWithoutLocation(items[0]?.source_url ?? '');

    // The featured image taken off the draft, and nothing else changed, comes off the post.
    const { title, commentary, quotes, hashtags } = await library.get(draft.id);
    await library.save(draft.id, { title, commentary, quotes, hashtags, featuredImage: null });
    expect(
      await outbox.update({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } }),
    ).toMatchObject({
      kind: 'published',
    });
    expect((await restAdapter(server.url, server).get(remote.remoteId)).featuredImage).toBeNull();
  });

  it('REST: the outbox process killed (SIGKILL) while WordPress stores an upload leaves, after a restart, one media item and one post', async () => {
    const { library, outbox } = await setUp();
    outbox.setOnline(false);
    const file = await addPhoto(library.folder);
    const draft = await library.create(postWithPhoto(file));
    await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });
    const { identity } = entryFor(harness as Harness, draft.id);
    await harness?.close();
    harness = null;
    // WordPress stores the upload; its answer is held back until long after the process is gone.
    proxy.inject({ kind: 'slow', delayMs: 60_000 }, isMediaUpload);
    const account: DrainAccount = {
      kind: 'wordpress-rest',
      apiRoot: `${proxy.url}/wp-json/`,
      user: server.user,
      applicationPassword: server.applicationPassword,
    };
    const config: DrainConfig = { accounts: { [ACCOUNT]: account }, timeoutMs: 90_000 };

    const killed = outboxProcess(library.folder, config);
    await eventually(async () => (await mediaItems(file)).length > 0, 60_000);
    killed.child.kill('SIGKILL');
    expect(await killed.exit).toMatchObject({ signal: 'SIGKILL' });
    const restarted = outboxProcess(library.folder, config);
    expect(await restarted.exit).toMatchObject({ code: 0 });

    expect(restarted.output()).toMatch(/finished \{"done":1,"attempts":2,"needsYou":\[\]\}/);
    const items = await mediaItems(file);
    expect(items).toHaveLength(1);
    const posts = await postsWithIdentity(restAdapter(server.url, server), identity);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.content).toContain(`src="${items[0]?.source_url ?? ''}"`);
  });
});

const ghostSkip = ghostSkipReason();
describe.skipIf(ghostSkip !== null)('publishing a post with images to a real Ghost, through the outbox', () => {
  let server: GhostServer;
  beforeAll(async () => {
    server = await startGhost();
  }, 180_000);
  afterAll(async () => {
    await server.stop();
  });

  it('the live post shows the uploaded image without its GPS position; an update uploads nothing again', async () => {
    const uploads = countingTransport(/\/images\/upload\/?$/);
    const adapter = new GhostAdminAdapter({
      siteUrl: server.url,
      adminApiKey: server.adminApiKey,
      transport: uploads.transport,
    });
    const { file, first, updated } = await publishThenUpdate(adapter, uploads.count);

    const url = /<img src="([^"]+)"/.exec(first.content)?.[1] ?? '';
    expect(url.startsWith(server.url.replace(/\/$/, ''))).toBe(true);
    expect(url).toContain(uploadTitle(file));
    expect(await (await fetch(first.url)).text()).toContain(url);
    await expectImageWithoutLocation(url);
    expect(updated.content).toContain(`<img src="${url}"`);
    expect([first.featuredImage, updated.featuredImage]).toEqual([url, url]);
  });
});

describe('publishing a post with images to a Micropub site, through the outbox', () => {
  let server: MicropubServer;
  beforeAll(async () => {
    server = await startMicropub();
  }, 60_000);
  afterAll(async () => {
    await server.stop();
  });

  it('uploads to the media endpoint once, and the post names the uploaded file', async () => {
    const uploads = countingTransport(/\/media\/?$/);
    const adapter = new MicropubAdapter({
      endpoint: server.endpoint,
      siteUrl: server.url,
      token: server.token,
      transport: uploads.transport,
    });
    const { file, first, updated } = await publishThenUpdate(adapter, uploads.count);

    const url = new RegExp(`src="(${server.url}uploads/\\d+_${uploadTitle(file)}\\.jpg)"`).exec(first.content)?.[1];
    expect(url, first.content).toBeDefined();
    await expectImageWithoutLocation(url ?? '');
    expect(updated.content).toContain(`src="${url ?? ''}"`);
    expect([first.featuredImage, updated.featuredImage]).toEqual([url, url]);
  });
});

describe('publishing a post with images to Blogger, through the outbox', () => {
  it('holds the post for the writer with the reason, and sends nothing at all', async () => {
    const { adapter, requests } = silentBlogger();
    const harness = await openHarness(await newFolder(), { [ACCOUNT]: adapter }, manualTimers);
    try {
      const { library, outbox } = harness;
      const draft = await library.create(postWithPhoto(await addPhoto(library.folder)));

      const outcome = await outbox.publish({ draftId: draft.id, accountId: ACCOUNT, schedule: { status: 'publish' } });

      expect(outcome).toMatchObject({ kind: 'needs-you', reason: BLOGGER_TAKES_NO_IMAGES });
      expect(requests()).toBe(0);
    } finally {
      await harness.close();
    }
  });
});
