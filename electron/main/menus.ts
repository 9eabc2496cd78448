import { app, Menu, type WebContents } from 'electron';
import type { AppCommand } from '../../shared/contract';
import { applicationMenuTemplate } from '../core/shell/applicationMenu';
import { contextMenuTemplate } from '../core/shell/contextMenu';
import { openExternally } from './webContentsGuards';

/** The menu bar; an app command chosen there goes to `onCommand`. */
export function installApplicationMenu(onCommand: (command: AppCommand) => void): void {
  const template = applicationMenuTemplate({
    platform: process.platform,
    appName: app.name,
    developerTools: !app.isPackaged,
    onCommand,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** The right-click menu of a page: spelling suggestions, links, cut/copy/paste. */
export function attachContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
      openExternally,
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup();
  });
}
