import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './freePort';
import { startProcessGroup } from './processGroup';

/** A Micropub site on 127.0.0.1 (@benjifs/micropub over a file store), with one bearer token. */
export interface MicropubServer {
  /** The site's home page, which announces the endpoints (what a writer types). */
  readonly url: string;
  readonly endpoint: string;
  readonly token: string;
  /** Where the posts are stored, one markdown file with front matter each. */
  readonly folder: string;
  /** How long it took from nothing to a site answering. */
  readonly startMilliseconds: number;
  stop(): Promise<void>;
}

const script = fileURLToPath(new URL('./micropub/endpoint.ts', import.meta.url));

/**
 * Starts the Micropub site in its own process, on a fresh folder, and waits until it answers.
 * `relativeMediaEndpoint`: q=config names the media endpoint as "/media", so that uploads go
 * wherever the client reached the site (through a fault proxy in front of it).
 */
export async function startMicropub(
  options: { readonly relativeMediaEndpoint?: boolean } = {},
): Promise<MicropubServer> {
  const started = performance.now();
  const folder = await mkdtemp(path.join(os.tmpdir(), 'commonplace-micropub-'));
  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const url = `http://127.0.0.1:${port}/`;
  const group = startProcessGroup(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      MICROPUB_PORT: String(port),
      MICROPUB_TOKEN: token,
      MICROPUB_FOLDER: path.join(folder, 'site'),
      MICROPUB_RELATIVE_MEDIA: options.relativeMediaEndpoint === true ? '1' : '0',
    },
    logFile: path.join(folder, 'micropub.log'),
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  });
  async function stop(): Promise<void> {
    await group.stop();
    await rm(folder, { recursive: true, force: true });
  }
  try {
    await waitUntilAnswering(url, folder);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    endpoint: `${url}micropub`,
    token,
    folder: path.join(folder, 'site'),
    startMilliseconds: performance.now() - started,
    stop,
  };
}

async function waitUntilAnswering(url: string, folder: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const log = await readFile(path.join(folder, 'micropub.log'), 'utf8').catch(() => '');
  throw new Error(`The Micropub test site did not start in 30 s: ${String(last)}\n${log.slice(-4_000)}`);
}
