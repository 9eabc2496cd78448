import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibraryAndOutbox } from '../../../electron/core/libraryAndOutbox';
import { EntryStore } from '../../../electron/core/outbox/entryStore';
import { basicAuthorization } from '../../../electron/core/publishing/http/request';
import type { DraftContent } from '../../../shared/model/draft';
import { renderPostBody } from '../../../shared/render/post';
import { wordPressBlocks } from '../../../electron/core/publishing/wordpress/blocks';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { randomFaults, seededRandom, startFaultProxy, type FaultProxy } from '../../servers/faultProxy';
import { startWordPress, wordPressSkipReason, type WordPressServer } from '../../servers/wordpress';

const skipReason = wordPressSkipReason();
const DRAIN = fileURLToPath(new URL('./support/drainOutbox.ts', import.meta.url));
const POSTS = 200;
const ACCOUNTS = ['soak-blog-one', 'soak-blog-two'] as const;
const CLIENT_TIMEOUT_MS = 2_000;
/** The first process is killed once this many posts are out: midway, with attempts in flight. */
const KILL_AFTER_DONE = 70;
const HASHTAGS = ['Soak', 'Reading', 'Notes', 'Iraq', 'Longform'];
const newFolder = useTempFolders();

interface StoredPost {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
  readonly content: string;
  readonly tags: readonly string[];
}

/** Every live post on the blog, read straight from its REST API (not through the proxy). */
async function allPosts(server: WordPressServer): Promise<StoredPost[]> {
  const authorization = basicAuthorization(server.user, server.applicationPassword);
  const get = async (route: string): Promise<unknown[]> => {
    const response = await fetch(`${server.url}/wp-json/wp/v2/${route}`, { headers: { authorization } });
    expect(response.status).toBe(200);
    return (await response.json()) as unknown[];
  };
  const tagNames = new Map<number, string>();
  for (let page = 1; ; page += 1) {
    const tags = (await get(`tags?per_page=100&page=${page}`)) as { id: number; name: string }[];
    for (const tag of tags) tagNames.set(tag.id, tag.name);
    if (tags.length < 100) break;
  }
  const posts: StoredPost[] = [];
  for (let page = 1; ; page += 1) {
    const found = (await get(
      `posts?context=edit&status=publish,future,draft,pending,private&orderby=id&order=asc&per_page=100&page=${page}`,
    )) as { id: number; slug: string; title: { raw: string }; content: { raw: string }; tags: number[] }[];
    for (const post of found) {
      posts.push({
        id: post.id,
        slug: post.slug,
        title: post.title.raw,
        content: post.content.raw,
        tags: post.tags.map((id) => tagNames.get(id) ?? `#${id}`),
      });
    }
    if (found.length < 100) break;
  }
  return posts;
}

function soakPost(index: number, run: string): DraftContent {
  const hashtags = HASHTAGS.filter((_tag, position) => (index >> position) % 2 === 1).slice(0, 3);
  return {
    ...reblogPost(),
    title: `Soak post ${index} of run ${run}`,
    commentary: `Post number ${index}, written offline.\n\nIts second paragraph, *with emphasis* (${index}).`,
    hashtags,
  };
}

/** Runs the outbox's process until it finishes, or until `killWhenDone` posts are out (then SIGKILL). */
function runOutboxProcess(
  folder: string,
  config: unknown,
  killWhenDone: number | null,
): Promise<{ killed: boolean; done: number; summary: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', DRAIN, folder, JSON.stringify(config)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let done = 0;
    let summary = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [word, first] = line.split(' ');
      if (word === 'progress') done = Number(first);
      if (word === 'finished') summary = line.slice('finished '.length);
      if (killWhenDone !== null && done >= killWhenDone) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, done, summary });
      else if (code === 0) resolve({ killed: false, done, summary });
      else reject(new Error(`the outbox process exited with ${String(code)}: ${stderr.slice(-2_000)}`));
    });
  });
}

describe.skipIf(skipReason !== null)('soak: 200 posts to two blogs through faults and a kill', () => {
  const servers: WordPressServer[] = [];
  const proxies: FaultProxy[] = [];

  beforeAll(async () => {
    servers.push(await startWordPress(), await startWordPress());
  }, 90_000);

  afterAll(async () => {
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    await Promise.all(servers.map((server) => server.stop()));
  });

  it('puts exactly 200 posts on the blogs: right content and tags, none twice, none lost', async () => {
    const started = performance.now();
    const run = Date.now().toString(36);
    const folder = await newFolder();
    const baseline = await Promise.all(servers.map(async (server) => (await allPosts(server)).map((post) => post.id)));
    const random = seededRandom(20261124);
    for (const server of servers) {
      proxies.push(
        await startFaultProxy({
          target: server.url,
          lifetimeMs: 240_000,
          maxFaults: 80,
          plan: randomFaults(
            0.07,
            [
              { kind: 'reset-before' },
              { kind: 'reset-after' },
              { kind: 'reset-after' },
              { kind: 'slow', delayMs: CLIENT_TIMEOUT_MS + 500 },
              { kind: 'status', status: 500 },
              { kind: 'status', status: 503, retryAfterSeconds: 1 },
              { kind: 'status', status: 429, retryAfterSeconds: 1 },
            ],
            random,
          ),
        }),
      );
    }
    const accountFor = (index: number): string => ACCOUNTS[index % ACCOUNTS.length] ?? ACCOUNTS[0];

    // Queue everything while offline, as on a plane: entries and identities on disk, nothing sent.
    const {
      library,
      outbox: queueing,
      close,
    } = await openLibraryAndOutbox({
      folder,
      adapterFor: () => Promise.reject(new Error('offline: no adapter needed')),
      postStyleFor: () => ({ hashtagsInTitle: false }),
      publish: () => undefined,
      logError: () => undefined,
      online: false,
    });
    const drafts = [];
    for (let index = 0; index < POSTS; index += 1) {
      const draft = await library.create(soakPost(index, run));
      const outcome = await queueing.publish({
        draftId: draft.id,
        accountId: accountFor(index),
        schedule: { status: 'publish' },
      });
      expect(outcome.kind).toBe('queued');
      drafts.push(draft);
    }
    await close();

    const config = {
      timeoutMs: CLIENT_TIMEOUT_MS,
      accounts: Object.fromEntries(
        ACCOUNTS.map((accountId, position) => [
          accountId,
          {
            apiRoot: `${proxies[position]?.url ?? ''}/wp-json/`,
            user: servers[position]?.user ?? '',
            applicationPassword: servers[position]?.applicationPassword ?? '',
          },
        ]),
      ),
    };
    // The first blog's connection flaps while the first process drains.
    const flapping = proxies[0]?.flap({ upMs: 2_000, downMs: 700, cycles: 4 });
    const first = await runOutboxProcess(folder, config, KILL_AFTER_DONE);
    expect(first.killed).toBe(true);
    await flapping;
    const onDisk = await new EntryStore(folder).loadAll(() => undefined);
    const interrupted = onDisk.filter((entry) => entry.state.state === 'sending').length;
    const second = await runOutboxProcess(folder, config, null);
    expect(second.killed).toBe(false);
    const summary = JSON.parse(second.summary) as { done: number; attempts: number; needsYou: unknown[] };
    expect(summary.needsYou).toEqual([]);
    expect(summary.done).toBe(POSTS);

    const identities = new Map(
      (await new EntryStore(folder).loadAll(() => undefined)).map((entry) => [entry.draftId, entry.identity]),
    );
    const reopened = await openLibraryAndOutbox({
      folder,
      adapterFor: () => Promise.reject(new Error('reading only')),
      postStyleFor: () => ({ hashtagsInTitle: false }),
      publish: () => undefined,
      logError: () => undefined,
      online: false,
    });
    try {
      const posts = await Promise.all(
        servers.map(async (server, position) => {
          const before = new Set(baseline[position]);
          return (await allPosts(server)).filter((post) => !before.has(post.id));
        }),
      );
      const everyPost = posts.flat();
      const titles = everyPost.map((post) => post.title);
      const twice = everyPost.filter((post) => titles.indexOf(post.title) !== titles.lastIndexOf(post.title));
      expect(twice.map((post) => `${post.id} ${post.slug}`)).toEqual([]);
      expect(everyPost).toHaveLength(POSTS);
      expect(new Set(everyPost.map((post) => post.title)).size).toBe(POSTS);
      for (const [position, accountId] of ACCOUNTS.entries()) {
        const byId = new Map(posts[position]?.map((post) => [String(post.id), post]));
        expect(byId.size).toBe(POSTS / ACCOUNTS.length);
        for (const { id } of drafts.filter((_draft, index) => accountFor(index) === accountId)) {
          const draft = await reopened.view.get(id);
          const target = draft.targets[accountId];
          expect(target?.state, draft.title).toBe('published');
          const remote = target?.state === 'published' ? byId.get(target.remoteId) : undefined;
          expect(remote?.title, draft.title).toBe(draft.title);
          expect(remote?.content, draft.title).toBe(wordPressBlocks(renderPostBody(draft), identities.get(draft.id)));
          expect([...(remote?.tags ?? [])].sort(), draft.title).toEqual([...draft.hashtags].sort());
        }
      }
    } finally {
      await reopened.close();
    }

    const faults = proxies.map((proxy) => proxy.faults());
    const injected = faults.reduce((sum, counts) => sum + Object.values(counts).reduce((a, b) => a + b, 0), 0);
    expect(injected).toBeGreaterThan(20);
    console.info(
      [
        `soak: ${POSTS} posts on ${ACCOUNTS.length} blogs, 0 duplicates, 0 lost`,
        `faults injected: ${injected} (${faults.map((counts) => JSON.stringify(counts)).join(' | ')})`,
        `requests through the proxies: ${proxies.map((proxy) => proxy.requests()).join(' + ')}`,
        `attempts: ${summary.attempts} for ${POSTS} entries (${summary.attempts - POSTS} retries)`,
        `killed after ${first.done} posts out, ${interrupted} entries interrupted mid-send`,
        `duration: ${((performance.now() - started) / 1000).toFixed(1)} s`,
      ].join('\n'),
    );
  }, 240_000);
});
