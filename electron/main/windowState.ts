import path from 'node:path';
import { app, screen, type BrowserWindow } from 'electron';
import {
  restoreWindowPlacement,
  windowStateOf,
  type WindowPlacement,
  type WindowSize,
} from '../core/shell/windowPlacement';
import { WINDOW_STATE_FILE, WindowStateFile } from '../core/shell/windowStateFile';

const DEFAULT_SIZE: WindowSize = { width: 1280, height: 800 };

// A drag or resize fires these events many times a second; the place is saved once it settles.
const SETTLE_MILLISECONDS = 500;

/** The window's remembered place, in Electron's userData folder. */
export function openWindowStateFile(logError: (message: string, error: unknown) => void): WindowStateFile {
  return new WindowStateFile(path.join(app.getPath('userData'), WINDOW_STATE_FILE), logError);
}

/** Where the window opens, given what was saved and the displays connected now. */
export async function windowPlacement(file: WindowStateFile): Promise<WindowPlacement> {
  const displays = {
    primary: screen.getPrimaryDisplay().workArea,
    all: screen.getAllDisplays().map((display) => display.workArea),
  };
  return restoreWindowPlacement(await file.read(), displays, DEFAULT_SIZE);
}

/** Saves the window's place whenever it settles after a move or resize, and when it closes. */
export function rememberWindowPlacement(window: BrowserWindow, file: WindowStateFile): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (!window.isDestroyed()) file.save(windowStateOf(window.getNormalBounds(), window.isMaximized()));
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SETTLE_MILLISECONDS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
}
