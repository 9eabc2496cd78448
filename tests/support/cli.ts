import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../electron/cli/bin.cjs', import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `commonplace …` as a writer's shell would, on the given library folder. */
export function runCli(
  dataFolder: string,
  args: readonly string[],
  input?: string,
  env: Readonly<Record<string, string>> = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [CLI, '--data', dataFolder, ...args],
      // A command that hangs is killed rather than left running after its test gave up on it.
      { env: { ...process.env, COMMONPLACE_DATA: '', ...env }, timeout: 120_000, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(input);
  });
}
