/** The standard streams a command writes to. */
export interface CommandOutput {
  readonly stdout: NodeJS.EventEmitter;
  readonly stderr: NodeJS.EventEmitter;
}

/**
 * The exit status of a command whose reader went away: 128 + SIGPIPE, what a shell reports for any
 * other tool ended by a closed pipe, so `set -o pipefail` sees the output was cut.
 */
export const EXIT_OUTPUT_CLOSED = 141;

/**
 * Ends the command once its output can no longer be delivered: the reader of a pipe is gone
 * (`commonplace drafts list --json | head`), the terminal closed, or the process that ran it died.
 * Other tools die of SIGPIPE there; Node ignores SIGPIPE and raises the write's failure (EPIPE) as
 * an error on the stream instead. Unheard, that error became a stray error, whose report went to
 * the same closed pipe and failed again: the command spun for ever at full speed.
 */
export function endWhenOutputCloses(output: CommandOutput, exit: (code: number) => void): void {
  const closed = (): void => exit(EXIT_OUTPUT_CLOSED);
  output.stdout.on('error', closed);
  output.stderr.on('error', closed);
}
