/**
 * Every keyboard shortcut of the app, in tinykeys notation ("$mod" is Cmd on macOS, Ctrl
 * elsewhere). Those of the whole app work wherever the focus is, text fields included; the others
 * belong to the field they are typed in.
 */
export const shortcuts = {
  newDraft: { keys: '$mod+Alt+n', label: 'New draft', scope: 'app' },
  focusSearch: { keys: '$mod+k', label: 'Search the library', scope: 'app' },
  togglePreview: { keys: '$mod+Shift+p', label: 'Show or hide the preview', scope: 'app' },
  focusMode: { keys: '$mod+Shift+Enter', label: 'Focus mode', scope: 'app' },
  pasteAsQuote: { keys: '$mod+Shift+v', label: 'Paste as quote', scope: 'app' },
  publish: { keys: '$mod+Shift+u', label: 'Publish (at once, to the draft’s one usual blog)', scope: 'app' },
  insertImage: { keys: '$mod+Alt+m', label: 'Insert image', scope: 'app' },
  showShortcuts: { keys: '$mod+/', label: 'Keyboard shortcuts', scope: 'app' },
  moveQuoteUp: { keys: 'Alt+ArrowUp', label: 'Move the quote up (in a quote)', scope: 'field' },
  moveQuoteDown: { keys: 'Alt+ArrowDown', label: 'Move the quote down (in a quote)', scope: 'field' },
  find: { keys: '$mod+f', label: 'Find in the commentary', scope: 'field' },
  undo: { keys: '$mod+z', label: 'Undo in the commentary', scope: 'field' },
  leaveCommentary: { keys: 'Escape Tab', label: 'Leave the commentary when Tab indents', scope: 'field' },
} as const;

export type ShortcutName = keyof typeof shortcuts;

/** The app's own shortcuts, which work wherever the focus is. */
export const appShortcuts = (Object.keys(shortcuts) as ShortcutName[]).filter(
  (name) => shortcuts[name].scope === 'app',
);

/**
 * The key presses the app's shortcuts leave alone: a repeat, a key pressed while an input method
 * composes, and in a text field any key without Ctrl, Cmd or Alt, which is the field's to type.
 */
export function leftToTheFocus(event: KeyboardEvent): boolean {
  if (event.repeat || event.isComposing) return true;
  const target = event.target;
  const inTextField = target instanceof Element && target.matches('[contenteditable], input, select, textarea');
  return inTextField && !(event.ctrlKey || event.metaKey || event.altKey);
}

/** A shortcut as CodeMirror names keys ("$mod+/" is "Mod-/"), so the editor can leave it to the app. */
export function codeMirrorKey(keys: string): string {
  return keys
    .split('+')
    .map((part) => (part === '$mod' ? 'Mod' : part.length === 1 ? part.toLowerCase() : part))
    .join('-');
}

const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);

/** A shortcut as people read it: "Ctrl+Shift+P", or "⌘⇧P" on a Mac. */
export function describeKeys(keys: string): string {
  const names: Record<string, string> = isMac
    ? { $mod: '⌘', Shift: '⇧', Alt: '⌥', ArrowUp: '↑', ArrowDown: '↓', Enter: '↩' }
    : { $mod: 'Ctrl', ArrowUp: '↑', ArrowDown: '↓' };
  const describe = (chord: string) =>
    chord
      .split('+')
      .map((part) => names[part] ?? (part.length === 1 ? part.toUpperCase() : part === 'Escape' ? 'Esc' : part))
      .join(isMac ? '' : '+');
  // A sequence ("Escape Tab") is its chords one after the other.
  return keys.split(' ').map(describe).join(', then ');
}

/** "New draft (Ctrl+Alt+N)": for tooltips. */
export function withShortcut(name: ShortcutName): string {
  const shortcut = shortcuts[name];
  return `${shortcut.label} (${describeKeys(shortcut.keys)})`;
}
