import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingPost, PostSchedule, Transport } from '../../../../electron/core/publishing/blogAdapter';
import { newClientIdentity } from '../../../../electron/core/publishing/clientIdentity';
import { BlogConnectionSchema, connectBlog, createBlogAdapter } from '../../../../electron/core/publishing/connection';
import { MicropubAdapter, verifyMicropub } from '../../../../electron/core/publishing/micropub/adapter';
import { discoverMicropub } from '../../../../electron/core/publishing/micropub/discovery';
import { outgoingPost } from '../../../../electron/core/publishing/outgoingPost';
import { PublishingError } from '../../../../electron/core/publishing/publishingError';
import type { DraftContent } from '../../../../shared/model/draft';
import { renderPostBody } from '../../../../shared/render/post';
import { draftFromRemote } from '../../../../electron/core/outbox/remoteDraft';
import { reblogPost } from '../../../support/fixtures';
import { startMicropub, type MicropubServer } from '../../../servers/micropub';

const transport: Transport = { fetch, timeoutMs: 15_000 };

// What the preview shows for the example post's quote; the site must show the same.
const SOURCE_URL = 'http://127.0.0.1:8080/isis-in-iraq';
const BLOCKQUOTE = `<blockquote cite="${SOURCE_URL}">`;
const SOURCE_LINE =
  '<p class="quote-source"><cite>ISIS in Iraq: A shadow of its former self</cite> \u2014 Rudaw, yesterday at 09:51</p>';
const VIA_LINE = `<p class="quote-via">via <a href="${SOURCE_URL}">ISIS in Iraq: A shadow of its former self</a>.</p>`;

describe('Micropub adapter against a real Micropub endpoint (@benjifs/micropub)', () => {
  let server: MicropubServer;
  let adapter: MicropubAdapter;

  beforeAll(async () => {
    server = await startMicropub();
    console.info(`Micropub site ready at ${server.url} in ${Math.round(server.startMilliseconds)} ms`);
    adapter = new MicropubAdapter({
      endpoint: server.endpoint,
      siteUrl: server.url,
      token: server.token,
      transport,
    });
  }, 60_000);

  afterAll(async () => {
    await server.stop();
  });

  let posts = 0;
  /**
   * The post as the outbox sends it. This server refuses a slug it already has ("file exists"), so
   * each test post gets its own address unless it brings one.
   */
  function post(content: DraftContent, schedule: PostSchedule = { status: 'publish' }): OutgoingPost {
    posts += 1;
    const options = content.options ?? { slug: `test-post-${posts}-${Date.now()}`, summary: '', categories: {} };
    return outgoingPost(
      { ...content, options },
      {
        identity: newClientIdentity(),
        schedule,
        style: { hashtagsInTitle: false },
      },
    );
  }

  it('discovers the endpoint and the IndieAuth endpoints from the home page', async () => {
    const found = await discoverMicropub(server.url, transport);
    expect(found).toEqual({
      siteUrl: server.url,
      title: 'Micropub test blog',
      endpoint: server.endpoint,
      authorizationEndpoint: `${server.url}auth`,
      tokenEndpoint: `${server.url}token`,
    });
  });

  it('verifies the token with q=config, and refuses a wrong one as bad credentials', async () => {
    const verified = await verifyMicropub({
      endpoint: server.endpoint,
      siteUrl: server.url,
      token: server.token,
      transport,
      blogName: 'Micropub test blog',
    });
    expect(verified).toEqual({ blogName: 'Micropub test blog', userName: server.url, canPublish: true });
    const error = await verifyMicropub({
      endpoint: server.endpoint,
      siteUrl: server.url,
      token: 'wrong',
      transport,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PublishingError);
    // The library answers a token its token endpoint rejects with 403 (forbidden), no token with 401.
    expect(error).toMatchObject({ kind: 'unauthorized', retryable: false, status: 403 });
    expect((error as PublishingError).message).toMatch(/Sign in to the site again/);
  });

  it('connects an account from the site address and token, and its adapter publishes', async () => {
    const { connection, verified } = await connectBlog({
      address: server.url,
      kind: 'micropub',
      user: '',
      secret: server.token,
      transport,
    });
    expect(BlogConnectionSchema.parse(connection)).toEqual(connection);
    expect(connection).toEqual({
      kind: 'micropub',
      siteUrl: server.url,
      endpoint: server.endpoint,
      authorizationEndpoint: `${server.url}auth`,
      tokenEndpoint: `${server.url}token`,
    });
    expect(verified).toEqual({ blogName: 'Micropub test blog', userName: server.url, canPublish: true });
    const created = await createBlogAdapter(connection, server.token, transport).create(
      post(reblogPost(SOURCE_URL), { status: 'draft' }),
    );
    expect(created.status).toBe('draft');
  });

  it('publishes the example post as the preview shows it, with its tags; its page shows the quote', async () => {
    const content = reblogPost(SOURCE_URL);
    const preview = renderPostBody(content);
    const sent = post(content);

    const created = await adapter.create(sent);
    const read = await adapter.get(created.remoteId);

    expect(read.remoteId).toBe(created.remoteId);
    expect(read.url).toBe(`${server.url}article/${sent.slug.latin}`);
    expect(read.url).not.toContain(sent.identity);
    expect(read.status).toBe('publish');
    expect(read.title).toBe(content.title);
    // The server stores the HTML as given, less its final newline (q=source gives it as a plain string).
    expect(read.content).toBe(preview.trimEnd());
    expect([...read.tags].sort()).toEqual(['ISIS', 'Iraq'].sort());
    expect(read.identity).toBe(sent.identity);
    expect(Date.parse(read.publishedAt)).not.toBeNaN();

    const page = await (await fetch(read.url)).text();
    for (const part of [BLOCKQUOTE, SOURCE_LINE, VIA_LINE]) expect(page).toContain(part);
  });

  it('updates a published post in place, and an update that changes nothing succeeds', async () => {
    const content = reblogPost(SOURCE_URL);
    const first = post(content);
    const created = await adapter.create(first);
    const edited: DraftContent = {
      ...content,
      title: `${content.title} (updated)`,
      commentary: `${content.commentary}\n\nA second paragraph added later.`,
      hashtags: ['ISIS', 'Iraq', 'Mosul'],
    };
    const second = { ...post(edited), identity: first.identity };

    const updated = await adapter.update(created.remoteId, second);
    expect(updated.remoteId).toBe(created.remoteId);
    expect(updated.title).toBe(edited.title);
    expect(updated.content).toBe(renderPostBody(edited).trimEnd());
    expect(updated.content).toContain('A second paragraph added later.');
    expect([...updated.tags].sort()).toEqual(['ISIS', 'Iraq', 'Mosul'].sort());

    // @benjifs/micropub answers 400 "nothing to update" when the post already is as sent.
    const again = await adapter.update(created.remoteId, second);
    expect(again.title).toBe(edited.title);
  });

  it('publishes a post without hashtags, and takes every hashtag off a post', async () => {
    const bare: DraftContent = { ...reblogPost(SOURCE_URL), hashtags: [] };
    const created = await adapter.create(post(bare));
    expect((await adapter.get(created.remoteId)).tags).toEqual([]);

    const tagged = post(reblogPost(SOURCE_URL));
    const withTags = await adapter.create(tagged);
    const untagged = await adapter.update(withTags.remoteId, { ...post(bare), identity: tagged.identity });
    expect(untagged.tags).toEqual([]);

    // As earlier versions made it: an empty category, which this server answers as [{}].
    const made = await fetch(server.endpoint, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: ['h-entry'],
        properties: { name: [`Empty category ${Date.now()}`], content: [{ html: '<p>Text</p>' }], category: [] },
      }),
    });
    await made.arrayBuffer();
    expect((await adapter.get(made.headers.get('location') ?? '')).tags).toEqual([]);
  });

  it('schedules a post with a future published date', async () => {
    const date = new Date(Math.floor(Date.now() / 1000) * 1000 + 3 * 24 * 3600 * 1000);
    const created = await adapter.create(post(reblogPost(SOURCE_URL), { status: 'future', date }));
    const read = await adapter.get(created.remoteId);
    expect(read.status).toBe('future');
    expect(read.publishedAt).toBe(date.toISOString());
  });

  it('saves a draft that the site does not show', async () => {
    const created = await adapter.create(post(reblogPost(SOURCE_URL), { status: 'draft' }));
    const read = await adapter.get(created.remoteId);
    expect(read.status).toBe('draft');
    const page = await fetch(read.url);
    await page.arrayBuffer();
    expect(page.status).toBe(404);
  });

  it('sends the title as text, a clean slug in Latin letters, and the identity where readers never see it', async () => {
    const title = 'Can this be <really> true? Tom & Jerry’s "quotes", привет';
    const sent = outgoingPost(
      { ...reblogPost(SOURCE_URL), title },
      { identity: newClientIdentity(), schedule: { status: 'draft' }, style: { hashtagsInTitle: false } },
    );
    const created = await adapter.create(sent);
    const read = await adapter.get(created.remoteId);
    expect(read.title).toBe(title);
    expect(draftFromRemote(read, { hashtagsInTitle: false }).title).toBe(title);
    expect(read.slug).toBe('can-this-be-really-true-tom-and-jerrys-quotes-privet');
    expect(read.url).toBe(`${server.url}article/can-this-be-really-true-tom-and-jerrys-quotes-privet`);
    expect(read.identity).toBe(sent.identity);
    const page = await (await fetch(read.url)).text();
    expect(page).not.toContain(`>${sent.identity}`);
  });

  it('sends the excerpt as the summary property', async () => {
    const content: DraftContent = {
      ...reblogPost(SOURCE_URL),
      options: { slug: `with-a-summary-${Date.now()}`, summary: 'What this post is about.', categories: {} },
    };
    const created = await adapter.create(post(content));
    const read = await adapter.get(created.remoteId);
    expect(read.summary).toBe('What this post is about.');
    expect(await adapter.features()).toEqual({
      categories: null,
      summary: { maxCharacters: null },
      slug: true,
      timeZone: null,
    });
  });

  it('finds a post by the identity in its content, at the address its slug gives (this server lists no posts)', async () => {
    const sent = post(reblogPost(SOURCE_URL), { status: 'draft' });
    const created = await adapter.create(sent);
    const found = await adapter.findByIdentity(sent.identity, { slug: sent.slug });
    expect(found?.remoteId).toBe(created.remoteId);
    // Another post's identity at that address is not this post.
    expect(await adapter.findByIdentity(newClientIdentity(), { slug: sent.slug })).toBeNull();
    expect(await adapter.findByIdentity(sent.identity)).toBeNull();
  });

  it('finds a post with a featured image (a photo post, which this server files elsewhere) by its identity', async () => {
    // Found by the soak (#14): the outbox could not find such a post after a lost answer, and
    // sending it again was refused ("file exists"), holding the post for the writer.
    const sent = {
      ...post(reblogPost(SOURCE_URL)),
      featuredImage: { remoteId: null, url: `${server.url}uploads/a.png` },
    };
    const created = await adapter.create(sent);
    expect(created.featuredImage).toBe(`${server.url}uploads/a.png`);
    const found = await adapter.findByIdentity(sent.identity, { slug: sent.slug });
    expect(found?.remoteId).toBe(created.remoteId);
  });

  it('deletes a post (the site then answers 410), deleting again changes nothing, and it is not found after', async () => {
    const sent = post(reblogPost(SOURCE_URL));
    const created = await adapter.create(sent);
    await adapter.delete(created.remoteId);
    expect((await adapter.get(created.remoteId)).status).toBe('trash');
    const page = await fetch(created.url);
    await page.arrayBuffer();
    expect(page.status).toBe(410);
    await adapter.delete(created.remoteId);
    expect(await adapter.findByIdentity(sent.identity, { slug: sent.slug })).toBeNull();
    await expect(adapter.delete(`${server.url}article/never-created`)).resolves.toBeUndefined();
  });

  it('reports a post that does not exist as not found', async () => {
    const error = await adapter.get(`${server.url}article/never-created`).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ failure: 'not-found', kind: 'not-found', retryable: false, status: 404 });
  });

  it('says plainly that this server cannot list recent posts', async () => {
    const error = await adapter.listRecent(5).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ failure: 'not-an-api', retryable: false });
    expect((error as PublishingError).message).toMatch(/cannot list posts/);
  });

  it('ensures tags: one per name whatever its case, as categories need no creating', async () => {
    const tags = await adapter.ensureTags(['Iraq', 'iraq', 'ISIS']);
    expect(tags).toEqual([
      { remoteId: 'Iraq', name: 'Iraq' },
      { remoteId: 'ISIS', name: 'ISIS' },
    ]);
  });
});
