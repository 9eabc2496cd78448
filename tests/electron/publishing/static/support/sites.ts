import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { connectStaticSite, type StaticConnection } from '../../../../../electron/core/publishing/static/connectSite';
import type { PostFormat, SiteFlavour } from '../../../../../shared/model/staticSite';
import { git, type GitHttpServer } from '../../../../servers/gitHttp';

const run = promisify(execFile);
const fixtures = fileURLToPath(new URL('../../../../fixtures/sites/', import.meta.url));
const generators = { hugo: '/usr/bin/hugo', jekyll: '/usr/bin/jekyll' } as const;

/** A site's repository: the bare remote on the test server, and the writer's clone of it. */
export interface SiteRepositories {
  readonly remoteUrl: string;
  /** The bare repository behind the remote, for reading its log. */
  readonly remoteFolder: string;
  /** The writer's working copy, where the account points. */
  readonly clone: string;
  /** git -c options that let the git CLI through the test server's basic auth. */
  readonly auth: readonly string[];
}

/** Why a generator cannot run here, or null; in CI a missing one fails the run. */
export function generatorSkipReason(
  flavour: 'hugo' | 'jekyll',
  environment: NodeJS.ProcessEnv = process.env,
): string | null {
  if (existsSync(generators[flavour])) return null;
  const reason = `${flavour} is not installed (${generators[flavour]}); .ci/run installs it.`;
  if (environment['CI'] === 'true') throw new Error(`${reason} (CI=true requires it)`);
  console.warn(`Skipping: ${reason}`);
  return reason;
}

/**
 * A fresh site of the flavour (tests/fixtures/sites/FLAVOUR) committed and pushed to a new bare
 * repository on the server, and cloned for the writer, as a writer's GitHub site would be.
 */
export async function siteRepositories(
  server: GitHttpServer,
  flavour: SiteFlavour,
  made: (folder: string) => void,
): Promise<SiteRepositories> {
  const name = `${flavour}-${Math.random().toString(36).slice(2, 10)}`;
  const remote = await server.createRepository(name);
  const auth = [
    '-c',
    `http.extraHeader=Authorization: Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`,
  ];
  const seed = await mkdtemp(path.join(os.tmpdir(), 'commonplace-site-seed-'));
  made(seed);
  await cp(path.join(fixtures, flavour === 'custom' ? 'hugo' : flavour), seed, { recursive: true });
  await git(seed, ['init', '--quiet', '--initial-branch=main']);
  await git(seed, ['add', '.']);
  await git(seed, ['commit', '--quiet', '-m', 'The site']);
  await git(seed, [...auth, 'push', '--quiet', remote.url, 'main']);
  const parent = await mkdtemp(path.join(os.tmpdir(), 'commonplace-site-clone-'));
  made(parent);
  const clone = path.join(parent, 'site');
  await git(parent, [...auth, 'clone', '--quiet', remote.url, clone]);
  await rm(seed, { recursive: true, force: true });
  return { remoteUrl: remote.url, remoteFolder: remote.folder, clone, auth };
}

/** The writer's account of the site, added as the app adds one (its address from the site's configuration). */
export async function connectSite(
  server: GitHttpServer,
  site: SiteRepositories,
  flavour: SiteFlavour,
  format: PostFormat,
): Promise<StaticConnection> {
  const { connection } = await connectStaticSite(
    {
      kind: 'static',
      folder: site.clone,
      flavour,
      format,
      remote: site.remoteUrl,
      address: null,
      user: server.user,
      secret: server.password,
    },
    { fetch, timeoutMs: 10_000 },
  );
  return connection;
}

/** The subjects of the remote branch's commits, newest first. */
export async function remoteLog(site: SiteRepositories): Promise<string[]> {
  const log = await git(site.remoteFolder, ['log', '--format=%s', 'main']);
  return log.split('\n').filter((line) => line !== '');
}

/** Builds what the remote holds (a fresh clone, as a CI would) with the real generator; returns the output folder. */
export async function buildRemote(
  site: SiteRepositories,
  flavour: 'hugo' | 'jekyll',
  made: (folder: string) => void,
): Promise<string> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'commonplace-site-build-'));
  made(parent);
  const source = path.join(parent, 'source');
  await git(parent, ['clone', '--quiet', site.remoteFolder, source]);
  const output = path.join(parent, 'public');
  if (flavour === 'hugo') {
    await run(generators.hugo, ['--quiet', '--source', source, '--destination', output], { timeout: 120_000 });
  } else {
    await run(generators.jekyll, ['build', '--quiet', '--source', source, '--destination', output], {
      timeout: 120_000,
      cwd: source,
    });
  }
  return output;
}

/** Someone else's change, pushed to the remote from another clone (the git CLI, as another machine would). */
export async function pushElsewhere(
  site: SiteRepositories,
  change: { readonly file: string; readonly text: string; readonly message: string },
  made: (folder: string) => void,
): Promise<void> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'commonplace-site-elsewhere-'));
  made(parent);
  const clone = path.join(parent, 'site');
  await git(parent, ['clone', '--quiet', site.remoteFolder, clone]);
  await mkdir(path.dirname(path.join(clone, change.file)), { recursive: true });
  await writeFile(path.join(clone, change.file), change.text);
  await git(clone, ['add', change.file]);
  await git(clone, ['commit', '--quiet', '-m', change.message]);
  await git(clone, ['push', '--quiet', 'origin', 'main']);
}

/**
 * A transport that runs `before` just before a push reaches the remote, until it says it raced
 * (returns true): a race, made on purpose.
 */
export function racingTransport(
  before: () => Promise<boolean>,
  timeoutMs = 10_000,
): { fetch: typeof fetch; timeoutMs: number } {
  let raced = false;
  return {
    timeoutMs,
    fetch: async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!raced && init?.method === 'POST' && url.endsWith('/git-receive-pack')) raced = await before();
      return fetch(input, init);
    },
  };
}
