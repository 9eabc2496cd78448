import type { CallInput, CallOutput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import { libraryCalls, type LibraryCallName } from '../../shared/libraryCalls';
import { dispatchCall } from '../core/dispatchCall';
import { libraryHandlers } from '../core/libraryHandlers';
import { openLibrary, type LibraryAccess } from '../core/openLibrary';
import { logError, printLine, type LibraryContext } from './context';

/** Opens the library alone for a command; `close` flushes it and releases the lock. */
export async function openLibraryContext(
  dataFolder: string,
  access: LibraryAccess,
): Promise<LibraryContext & { close(): Promise<void> }> {
  const opened = await openLibrary({ dataFolder, access, logError });
  const handlers = libraryHandlers(opened.library, opened.view, () => opened.media());
  return {
    async call<Call extends LibraryCallName>(name: Call, input: CallInput<Call>): Promise<CallOutput<Call>> {
      // Over the library's calls alone: the rest of the contract's schemas are never built here.
      const result = await dispatchCall(libraryCalls, handlers, name, input, { logError });
      if (!result.ok) throw new AppError(result.error.kind, result.error.message);
      return result.value as CallOutput<Call>;
    },
    out: printLine,
    close: () => opened.close(),
  };
}
