import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Electron from 'electron';
import { ElectronStandIn } from './electronStandIn';

/**
 * The one stand-in that `vi.mock('electron', …)` hands to electron/main and electron/preload in a
 * wiring test file, and that the test drives. Its profile folder is a fresh temp folder.
 */
export const standIn = new ElectronStandIn(mkdtempSync(path.join(os.tmpdir(), 'commonplace-profile-')));

/** The `electron` module as the hosts import it: the stand-in's parts, by Electron's names. */
export const electron = {
  app: standIn.app,
  BrowserWindow: standIn.BrowserWindow,
  clipboard: standIn.clipboard,
  contextBridge: standIn.contextBridge,
  dialog: standIn.dialog,
  ipcMain: standIn.ipcMain,
  ipcRenderer: standIn.ipcRenderer,
  Menu: standIn.Menu,
  net: standIn.net,
  Notification: standIn.Notification,
  protocol: standIn.protocol,
  safeStorage: standIn.safeStorage,
  screen: standIn.screen,
  session: standIn.session,
  shell: standIn.shell,
} satisfies Partial<Record<keyof typeof Electron, unknown>>;
