import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { API_PATH, EVENTS_PATH, MEDIA_PATH, THEME_SHELL_PATH, TOKEN_HEADER } from '../../shared/contract';
import { fail, type Result } from '../../shared/result';
import { dispatch } from '../core/dispatch';
import { mediaResponse } from '../core/media/mediaResponse';
import { securityHeaders } from '../core/security/contentSecurityPolicy';
import type { Services } from '../core/services';
import { hasToken, isOwnHost, isOwnOrigin, tokenCookie, tokenFromQuery } from './access';
import { startThemeShellServer } from './themeShellServer';

export interface DevHostOptions {
  readonly services: Services;
  /** The built renderer (index.html and its assets). */
  readonly rendererFolder: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly logError: (message: string, error: unknown) => void;
}

export interface DevHost {
  /** The address to open: it carries the token, which the page then keeps in a cookie. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

/** Large enough for a long draft with many quotes, or an image in base64; the model's own limits apply after parsing. */
const MAX_BODY_BYTES = 40 * 1024 * 1024;

/**
 * The browser dev host: the core services and the built renderer over HTTP on 127.0.0.1, for
 * where Electron cannot run. Every request must name our host (DNS rebinding), come from our
 * origin, and carry the per-start token; calls go through the same dispatch as Electron's IPC.
 */
export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  if (!existsSync(path.join(options.rendererFolder, 'index.html'))) {
    throw new Error(`The renderer is not built (no index.html in ${options.rendererFolder}): run "npm run build".`);
  }
  const token = randomBytes(24).toString('base64url');
  const policy: { token: string; port: number } = { token, port: 0 };
  const assets = sirv(options.rendererFolder, { dev: false, etag: true, single: false });
  const shell = await startThemeShellServer();
  // The page frames its own route, which sends the frame on to the shell at its one port.
  const headers = securityHeaders(["'self'", shell.addressFor('localhost'), shell.addressFor('127.0.0.1')]);

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    handle(request, response).catch((error: unknown) => {
      options.logError('The dev host failed to answer a request', error);
      if (!response.headersSent) sendText(response, 500, 'The dev host failed to answer this request.');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isOwnHost(request, policy) || !isOwnOrigin(request, policy)) {
      sendText(response, 403, 'This address serves Commonplace to its own page only.');
      return;
    }
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    if (request.method === 'GET' && tokenFromQuery(url, policy)) {
      response.setHeader('Set-Cookie', tokenCookie(policy));
      response.setHeader('Location', '/');
      sendText(response, 303, 'Opening Commonplace.');
      return;
    }
    if (!hasToken(request, policy, TOKEN_HEADER)) {
      sendText(response, 401, 'Open the address that "commonplace serve" printed: it carries the access token.');
      return;
    }
    if (url.pathname === EVENTS_PATH && request.method === 'GET') {
      streamEvents(response);
      return;
    }
    if (url.pathname === THEME_SHELL_PATH && request.method === 'GET') {
      // On to the shell's own server, under the loopback name this page does not use (another site).
      const pageOnLocalhost = request.headers.host === `localhost:${policy.port}`;
      response.setHeader('Location', shell.addressFor(pageOnLocalhost ? '127.0.0.1' : 'localhost'));
      sendText(response, 302, 'The themed preview’s shell.');
      return;
    }
    if (url.pathname.startsWith(MEDIA_PATH)) {
      const answer = await mediaResponse(
        options.services.media.store,
        request.method ?? 'GET',
        url.pathname.slice(MEDIA_PATH.length),
      );
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
      return;
    }
    if (url.pathname.startsWith(API_PATH)) {
      await handleCall(request, response, url.pathname.slice(API_PATH.length));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed.');
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') response.setHeader('Cache-Control', 'no-store');
    assets(request, response, () => sendText(response, 404, 'Not found.'));
  }

  async function handleCall(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (request.method !== 'POST') {
      sendText(response, 405, 'Calls are POST requests.');
      return;
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      sendResult(response, 415, fail('invalid-input', 'A call must be sent as application/json.'));
      return;
    }
    const body = await readBody(request);
    if (body === null) {
      sendResult(response, 413, fail('invalid-input', `A call may not exceed ${MAX_BODY_BYTES} bytes.`));
      return;
    }
    let input: unknown;
    try {
      input = body === '' ? undefined : JSON.parse(body);
    } catch {
      sendResult(response, 400, fail('invalid-input', 'The call’s body is not valid JSON.'));
      return;
    }
    const result = await dispatch(options.services.handlers, name, input, { logError: options.logError });
    sendResult(response, 200, result);
  }

  /** Server-Sent Events: each AppEvent as one JSON message, for as long as the page listens. */
  function streamEvents(response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    const unsubscribe = options.services.events.subscribe((event) => {
      response.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    // A comment now and then keeps idle connections from being dropped by anything in between.
    const heartbeat = setInterval(() => response.write(': still here\n\n'), 25_000);
    heartbeat.unref();
    response.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await shell.close();
    throw error;
  }
  policy.port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${policy.port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: async () => {
      await Promise.all([
        new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          server.closeAllConnections();
        }),
        shell.close(),
      ]);
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
}

function sendResult(response: ServerResponse, status: number, result: Result<unknown>): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(result));
}
