import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import { dispatch } from '../core/dispatch';
import type { LibraryAccess } from '../core/openLibrary';
import { openServices } from '../core/services';
import { logError, printLine, type ServicesContext } from './context';

/**
 * Opens every service for a command. `online`: whether the outbox may reach blogs (only the
 * commands that publish need it). `servesBrowser`: the dev host, whose page opens addresses for
 * the writer itself.
 */
export async function openServicesContext(
  dataFolder: string,
  options: { access: LibraryAccess; online: boolean; servesBrowser: boolean },
): Promise<ServicesContext & { close(): Promise<void> }> {
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
    services,
    dataFolder,
    async call<Call extends CallName>(name: Call, input: CallInput<Call>): Promise<CallOutput<Call>> {
      const result = await dispatch(services.handlers, name, input, { logError });
      if (!result.ok) throw new AppError(result.error.kind, result.error.message);
      return result.value as CallOutput<Call>;
    },
    out: printLine,
    close: () => services.close(),
  };
}
