import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog } from 'electron';
import { LIBRARY_FOLDER, resolveDataFolder } from '../core/dataFolder';
import { defaultKeyFile } from '../core/accounts/localKeySealer';
import { openServices, type Services } from '../core/services';
import { watchFirstCall } from '../core/shell/firstCall';
import { OpenRequestInbox } from '../core/shell/openRequest';
import { profileFolderOverride } from '../core/shell/profileFolder';
import { keepRunningThroughStrayErrors } from '../core/shell/strayErrors';
import { startFailureNotice } from '../core/shell/startFailure';
import type { WindowStateFile } from '../core/shell/windowStateFile';
import { registerAppSchemes, serveLibraryMedia, serveRenderer, serveThemeShell } from './appProtocol';
import { appVaultSealers, chooseOsPath, readOsClipboard } from './hostServices';
import { registerIpc } from './ipc';
import { MainWindow } from './mainWindow';
import { installApplicationMenu } from './menus';
import { openRequestHandler, receiveOpenRequests } from './openRequests';
import { followConnectivity } from './connectivity';
import { notifyOutboxChanges } from './notifications';
import { guardAllWebContents } from './webContentsGuards';
import { denyAllPermissions } from './window';
import { openWindowStateFile } from './windowState';

const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(here, '../preload/index.cjs');
const RENDERER = path.join(here, '../renderer');

function logError(message: string, error: unknown): void {
  console.error(message, error);
}

// Reported in the log and never fatal (Electron's default is a raw error box over the writer's window).
keepRunningThroughStrayErrors(process, logError);

// The profile folder holds the single-instance lock, so it is chosen before the lock is taken.
const profileFolder = profileFolderOverride(process.env);
if (profileFolder !== null) app.setPath('userData', profileFolder);

// A second launch hands its arguments to the first (the 'second-instance' event) and quits.
if (app.requestSingleInstanceLock()) run();
else app.quit();

function run(): void {
  registerAppSchemes();
  guardAllWebContents();
  let services: Services | null = null;
  let windowState: WindowStateFile | null = null;
  let mainWindow: MainWindow | null = null;
  const inbox = new OpenRequestInbox();
  const showWindow = () => void mainWindow?.show().catch((error: unknown) => logError('No window', error));
  receiveOpenRequests(inbox, showWindow);

  async function start(): Promise<void> {
    await app.whenReady();
    const dataFolder = resolveDataFolder(
      process.env['COMMONPLACE_DATA'] ? undefined : path.join(app.getPath('userData'), LIBRARY_FOLDER),
    );
    // Takes the library's lock: refused, naming the holder, while the dev host or a command has it.
    const ready = await openServices({
      dataFolder,
      access: { mode: 'write', program: { kind: 'app' } },
      logError,
      sealers: await appVaultSealers(defaultKeyFile(path.join(app.getPath('userData'), LIBRARY_FOLDER))),
      readClipboard: readOsClipboard,
      choosePath: chooseOsPath,
    });
    services = ready;
    windowState = openWindowStateFile(logError);
    const shownWindow = new MainWindow(ready, windowState, PRELOAD);
    mainWindow = shownWindow;
    denyAllPermissions();
    serveRenderer(RENDERER);
    serveLibraryMedia(ready.media.store);
    serveThemeShell();
    const page = watchFirstCall(ready.handlers);
    registerIpc({ ...ready, handlers: page.handlers }, logError);
    installApplicationMenu((command) => ready.events.publish({ type: 'command', command }));
    notifyOutboxChanges(ready);
    followConnectivity(ready.outbox);
    await shownWindow.show();
    // Requests wait for the page to listen, or it would miss the event that shows their draft.
    void page.firstCall.then(() => inbox.start(openRequestHandler(ready, shownWindow, logError)));
    app.on('activate', showWindow);
  }

  // A quit that the page held back to save its last edits goes on once the page has closed its window.
  let quitRequested = false;
  app.on('before-quit', () => {
    quitRequested = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitRequested) app.quit();
  });

  let flushed = false;
  app.on('will-quit', (event) => {
    if (flushed || !services) return;
    event.preventDefault();
    Promise.all([services.close(), windowState?.flush()])
      .catch((error: unknown) => logError('Pending saves could not be flushed', error))
      .finally(() => {
        flushed = true;
        app.quit();
      });
  });

  start().catch((error: unknown) => {
    logError('Commonplace could not start', error);
    const notice = startFailureNotice(error);
    dialog.showErrorBox(notice.title, notice.message);
    app.exit(1);
  });
}
