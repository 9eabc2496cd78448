import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LIVE_FRAME_DOCUMENT, LIVE_FRAME_HEADERS } from '../../shared/theme/liveFrame';

/** The themed preview's shell, served alone on a loopback port of its own. */
export interface ThemeShellServer {
  /** The shell's address under `hostname` (the name the app's page is not using). */
  addressFor(hostname: 'localhost' | '127.0.0.1'): string;
  close(): Promise<void>;
}

/**
 * The shell must not share an origin, nor a site, with the app's page: another origin keeps it
 * from reaching the app, and another site makes the browser give it a process of its own, so the
 * theme's layout runs beside the app's instead of after it. The dev host's page is on
 * 127.0.0.1:PORT, so the shell is named localhost:SHELL_PORT (and the other way round); it is a
 * constant document and all this server answers.
 */
export async function startThemeShellServer(): Promise<ThemeShellServer> {
  let port = 0;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const ownHost = request.headers.host === `localhost:${port}` || request.headers.host === `127.0.0.1:${port}`;
    const path = new URL(request.url ?? '/', 'http://shell').pathname;
    if (!ownHost || path !== '/' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not found.');
      return;
    }
    response.writeHead(200, LIVE_FRAME_HEADERS);
    response.end(request.method === 'HEAD' ? undefined : LIVE_FRAME_DOCUMENT);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    addressFor: (hostname) => `http://${hostname}:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
