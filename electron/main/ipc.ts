import { ipcMain, type WebContents } from 'electron';
import { EVENT_CHANNEL, IPC_CHANNEL } from '../../shared/contract';
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

/** Forwards the core's events to a window's page for as long as the page lives. */
export function forwardEvents(services: Services, contents: WebContents): void {
  const unsubscribe = services.events.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
  contents.once('destroyed', unsubscribe);
}
