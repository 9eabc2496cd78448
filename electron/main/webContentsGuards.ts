import { app, shell, type WebContents } from 'electron';
import { frameNavigationAction, linkAction } from '../core/shell/links';

/**
 * Guards every page the app ever creates, not only the main window's (checklist items 12–15):
 * no navigation away from the app's page (nor of any frame in it away from its own document), no
 * new windows, no <webview>. A link the writer
 * clicks in the preview arrives here as a navigation or a new-window request and goes to the
 * system's browser or mail app only when it is http(s) or mailto.
 */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guard(contents));
}

function guard(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    const action = linkAction(event.url);
    if (action === 'stay') return;
    event.preventDefault();
    if (action === 'open-externally') openExternally(event.url);
  });
  // will-navigate sees the main frame only; a subframe (the themed preview) never leaves its document.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return;
    const action = frameNavigationAction(event.url);
    if (action === 'stay') return;
    event.preventDefault();
    if (action === 'open-externally') openExternally(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (linkAction(url) === 'open-externally') openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Hands a web or mail link to the OS; callers check it with linkAction first. */
export function openExternally(url: string): void {
  shell.openExternal(url).catch((error: unknown) => console.error(`Could not open ${url}`, error));
}
