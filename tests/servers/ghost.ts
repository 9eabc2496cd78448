import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { freePort } from './freePort';
import { startProcessGroup, type ProcessGroup } from './processGroup';

/** A throwaway Ghost on 127.0.0.1, set up, with a custom integration's Admin API key. */
export interface GhostServer {
  readonly url: string;
  /** "<id>:<hex secret>", as Ghost shows it under Integrations. */
  readonly adminApiKey: string;
  /** How long it took from nothing to a Ghost with its key (the install is cached apart). */
  readonly startMilliseconds: number;
  stop(): Promise<void>;
}

/** The newest Ghost that runs on Node 20: every 6.x needs Node 22. */
export const GHOST_VERSION = '5.130.6';

/**
 * Where tests/servers/ghost-install.sh installs Ghost, outside the clone so that every clone and
 * CI run on the machine reuses the 4 minutes and 600 MB it costs.
 */
export function ghostFolder(environment: NodeJS.ProcessEnv = process.env): string {
  return (
    environment['COMMONPLACE_GHOST_FOLDER'] ??
    path.join(os.homedir(), '.cache', 'commonplace', `ghost-${GHOST_VERSION}`)
  );
}

/** Why Ghost cannot run on this machine, or null when it can. */
export function ghostMissing(folder: string = ghostFolder()): string | null {
  if (existsSync(path.join(folder, '.commonplace-installed'))) return null;
  return `Ghost ${GHOST_VERSION} test server not installed in ${folder}; run tests/servers/ghost-install.sh (about 4 minutes, 600 MB).`;
}

/**
 * For integration tests: null when Ghost can run, else the reason to skip, printed. In CI
 * (CI=true) a missing Ghost fails the run instead, so the suite can never pass by skipping.
 */
export function ghostSkipReason(
  missing: string | null = ghostMissing(),
  environment: NodeJS.ProcessEnv = process.env,
): string | null {
  if (missing === null) return null;
  if (environment['CI'] === 'true') throw new Error(`${missing} (CI=true requires it)`);
  console.warn(`Skipping: ${missing}`);
  return missing;
}

const SetupSchema = z.object({ users: z.array(z.object({ id: z.string() })) });
const IntegrationSchema = z.object({
  integrations: z.array(
    z.object({ api_keys: z.array(z.object({ id: z.string(), type: z.string(), secret: z.string() })) }),
  ),
});

/** Starts the cached Ghost on a fresh database and content folder, sets it up, and makes a key. */
export async function startGhost(install: string = ghostFolder()): Promise<GhostServer> {
  const started = performance.now();
  const folder = await mkdtemp(path.join(os.tmpdir(), 'commonplace-ghost-'));
  let group: ProcessGroup | null = null;
  async function stop(): Promise<void> {
    await group?.stop();
    await rm(folder, { recursive: true, force: true });
  }
  try {
    const content = path.join(folder, 'content');
    await mkdir(path.join(content, 'data'), { recursive: true });
    await mkdir(path.join(content, 'logs'));
    await cp(path.join(install, 'content', 'themes'), path.join(content, 'themes'), { recursive: true });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    group = startProcessGroup(process.execPath, ['index.js'], {
      cwd: install,
      logFile: path.join(folder, 'ghost.log'),
      env: {
        ...process.env,
        NODE_ENV: 'development',
        url,
        server__host: '127.0.0.1',
        server__port: String(port),
        database__client: 'sqlite3',
        database__connection__filename: path.join(content, 'data', 'ghost.db'),
        paths__contentPath: content,
        // Nothing leaves the machine: no mail, no update check, no calls to Ghost's services.
        mail__transport: 'stub',
        privacy__useTinfoil: 'true',
        privacy__useUpdateCheck: 'false',
        privacy__useGravatar: 'false',
        privacy__useRpcPing: 'false',
        security__staffDeviceVerification: 'false',
        logging__level: 'warn',
      },
    });
    await waitUntilAnswering(`${url}/ghost/api/admin/site/`, folder);
    const adminApiKey = await setUp(url);
    return { url, adminApiKey, startMilliseconds: performance.now() - started, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The first-run setup, a staff session, and a custom integration whose Admin API key is returned. */
async function setUp(url: string): Promise<string> {
  const api = `${url}/ghost/api/admin`;
  // Ghost refuses passwords it deems guessable (ones made of words, or of the site's name).
  const owner = {
    name: 'Commonplace Writer',
    email: 'writer@commonplace.invalid',
    password: randomBytes(12).toString('hex'),
  };
  // Ghost refuses session-authenticated writes without an Origin of its own.
  const headers = { 'content-type': 'application/json', origin: url, accept: 'application/json' };
  const setup = await expectJson(
    await fetch(`${api}/authentication/setup/`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ setup: [{ ...owner, blogTitle: 'Commonplace test blog' }] }),
    }),
    SetupSchema,
    'setup',
  );
  if (setup.users.length === 0) throw new Error('Ghost setup made no user.');
  const session = await fetch(`${api}/session/`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ username: owner.email, password: owner.password }),
  });
  await session.arrayBuffer();
  const cookie = session.headers
    .getSetCookie()
    .map((value) => value.split(';')[0] ?? '')
    .join('; ');
  if (!session.ok || cookie === '') throw new Error(`Ghost sign-in failed (${session.status}).`);
  const created = await expectJson(
    await fetch(`${api}/integrations/?include=api_keys`, {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({ integrations: [{ name: 'Commonplace tests' }] }),
    }),
    IntegrationSchema,
    'creating the integration',
  );
  const key = created.integrations[0]?.api_keys.find((candidate) => candidate.type === 'admin');
  if (key === undefined) throw new Error('Ghost made the integration without an Admin API key.');
  return key.secret.includes(':') ? key.secret : `${key.id}:${key.secret}`;
}

async function expectJson<Schema extends z.ZodType>(
  response: Response,
  schema: Schema,
  what: string,
): Promise<z.infer<Schema>> {
  const text = await response.text();
  if (!response.ok) throw new Error(`Ghost ${what} failed (${response.status}): ${text.slice(0, 500)}`);
  return schema.parse(JSON.parse(text));
}

async function waitUntilAnswering(url: string, folder: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const log = await readFile(path.join(folder, 'ghost.log'), 'utf8').catch(() => '');
  throw new Error(`Ghost did not start in 60 s: ${String(last)}\n${log.slice(-4_000)}`);
}
