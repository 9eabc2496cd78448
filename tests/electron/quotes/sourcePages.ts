import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach } from 'vitest';

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface PageServer {
  /** The address of a path on the server, on 127.0.0.1. */
  url(path: string): string;
  /** Paths requested so far, in order. */
  readonly requests: string[];
  /** Responses the client stopped reading before they were finished. */
  readonly abandoned: string[];
  close(): Promise<void>;
}

/** A local HTTP server on 127.0.0.1 (a free port) that serves the given routes; closed after each test. */
export function usePageServers(): (routes: Record<string, Route>) => Promise<PageServer> {
  const open: PageServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return async (routes) => {
    const server = await startPageServer(routes);
    open.push(server);
    return server;
  };
}

async function startPageServer(routes: Record<string, Route>): Promise<PageServer> {
  const requests: string[] = [];
  const abandoned: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    response.on('close', () => {
      if (!response.writableFinished) abandoned.push(path);
    });
    const route = routes[path];
    if (route) return route(request, response);
    response.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    abandoned,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A route that answers with an HTML page. */
export function page(html: string, contentType = 'text/html; charset=utf-8'): Route {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': contentType }).end(html);
  };
}

/** A route that redirects to another path. */
export function redirect(location: string, status = 302): Route {
  return (_request, response) => {
    response.writeHead(status, { location }).end();
  };
}
