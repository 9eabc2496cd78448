import { ipcMain } from 'electron';
import { IPC_CHANNEL } from '../../shared/contract';
import { fail } from '../../shared/result';
import { dispatch } from '../core/dispatch';
import { isTrustedSender } from '../core/security/windowPolicy';
import type { Services } from '../core/services';

/** One handler for the one channel: sender first, then the contract's schema, then the service. */
export function registerIpc(services: Services, logError: (message: string, error: unknown) => void): void {
  ipcMain.handle(IPC_CHANNEL, async (event, name: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame)) {
      return fail('unauthorized', 'Calls are accepted only from the app’s own page.');
    }
    return dispatch(services.handlers, name, input, { logError });
  });
}
