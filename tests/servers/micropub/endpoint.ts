/**
 * A Micropub server for the integration tests: @benjifs/micropub, an independent implementation of
 * the W3C Micropub recommendation, behind Node's HTTP server on 127.0.0.1, storing posts as files.
 * Run as its own process (tests/servers/micropub.ts starts it) because the library logs every
 * request on stdout. Around the endpoint it serves what a real IndieWeb site has: a home page that
 * announces the endpoints, a token endpoint that accepts one static token, and each post's page.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import MicropubEndpoint from '@benjifs/micropub';

const port = Number(process.env['MICROPUB_PORT']);
const token = process.env['MICROPUB_TOKEN'] ?? '';
const folder = process.env['MICROPUB_FOLDER'] ?? '';
if (!Number.isInteger(port) || token === '' || folder === '') {
  throw new Error('MICROPUB_PORT, MICROPUB_TOKEN and MICROPUB_FOLDER must be set.');
}
const site = `http://127.0.0.1:${port}/`;
const contentFolder = 'src';

/** The file store the library asks for: paths it names, kept inside the data folder. */
class FileStore {
  async createFile(filename: string, content: string): Promise<string> {
    const file = inside(filename);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content, { flag: 'wx' });
    return filename;
  }

  async updateFile(filename: string, content: string): Promise<string> {
    await writeFile(inside(filename), content);
    return filename;
  }

  async getFile(filename: string): Promise<{ filename: string; content: string } | null> {
    try {
      return { filename, content: await readFile(inside(filename), 'utf8') };
    } catch {
      return null;
    }
  }

  async getDirectory(directory: string): Promise<{ files: { path: string }[] } | null> {
    try {
      const names = await readdir(inside(directory), { recursive: true });
      return { files: names.map((name) => ({ path: `${directory}/${name}` })) };
    } catch {
      return null;
    }
  }

  async deleteFile(filename: string): Promise<string> {
    await rm(inside(filename));
    return filename;
  }

  async uploadImage(filename: string, file: { content: Buffer }): Promise<string> {
    const target = inside(filename);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
    return filename;
  }
}

function inside(filename: string): string {
  const file = path.resolve(folder, filename);
  if (!file.startsWith(`${path.resolve(folder)}${path.sep}`)) throw new Error(`${filename} is outside the store.`);
  return file;
}

const endpoint = new MicropubEndpoint({
  store: new FileStore(),
  me: site,
  tokenEndpoint: `${site}token`,
  contentDir: contentFolder,
  // q=config announces the media endpoint, as a site that takes uploads does.
  config: {
    // Relative when asked (MICROPUB_RELATIVE_MEDIA=1), as some sites announce it: the client then
    // resolves it against the address it used, so a fault proxy in front of the site carries uploads too.
    'media-endpoint': process.env['MICROPUB_RELATIVE_MEDIA'] === '1' ? '/media' : `${site}media`,
    'syndicate-to': [],
    'post-types': [{ type: 'article', name: 'Article' }],
  },
});

const imageTypes: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
};

const homePage = `<!doctype html>
<html><head><title>Micropub test blog</title>
<link rel="micropub" href="/micropub">
<link rel="authorization_endpoint" href="/auth">
<link rel="token_endpoint" href="/token">
</head><body><h1>Micropub test blog</h1></body></html>
`;

async function answer(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const url = new URL(incoming.url ?? '/', site);
  if (url.pathname === '/') {
    outgoing.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(homePage);
    return;
  }
  if (url.pathname === '/token') {
    // IndieAuth token verification: the endpoint asks here who a bearer token belongs to.
    const valid = incoming.headers.authorization === `Bearer ${token}`;
    const body = valid
      ? { me: site, client_id: 'https://commonplace.invalid/', scope: 'create update delete undelete media' }
      : { error: 'invalid_token' };
    outgoing.writeHead(valid ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    return;
  }
  if (url.pathname === '/media') {
    const response = await endpoint.mediaHandler(webRequest(incoming, url));
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
    return;
  }
  if (url.pathname.startsWith('/uploads/')) {
    // The site serves what its media endpoint stored, as a static site would.
    const stored = await readFile(inside(decodeURIComponent(url.pathname.slice(1)))).catch(() => null);
    const type = imageTypes[path.extname(url.pathname)];
    if (stored === null || type === undefined)
      outgoing.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    else outgoing.writeHead(200, { 'content-type': type }).end(stored);
    return;
  }
  if (url.pathname === '/micropub') {
    const response = await endpoint.micropubHandler(webRequest(incoming, url));
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
    return;
  }
  await postPage(url, outgoing);
}

/**
 * A post's page, as the site would publish it, read through the endpoint's own q=source: 410 once
 * deleted (the library only marks a deleted post), 404 for a draft or an unknown address.
 */
async function postPage(url: URL, outgoing: ServerResponse): Promise<void> {
  const query = new URL('/micropub', site);
  query.search = new URLSearchParams({ q: 'source', url: new URL(url.pathname, site).toString() }).toString();
  const source = await endpoint.micropubHandler(new Request(query, { headers: { authorization: `Bearer ${token}` } }));
  if (source.status !== 200) {
    outgoing.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  const { properties } = (await source.json()) as { properties: Record<string, string[] | undefined> };
  if (properties['deleted'] !== undefined) {
    outgoing.writeHead(410, { 'content-type': 'text/plain' }).end('Deleted');
    return;
  }
  if (properties['post-status']?.[0] === 'draft') {
    outgoing.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  const title = escapeHtml(properties['name']?.[0] ?? '');
  const content = properties['content']?.[0] ?? '';
  outgoing
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(
      `<!doctype html>\n<html><head><title>${title}</title></head><body><article class="h-entry"><h1 class="p-name">${title}</h1><div class="e-content">${content}</div></article></body></html>\n`,
    );
}

function webRequest(incoming: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
  return new Request(url, {
    method: incoming.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream, duplex: 'half' } : {}),
  });
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const server = createServer((incoming, outgoing) => {
  answer(incoming, outgoing).catch((error: unknown) => {
    console.error(error);
    if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'text/plain' });
    outgoing.end('Internal error');
  });
});
server.listen(port, '127.0.0.1', () => {
  console.log(`Micropub test blog listening at ${site}`);
});
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
});
