import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT_OUTPUT_CLOSED } from '../../../electron/cli/endWhenOutputCloses';
import { useTempFolders } from '../../support/tempFolder';

const CLI = fileURLToPath(new URL('../../../electron/cli/bin.cjs', import.meta.url));
const newFolder = useTempFolders();
const running: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Runs a command whose reader has gone before it writes a word, as `commonplace … | true` does. */
async function exitWithNoReader(args: readonly string[]): Promise<number | null> {
  const child = spawn(process.execPath, [CLI, '--data', await newFolder(), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  child.stdout.destroy();
  child.stderr.destroy();
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

// Before, the failed write became a stray error whose report failed the same way, for ever: the
// command never ended and kept a core busy (orphans of killed test runs were found spinning).
describe('a command whose output is no longer read', () => {
  it('ends, as a closed pipe ends other tools, when its output goes to stdout', async () => {
    expect(await exitWithNoReader(['--help'])).toBe(EXIT_OUTPUT_CLOSED);
  });

  it('ends when its only output is the reason it failed, on stderr', async () => {
    expect(await exitWithNoReader(['drafts', 'list', '--status', 'nonsense'])).toBe(EXIT_OUTPUT_CLOSED);
  });
});
