import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BlogAdapter,
  OutgoingPost,
  PostSchedule,
  Transport,
} from '../../../../electron/core/publishing/blogAdapter';
import { newClientIdentity } from '../../../../electron/core/publishing/clientIdentity';
import { basicAuthorization } from '../../../../electron/core/publishing/http/request';
import { BlogConnectionSchema, connectBlog, createBlogAdapter } from '../../../../electron/core/publishing/connection';
import { discoverBlog } from '../../../../electron/core/publishing/discovery';
import { MetaWeblogAdapter } from '../../../../electron/core/publishing/xmlrpc/metaWeblogAdapter';
import { outgoingPost } from '../../../../electron/core/publishing/outgoingPost';
import { PublishingError } from '../../../../electron/core/publishing/publishingError';
import {
  verifyMetaWeblog,
  verifyWordPressRest,
  verifyXmlRpc,
} from '../../../../electron/core/publishing/verifyAccount';
import { WordPressRestAdapter } from '../../../../electron/core/publishing/wordpress/restAdapter';
import { WordPressXmlRpcAdapter } from '../../../../electron/core/publishing/xmlrpc/wordpressAdapter';
import type { DraftContent } from '../../../../shared/model/draft';
import { renderPostBody } from '../../../../shared/render/post';
import { draftFromRemote } from '../../../../electron/core/outbox/remoteDraft';
import { reblogPost } from '../../../support/fixtures';
import { textAndLinks } from '../../../support/textAndLinks';
import { startWordPress, wordPressSkipReason, type WordPressServer } from '../../../servers/wordpress';

const skipReason = wordPressSkipReason();
const transport: Transport = { fetch, timeoutMs: 15_000 };

// What the preview shows for the example post's quote; the blog must show the same.
const SOURCE_URL = 'http://127.0.0.1:8080/isis-in-iraq';
const BLOCKQUOTE = `<blockquote cite="${SOURCE_URL}">`;
/** The same quote as a core Quote block, as WordPress renders it: credit inside as its citation. */
const QUOTE_BLOCK = '<blockquote class="wp-block-quote">';
const CITATION = '<cite>ISIS in Iraq: A shadow of its former self \u2014 Rudaw, yesterday at 09:51</cite>';
const SOURCE_LINE =
  '<p class="quote-source"><cite>ISIS in Iraq: A shadow of its former self</cite> \u2014 Rudaw, yesterday at 09:51</p>';
const VIA_LINE = `<p class="quote-via">via <a href="${SOURCE_URL}">ISIS in Iraq: A shadow of its former self</a>.</p>`;

describe.skipIf(skipReason !== null)('WordPress adapters against a real WordPress', () => {
  let server: WordPressServer;

  beforeAll(async () => {
    server = await startWordPress();
    console.info(`WordPress ready at ${server.url} in ${Math.round(server.startMilliseconds)} ms`);
  }, 60_000);

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

  describe('discovery and verification', () => {
    it('finds the REST root and the XML-RPC endpoint from the blog address', async () => {
      const found = await discoverBlog(server.url, transport);
      expect(found.restRoot).toBe(`${server.url}/wp-json/`);
      expect(found.xmlRpcEndpoint).toBe(`${server.url}/xmlrpc.php`);
      expect(found.xmlRpcBlogId).toBe('1');
      expect(found.xmlRpcApi).toBe('WordPress');
    });

    it('verifies the Application Password through REST and XML-RPC', async () => {
      const rest = await verifyWordPressRest({
        apiRoot: `${server.url}/?rest_route=/`,
        user: server.user,
        applicationPassword: server.applicationPassword,
        transport,
      });
      const xmlRpc = await verifyXmlRpc({
        endpoint: `${server.url}/xmlrpc.php`,
        user: server.user,
        password: server.applicationPassword,
        transport,
      });
      for (const verified of [rest, xmlRpc]) {
        expect(verified).toEqual({ blogName: 'Commonplace test blog', userName: server.user, canPublish: true });
      }
    });

    it('connects an account of each kind from the blog address, and its adapter publishes', async () => {
      for (const kind of ['wordpress', 'xmlrpc'] as const) {
        const { connection, verified } = await connectBlog({
          address: server.url,
          kind,
          user: server.user,
          secret: server.applicationPassword,
          transport,
        });
        expect(BlogConnectionSchema.parse(connection)).toEqual(connection);
        expect(connection.kind).toBe(kind);
        expect(verified).toEqual({ blogName: 'Commonplace test blog', userName: server.user, canPublish: true });
        const adapter = createBlogAdapter(connection, server.applicationPassword, transport);
        const created = await adapter.create(post(reblogPost(SOURCE_URL), { status: 'draft' }));
        expect((await adapter.get(created.remoteId)).status).toBe('draft');
      }
    });

    it('verifies MetaWeblog credentials through blogger.getUsersBlogs', async () => {
      const verified = await verifyMetaWeblog({
        endpoint: `${server.url}/xmlrpc.php`,
        blogId: '1',
        user: server.user,
        password: server.applicationPassword,
        transport,
      });
      expect(verified).toEqual({ blogName: 'Commonplace test blog', userName: server.user, canPublish: true });
    });

    it('publishes through the ?rest_route= form, as on a blog with plain permalinks', async () => {
      const adapter = new WordPressRestAdapter({
        apiRoot: `${server.url}/?rest_route=/`,
        user: server.user,
        applicationPassword: server.applicationPassword,
        transport,
      });
      const sent = post(reblogPost(SOURCE_URL), { status: 'draft' });
      const created = await adapter.create(sent);
      const read = await adapter.get(created.remoteId);
      expect(read.title).toBe(sent.title);
      expect([...read.tags].sort()).toEqual(['ISIS', 'Iraq'].sort());
      expect((await adapter.findByIdentity(sent.identity))?.remoteId).toBe(created.remoteId);
      await adapter.delete(created.remoteId);
    });

    it("reports that a contributor cannot publish, and the blog's refusal when one tries", async () => {
      const verified = await verifyWordPressRest({
        apiRoot: `${server.url}/wp-json/`,
        user: server.contributor.user,
        applicationPassword: server.contributor.applicationPassword,
        transport,
      });
      expect(verified.canPublish).toBe(false);
      const viaXmlRpc = await verifyXmlRpc({
        endpoint: `${server.url}/xmlrpc.php`,
        user: server.contributor.user,
        password: server.contributor.applicationPassword,
        transport,
      });
      expect(viaXmlRpc.canPublish).toBe(false);

      const adapter = new WordPressRestAdapter({
        apiRoot: `${server.url}/wp-json/`,
        user: server.contributor.user,
        applicationPassword: server.contributor.applicationPassword,
        transport,
      });
      const error = await adapter
        .create(post({ ...reblogPost(SOURCE_URL), hashtags: [] }))
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PublishingError);
      expect(error).toMatchObject({ failure: 'forbidden', kind: 'unauthorized', retryable: false, status: 403 });
      expect((error as PublishingError).message).toMatch(/not allowed/);
    });

    it('reports a wrong password as bad credentials, not retryable', async () => {
      const attempts = [
        () =>
          verifyWordPressRest({
            apiRoot: `${server.url}/wp-json/`,
            user: server.user,
            applicationPassword: 'wrong',
            transport,
          }),
        () => verifyXmlRpc({ endpoint: `${server.url}/xmlrpc.php`, user: server.user, password: 'wrong', transport }),
      ];
      for (const attempt of attempts) {
        const error = await attempt().catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(PublishingError);
        expect(error).toMatchObject({ failure: 'bad-credentials', kind: 'unauthorized', retryable: false });
      }
    });
  });

  type Protocol = 'REST' | 'XML-RPC' | 'MetaWeblog';
  /** Each protocol's adapter for the blog at `base` (the server itself, or a proxy in front of it). */
  const protocols: ReadonlyArray<readonly [Protocol, (base?: string) => BlogAdapter]> = [
    [
      'REST',
      (base = server.url) =>
        new WordPressRestAdapter({
          apiRoot: `${base}/wp-json/`,
          user: server.user,
          applicationPassword: server.applicationPassword,
          transport,
        }),
    ],
    [
      'XML-RPC',
      (base = server.url) =>
        new WordPressXmlRpcAdapter({
          endpoint: `${base}/xmlrpc.php`,
          user: server.user,
          password: server.applicationPassword,
          transport,
        }),
    ],
    [
      'MetaWeblog',
      (base = server.url) =>
        new MetaWeblogAdapter({
          endpoint: `${base}/xmlrpc.php`,
          blogId: '1',
          user: server.user,
          password: server.applicationPassword,
          transport,
        }),
    ],
  ];

  describe.each(protocols)('%s', (protocol, makeAdapter) => {
    /** What the blog stores for a post: core blocks over REST, the preview's HTML itself over XML-RPC. */
    function stored(sent: OutgoingPost): string {
      return protocol === 'REST' ? makeAdapter().storedContent(sent) : sent.html.trimEnd();
    }

    /** What readers get on the post's page: the preview's HTML over XML-RPC, core blocks' HTML over REST. */
    function quoteOnPage(): readonly string[] {
      return protocol === 'REST' ? [QUOTE_BLOCK, CITATION, VIA_LINE] : [BLOCKQUOTE, SOURCE_LINE, VIA_LINE];
    }

    it('publishes the example post as the preview shows it, with its tags', async () => {
      const adapter = makeAdapter();
      const content = reblogPost(SOURCE_URL);
      const preview = renderPostBody(content);
      const sent = post(content);

      const created = await adapter.create(sent);
      const read = await adapter.get(created.remoteId);

      expect(read.remoteId).toBe(created.remoteId);
      expect(read.status).toBe('publish');
      expect(read.title).toBe(content.title);
      expect(read.content).toBe(stored(sent));
      expect([...read.tags].sort()).toEqual(['ISIS', 'Iraq'].sort());
      expect(read.identity).toBe(sent.identity);
      expect(Date.parse(read.modifiedAt)).not.toBeNaN();
      if (read.renderedContent !== null) expect(textAndLinks(read.renderedContent)).toEqual(textAndLinks(preview));

      const page = await (await fetch(read.url)).text();
      for (const part of quoteOnPage()) expect(page).toContain(part);
    });

    it('sends the title as text: the blog shows what was typed, and reading it back gives it exactly', async () => {
      const adapter = makeAdapter();
      const title = `Can this be <really> true? Tom & Jerry's "quotes" &amp; more (${protocol})`;
      const content = { ...reblogPost(SOURCE_URL), title };
      const created = await adapter.create(post(content));
      const read = await adapter.get(created.remoteId);
      expect(read.title).toBe(title);
      expect(draftFromRemote(read, { hashtagsInTitle: false }).title).toBe(title);
      const page = await (await fetch(read.url)).text();
      expect(page).toContain('Can this be &lt;really&gt; true?');
      expect(page).not.toContain('<really>');
    });

    it("makes a clean slug from the title, in the blog's script, with the identity kept elsewhere", async () => {
      const adapter = makeAdapter();
      const tag = protocol.toLowerCase().replace(/\W/g, '');
      const latin = post({ ...reblogPost(SOURCE_URL), title: `Can this be really true? ${tag}` });
      const created = await adapter.create(latin);
      expect(created.slug).toBe(`can-this-be-really-true-${tag}`);
      expect(created.identity).toBe(latin.identity);
      expect(created.slug).not.toContain(latin.identity);

      const cyrillic = await adapter.create(post({ ...reblogPost(SOURCE_URL), title: `Привет, мир ${tag}` }));
      // WordPress keeps another script's words; MetaWeblog servers get Latin letters.
      expect(cyrillic.slug).toBe(protocol === 'MetaWeblog' ? `privet-mir-${tag}` : `привет-мир-${tag}`);
    });

    it('keeps the address when the title changes, and moves it only to a slug the writer chose', async () => {
      const adapter = makeAdapter();
      const content = { ...reblogPost(SOURCE_URL), title: `First title ${protocol}` };
      const first = post(content);
      const created = await adapter.create(first);
      const retitled = await adapter.update(created.remoteId, {
        ...post({ ...content, title: 'A new title' }),
        identity: first.identity,
      });
      expect(retitled.slug).toBe(created.slug);
      const tag = protocol.toLowerCase().replace(/\W/g, '');
      const chosen = { ...content, options: { slug: `Chosen address ${tag}`, summary: '', categories: {} } };
      const moved = await adapter.update(created.remoteId, { ...post(chosen), identity: first.identity });
      expect(moved.slug).toBe(`chosen-address-${tag}`);
      expect(moved.identity).toBe(first.identity);
    });

    it("sends the excerpt and the chosen categories, and offers the blog's categories and time zone", async () => {
      const adapter = makeAdapter();
      const tag = `${protocol.toLowerCase().replace(/\W/g, '')}${Date.now()}`;
      // MetaWeblog can only choose among existing categories: this one is made first, as on the blog.
      const existing = `Books & reading ${tag}`;
      await fetch(`${server.url}/wp-json/wp/v2/categories`, {
        method: 'POST',
        headers: {
          authorization: basicAuthorization(server.user, server.applicationPassword),
          'content-type': 'application/json',
        },
        body: JSON.stringify({ name: existing }),
      });
      const made = `Made on publishing ${tag}`;
      const chosen = protocol === 'MetaWeblog' ? [existing] : [existing, made];
      const content: DraftContent = {
        ...reblogPost(SOURCE_URL),
        options: { slug: '', summary: 'What this post is about, in a line.', categories: { blog: chosen } },
      };
      const sent = outgoingPost(content, {
        identity: newClientIdentity(),
        schedule: { status: 'publish' },
        style: { hashtagsInTitle: false },
        accountId: 'blog',
      });
      const created = await adapter.create(sent);
      const read = await adapter.get(created.remoteId);
      expect(read.summary).toBe('What this post is about, in a line.');
      expect([...(read.categories ?? [])].sort()).toEqual([...chosen].sort());

      const features = await adapter.features();
      expect(features.categories?.names).toEqual(expect.arrayContaining(['Uncategorized', ...chosen]));
      expect(features.categories?.canCreate).toBe(protocol !== 'MetaWeblog');
      expect(features.summary).toEqual({ maxCharacters: null });
      // The test blog keeps WordPress's default, UTC: REST names no zone then, XML-RPC gives the offset.
      if (protocol === 'MetaWeblog') expect(features.timeZone).toBeNull();
      else expect(features.timeZone).toEqual({ kind: 'offset', minutes: 0 });
      if (protocol !== 'REST') return;
      // A blog whose settings name its zone: REST says which.
      const settings = await fetch(`${server.url}/wp-json/wp/v2/settings`, {
        method: 'POST',
        headers: {
          authorization: basicAuthorization(server.user, server.applicationPassword),
          'content-type': 'application/json',
        },
        body: JSON.stringify({ timezone: 'UTC' }),
      });
      expect(settings.status).toBe(200);
      expect((await adapter.features()).timeZone).toEqual({ kind: 'named', name: 'UTC' });
    });

    it('puts hashtags in the title when the account asks for it', async () => {
      const adapter = makeAdapter();
      const content = reblogPost(SOURCE_URL);
      const sent = outgoingPost(content, {
        identity: newClientIdentity(),
        schedule: { status: 'publish' },
        style: { hashtagsInTitle: true },
      });
      const created = await adapter.create(sent);
      expect(created.title).toBe(`${content.title} #ISIS #Iraq`);
      await adapter.delete(created.remoteId);
    });

    it('keeps the link to the passage as the preview shows it, when the account asks for it', async () => {
      const adapter = makeAdapter();
      const content = reblogPost(SOURCE_URL);
      const style = { hashtagsInTitle: false, linkToPassage: true };
      const sent = outgoingPost(content, {
        identity: newClientIdentity(),
        schedule: { status: 'publish' },
        style,
      });
      const preview = renderPostBody(content, style);
      expect(preview).toContain(`<a href="${SOURCE_URL}#:~:text=The%20remaining%20militants%20may,`);

      const created = await adapter.create(sent);
      const read = await adapter.get(created.remoteId);
      expect(read.content).toBe(stored(sent));
      const page = await (await fetch(read.url)).text();
      expect(page).toContain(`<a href="${SOURCE_URL}#:~:text=The%20remaining%20militants%20may,`);
      expect(page).toContain(protocol === 'REST' ? QUOTE_BLOCK : BLOCKQUOTE);
      await adapter.delete(created.remoteId);
    });

    it('updates a published post in place', async () => {
      const adapter = makeAdapter();
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
      const read = await adapter.get(created.remoteId);

      expect(updated.remoteId).toBe(created.remoteId);
      expect(read.title).toBe(edited.title);
      expect(read.content).toBe(stored(second));
      expect(read.content).toContain('A second paragraph added later.');
      expect([...read.tags].sort()).toEqual(['ISIS', 'Iraq', 'Mosul'].sort());
      expect(Date.parse(read.modifiedAt)).toBeGreaterThanOrEqual(Date.parse(created.modifiedAt));
    });

    it('schedules a post for a future date', async () => {
      const adapter = makeAdapter();
      const date = new Date(Math.floor(Date.now() / 1000) * 1000 + 3 * 24 * 3600 * 1000);
      const created = await adapter.create(post(reblogPost(SOURCE_URL), { status: 'future', date }));
      const read = await adapter.get(created.remoteId);
      expect(read.status).toBe('future');
      expect(read.publishedAt).toBe(date.toISOString());
    });

    it('saves a remote draft that readers cannot see', async () => {
      const adapter = makeAdapter();
      const created = await adapter.create(post(reblogPost(SOURCE_URL), { status: 'draft' }));
      const read = await adapter.get(created.remoteId);
      expect(read.status).toBe('draft');
      const publicView = await fetch(`${server.url}/wp-json/wp/v2/posts/${created.remoteId}`);
      await publicView.arrayBuffer();
      expect(publicView.status).toBe(401);
    });

    it('finds a post by the identity the client stamped on it, and nothing for an unknown one', async () => {
      const adapter = makeAdapter();
      const sent = post(reblogPost(SOURCE_URL), { status: 'draft' });
      const created = await adapter.create(sent);
      const found = await adapter.findByIdentity(sent.identity);
      expect(found?.remoteId).toBe(created.remoteId);
      expect(await adapter.findByIdentity(newClientIdentity())).toBeNull();
    });

    it('finds the post after an answer lost on the way back, instead of creating it twice', async () => {
      const proxy = await answerLosingProxy(server.url);
      try {
        const lossy = makeAdapter(proxy.url);
        const sent = post(reblogPost(SOURCE_URL));
        const error = await lossy.create(sent).catch((caught: unknown) => caught);
        expect(error).toMatchObject({ failure: 'no-connection', retryable: true, mayHaveApplied: true });
        expect(proxy.lostAnswers()).toBe(1);

        const found = await makeAdapter().findByIdentity(sent.identity);
        expect(found?.title).toBe(sent.title);
        const sameIdentity = (await makeAdapter().listRecent(100)).filter(
          (remote) => remote.identity === sent.identity,
        );
        expect(sameIdentity).toHaveLength(1);
      } finally {
        await proxy.stop();
      }
    });

    it('lists recent posts, newest first, as many as asked', async () => {
      const adapter = makeAdapter();
      const sent = post({ ...reblogPost(SOURCE_URL), title: `Newest ${protocol} post` });
      const created = await adapter.create(sent);
      // Scheduled posts from other tests sort first, and posts made in the same second tie: look deep enough.
      const recent = await adapter.listRecent(50);
      expect(recent.map((remote) => remote.remoteId)).toContain(created.remoteId);
      const times = recent.map((remote) => Date.parse(remote.publishedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(await adapter.listRecent(3)).toHaveLength(3);
    });

    it('moves deleted posts to the trash, and deleting again changes nothing', async () => {
      const adapter = makeAdapter();
      const created = await adapter.create(post(reblogPost(SOURCE_URL)));
      await adapter.delete(created.remoteId);
      expect((await adapter.get(created.remoteId)).status).toBe('trash');
      expect((await adapter.listRecent(50)).map((remote) => remote.remoteId)).not.toContain(created.remoteId);
      await adapter.delete(created.remoteId);
      expect((await adapter.get(created.remoteId)).status).toBe('trash');
      await expect(adapter.delete('987654')).resolves.toBeUndefined();
    });

    it('ensures tags: one per name whatever its case, existing ones reused', async () => {
      const adapter = makeAdapter();
      const name = `Tag${protocol.replace(/\W/g, '')}${Date.now()}`;
      const [created] = await adapter.ensureTags([name]);
      const again = await adapter.ensureTags([name.toUpperCase(), 'Iraq', 'iraq']);
      expect(created).toBeDefined();
      expect(again).toHaveLength(2);
      // MetaWeblog has no tag ids: a tag is its name, created by the server with the first post using it.
      if (protocol !== 'MetaWeblog') expect(again[0]?.remoteId).toBe(created?.remoteId);
    });

    it('reports a post that does not exist as not found', async () => {
      const error = await makeAdapter()
        .get('987654')
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ failure: 'not-found', kind: 'not-found', retryable: false });
    });
  });
});

/**
 * A proxy that passes reads through but, for the first write, lets the blog commit it and then
 * drops the connection instead of answering: the "sent, no answer" case the outbox must survive.
 */
async function answerLosingProxy(
  target: string,
): Promise<{ readonly url: string; lostAnswers(): number; stop(): Promise<void> }> {
  const upstream = new URL(target);
  let lost = 0;
  const proxy: Server = createServer((incoming, outgoing) => {
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: incoming.url,
        method: incoming.method,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        if (incoming.method === 'POST' && lost === 0 && !(incoming.url ?? '').includes('/tags')) {
          answer.resume();
          answer.once('end', () => {
            lost += 1;
            incoming.socket.destroy();
          });
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    lostAnswers: () => lost,
    async stop() {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}
