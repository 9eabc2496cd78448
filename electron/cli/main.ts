import { CommanderError } from 'commander';
import { AppError } from '../../shared/result';
import { keepRunningThroughStrayErrors } from '../core/shell/strayErrors';
import { logError, UsageError } from './context';
import { endWhenOutputCloses } from './endWhenOutputCloses';
import { buildProgram } from './program';

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

/** Runs one command line; the exit status: 0 done, 1 failed (with a one-line reason on stderr), 2 usage error. */
async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpShown = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
      return helpShown || error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`commonplace: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`commonplace: ${message.split('\n')[0]}\n`);
    return EXIT_FAILED;
  }
}

endWhenOutputCloses(process, (code) => process.exit(code));
// A failure in background work is reported on stderr; the command (or `serve`) carries on.
keepRunningThroughStrayErrors(process, logError);
// Without a top-level await: the chunks are CommonJS, for the code cache (codeCache.ts); main never rejects.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
