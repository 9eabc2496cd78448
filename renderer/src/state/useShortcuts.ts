import { useEffect, useRef } from 'react';
import { tinykeys } from 'tinykeys';
import { shortcuts, type ShortcutName } from '../shortcuts';

/** Binds app-wide shortcuts to handlers; handlers may change between renders without rebinding. */
export function useShortcuts(handlers: Partial<Record<ShortcutName, () => void>>): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const bindings: Record<string, (event: KeyboardEvent) => void> = {};
    for (const name of Object.keys(shortcuts) as ShortcutName[]) {
      bindings[shortcuts[name].keys] = (event) => {
        const handler = latest.current[name];
        if (!handler) return;
        event.preventDefault();
        handler();
      };
    }
    return tinykeys(window, bindings);
  }, []);
}
