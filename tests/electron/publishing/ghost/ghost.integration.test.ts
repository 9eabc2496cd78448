import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingPost, PostSchedule, Transport } from '../../../../electron/core/publishing/blogAdapter';
import { newClientIdentity } from '../../../../electron/core/publishing/clientIdentity';
import { BlogConnectionSchema, connectBlog, createBlogAdapter } from '../../../../electron/core/publishing/connection';
import { GhostAdminAdapter, readGhostSite, verifyGhost } from '../../../../electron/core/publishing/ghost/adminAdapter';
import { outgoingPost } from '../../../../electron/core/publishing/outgoingPost';
import { PublishingError } from '../../../../electron/core/publishing/publishingError';
import type { DraftContent } from '../../../../shared/model/draft';
import { renderPostBody } from '../../../../shared/render/post';
import { draftFromRemote } from '../../../../electron/core/outbox/remoteDraft';
import { reblogPost } from '../../../support/fixtures';
import { ghostSkipReason, startGhost, type GhostServer } from '../../../servers/ghost';

const skipReason = ghostSkipReason();
const transport: Transport = { fetch, timeoutMs: 15_000 };

// What the preview shows for the example post's quote; the blog must show the same.
const SOURCE_URL = 'http://127.0.0.1:8080/isis-in-iraq';
const BLOCKQUOTE = `<blockquote cite="${SOURCE_URL}">`;
const SOURCE_LINE =
  '<p class="quote-source"><cite>ISIS in Iraq: A shadow of its former self</cite> \u2014 Rudaw, yesterday at 09:51</p>';
const VIA_LINE = `<p class="quote-via">via <a href="${SOURCE_URL}">ISIS in Iraq: A shadow of its former self</a>.</p>`;
// Ghost's pages tag outbound links with ?ref=<the site's host> ("outbound link tagging", on by default).
const VIA_LINE_ON_PAGE = VIA_LINE.replace(`href="${SOURCE_URL}"`, `href="${SOURCE_URL}?ref=127.0.0.1"`);

/**
 * What Ghost's rendering differs from the preview by, undone: the HTML card markers around the
 * quote, the whitespace around paragraphs and blockquotes (Ghost joins its own paragraphs with
 * none and puts a blank line between the elements of a card), and U+00A0 (the example's spaces
 * after full stops), which Ghost writes as &nbsp;.
 */
function withoutGhostDifferences(html: string): string {
  return html
    .replace(/<!--kg-card-(begin|end): html-->/g, '')
    .replaceAll('&nbsp;', '\u00a0')
    .replace(/\s*(<\/?(?:p|blockquote|h[1-6])\b[^>]*>)\s*/g, '$1')
    .trim();
}

describe.skipIf(skipReason !== null)('Ghost Admin API adapter against a real Ghost 5', () => {
  let server: GhostServer;
  let adapter: GhostAdminAdapter;

  beforeAll(async () => {
    server = await startGhost();
    console.info(`Ghost ready at ${server.url} in ${Math.round(server.startMilliseconds)} ms`);
    adapter = new GhostAdminAdapter({ siteUrl: server.url, adminApiKey: server.adminApiKey, transport });
  }, 120_000);

  afterAll(async () => {
    await server.stop();
  });

  function post(content: DraftContent, schedule: PostSchedule = { status: 'publish' }): OutgoingPost {
    return outgoingPost(content, {
      identity: newClientIdentity(),
      schedule,
      style: { hashtagsInTitle: false },
    });
  }

  it('recognises the blog by its Admin API path and verifies the key', async () => {
    const site = await readGhostSite(server.url, transport);
    expect(site).toMatchObject({ title: 'Commonplace test blog', url: `${server.url}/` });
    expect(site.version).toMatch(/^5\./);
    const verified = await verifyGhost({ siteUrl: server.url, adminApiKey: server.adminApiKey, transport });
    expect(verified).toEqual({
      blogName: 'Commonplace test blog',
      userName: 'Admin API integration',
      canPublish: true,
    });
  });

  it('connects an account from the site address and key, and its adapter publishes', async () => {
    const { connection, verified } = await connectBlog({
      address: server.url,
      kind: 'ghost',
      user: '',
      secret: server.adminApiKey,
      transport,
    });
    expect(BlogConnectionSchema.parse(connection)).toEqual(connection);
    expect(connection).toEqual({ kind: 'ghost', siteUrl: `${server.url}/` });
    expect(verified.blogName).toBe('Commonplace test blog');
    const created = await createBlogAdapter(connection, server.adminApiKey, transport).create(
      post(reblogPost(SOURCE_URL), { status: 'draft' }),
    );
    expect(created.status).toBe('draft');
  });

  it('says plainly that an address without Ghost has no Ghost Admin API', async () => {
    const error = await readGhostSite(`${server.url}/some/folder/`, transport).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ failure: 'not-an-api', status: 404 });
    expect((error as PublishingError).message).toMatch(/no Ghost Admin API/);
  });

  it('refuses a key Ghost does not know, and one that is not a key, as bad credentials', async () => {
    const unknown = `${'0'.repeat(24)}:${'ab'.repeat(32)}`;
    const error = await verifyGhost({ siteUrl: server.url, adminApiKey: unknown, transport }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PublishingError);
    expect(error).toMatchObject({ failure: 'bad-credentials', kind: 'unauthorized', retryable: false, status: 401 });
    expect((error as PublishingError).message).toMatch(/Admin API key/);
    expect(() => new GhostAdminAdapter({ siteUrl: server.url, adminApiKey: 'not-a-key', transport })).toThrow(
      /not a Ghost Admin API key/,
    );
  });

  it('publishes the example post as the preview shows it, with its tags', async () => {
    const content = reblogPost(SOURCE_URL);
    const preview = renderPostBody(content);
    const sent = post(content);

    const created = await adapter.create(sent);
    const read = await adapter.get(created.remoteId);

    expect(read.remoteId).toBe(created.remoteId);
    expect(read.status).toBe('publish');
    expect(read.title).toBe(content.title);
    expect(read.identity).toBe(sent.identity);
    // The title's own words; Ghost numbers a slug another test post took already.
    expect(read.slug).toMatch(new RegExp(`^${sent.slug.latin}(-\\d+)?$`));
    expect(read.url).toBe(`${server.url}/${read.slug ?? ''}/`);
    expect([...read.tags].sort()).toEqual(['ISIS', 'Iraq'].sort());
    expect(Date.parse(read.modifiedAt)).not.toBeNaN();
    for (const part of [BLOCKQUOTE, SOURCE_LINE, VIA_LINE]) expect(read.content).toContain(part);
    expect(withoutGhostDifferences(read.content)).toBe(withoutGhostDifferences(preview));

    const page = await (await fetch(read.url)).text();
    for (const part of [BLOCKQUOTE, SOURCE_LINE, VIA_LINE_ON_PAGE]) expect(page).toContain(part);
  });

  it('keeps the link to the passage as the preview shows it, when the account asks for it', async () => {
    const content = reblogPost(SOURCE_URL);
    const style = { hashtagsInTitle: false, linkToPassage: true };
    const preview = renderPostBody(content, style);
    const passage = `${SOURCE_URL}#:~:text=The%20remaining%20militants%20may,`;
    expect(preview).toContain(`<a href="${passage}`);

    const created = await adapter.create(
      outgoingPost(content, { identity: newClientIdentity(), schedule: { status: 'publish' }, style }),
    );
    const read = await adapter.get(created.remoteId);
    expect(withoutGhostDifferences(read.content)).toBe(withoutGhostDifferences(preview));
    // On its pages Ghost tags the outbound link before the fragment, which still opens the passage.
    const page = await (await fetch(read.url)).text();
    expect(page).toContain(`<a href="${SOURCE_URL}?ref=127.0.0.1#:~:text=The%20remaining%20militants%20may,`);
  });

  it('updates a published post in place, reusing tags whatever their case', async () => {
    const content = reblogPost(SOURCE_URL);
    const first = post(content);
    const created = await adapter.create(first);
    const edited: DraftContent = {
      ...content,
      title: `${content.title} (updated)`,
      commentary: `${content.commentary}\n\nA second paragraph added later.`,
      hashtags: ['isis', 'Iraq', 'Mosul'],
    };

    const updated = await adapter.update(created.remoteId, { ...post(edited), identity: first.identity });
    const read = await adapter.get(created.remoteId);

    expect(updated.remoteId).toBe(created.remoteId);
    expect(read.title).toBe(edited.title);
    expect(withoutGhostDifferences(read.content)).toBe(withoutGhostDifferences(renderPostBody(edited)));
    expect([...read.tags].sort()).toEqual(['ISIS', 'Iraq', 'Mosul'].sort());
    expect(Date.parse(read.modifiedAt)).toBeGreaterThanOrEqual(Date.parse(created.modifiedAt));
  });

  it('refuses an update made from a stale read: the post changed on the blog meanwhile (409)', async () => {
    const content = reblogPost(SOURCE_URL);
    const sent = post(content);
    const created = await adapter.create(sent);
    // updated_at has one-second resolution: let the edit on the blog land in a later second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await adapter.update(created.remoteId, { ...sent, title: 'Edited on the blog' });

    const error = await adapter
      .updateIfUnchanged(created.remoteId, { ...sent, title: 'Edited here' }, created.modifiedAt)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PublishingError);
    expect(error).toMatchObject({ failure: 'rejected', retryable: false, status: 409 });
    expect((error as PublishingError).message).toMatch(/changed on .* since the app last read it/);
    expect((await adapter.get(created.remoteId)).title).toBe('Edited on the blog');
  });

  it('schedules a post for a future date', async () => {
    const date = new Date(Math.floor(Date.now() / 1000) * 1000 + 3 * 24 * 3600 * 1000);
    const created = await adapter.create(post(reblogPost(SOURCE_URL), { status: 'future', date }));
    const read = await adapter.get(created.remoteId);
    expect(read.status).toBe('future');
    expect(read.publishedAt).toBe(date.toISOString());
  });

  it('saves a draft that readers cannot see', async () => {
    const created = await adapter.create(post(reblogPost(SOURCE_URL), { status: 'draft' }));
    const read = await adapter.get(created.remoteId);
    expect(read.status).toBe('draft');
    const publicView = await fetch(`${server.url}/${read.slug ?? ''}/`);
    await publicView.arrayBuffer();
    expect(publicView.status).toBe(404);
  });

  it('sends the title as text, a clean slug in Latin letters, and keeps the identity out of the address', async () => {
    const title = `Can this be <really> true? Tom & Jerry’s "quotes", привет ${Date.now()}`;
    const sent = post({ ...reblogPost(SOURCE_URL), title });
    const created = await adapter.create(sent);
    const read = await adapter.get(created.remoteId);
    expect(read.title).toBe(title);
    expect(draftFromRemote(read, { hashtagsInTitle: false }).title).toBe(title);
    expect(read.slug).toBe(sent.slug.latin);
    expect(read.slug).toMatch(/^can-this-be-really-true-tom-and-jerrys-quotes-privet-\d+$/);
    expect(read.identity).toBe(sent.identity);
    const page = await (await fetch(read.url)).text();
    expect(page).toContain('Can this be &lt;really&gt; true?');
    // The identity rides in a comment at the foot of the page: there, but never shown.
    expect(page).toContain(`<!-- commonplace:${sent.identity} -->`);

    const edited = await adapter.update(created.remoteId, {
      ...post({ ...reblogPost(SOURCE_URL), title: 'Retitled' }),
      identity: sent.identity,
    });
    expect(edited.slug).toBe(read.slug);
    expect(edited.identity).toBe(sent.identity);
  });

  it("sends the excerpt as Ghost's custom excerpt, cut to the 300 characters Ghost keeps, and tells the site's time zone", async () => {
    const summary = 'What this post is about, in a line.';
    const withSummary = (text: string): DraftContent => ({
      ...reblogPost(SOURCE_URL),
      options: { slug: '', summary: text, categories: {} },
    });
    const created = await adapter.create(post(withSummary(summary)));
    expect((await adapter.get(created.remoteId)).summary).toBe(summary);
    const long = `${'A long excerpt that goes on '.repeat(20)}and on.`;
    const cut = await adapter.create(post(withSummary(long)));
    const kept = (await adapter.get(cut.remoteId)).summary ?? '';
    expect(kept.length).toBeLessThanOrEqual(300);
    expect(kept).toMatch(/^A long excerpt that goes on .*\u2026$/);
    expect(long.startsWith(kept.slice(0, -1).trimEnd())).toBe(true);

    expect(await adapter.features()).toEqual({
      categories: null,
      summary: { maxCharacters: 300 },
      slug: true,
      timeZone: { kind: 'named', name: 'Etc/UTC' },
    });
  });

  it('finds a post by the identity the client stamped on it, and nothing for an unknown one', async () => {
    const sent = post(reblogPost(SOURCE_URL), { status: 'draft' });
    const created = await adapter.create(sent);
    expect((await adapter.findByIdentity(sent.identity))?.remoteId).toBe(created.remoteId);
    expect(await adapter.findByIdentity(newClientIdentity())).toBeNull();
  });

  it('lists recent posts, as many as asked', async () => {
    const created = await adapter.create(post({ ...reblogPost(SOURCE_URL), title: 'Newest Ghost post' }));
    const recent = await adapter.listRecent(50);
    expect(recent.map((remote) => remote.remoteId)).toContain(created.remoteId);
    expect(await adapter.listRecent(2)).toHaveLength(2);
  });

  it('deletes a post for good (Ghost has no trash), and deleting again changes nothing', async () => {
    const sent = post(reblogPost(SOURCE_URL));
    const created = await adapter.create(sent);
    await adapter.delete(created.remoteId);
    const error = await adapter.get(created.remoteId).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ failure: 'not-found', kind: 'not-found', retryable: false, status: 404 });
    await expect(adapter.delete(created.remoteId)).resolves.toBeUndefined();
    expect(await adapter.findByIdentity(sent.identity)).toBeNull();
  });

  it('ensures tags: one per name whatever its case, existing ones reused', async () => {
    const name = `TagGhost${Date.now()}`;
    const [created] = await adapter.ensureTags([name]);
    const again = await adapter.ensureTags([name.toUpperCase(), 'Iraq', 'iraq']);
    expect(created).toBeDefined();
    expect(again).toHaveLength(2);
    expect(again[0]).toEqual(created);
  });
});
