import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';

/**
 * Bare repositories served by git's own smart-HTTP backend (`git http-backend`, as CGI) behind a
 * small server on 127.0.0.1 that asks for HTTP basic auth, as a writer's GitHub or GitLab remote
 * does over https.
 */
export interface GitHttpServer {
  /** The server's address: "http://127.0.0.1:PORT". */
  readonly url: string;
  readonly user: string;
  readonly password: string;
  /** Creates an empty bare repository; returns its clone URL and its folder. */
  createRepository(name: string): Promise<{ readonly url: string; readonly folder: string }>;
  /** How many requests were refused for want of the right credentials. */
  refusedRequests(): number;
  stop(): Promise<void>;
}

/** Why the git server cannot run here, or null. */
export function gitServerMissing(): string | null {
  const missing = ['/usr/bin/git', HTTP_BACKEND].filter((file) => !existsSync(file));
  return missing.length === 0 ? null : `git's smart-HTTP backend is not installed (missing ${missing.join(', ')}).`;
}

/** For integration tests: null when git can run, else the reason, printed; in CI a missing git fails. */
export function gitServerSkipReason(environment: NodeJS.ProcessEnv = process.env): string | null {
  const missing = gitServerMissing();
  if (missing === null) return null;
  if (environment['CI'] === 'true') throw new Error(`${missing} (CI=true requires it)`);
  console.warn(`Skipping: ${missing}`);
  return missing;
}

export async function startGitHttpServer(
  options: { readonly user?: string; readonly password?: string } = {},
): Promise<GitHttpServer> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'commonplace-git-server-'));
  const user = options.user ?? 'writer';
  const password = options.password ?? 'token-0123456789';
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  let refused = 0;

  function handle(incoming: IncomingMessage, outgoing: ServerResponse): void {
    if (incoming.headers.authorization !== expected) {
      refused += 1;
      incoming.resume();
      outgoing.writeHead(401, { 'www-authenticate': 'Basic realm="git"', 'content-type': 'text/plain' });
      outgoing.end('Authentication required.\n');
      return;
    }
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const header = (name: string): string => {
      const value = incoming.headers[name];
      return Array.isArray(value) ? value.join(', ') : (value ?? '');
    };
    const environment: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      REQUEST_METHOD: incoming.method ?? 'GET',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.replace(/^\?/, ''),
      CONTENT_TYPE: header('content-type'),
      REMOTE_USER: user,
      REMOTE_ADDR: '127.0.0.1',
      HTTP_CONTENT_ENCODING: header('content-encoding'),
      GIT_PROTOCOL: header('git-protocol'),
    };
    const backend = spawn(HTTP_BACKEND, [], { env: environment, stdio: ['pipe', 'pipe', 'ignore'] });
    incoming.pipe(backend.stdin);
    backend.stdin.on('error', () => backend.kill());
    relayCgi(backend.stdout, outgoing);
    backend.once('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(500);
      outgoing.end();
    });
  }

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    user,
    password,
    async createRepository(name) {
      const folder = path.join(root, `${name}.git`);
      await mkdir(folder);
      await run('git', ['init', '--quiet', '--bare', '--initial-branch=main', folder]);
      // Refuse non-fast-forward pushes, as GitHub's protected branches and most hosts do.
      await run('git', ['-C', folder, 'config', 'receive.denyNonFastForwards', 'true']);
      return { url: `${base}/${name}.git`, folder };
    },
    refusedRequests: () => refused,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Passes a CGI answer on: its header lines (with "Status:") become the HTTP status and headers. */
function relayCgi(output: NodeJS.ReadableStream, outgoing: ServerResponse): void {
  let head = Buffer.alloc(0);
  let headersDone = false;
  output.on('data', (chunk: Buffer) => {
    if (headersDone) {
      outgoing.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    headersDone = true;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else headers[name] = value;
    }
    outgoing.writeHead(status, headers);
    outgoing.write(head.subarray(end + 4));
  });
  output.once('end', () => outgoing.end());
}

/** Runs git in a folder (for tests: making commits "elsewhere", reading a remote's log). */
export async function git(folder: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run('git', ['-C', folder, ...args], {
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Someone Else',
      GIT_AUTHOR_EMAIL: 'else@example.org',
      GIT_COMMITTER_NAME: 'Someone Else',
      GIT_COMMITTER_EMAIL: 'else@example.org',
    },
  });
  return stdout;
}
