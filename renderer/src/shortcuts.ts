/** Every keyboard shortcut of the app, in tinykeys notation ("$mod" is Cmd on macOS, Ctrl elsewhere). */
export const shortcuts = {
  newDraft: { keys: '$mod+Alt+n', label: 'New draft' },
  focusSearch: { keys: '$mod+k', label: 'Search the library' },
  togglePreview: { keys: '$mod+Shift+p', label: 'Show or hide the preview' },
  focusMode: { keys: '$mod+Shift+Enter', label: 'Focus mode' },
  pasteAsQuote: { keys: '$mod+Shift+v', label: 'Paste as quote' },
  publish: { keys: '$mod+Shift+u', label: 'Publish' },
  insertImage: { keys: '$mod+Alt+m', label: 'Insert image' },
  showShortcuts: { keys: '$mod+/', label: 'Keyboard shortcuts' },
  moveQuoteUp: { keys: 'Alt+ArrowUp', label: 'Move the quote up (in a quote)' },
  moveQuoteDown: { keys: 'Alt+ArrowDown', label: 'Move the quote down (in a quote)' },
  find: { keys: '$mod+f', label: 'Find in the commentary' },
  undo: { keys: '$mod+z', label: 'Undo in the commentary' },
} as const;

export type ShortcutName = keyof typeof shortcuts;

const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);

/** A shortcut as people read it: "Ctrl+Shift+P", or "⌘⇧P" on a Mac. */
export function describeKeys(keys: string): string {
  const names: Record<string, string> = isMac
    ? { $mod: '⌘', Shift: '⇧', Alt: '⌥', ArrowUp: '↑', ArrowDown: '↓', Enter: '↩' }
    : { $mod: 'Ctrl', ArrowUp: '↑', ArrowDown: '↓' };
  const parts = keys.split('+').map((part) => names[part] ?? (part.length === 1 ? part.toUpperCase() : part));
  return parts.join(isMac ? '' : '+');
}

/** "New draft (Ctrl+Alt+N)": for tooltips. */
export function withShortcut(name: ShortcutName): string {
  const shortcut = shortcuts[name];
  return `${shortcut.label} (${describeKeys(shortcut.keys)})`;
}
