import { useCallback, useSyncExternalStore } from 'react';

const PREFIX = 'commonplace.preference.';
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * A preference of this writer on this computer, kept in the page's storage: a view setting, not
 * part of the library. Every component reading it sees a change at once; an unset or unreadable
 * value reads as the fallback.
 */
function usePreference<Value>(
  name: string,
  fallback: Value,
  parse: (stored: string) => Value | null,
): [Value, (value: Value) => void] {
  const key = PREFIX + name;
  const stored = useSyncExternalStore(subscribe, () => localStorage.getItem(key));
  const value = stored === null ? fallback : (parse(stored) ?? fallback);
  const change = useCallback(
    (next: Value) => {
      localStorage.setItem(key, String(next));
      for (const listener of listeners) listener();
    },
    [key],
  );
  return [value, change];
}

export function useNumberPreference(name: string, fallback: number): [number, (value: number) => void] {
  const [value, change] = usePreference(name, fallback, (stored) => {
    const parsed = Number.parseInt(stored, 10);
    return Number.isInteger(parsed) && parsed > 0 ? parsed : null;
  });
  const changeIfValid = useCallback(
    (next: number) => {
      if (Number.isInteger(next) && next > 0) change(next);
    },
    [change],
  );
  return [value, changeIfValid];
}

export function useBooleanPreference(name: string, fallback: boolean): [boolean, (value: boolean) => void] {
  return usePreference(name, fallback, (stored) => (stored === 'true' ? true : stored === 'false' ? false : null));
}
