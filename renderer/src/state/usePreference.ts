import { useCallback, useState } from 'react';

const PREFIX = 'commonplace.preference.';

/**
 * A whole-number preference of this writer on this computer, kept in the page's storage: a view
 * setting, not part of the library. Falls back when unset or unreadable.
 */
export function useNumberPreference(name: string, fallback: number): [number, (value: number) => void] {
  const [value, setValue] = useState(() => {
    const stored = Number.parseInt(localStorage.getItem(PREFIX + name) ?? '', 10);
    return Number.isInteger(stored) && stored > 0 ? stored : fallback;
  });
  const change = useCallback(
    (next: number) => {
      if (!Number.isInteger(next) || next <= 0) return;
      localStorage.setItem(PREFIX + name, String(next));
      setValue(next);
    },
    [name],
  );
  return [value, change];
}
