import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingPost, PostSchedule, Transport } from '../../../../electron/core/publishing/blogAdapter';
import { BloggerAdapter, verifyBlogger } from '../../../../electron/core/publishing/blogger/adapter';
import {
  accessTokenProvider,
  authorizationRequest,
  codeFromRedirect,
  exchangeCode,
  type GoogleOAuthClient,
} from '../../../../electron/core/publishing/blogger/oauth';
import { newClientIdentity } from '../../../../electron/core/publishing/clientIdentity';
import { BlogConnectionSchema, connectBlog, createBlogAdapter } from '../../../../electron/core/publishing/connection';
import { outgoingPost } from '../../../../electron/core/publishing/outgoingPost';
import { PublishingError } from '../../../../electron/core/publishing/publishingError';
import type { DraftContent } from '../../../../shared/model/draft';
import { renderPostBody } from '../../../../shared/render/post';
import { reblogPost } from '../../../support/fixtures';
import { startBloggerFake, type BloggerFake } from '../../../servers/bloggerFake';

const transport: Transport = { fetch, timeoutMs: 10_000 };

const SOURCE_URL = 'http://127.0.0.1:8080/isis-in-iraq';
const BLOCKQUOTE = `<blockquote cite="${SOURCE_URL}">`;
const SOURCE_LINE =
  '<p class="quote-source"><cite>ISIS in Iraq: A shadow of its former self</cite> \u2014 Rudaw, yesterday at 09:51</p>';
const VIA_LINE = `<p class="quote-via">via <a href="${SOURCE_URL}">ISIS in Iraq: A shadow of its former self</a>.</p>`;

describe('Blogger adapter against a strict fake of Blogger API v3 and Google OAuth', () => {
  let fake: BloggerFake;
  let client: GoogleOAuthClient;
  let adapter: BloggerAdapter;

  beforeAll(async () => {
    fake = await startBloggerFake();
    client = {
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      authorizationEndpoint: fake.authorizationEndpoint,
      tokenEndpoint: fake.tokenEndpoint,
    };
    adapter = new BloggerAdapter({
      blogId: fake.blog.id,
      accessToken: accessTokenProvider({ client, refreshToken: fake.refreshTokens.admin, transport }),
      transport,
      apiRoot: fake.apiRoot,
    });
  });

  afterAll(async () => {
    await fake.stop();
  });

  function post(content: DraftContent, schedule: PostSchedule = { status: 'publish' }): OutgoingPost {
    return outgoingPost(content, {
      identity: newClientIdentity(),
      schedule,
      style: { hashtagsInTitle: false },
    });
  }

  describe('signing in with Google', () => {
    it('runs the loopback flow with PKCE: authorization URL, redirect, code for a refresh token', async () => {
      const request = authorizationRequest(client, 'http://127.0.0.1:53682/');
      const consent = await fetch(request.url, { redirect: 'manual' });
      await consent.arrayBuffer();
      expect(consent.status).toBe(302);
      const code = codeFromRedirect(request, consent.headers.get('location') ?? '');
      const tokens = await exchangeCode({ client, request, code, transport });
      expect(tokens.refreshToken).toMatch(/^1\/\//);
      expect(tokens.scope).toBe('https://www.googleapis.com/auth/blogger');
      const verified = await verifyBlogger({
        blogUrl: fake.blog.url,
        accessToken: () => Promise.resolve(tokens.accessToken),
        transport,
        apiRoot: fake.apiRoot,
      });
      expect(verified.verified).toEqual({ blogName: fake.blog.name, userName: 'Commonplace Writer', canPublish: true });
    });

    it('refuses a code exchanged without the verifier that made its challenge', async () => {
      const request = authorizationRequest(client, 'http://127.0.0.1:53682/');
      const consent = await fetch(request.url, { redirect: 'manual' });
      await consent.arrayBuffer();
      const code = codeFromRedirect(request, consent.headers.get('location') ?? '');
      const other = authorizationRequest(client, 'http://127.0.0.1:53682/');
      const error = await exchangeCode({
        client,
        request: { ...request, codeVerifier: other.codeVerifier },
        code,
        transport,
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PublishingError);
      expect(error).toMatchObject({ failure: 'bad-credentials', status: 400 });
      expect((error as PublishingError).message).toMatch(/Sign in with Google again/);
    });

    it('refuses a wrong client secret as a misconfigured app, not as the writer\u2019s fault', async () => {
      const error = await accessTokenProvider({
        client: { ...client, clientSecret: 'GOCSPX-wrong' },
        refreshToken: fake.refreshTokens.admin,
        transport,
      })().catch((caught: unknown) => caught);
      expect(error).toMatchObject({ failure: 'bad-credentials', status: 401 });
      expect((error as PublishingError).message).toMatch(/client id is misconfigured/);
    });
  });

  describe('accounts', () => {
    it('connects from the blog address with a refresh token, and the adapter publishes', async () => {
      const { connection, verified } = await connectBlog({
        address: fake.blog.url,
        kind: 'blogger',
        user: '',
        secret: fake.refreshTokens.admin,
        transport,
        google: { ...client, apiRoot: fake.apiRoot },
      });
      expect(BlogConnectionSchema.parse(connection)).toEqual(connection);
      expect(connection).toMatchObject({ kind: 'blogger', blogId: fake.blog.id, blogUrl: fake.blog.url });
      expect(verified).toEqual({ blogName: fake.blog.name, userName: 'Commonplace Writer', canPublish: true });
      const created = await createBlogAdapter(connection, fake.refreshTokens.admin, transport).create(
        post(reblogPost(SOURCE_URL), { status: 'draft' }),
      );
      expect(created.status).toBe('draft');
    });

    it('says a reader cannot publish, and reports the refusal when one tries', async () => {
      const { verified } = await connectBlog({
        address: fake.blog.url,
        kind: 'blogger',
        user: '',
        secret: fake.refreshTokens.reader,
        transport,
        google: { ...client, apiRoot: fake.apiRoot },
      });
      expect(verified.canPublish).toBe(false);
      const reader = new BloggerAdapter({
        blogId: fake.blog.id,
        accessToken: accessTokenProvider({ client, refreshToken: fake.refreshTokens.reader, transport }),
        transport,
        apiRoot: fake.apiRoot,
      });
      const error = await reader.create(post(reblogPost(SOURCE_URL))).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ failure: 'forbidden', kind: 'unauthorized', retryable: false, status: 403 });
      expect((error as PublishingError).message).toMatch(/don't have permission/);
    });

    it('refuses to connect without the app\u2019s Google client, or to a blog Blogger does not have', async () => {
      await expect(
        connectBlog({ address: fake.blog.url, kind: 'blogger', user: '', secret: 'x', transport }),
      ).rejects.toThrow(/Google OAuth client id/);
      const error = await connectBlog({
        address: 'http://127.0.0.1:9/not-a-blog/',
        kind: 'blogger',
        user: '',
        secret: fake.refreshTokens.admin,
        transport,
        google: { ...client, apiRoot: fake.apiRoot },
      }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ failure: 'not-an-api', status: 404 });
    });
  });

  describe('posts', () => {
    it('publishes the example post exactly as the preview shows it, with its labels', async () => {
      const content = reblogPost(SOURCE_URL);
      const preview = renderPostBody(content);
      const sent = post(content);

      const created = await adapter.create(sent);
      const read = await adapter.get(created.remoteId);

      expect(read.remoteId).toBe(created.remoteId);
      expect(read.status).toBe('publish');
      expect(read.title).toBe(content.title);
      expect(read.content).toBe(preview);
      expect([...read.tags].sort()).toEqual(['ISIS', 'Iraq'].sort());
      expect(read.identity).toBe(sent.identity);
      // Blogger gives times in the blog's zone (-08:00 here); the adapter gives them in UTC.
      expect(read.modifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

      const page = await (await fetch(read.url)).text();
      for (const part of [BLOCKQUOTE, SOURCE_LINE, VIA_LINE]) expect(page).toContain(part);
    });

    it('updates a post in place, and moves it between draft and published', async () => {
      const content = reblogPost(SOURCE_URL);
      const first = post(content);
      const created = await adapter.create(first);
      const edited: DraftContent = {
        ...content,
        title: `${content.title} (updated)`,
        hashtags: ['ISIS', 'Iraq', 'Mosul'],
      };
      const second = { ...post(edited), identity: first.identity };

      const updated = await adapter.update(created.remoteId, second);
      expect(updated.remoteId).toBe(created.remoteId);
      expect(updated.title).toBe(edited.title);
      expect(updated.content).toBe(renderPostBody(edited));
      expect([...updated.tags].sort()).toEqual(['ISIS', 'Iraq', 'Mosul'].sort());
      expect(updated.identity).toBe(first.identity);

      expect((await adapter.update(created.remoteId, { ...second, schedule: { status: 'draft' } })).status).toBe(
        'draft',
      );
      expect((await adapter.update(created.remoteId, second)).status).toBe('publish');
    });

    it('schedules a post for a future date', async () => {
      const date = new Date(Math.floor(Date.now() / 1000) * 1000 + 3 * 24 * 3600 * 1000);
      const created = await adapter.create(post(reblogPost(SOURCE_URL), { status: 'future', date }));
      const read = await adapter.get(created.remoteId);
      expect(read.status).toBe('future');
      expect(read.publishedAt).toBe(date.toISOString());
    });

    it('saves a draft that readers cannot see, pointing at its page in Blogger\u2019s editor', async () => {
      const created = await adapter.create(post(reblogPost(SOURCE_URL), { status: 'draft' }));
      const read = await adapter.get(created.remoteId);
      expect(read.status).toBe('draft');
      expect(read.url).toBe(`https://www.blogger.com/blog/post/edit/${fake.blog.id}/${created.remoteId}`);
    });

    it('finds a post by the identity in its metadata, and nothing for an unknown one', async () => {
      const sent = post(reblogPost(SOURCE_URL), { status: 'draft' });
      const created = await adapter.create(sent);
      expect((await adapter.findByIdentity(sent.identity))?.remoteId).toBe(created.remoteId);
      expect(await adapter.findByIdentity(newClientIdentity())).toBeNull();
    });

    it('lists recent posts, newest first, as many as asked', async () => {
      const created = await adapter.create(post({ ...reblogPost(SOURCE_URL), title: 'Newest Blogger post' }));
      const recent = await adapter.listRecent(50);
      expect(recent.map((remote) => remote.remoteId)).toContain(created.remoteId);
      const times = recent.map((remote) => Date.parse(remote.publishedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(await adapter.listRecent(2)).toHaveLength(2);
    });

    it('moves a published post to the trash and leaves it there when deleted again; drafts go for good', async () => {
      const published = await adapter.create(post(reblogPost(SOURCE_URL)));
      await adapter.delete(published.remoteId);
      expect((await adapter.get(published.remoteId)).status).toBe('trash');
      await adapter.delete(published.remoteId);
      expect((await adapter.get(published.remoteId)).status).toBe('trash');

      const draft = await adapter.create(post(reblogPost(SOURCE_URL), { status: 'draft' }));
      await adapter.delete(draft.remoteId);
      const error = await adapter.get(draft.remoteId).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ failure: 'not-found', kind: 'not-found', status: 404 });
      await expect(adapter.delete('1234567890')).resolves.toBeUndefined();
    });

    it('ensures labels: one per name whatever its case', async () => {
      expect(await adapter.ensureTags(['Iraq', 'iraq', 'ISIS'])).toEqual([
        { remoteId: 'Iraq', name: 'Iraq' },
        { remoteId: 'ISIS', name: 'ISIS' },
      ]);
    });
  });

  describe('failures', () => {
    it('reports a post that does not exist, and an id that cannot be one, as not found', async () => {
      for (const id of ['1234567890', '../users/self']) {
        const error = await adapter.get(id).catch((caught: unknown) => caught);
        expect(error).toMatchObject({ failure: 'not-found', kind: 'not-found', retryable: false });
      }
    });

    it("reports an access token Google no longer accepts with Google's own explanation", async () => {
      fake.expire(fake.adminAccessToken);
      const stale = new BloggerAdapter({
        blogId: fake.blog.id,
        accessToken: () => Promise.resolve(fake.adminAccessToken),
        transport,
        apiRoot: fake.apiRoot,
      });
      const error = await stale.get('1234567890').catch((caught: unknown) => caught);
      expect(error).toMatchObject({ failure: 'bad-credentials', kind: 'unauthorized', retryable: false, status: 401 });
      expect((error as PublishingError).message).toMatch(
        /invalid authentication credentials.*Sign in with Google again/,
      );
    });

    it('reports a revoked refresh token as a sign-in to redo', async () => {
      const revoked = new BloggerAdapter({
        blogId: fake.blog.id,
        accessToken: accessTokenProvider({ client, refreshToken: '1//revoked', transport }),
        transport,
        apiRoot: fake.apiRoot,
      });
      const error = await revoked.listRecent(1).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ failure: 'bad-credentials', retryable: false });
      expect((error as PublishingError).message).toMatch(/invalid_grant.*Sign in with Google again/);
    });

    it("takes Google's 403 rate limits and its 429 as \u201cslow down\u201d, worth retrying", async () => {
      fake.failNext(403, 'userRateLimitExceeded');
      expect(await adapter.listRecent(1).catch((caught: unknown) => caught)).toMatchObject({
        failure: 'rate-limited',
        retryable: true,
        status: 403,
      });
      fake.failNext(429, 'rateLimitExceeded', 30);
      expect(await adapter.listRecent(1).catch((caught: unknown) => caught)).toMatchObject({
        failure: 'rate-limited',
        retryable: true,
        retryAfterSeconds: 30,
      });
    });

    it('takes a 503 on a write as retryable, and as possibly applied', async () => {
      fake.failNext(503, 'backendError');
      const error = await adapter.create(post(reblogPost(SOURCE_URL))).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ failure: 'server-error', retryable: true, mayHaveApplied: true, status: 503 });
      expect((error as PublishingError).message).toMatch(/Injected backendError/);
    });
  });
});
