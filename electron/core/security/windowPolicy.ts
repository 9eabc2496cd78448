/** The app's own origin inside Electron: a privileged custom scheme, never file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'commonplace';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The web preferences of every app window, per Electron's security checklist: the page runs
 * sandboxed and isolated from the preload, with no Node and web security on. A pure function so
 * that a unit test pins each item.
 */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  } as const;
}

// Node gives custom schemes an opaque origin ('null'), so the origin is compared by its parts.
function isAppUrl(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/** True only for a message from the main frame of our own page; everything else is refused. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  if (!isMainFrame || frameUrl === undefined || !URL.canParse(frameUrl)) return false;
  return isAppUrl(new URL(frameUrl));
}

/** The app is one page: the window may load it, and navigate nowhere else. */
export function mayNavigate(targetUrl: string): boolean {
  if (!URL.canParse(targetUrl)) return false;
  const url = new URL(targetUrl);
  return isAppUrl(url) && url.pathname === '/index.html';
}

/** Links that may be handed to the system browser. */
export function mayOpenExternally(targetUrl: string): boolean {
  return URL.canParse(targetUrl) && ['http:', 'https:', 'mailto:'].includes(new URL(targetUrl).protocol);
}
