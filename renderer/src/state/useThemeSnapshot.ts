import { useEffect, useState } from 'react';
import type { ThemeSnapshot } from '../../../shared/model/themeSnapshot';
import { api } from '../api';

/** One blog's theme for the themed preview: loaded, being taken, or why there is none. */
export type ThemeState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'taking' }
  | { readonly kind: 'ready'; readonly snapshot: ThemeSnapshot }
  | { readonly kind: 'missing'; readonly reason: string };

/**
 * The account's snapshot, reloaded when the core announces a new one. When there is none yet it
 * is taken once (the blog must be reachable); when that fails, the reason is kept to show.
 */
export function useThemeSnapshot(accountId: string | null): ThemeState {
  const [state, setState] = useState<ThemeState>({ kind: 'loading' });
  useEffect(() => {
    if (accountId === null) return undefined;
    let alive = true;
    // A function, so that each check after an await reads the flag anew.
    const gone = (): boolean => !alive;
    const load = async (takeWhenMissing: boolean): Promise<void> => {
      const found = await api.getThemeSnapshot({ accountId });
      if (gone()) return;
      if (found.ok) {
        setState({ kind: 'ready', snapshot: found.value });
        return;
      }
      if (found.error.kind !== 'not-found' || !takeWhenMissing) {
        setState({ kind: 'missing', reason: found.error.message });
        return;
      }
      setState({ kind: 'taking' });
      const taken = await api.takeThemeSnapshot({ accountId });
      if (gone()) return;
      if (taken.ok) await load(false);
      else setState({ kind: 'missing', reason: `${found.error.message} ${taken.error.message}` });
    };
    setState({ kind: 'loading' });
    void load(true);
    const stop = api.onEvent((event) => {
      if (event.type === 'theme-snapshot-changed' && event.accountId === accountId && event.info !== null) {
        void load(false);
      }
    });
    return () => {
      alive = false;
      stop();
    };
  }, [accountId]);
  return state;
}
