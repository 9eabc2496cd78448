/**
 * A menu item as plain data, shaped so that Electron's Menu.buildFromTemplate accepts it as is;
 * declared here because the core never imports 'electron', not even its types.
 */
export interface MenuItemTemplate {
  readonly id?: string;
  readonly label?: string;
  readonly role?: MenuRole;
  readonly type?: 'normal' | 'separator' | 'submenu';
  readonly accelerator?: string;
  readonly enabled?: boolean;
  readonly submenu?: MenuItemTemplate[];
  readonly click?: () => void;
}

/** The Electron roles these menus use: the platform carries out the action itself. */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'startSpeaking'
  | 'stopSpeaking'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'window'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'help';

export const separator: MenuItemTemplate = { type: 'separator' };
