import { lazy } from 'react';

// What the first screen does not show is loaded when it is first needed, so the window paints the
// library before it parses the editor (CodeMirror), the preview's renderer and sanitizer (marked,
// sanitize-html) and the dialogs. `preloadLateParts` fetches them once the library is on screen,
// so opening a draft does not wait for the network or the disk.

function loadEditor() {
  return import('./components/desk/DraftEditor');
}

function loadDialogs() {
  return Promise.all([
    import('./components/desk/HistoryDialog'),
    import('./components/publish/OutboxDialog'),
    import('./components/accounts/AccountsDialog'),
    import('./components/ShortcutsSheet'),
  ]);
}

export const DraftEditor = lazy(() => loadEditor().then((module) => ({ default: module.DraftEditor })));
export const HistoryDialog = lazy(() =>
  import('./components/desk/HistoryDialog').then((module) => ({ default: module.HistoryDialog })),
);
export const PasteCatcher = lazy(() =>
  import('./components/desk/PasteCatcher').then((module) => ({ default: module.PasteCatcher })),
);
export const OutboxDialog = lazy(() =>
  import('./components/publish/OutboxDialog').then((module) => ({ default: module.OutboxDialog })),
);
export const AccountsDialog = lazy(() =>
  import('./components/accounts/AccountsDialog').then((module) => ({ default: module.AccountsDialog })),
);
export const ShortcutsSheet = lazy(() =>
  import('./components/ShortcutsSheet').then((module) => ({ default: module.ShortcutsSheet })),
);

/** Starts loading the editor, then the dialogs, in the background, after the first screen is drawn. */
export function preloadLateParts(): void {
  void loadEditor().then(loadDialogs);
}
