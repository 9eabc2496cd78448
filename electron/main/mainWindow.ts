import type { BrowserWindow } from 'electron';
import type { Services } from '../core/services';
import type { WindowStateFile } from '../core/shell/windowStateFile';
import { forwardEvents } from './ipc';
import { attachContextMenu } from './menus';
import { bringToFront, createMainWindow, recoverFromPageLoss } from './window';
import { rememberWindowPlacement, windowPlacement } from './windowState';

/** The app's one writing window: shown in front if open, else opened at its remembered place. */
export class MainWindow {
  readonly #services: Services;
  readonly #windowState: WindowStateFile;
  readonly #preloadPath: string;
  #window: BrowserWindow | null = null;

  constructor(services: Services, windowState: WindowStateFile, preloadPath: string) {
    this.#services = services;
    this.#windowState = windowState;
    this.#preloadPath = preloadPath;
  }

  async show(): Promise<BrowserWindow> {
    if (this.#window && !this.#window.isDestroyed()) {
      bringToFront(this.#window);
      return this.#window;
    }
    const window = createMainWindow(this.#preloadPath, await windowPlacement(this.#windowState));
    this.#window = window;
    window.once('closed', () => {
      if (this.#window === window) this.#window = null;
    });
    forwardEvents(this.#services, window.webContents);
    attachContextMenu(window.webContents);
    recoverFromPageLoss(window);
    rememberWindowPlacement(window, this.#windowState);
    return window;
  }
}
