import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import { dispatch } from '../core/dispatch';
import { openServices, type LibraryAccess, type Services } from '../core/services';

/** How the CLI's commands reach the core: through the same dispatch as every other host. */
export interface CliContext {
  /** The library folder, for a command that must open it again for writing. */
  readonly dataFolder: string;
  readonly services: Services;
  call<Name extends CallName>(name: Name, input: CallInput<Name>): Promise<CallOutput<Name>>;
  out(line: string): void;
}

export function logError(message: string, error: unknown): void {
  process.stderr.write(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
}

/**
 * `access`: read-only, or holding the library's lock (refused while the app has it).
 * `online`: whether the outbox may reach blogs (only the commands that publish need it).
 * `servesBrowser`: the dev host, whose page opens addresses for the writer itself.
 */
export async function openCliContext(
  dataFolder: string,
  options: { access: LibraryAccess; online: boolean; servesBrowser: boolean },
): Promise<CliContext> {
  const services = await openServices({
    dataFolder,
    access: options.access,
    logError,
    online: options.online,
    // A terminal cannot open the browser for the writer: it shows the address to open.
    ...(options.servesBrowser
      ? {}
      : {
          openBrowser: (url: string) =>
            process.stderr.write(`Sign in to Google to let Commonplace post to Blogger:\n${url}\n`),
        }),
  });
  return {
    dataFolder,
    services,
    async call(name, input) {
      const result = await dispatch(services.handlers, name, input, { logError });
      if (!result.ok) throw new AppError(result.error.kind, result.error.message);
      return result.value as CallOutput<typeof name>;
    },
    out(line) {
      process.stdout.write(`${line}\n`);
    },
  };
}
