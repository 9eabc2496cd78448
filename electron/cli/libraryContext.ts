import type { CallInput, CallOutput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import { dispatch } from '../core/dispatch';
import { libraryHandlers, type LibraryCallName } from '../core/libraryHandlers';
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
      const result = await dispatch(handlers, name, input, { logError });
      if (!result.ok) throw new AppError(result.error.kind, result.error.message);
      return result.value as CallOutput<Call>;
    },
    out: printLine,
    close: () => opened.close(),
  };
}
