import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../../electron/cli/bin.cjs', import.meta.url));

/** A real `commonplace serve` on its own data folder, as a writer would start it. */
export interface RunningDevHost {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly dataFolder: string;
  /** What the host printed to stderr: attached to failing tests. */
  log(): string;
  /** Whether the host process has ended (by itself, or stopped). */
  exited(): boolean;
  /** SIGTERM, and wait for the host to flush and exit. */
  stop(): Promise<void>;
  /** Removes the data folder too. */
  dispose(): Promise<void>;
}

export async function makeDataFolder(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'commonplace-e2e-'));
}

export async function startDevHost(dataFolder: string): Promise<RunningDevHost> {
  const child = spawn(process.execPath, [CLI, '--data', dataFolder, 'serve'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = await firstLine(child, () => stderr);
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') ?? '';
  return {
    url,
    origin: parsed.origin,
    token,
    dataFolder,
    log: () => stderr,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    stop: () => stop(child),
    async dispose() {
      await stop(child);
      await rm(dataFolder, { recursive: true, force: true });
    },
  };
}

function firstLine(child: ChildProcess & { stdout: Readable }, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`commonplace serve exited with ${code}: ${stderr()}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
