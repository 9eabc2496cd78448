import { useEffect, useRef } from 'react';
import { tinykeys } from 'tinykeys';
import { appShortcuts, leftToTheFocus, shortcuts, type ShortcutName } from '../shortcuts';

/**
 * Binds the app's shortcuts to handlers, wherever the focus is: in a text field too, as in any
 * desktop editor (tinykeys by default ignores key presses there), leaving the field its own keys
 * (see leftToTheFocus). Handlers may change between renders without rebinding.
 */
export function useShortcuts(handlers: Partial<Record<ShortcutName, () => void>>): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const bindings: Record<string, (event: KeyboardEvent) => void> = {};
    for (const name of appShortcuts) {
      bindings[shortcuts[name].keys] = (event) => {
        const handler = latest.current[name];
        if (!handler) return;
        event.preventDefault();
        handler();
      };
    }
    return tinykeys(window, bindings, { ignore: leftToTheFocus });
  }, []);
}
