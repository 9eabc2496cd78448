import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { MEDIA_HOST, MEDIA_SCHEME, THEME_SHELL_HOST, THEME_SHELL_SCHEME } from '../../shared/contract';
import { LIVE_FRAME_DOCUMENT, LIVE_FRAME_HEADERS } from '../../shared/theme/liveFrame';
import { mediaResponse } from '../core/media/mediaResponse';
import type { MediaStore } from '../core/media/mediaStore';
import { ELECTRON_FRAMES, securityHeaders } from '../core/security/contentSecurityPolicy';
import { APP_HOST, APP_SCHEME } from '../core/security/windowPolicy';

/**
 * Must run before the app is ready: app:// behaves like https (secure, standard, fetchable); the
 * media scheme is secure and standard too (so the page's images are not mixed content), and no
 * more; so is the themed preview's shell scheme, a site of its own (its own origin and process).
 */
export function registerAppSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true } },
    { scheme: THEME_SHELL_SCHEME, privileges: { standard: true, secure: true } },
  ]);
}

/** Serves the themed preview's shell (a constant document) on commonplace-theme://shell/; nothing else. */
export function serveThemeShell(): void {
  protocol.handle(THEME_SHELL_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== THEME_SHELL_HOST || url.pathname !== '/') return new Response('Not found', { status: 404 });
    return new Response(LIVE_FRAME_DOCUMENT, { status: 200, headers: LIVE_FRAME_HEADERS });
  });
}

/** Serves the built renderer on app://commonplace/, with the app's CSP, and nothing outside it. */
export function serveRenderer(rendererFolder: string): void {
  const root = path.resolve(rendererFolder);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    if (url.host !== APP_HOST || !file.startsWith(root + path.sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(securityHeaders(ELECTRON_FRAMES))) headers.set(name, value);
    return new Response(response.body, { status: response.status, headers });
  });
}

/** Serves the library's images, read-only, on commonplace-media://library/<sha256>.<ext>; nothing else. */
export function serveLibraryMedia(store: MediaStore): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== MEDIA_HOST) return new Response('Not found', { status: 404 });
    const answer = await mediaResponse(store, request.method, decodeURIComponent(url.pathname.slice(1)));
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });
}
