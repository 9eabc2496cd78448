import { app, dialog } from 'electron';
import { AppError } from '../../shared/result';
import type { Services } from '../core/services';
import { openDraftFor } from '../core/shell/openDraft';
import {
  LINK_SCHEME,
  openRequestFromFile,
  openRequestFromUrl,
  openRequestsFromArgv,
  type OpenRequest,
  type OpenRequestInbox,
} from '../core/shell/openRequest';
import type { MainWindow } from './mainWindow';

/**
 * Collects what the OS asks the app to open, on every platform: links and files in this
 * launch's arguments and in a second launch's (Windows, Linux), and macOS's open-url and
 * open-file events, which may come before the app is ready. `onSecondLaunch` runs when a second
 * launch hands over to this one, which then quits.
 */
export function receiveOpenRequests(inbox: OpenRequestInbox, onSecondLaunch: () => void): void {
  // Only an installed app claims commonplace: links at run time (the installers also declare
  // them); a development or test run must not take them over from the user's installed app.
  if (app.isPackaged) app.setAsDefaultProtocolClient(LINK_SCHEME);
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const request = openRequestFromUrl(url);
    if (request) inbox.receive(request);
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    const request = openRequestFromFile(file, process.cwd());
    if (request) inbox.receive(request);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    onSecondLaunch();
    for (const request of openRequestsFromArgv(argv, workingDirectory)) inbox.receive(request);
  });
  for (const request of openRequestsFromArgv(process.argv, process.cwd())) inbox.receive(request);
}

/** Opens what the OS asked for as a new draft in the window, or tells the writer why it cannot. */
export function openRequestHandler(
  services: Services,
  window: MainWindow,
  logError: (message: string, error: unknown) => void,
): (request: OpenRequest) => void {
  return (request) => {
    window
      .show()
      .then(() => openDraftFor(request, services))
      .catch((error: unknown) => {
        logError('Could not open a file or link', error);
        const reason = error instanceof AppError ? error.message : 'Something went wrong; the log has the details.';
        dialog.showErrorBox('Commonplace could not open this', reason);
      });
  };
}
