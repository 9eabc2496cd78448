import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';

/** A server process started in its own process group, so that stopping it also stops its workers. */
export interface ProcessGroup {
  /** Resolves with the exit code (or signal) once the leader has exited. */
  readonly exited: Promise<string>;
  /** Signals the whole group: SIGTERM, then SIGKILL when it has not exited in time. */
  stop(): Promise<void>;
}

const running = new Set<number>();

// A test run that dies before its afterAll would otherwise leave servers behind.
process.once('exit', () => {
  for (const pid of running) signalGroup(pid, 'SIGKILL');
});

/**
 * Starts `command` as the leader of a new session (`detached` calls setsid()), writing its output to
 * `logFile`. `php -S` forks workers, which only a signal to the group reaches.
 */
export function startProcessGroup(
  command: string,
  args: readonly string[],
  options: { readonly env: NodeJS.ProcessEnv; readonly logFile: string; readonly cwd?: string },
): ProcessGroup {
  const log = openSync(options.logFile, 'a');
  const child: ChildProcess = spawn(command, args, {
    detached: true,
    env: options.env,
    cwd: options.cwd,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${command} could not be started.`);
  running.add(pid);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(pid);
      resolve(signal ?? String(code));
    });
  });
  return {
    exited,
    async stop() {
      signalGroup(pid, 'SIGTERM');
      const killed = await Promise.race([exited.then(() => true), delay(5_000).then(() => false)]);
      if (!killed) {
        signalGroup(pid, 'SIGKILL');
        await exited;
      }
      // Workers may outlive the leader by a moment; make sure none is left.
      signalGroup(pid, 'SIGKILL');
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
