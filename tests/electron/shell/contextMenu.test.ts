import { describe, expect, it, vi } from 'vitest';
import {
  contextMenuTemplate,
  MAXIMUM_SUGGESTIONS,
  type ContextMenuActions,
  type ContextMenuParams,
} from '../../../electron/core/shell/contextMenu';

const allowed = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };

function params(overrides: Partial<ContextMenuParams>): ContextMenuParams {
  return {
    misspelledWord: '',
    dictionarySuggestions: [],
    isEditable: false,
    selectionText: '',
    linkURL: '',
    editFlags: { canCut: false, canCopy: false, canPaste: false, canSelectAll: false },
    ...overrides,
  };
}

function actions() {
  return {
    replaceMisspelling: vi.fn<(word: string) => void>(),
    addToDictionary: vi.fn<(word: string) => void>(),
    openExternally: vi.fn<(url: string) => void>(),
  } satisfies ContextMenuActions;
}

describe('the context menu', () => {
  it('offers spelling suggestions, adding the word to the dictionary, then cut/copy/paste', () => {
    const handlers = actions();
    const template = contextMenuTemplate(
      params({
        isEditable: true,
        misspelledWord: 'recieve',
        dictionarySuggestions: ['receive', 'relieve'],
        editFlags: allowed,
      }),
      handlers,
    );
    expect(template.map((item) => item.label ?? item.role ?? item.type)).toEqual([
      'receive',
      'relieve',
      'Add to Dictionary',
      'separator',
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll',
    ]);
    template[1]?.click?.();
    expect(handlers.replaceMisspelling).toHaveBeenCalledWith('relieve');
    template[2]?.click?.();
    expect(handlers.addToDictionary).toHaveBeenCalledWith('recieve');
  });

  it('says so when the dictionary has no suggestion, and keeps the list short when it has many', () => {
    const none = contextMenuTemplate(params({ isEditable: true, misspelledWord: 'zzxq' }), actions());
    expect(none[0]).toEqual({ label: 'No Suggestions', enabled: false });
    const many = contextMenuTemplate(
      params({ isEditable: true, misspelledWord: 'teh', dictionarySuggestions: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }),
      actions(),
    );
    expect(many.filter((item) => item.click && item.label !== 'Add to Dictionary')).toHaveLength(MAXIMUM_SUGGESTIONS);
  });

  it('greys out what the page cannot do', () => {
    const template = contextMenuTemplate(
      params({ isEditable: true, editFlags: { ...allowed, canCut: false, canCopy: false } }),
      actions(),
    );
    expect(template.slice(0, 3)).toEqual([
      { role: 'cut', enabled: false },
      { role: 'copy', enabled: false },
      { role: 'paste', enabled: true },
    ]);
  });

  it('offers Copy alone for selected text outside an editor, and nothing when nothing applies', () => {
    expect(contextMenuTemplate(params({ selectionText: 'a passage', editFlags: allowed }), actions())).toEqual([
      { role: 'copy', enabled: true },
    ]);
    expect(contextMenuTemplate(params({}), actions())).toEqual([]);
  });

  it('opens web and mail links in the browser, and offers nothing for other links', () => {
    const handlers = actions();
    const template = contextMenuTemplate(params({ linkURL: 'https://example.com/post' }), handlers);
    expect(template.map((item) => item.label)).toEqual(['Open Link in Browser']);
    template[0]?.click?.();
    expect(handlers.openExternally).toHaveBeenCalledWith('https://example.com/post');
    expect(contextMenuTemplate(params({ linkURL: 'mailto:ann@example.com' }), actions())).toHaveLength(1);
    for (const link of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share']) {
      expect(contextMenuTemplate(params({ linkURL: link }), actions()), link).toEqual([]);
    }
  });
});
