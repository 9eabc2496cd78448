import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DraftContent } from '../../../../shared/model/draft';
import type { Transport } from '../../../../electron/core/publishing/blogAdapter';
import { createBlogAdapter } from '../../../../electron/core/publishing/connection';
import { connectStaticSite, type StaticConnection } from '../../../../electron/core/publishing/static/connectSite';
import { startFaultProxy, type FaultProxy } from '../../../servers/faultProxy';
import { git, gitServerSkipReason, startGitHttpServer, type GitHttpServer } from '../../../servers/gitHttp';
import { useTempFolders } from '../../../support/tempFolder';
import { openHarness, type Harness } from '../../outbox/support/harness';
import { pushElsewhere, racingTransport, remoteLog, siteRepositories, type SiteRepositories } from './support/sites';

const skip = gitServerSkipReason();
const ACCOUNT = 'static-site-0001';
const direct: Transport = { fetch, timeoutMs: 10_000 };

let counter = 0;
function uniquePost(): DraftContent {
  counter += 1;
  return {
    title: `Note ${counter} on a static site`,
    commentary: `Commentary number ${counter}.`,
    quotes: [],
    hashtags: ['notes'],
    featuredImage: null,
  };
}

describe.skipIf(skip !== null)(
  'static sites: races, the connection lost, faults — exactly once through the outbox',
  () => {
    let server: GitHttpServer;
    const folders: string[] = [];
    const made = (folder: string): void => void folders.push(folder);
    const tempFolder = useTempFolders();
    const harnesses: Harness[] = [];
    const proxies: FaultProxy[] = [];

    beforeAll(async () => {
      server = await startGitHttpServer();
    });
    afterAll(async () => {
      await server.stop();
    });
    afterEach(async () => {
      await Promise.all(harnesses.splice(0).map((harness) => harness.close()));
      await Promise.all(proxies.splice(0).map((proxy) => proxy.stop()));
      await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
    });

    async function connect(site: SiteRepositories, remoteUrl = site.remoteUrl): Promise<StaticConnection> {
      const { connection } = await connectStaticSite(
        {
          kind: 'static',
          folder: site.clone,
          flavour: 'hugo',
          format: 'html',
          remote: remoteUrl,
          address: null,
          user: server.user,
          secret: server.password,
        },
        direct,
      );
      return connection;
    }

    async function harness(connection: StaticConnection, transport: Transport = direct): Promise<Harness> {
      const opened = await openHarness(await tempFolder(), {
        [ACCOUNT]: createBlogAdapter(connection, server.password, transport),
      });
      harnesses.push(opened);
      return opened;
    }

    async function publish(opened: Harness, content: DraftContent) {
      const draft = await opened.library.create(content);
      const outcome = await opened.outbox.publish({
        draftId: draft.id,
        accountId: ACCOUNT,
        schedule: { status: 'publish' },
      });
      return { draft, outcome };
    }

    async function postFilesWith(site: SiteRepositories, text: string): Promise<string[]> {
      const files = await git(site.remoteFolder, ['grep', '-l', text, 'main', '--', 'content/posts']).catch(() => '');
      return files.split('\n').filter((line) => line !== '');
    }

    it('a push racing a commit made elsewhere is rebased onto it: both are on the remote, nothing lost', async () => {
      const site = await siteRepositories(server, 'hugo', made);
      const connection = await connect(site);
      const transport = racingTransport(async () => {
        const about = { file: 'content/about.md', text: '---\ntitle: About\n---\nMade elsewhere.\n' };
        await pushElsewhere(site, { ...about, message: 'About page, made elsewhere' }, made);
        return true;
      });
      const opened = await harness(connection, transport);
      const content = uniquePost();
      const { outcome } = await publish(opened, content);

      expect(outcome).toMatchObject({ kind: 'published' });
      expect(await remoteLog(site)).toEqual([`Publish “${content.title}”`, 'About page, made elsewhere', 'The site']);
      expect(await git(site.clone, ['status', '--porcelain'])).toBe('');
      expect(await readFile(path.join(site.clone, 'content/about.md'), 'utf8')).toContain('Made elsewhere.');
    });

    it('the same post changed elsewhere while an update goes out: held as a conflict, both versions kept', async () => {
      const site = await siteRepositories(server, 'hugo', made);
      const connection = await connect(site);
      let theirs: (() => Promise<void>) | null = null;
      const transport = racingTransport(async () => {
        if (theirs === null) return false;
        await theirs();
        return true;
      });
      const opened = await harness(connection, transport);
      // The first publish goes out before the race is armed (`theirs` is still null).
      const { draft, outcome } = await publish(opened, uniquePost());
      if (outcome.kind !== 'published') throw new Error(`not published: ${outcome.kind}`);
      theirs = async () => {
        const text = await git(site.remoteFolder, ['show', `main:${outcome.remoteId}`]);
        await pushElsewhere(
          site,
          {
            file: outcome.remoteId,
            text: text.replace('Commentary number', 'Edited elsewhere:'),
            message: 'Fix a word, elsewhere',
          },
          made,
        );
      };
      // Their edit lands a second after ours would, so the post's modified time tells them apart.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await opened.library.save(draft.id, { ...draft, commentary: 'My own second thought.' });
      const first = await opened.outbox.publish({
        draftId: draft.id,
        accountId: ACCOUNT,
        schedule: { status: 'publish' },
      });
      expect(first.kind).toBe('queued');
      await opened.outbox.drain();

      const target = opened.outbox.targetsOf(draft.id)[ACCOUNT];
      expect(target?.state).toBe('conflict');
      const details = await opened.outbox.conflictDetails(draft.id, ACCOUNT);
      expect(details.remote.html).toContain('Edited elsewhere:');
      expect(details.local.html).toContain('My own second thought.');
      // The remote kept their edit; our commit was set aside in the clone, not lost.
      expect(await git(site.remoteFolder, ['show', `main:${outcome.remoteId}`])).toContain('Edited elsewhere:');
      const setAside = await git(site.clone, ['for-each-ref', '--format=%(refname)', 'refs/commonplace/set-aside']);
      const kept = setAside.trim().split('\n')[0] ?? '';
      expect(await git(site.clone, ['show', `${kept}:${outcome.remoteId}`])).toContain('My own second thought.');

      // Keep mine: it goes over theirs, as one more commit.
      const resolved = await opened.outbox.resolveConflict(draft.id, ACCOUNT, 'keep-mine');
      expect(resolved.kind).toBe('published');
      expect(await git(site.remoteFolder, ['show', `main:${outcome.remoteId}`])).toContain('My own second thought.');
    });

    it('offline: the commit is made and queued; it is pushed once when the remote answers again', async () => {
      const site = await siteRepositories(server, 'hugo', made);
      const proxy = await startFaultProxy({ target: server.url, lifetimeMs: 60_000 });
      proxies.push(proxy);
      const connection = await connect(site, `${proxy.url}${new URL(site.remoteUrl).pathname}`);
      const opened = await harness(connection);
      await proxy.down();
      const content = uniquePost();
      const { draft, outcome } = await publish(opened, content);

      expect(outcome.kind).toBe('queued');
      // Committed in the writer's repository, waiting to be pushed.
      expect(await git(site.clone, ['log', '-1', '--format=%s', 'main'])).toBe(`Publish “${content.title}”\n`);
      expect(await remoteLog(site)).toEqual(['The site']);

      await proxy.up();
      // The outbox's own retry may get there first; either way nothing is left to send.
      expect((await opened.outbox.drain()).pending).toBe(0);
      expect(await remoteLog(site)).toEqual([`Publish “${content.title}”`, 'The site']);
      expect(opened.outbox.targetsOf(draft.id)[ACCOUNT]?.state).toBe('published');
    });

    it('the push reaches the remote but its answer is lost: the retry finds the post, one commit', async () => {
      const site = await siteRepositories(server, 'hugo', made);
      const proxy = await startFaultProxy({ target: server.url, lifetimeMs: 60_000 });
      proxies.push(proxy);
      const connection = await connect(site, `${proxy.url}${new URL(site.remoteUrl).pathname}`);
      const opened = await harness(connection);
      proxy.inject(
        { kind: 'reset-after' },
        (request) => request.method === 'POST' && request.path.endsWith('/git-receive-pack'),
      );
      const content = uniquePost();
      const { draft, outcome } = await publish(opened, content);
      expect(outcome.kind).toBe('queued');
      expect(await remoteLog(site)).toEqual([`Publish “${content.title}”`, 'The site']);

      await opened.outbox.drain();
      expect(opened.outbox.targetsOf(draft.id)[ACCOUNT]?.state).toBe('published');
      expect(await remoteLog(site)).toEqual([`Publish “${content.title}”`, 'The site']);
      expect(await postFilesWith(site, content.commentary)).toHaveLength(1);
      expect(proxy.faults()['reset-after']).toBe(1);
    });

    it('uncommitted edits of the writer to a file a move would change stop it with a clear reason', async () => {
      const site = await siteRepositories(server, 'hugo', made);
      const connection = await connect(site);
      const opened = await harness(connection);
      await pushElsewhere(site, { file: 'content/about.md', text: 'theirs\n', message: 'About, elsewhere' }, made);
      await mkdir(path.join(site.clone, 'content'), { recursive: true });
      await writeFile(path.join(site.clone, 'content/about.md'), 'mine, not committed\n');
      const { draft, outcome } = await publish(opened, uniquePost());
      expect(outcome.kind).toBe('needs-you');
      expect(outcome.kind === 'needs-you' ? outcome.reason : '').toContain('content/about.md');
      expect(opened.outbox.targetsOf(draft.id)[ACCOUNT]?.state).toBe('needs-you');
      expect(await readFile(path.join(site.clone, 'content/about.md'), 'utf8')).toBe('mine, not committed\n');
    });

    it("the writer's own unpushed commits, with the remote moved on, are never rewritten: the writer is asked", async () => {
      const site = await siteRepositories(server, 'hugo', made);
      const connection = await connect(site);
      const opened = await harness(connection);
      await pushElsewhere(site, { file: 'content/about.md', text: 'theirs\n', message: 'About, elsewhere' }, made);
      await mkdir(path.join(site.clone, 'content'), { recursive: true });
      await writeFile(path.join(site.clone, 'content/mine.md'), 'my own page\n');
      await git(site.clone, ['add', 'content/mine.md']);
      await git(site.clone, ['commit', '--quiet', '-m', 'My own page']);
      const mine = (await git(site.clone, ['rev-parse', 'main'])).trim();
      const { outcome } = await publish(opened, uniquePost());
      expect(outcome.kind).toBe('needs-you');
      expect(outcome.kind === 'needs-you' ? outcome.reason : '').toContain('git pull --rebase');
      expect((await git(site.clone, ['rev-parse', 'main'])).trim()).toBe(mine);
    });

    it('a token the remote refuses needs the writer, before anything is committed', async () => {
      const site = await siteRepositories(server, 'hugo', made);
      const connection = await connect(site);
      const opened = await openHarness(await tempFolder(), {
        [ACCOUNT]: createBlogAdapter(connection, 'not-the-token', direct),
      });
      harnesses.push(opened);
      const { outcome } = await publish(opened, uniquePost());
      expect(outcome.kind).toBe('needs-you');
      expect(outcome.kind === 'needs-you' ? outcome.reason : '').toContain(
        "refused the token; update it in the blog's settings",
      );
      expect(await git(site.clone, ['log', '--format=%s', 'main'])).toBe('The site\n');
    });
  },
);
