import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { LibraryCallName } from '../../shared/libraryCalls';
import type { Services } from '../core/services';

/** A command given in a way it cannot run (a needed option missing): exit 2, like commander's own usage errors. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * What a command gets: the contract's calls, through the same dispatch as every other host, and
 * its standard output. `Name`: the calls that what it opened can answer.
 */
export interface CliContext<Name extends CallName = CallName> {
  call<Call extends Name>(name: Call, input: CallInput<Call>): Promise<CallOutput<Call>>;
  out(line: string): void;
}

/** For a command that reads or edits drafts: the library alone, so it starts at once. */
export type LibraryContext = CliContext<LibraryCallName>;

/** For a command that reaches accounts, the outbox or blogs: every service. */
export interface ServicesContext extends CliContext {
  readonly services: Services;
  /** The library folder, for a command that must open it again for writing. */
  readonly dataFolder: string;
}

/** Where failures that no command is waiting for are reported. */
export function logError(message: string, error: unknown): void {
  process.stderr.write(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
}

export function printLine(line: string): void {
  process.stdout.write(`${line}\n`);
}
