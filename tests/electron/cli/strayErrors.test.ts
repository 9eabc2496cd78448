import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../shared/contract';
import { useTempFolders } from '../../support/tempFolder';

const CLI = fileURLToPath(new URL('../../../electron/cli/bin.cjs', import.meta.url));
const INJECT = fileURLToPath(new URL('./support/strayErrorsOnSignal.js', import.meta.url));

const newFolder = useTempFolders();
type Child = ChildProcessByStdio<null, Readable, Readable>;
const children: Child[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function serveWithInjection(folder: string): { child: Child; stderr: () => string; url: Promise<string> } {
  const child = spawn(process.execPath, ['--import', INJECT, CLI, '--data', folder, 'serve'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { child, stderr: () => stderr, url };
}

async function until(served: { child: Child; stderr: () => string }, text: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!served.stderr().includes(text)) {
    if (served.child.exitCode !== null)
      throw new Error(`serve exited with ${served.child.exitCode}: ${served.stderr()}`);
    if (Date.now() > deadline) throw new Error(`Timed out waiting for "${text}" on stderr`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a host whose background work fails where nothing catches it', () => {
  it('serve reports the rejection and the exception as errors and keeps answering', async () => {
    const served = serveWithInjection(await newFolder());
    const address = new URL(await served.url);
    const call = (name: string, input: unknown) =>
      fetch(`${address.origin}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: address.searchParams.get('token') ?? '' },
        body: JSON.stringify(input),
      });
    expect((await call('listDrafts', {})).status).toBe(200);

    served.child.kill('SIGUSR2');
    await until(served, 'injected: a timer threw');

    expect(served.stderr()).toContain(
      'A background task failed and nothing was waiting for it; Commonplace keeps running: Error: injected: a background write failed',
    );
    expect(served.stderr()).toContain(
      'An unexpected error was not caught; Commonplace keeps running: Error: injected: a timer threw',
    );
    expect(served.child.exitCode).toBeNull();
    const created = await call('createDraft', {});
    expect(created.status).toBe(200);
    expect(((await created.json()) as { ok: boolean }).ok).toBe(true);
    expect(served.child.exitCode).toBeNull();
  }, 60_000);
});
