import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { MEDIA_HOST, MEDIA_SCHEME } from '../../shared/contract';
import { mediaResponse } from '../core/media/mediaResponse';
import type { MediaStore } from '../core/media/mediaStore';
import { SECURITY_HEADERS } from '../core/security/contentSecurityPolicy';
import { APP_HOST, APP_SCHEME } from '../core/security/windowPolicy';

/**
 * Must run before the app is ready: app:// behaves like https (secure, standard, fetchable); the
 * media scheme is secure and standard too (so the page's images are not mixed content), and no more.
 */
export function registerAppSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true } },
  ]);
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
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
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
