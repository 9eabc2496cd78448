import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AccountSchema } from '../../../shared/model/account';
import { gitServerSkipReason, startGitHttpServer, type GitHttpServer } from '../../servers/gitHttp';
import { DraftLibrary } from '../../../electron/core/library/draftLibrary';
import { reblogPost } from '../../support/fixtures';
import { runCli } from '../../support/cli';
import { useTempFolders } from '../../support/tempFolder';
import { remoteLog, siteRepositories } from '../publishing/static/support/sites';

const newFolder = useTempFolders();
const skip = gitServerSkipReason();

describe.skipIf(skip !== null)('commonplace accounts add --kind static, then publish', () => {
  let server: GitHttpServer;
  const folders: string[] = [];
  beforeAll(async () => {
    server = await startGitHttpServer();
  });
  afterAll(async () => {
    await server.stop();
  });
  afterEach(async () => {
    await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it('adds a Hugo site with its remote (token from the environment), lists it, publishes to it', async () => {
    const site = await siteRepositories(server, 'hugo', (folder) => folders.push(folder));
    const data = await newFolder();
    const added = await runCli(
      data,
      [
        'accounts',
        'add',
        '--kind',
        'static',
        '--path',
        site.clone,
        '--flavour',
        'hugo',
        '--remote',
        site.remoteUrl,
        '--user',
        server.user,
        '--secret-env',
        'SITE_TOKEN',
      ],
      undefined,
      { SITE_TOKEN: server.password },
    );
    expect(added.stderr).toContain(
      `posts go to content/posts/ in ${site.clone} on branch main, pushed to ${site.remoteUrl}`,
    );
    expect(added.code).toBe(0);
    const id = added.stdout.trim();

    const [account] = AccountSchema.array().parse(
      JSON.parse((await runCli(data, ['accounts', 'list', '--json'])).stdout),
    );
    expect(account).toMatchObject({
      id,
      kind: 'static',
      address: 'https://notes.example.org/',
      blogName: 'Commonplace test site (Hugo)',
      site: {
        folder: site.clone,
        flavour: 'hugo',
        format: 'html',
        branch: 'main',
        remote: { name: 'origin', url: site.remoteUrl },
        layout: {
          folder: 'content/posts',
          fileName: '{slug}',
          permalink: 'posts/{slug}/',
          draftField: 'draft',
          media: { folder: 'static/images', url: 'images/' },
        },
      },
    });
    // Sealed in the vault: neither the library nor the site's repository holds the token as it is.
    const holding: string[] = [];
    for (const root of [data, site.clone]) {
      for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const file = path.join(entry.parentPath, entry.name);
        if ((await readFile(file)).includes(server.password)) holding.push(path.relative(root, file));
      }
    }
    expect(holding).toEqual([]);

    const library = await DraftLibrary.open({ folder: data, logError: () => undefined });
    const draftId = (await library.create(reblogPost())).id;
    await library.close();
    const published = await runCli(data, ['publish', draftId, '--to', id, '--json']);
    expect(published.code).toBe(0);
    expect(JSON.parse(published.stdout)).toMatchObject({
      kind: 'published',
      remoteId: expect.stringMatching(/^content\/posts\/isis-in-iraq-.*\.html$/) as unknown,
      url: expect.stringMatching(/^https:\/\/notes\.example\.org\/posts\/isis-in-iraq-.*\/$/) as unknown,
    });
    expect((await remoteLog(site)).length).toBe(2);
  });

  it('takes the blog’s longest image side, and refuses one out of bounds or not a number with why', async () => {
    const site = await siteRepositories(server, 'hugo', (folder) => folders.push(folder));
    const data = await newFolder();
    const add = (side: string) =>
      runCli(data, [
        'accounts',
        'add',
        '--kind',
        'static',
        '--path',
        site.clone,
        '--flavour',
        'hugo',
        '--max-image-side',
        side,
      ]);
    for (const [side, code, why] of [
      ['100', 1, 'The longest image side, in pixels, is less than 320.'],
      ['20000', 1, 'The longest image side, in pixels, is more than 8,192.'],
      ['12.5', 2, 'a number of pixels is a whole number, such as 1600.'],
      ['big', 2, 'a number of pixels is a whole number, such as 1600.'],
    ] as const) {
      const refused = await add(side);
      expect(refused.code, side).toBe(code);
      expect(refused.stderr, side).toContain(why);
    }
    expect(JSON.parse((await runCli(data, ['accounts', 'list', '--json'])).stdout)).toEqual([]);
    expect((await add('900')).code).toBe(0);
    const [account] = AccountSchema.array().parse(
      JSON.parse((await runCli(data, ['accounts', 'list', '--json'])).stdout),
    );
    expect(account?.options.maxImageSide).toBe(900);
  });

  it('says what is missing or wrong, and adds nothing', async () => {
    const data = await newFolder();
    const noPath = await runCli(data, ['accounts', 'add', '--kind', 'static', '--flavour', 'hugo']);
    expect(noPath).toMatchObject({ code: 2, stderr: 'commonplace: --path is needed for this kind of blog.\n' });

    const empty = await newFolder();
    const notHugo = await runCli(data, ['accounts', 'add', '--kind', 'static', '--path', empty, '--flavour', 'hugo']);
    expect(notHugo.code).toBe(1);
    expect(notHugo.stderr).toBe(
      `commonplace: ${empty} has no Hugo configuration (hugo.toml or config.toml): is it the site's folder?\n`,
    );

    const missing = path.join(empty, 'nowhere');
    const gone = await runCli(data, ['accounts', 'add', '--kind', 'static', '--path', missing, '--flavour', 'jekyll']);
    expect(gone).toMatchObject({ code: 1, stderr: `commonplace: ${missing} is not a folder on this computer.\n` });
    expect(JSON.parse((await runCli(data, ['accounts', 'list', '--json'])).stdout)).toEqual([]);
  });
});
