import type { AppCommand } from '../../../shared/contract';
import { separator, type MenuItemTemplate } from './menuItem';

/** How an app command appears in the menu bar. */
export interface MenuCommand {
  readonly label: string;
  /** In Electron's accelerator notation; the same keys as the renderer's shortcut, where it has one. */
  readonly accelerator: string;
}

/**
 * Every app command with its label and keys. The keys match renderer/src/shortcuts.ts: the page
 * sees a key press first and, when its own shortcut handles it (and calls preventDefault), the
 * menu's accelerator does not fire as well; the menu catches the keys the page leaves alone.
 */
export const menuCommands = {
  newDraft: { label: 'New Draft', accelerator: 'CmdOrCtrl+Alt+N' },
  newPostFromClipboard: { label: 'New Post from Clipboard', accelerator: 'CmdOrCtrl+Shift+N' },
  pasteAsQuote: { label: 'Paste as Quote', accelerator: 'CmdOrCtrl+Shift+V' },
  insertImage: { label: 'Insert Image…', accelerator: 'CmdOrCtrl+Alt+M' },
  publish: { label: 'Publish…', accelerator: 'CmdOrCtrl+Shift+U' },
  togglePreview: { label: 'Toggle Preview', accelerator: 'CmdOrCtrl+Shift+P' },
  focusMode: { label: 'Focus Mode', accelerator: 'CmdOrCtrl+Shift+Enter' },
  focusSearch: { label: 'Search the Library', accelerator: 'CmdOrCtrl+K' },
  find: { label: 'Find…', accelerator: 'CmdOrCtrl+F' },
  showShortcuts: { label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/' },
  preferences: { label: 'Preferences…', accelerator: 'CmdOrCtrl+,' },
} as const satisfies Record<AppCommand, MenuCommand>;

export interface ApplicationMenuOptions {
  readonly platform: NodeJS.Platform;
  /** The app's name, the title of macOS's application menu. */
  readonly appName: string;
  /** Adds reload and the developer tools: for development builds only. */
  readonly developerTools: boolean;
  /** Called when the writer chooses an app command; the host hands it to the renderer. */
  readonly onCommand: (command: AppCommand) => void;
}

/**
 * The menu bar: the platform's standard menus and roles, with the app's commands where a writer
 * looks for them. On macOS the application menu holds About, Preferences, Services and Quit;
 * elsewhere File holds Preferences and Quit and Help holds About.
 */
export function applicationMenuTemplate(options: ApplicationMenuOptions): MenuItemTemplate[] {
  const mac = options.platform === 'darwin';
  const onMac = (...items: MenuItemTemplate[]) => (mac ? items : []);
  const elsewhere = (...items: MenuItemTemplate[]) => (mac ? [] : items);
  const developer = (...items: MenuItemTemplate[]) => (options.developerTools ? items : []);
  const item = (command: AppCommand): MenuItemTemplate => ({
    id: command,
    ...menuCommands[command],
    click: () => options.onCommand(command),
  });
  const appMenu: MenuItemTemplate = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      separator,
      item('preferences'),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemTemplate = {
    label: 'File',
    submenu: [
      item('newDraft'),
      item('newPostFromClipboard'),
      separator,
      item('publish'),
      separator,
      ...onMac({ role: 'close' }),
      ...elsewhere(item('preferences'), separator, { role: 'quit' }),
    ],
  };
  const editMenu: MenuItemTemplate = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      item('pasteAsQuote'),
      item('insertImage'),
      // Elsewhere than macOS this role takes Ctrl+Shift+V, which is Paste as Quote's.
      ...onMac({ role: 'pasteAndMatchStyle' }),
      { role: 'delete' },
      { role: 'selectAll' },
      separator,
      item('find'),
      ...onMac(separator, { label: 'Speech', submenu: [{ role: 'startSpeaking' }, { role: 'stopSpeaking' }] }),
    ],
  };
  const viewMenu: MenuItemTemplate = {
    label: 'View',
    submenu: [
      item('togglePreview'),
      item('focusMode'),
      item('focusSearch'),
      separator,
      ...developer({ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemTemplate = {
    label: 'Window',
    role: 'window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
  const helpMenu: MenuItemTemplate = {
    label: 'Help',
    role: 'help',
    submenu: [item('showShortcuts'), ...elsewhere(separator, { role: 'about' })],
  };
  return [...onMac(appMenu), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
