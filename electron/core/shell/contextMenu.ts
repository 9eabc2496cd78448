import { mayOpenExternally } from '../security/windowPolicy';
import { separator, type MenuItemTemplate } from './menuItem';

/** The part of Electron's 'context-menu' parameters the menu depends on. */
export interface ContextMenuParams {
  readonly misspelledWord: string;
  readonly dictionarySuggestions: readonly string[];
  readonly isEditable: boolean;
  readonly selectionText: string;
  readonly linkURL: string;
  readonly editFlags: {
    readonly canCut: boolean;
    readonly canCopy: boolean;
    readonly canPaste: boolean;
    readonly canSelectAll: boolean;
  };
}

/** What the menu's own items do; the host carries them out on the page and its session. */
export interface ContextMenuActions {
  readonly replaceMisspelling: (word: string) => void;
  readonly addToDictionary: (word: string) => void;
  readonly openExternally: (url: string) => void;
}

/** Spelling suggestions beyond this many make the menu long without helping. */
export const MAXIMUM_SUGGESTIONS = 5;

/**
 * The right-click menu for what is under the pointer: spelling suggestions for a misspelled
 * word, a web or mail link to open in the browser, and cut/copy/paste where they apply. Empty
 * when nothing applies, so the host shows no menu.
 */
export function contextMenuTemplate(params: ContextMenuParams, actions: ContextMenuActions): MenuItemTemplate[] {
  const groups: MenuItemTemplate[][] = [];
  const word = params.misspelledWord;
  if (params.isEditable && word !== '') {
    const suggestions = params.dictionarySuggestions.slice(0, MAXIMUM_SUGGESTIONS);
    groups.push([
      ...(suggestions.length > 0
        ? suggestions.map((suggestion) => ({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) }))
        : [{ label: 'No Suggestions', enabled: false }]),
      { label: 'Add to Dictionary', click: () => actions.addToDictionary(word) },
    ]);
  }
  if (params.linkURL !== '' && mayOpenExternally(params.linkURL)) {
    groups.push([{ label: 'Open Link in Browser', click: () => actions.openExternally(params.linkURL) }]);
  }
  if (params.isEditable) {
    groups.push([
      { role: 'cut', enabled: params.editFlags.canCut },
      { role: 'copy', enabled: params.editFlags.canCopy },
      { role: 'paste', enabled: params.editFlags.canPaste },
    ]);
    groups.push([{ role: 'selectAll', enabled: params.editFlags.canSelectAll }]);
  } else if (params.selectionText.trim() !== '') {
    groups.push([{ role: 'copy', enabled: params.editFlags.canCopy }]);
  }
  return groups.flatMap((group, index) => (index === 0 ? group : [separator, ...group]));
}
