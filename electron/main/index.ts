import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { LIBRARY_FOLDER, resolveDataFolder } from '../core/dataFolder';
import { openServices, type Services } from '../core/services';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { forwardEvents, registerIpc } from './ipc';
import { createMainWindow, denyAllPermissions } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(here, '../preload/index.cjs');
const RENDERER = path.join(here, '../renderer');

function logError(message: string, error: unknown): void {
  console.error(message, error);
}

registerAppScheme();

let services: Services | null = null;

async function start(): Promise<void> {
  await app.whenReady();
  const dataFolder = resolveDataFolder(
    process.env['COMMONPLACE_DATA'] ? undefined : path.join(app.getPath('userData'), LIBRARY_FOLDER),
  );
  services = await openServices({ dataFolder, logError });
  denyAllPermissions();
  serveRenderer(RENDERER);
  registerIpc(services, logError);
  const openWindow = (ready: Services) => forwardEvents(ready, createMainWindow(PRELOAD).webContents);
  openWindow(services);
  app.on('activate', () => {
    if (services && BrowserWindow.getAllWindows().length === 0) openWindow(services);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let flushed = false;
app.on('will-quit', (event) => {
  if (flushed || !services) return;
  event.preventDefault();
  services
    .close()
    .catch((error: unknown) => logError('Pending saves could not be flushed', error))
    .finally(() => {
      flushed = true;
      app.quit();
    });
});

start().catch((error: unknown) => {
  logError('Commonplace could not start', error);
  dialog.showErrorBox('Commonplace could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});
