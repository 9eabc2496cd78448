import { execFile } from 'node:child_process';
import { cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createBlogAdapter } from '../../../electron/core/publishing/connection';
import { outgoingPost } from '../../../electron/core/publishing/outgoingPost';
import { connectStaticSite } from '../../../electron/core/publishing/static/connectSite';
import { buildFolderSource, builtSiteFolder } from '../../../electron/core/themes/buildFolderSource';
import { takeThemeSnapshot } from '../../../electron/core/themes/takeSnapshot';
import { slotMarker } from '../../../shared/theme/themePage';
import { git } from '../../servers/gitHttp';
import { runCli } from '../../support/cli';
import { REBLOG_POST_FILE, reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { generatorSkipReason } from '../publishing/static/support/sites';

const run = promisify(execFile);
const fixture = fileURLToPath(new URL('../../fixtures/sites/jekyll/', import.meta.url));
const skip = generatorSkipReason('jekyll');

/** Nothing on the network answers: the snapshot must come from the built files alone. */
const offline = {
  fetch: () => Promise.reject(new Error('offline: the network must not be used')),
  timeoutMs: 1_000,
};

describe.skipIf(skip !== null)('a static site’s theme from its build folder', () => {
  const tempFolder = useTempFolders();

  /** The test Jekyll site (minima) as a local repository, not built yet. */
  async function jekyllSite(): Promise<string> {
    const folder = path.join(await tempFolder(), 'site');
    await cp(fixture, folder, { recursive: true });
    await git(folder, ['init', '--quiet', '--initial-branch=main']);
    await git(folder, ['add', '.']);
    await git(folder, ['-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '--quiet', '-m', 'The site']);
    return folder;
  }

  it('takes the snapshot from the pages Jekyll built here, its stylesheet inlined, with no network', async () => {
    const folder = await jekyllSite();
    const { connection } = await connectStaticSite(
      { kind: 'static', folder, flavour: 'jekyll', format: 'html', remote: null, address: null, user: '', secret: '' },
      offline,
    );
    const adapter = createBlogAdapter(connection, '', offline);
    const content = reblogPost();
    await adapter.create(
      outgoingPost(content, {
        identity: 'commonplace-build0001',
        schedule: { status: 'publish' },
        style: { hashtagsInTitle: false },
      }),
    );
    expect(builtSiteFolder(connection.site)).toBeNull();
    await run('/usr/bin/jekyll', ['build', '--quiet'], { cwd: folder, timeout: 120_000 });
    const built = builtSiteFolder(connection.site);
    expect(built).toBe(path.join(folder, '_site'));
    // A link out of the build folder is not followed, whatever the page asks for.
    await writeFile(path.join(folder, 'secret.css'), 'body{--secret:1}');
    await mkdir(path.join(folder, '_site', 'assets'), { recursive: true });
    await symlink(path.join(folder, 'secret.css'), path.join(folder, '_site', 'assets', 'outside.css'));

    const source = buildFolderSource(adapter, { folder: built ?? '', url: connection.siteUrl });
    await expect(source.readAsset(`${connection.siteUrl}/assets/outside.css`, 'stylesheet')).rejects.toThrow(
      /not one of the site's own files/,
    );
    await expect(source.readAsset('https://elsewhere.example/x.css', 'stylesheet')).rejects.toThrow(
      /not one of the site's own files/,
    );
    const snapshot = await takeThemeSnapshot(source, { accountId: 'site', blogName: 'Site', now: new Date() });
    expect(snapshot.postUrl.startsWith(connection.siteUrl)).toBe(true);
    expect(snapshot.page).toContain(slotMarker('body'));
    expect(snapshot.found.title).toBe(true);
    // Minima's stylesheet, as built into _site/assets/main.css (or css/style.css in older minima), is inlined.
    expect(snapshot.page).toMatch(/\.site-header\s*\{/);
    expect(snapshot.page).not.toContain('--secret');
  }, 180_000);

  it('is what `accounts snapshot` takes for a static site built here, with no blog to reach', async () => {
    const folder = await jekyllSite();
    const data = await tempFolder();
    const added = await runCli(data, ['accounts', 'add', '--kind', 'static', '--path', folder, '--flavour', 'jekyll']);
    expect(added.code).toBe(0);
    const account = added.stdout.trim();
    const draft = (await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE])).stdout.trim();
    expect((await runCli(data, ['publish', draft, '--to', account])).code).toBe(0);
    await run('/usr/bin/jekyll', ['build', '--quiet'], { cwd: folder, timeout: 120_000 });
    // The site's address (jekyll.example.org) is nowhere: only the build folder can give the theme.
    const taken = await runCli(data, ['accounts', 'snapshot', account]);
    expect(taken).toMatchObject({ code: 0, stderr: '' });
    const stored = await readFile(path.join(data, 'themes', `${account}.json`), 'utf8');
    expect(stored).toMatch(/\.site-header\s*\{/);
    expect(stored).toContain('ISIS in Iraq');
  }, 180_000);
});
