import { useSyncExternalStore } from 'react';
import { api } from '../api';
import type { LibraryState } from './libraryState';
import { LibraryStore } from './libraryStore';

/** The page's one store, over the contract's calls and events. */
export const libraryStore = new LibraryStore(api);

/**
 * What the store holds now; the component renders again when it changes. The state is one
 * immutable value: derive from it with useMemo, so that a render never makes a new snapshot.
 */
export function useLibraryState(): LibraryState {
  return useSyncExternalStore(libraryStore.subscribe, libraryStore.getState);
}
