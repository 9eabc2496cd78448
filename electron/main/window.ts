import { BrowserWindow, dialog, session } from 'electron';
import { PageRecoveryPolicy } from '../core/shell/pageRecovery';
import type { WindowPlacement } from '../core/shell/windowPlacement';
import { APP_ENTRY_URL, secureWebPreferences } from '../core/security/windowPolicy';

/** The writing window: hardened, at its remembered place; navigation guards come from webContentsGuards. */
export function createMainWindow(preloadPath: string, placement: WindowPlacement): BrowserWindow {
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Commonplace',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** A page that crashes or is killed is reloaded (everything acknowledged is on disk), within limits. */
export function recoverFromPageLoss(window: BrowserWindow): void {
  const policy = new PageRecoveryPolicy();
  window.webContents.on('render-process-gone', (_event, details) => {
    const recovery = policy.afterPageGone(details.reason);
    if (recovery.action === 'reload') {
      window.webContents.reload();
      void dialog.showMessageBox(window, { type: 'warning', message: recovery.message });
    } else if (recovery.action === 'give-up') {
      dialog.showErrorBox(recovery.title, recovery.message);
    }
  });
}

/** Brings the window to the front, as when a second launch hands its request to this one. */
export function bringToFront(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** No page of ours asks for the camera, location or anything else: every request is refused. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
