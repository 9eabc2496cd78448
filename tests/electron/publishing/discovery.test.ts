import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transport } from '../../../electron/core/publishing/blogAdapter';
import { connectBlog } from '../../../electron/core/publishing/connection';
import { discoverBlog } from '../../../electron/core/publishing/discovery';
import { PublishingError } from '../../../electron/core/publishing/publishingError';

type Page = (request: IncomingMessage, response: ServerResponse, base: string) => void;

const restIndex = JSON.stringify({ name: 'A blog', url: 'x', namespaces: ['oembed/1.0', 'wp/v2'] });

function rsd(apis: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rsd version="1.0" xmlns="http://archipelago.phrasewise.com/rsd"><service><engineName>Blog</engineName><apis>${apis}</apis></service></rsd>`;
}

/** Small fake blogs, one per first path segment, each announcing its APIs in one of the ways blogs do. */
const blogs: Record<string, Page> = {
  'link-header': (_request, response, base) => {
    response.writeHead(200, {
      'content-type': 'text/html',
      link: `<${base}/link-header/wp-json/>; rel="https://api.w.org/", <${base}/link-header/?p=1>; rel=shortlink`,
    });
    response.end('<html><head><title>A blog</title></head></html>');
  },
  'html-links': (request, response) => {
    if (request.url?.includes('rsd.xml?a=1&b=2')) {
      response.writeHead(200, { 'content-type': 'application/rsd+xml' });
      response.end(
        rsd(
          '<api name="WordPress" blogID="7" preferred="true" apiLink="http://127.0.0.1:1/elsewhere.php" /><api name="MetaWeblog" blogID="7" preferred="false" apiLink="/x.php" />',
        ),
      );
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(
      `<html><head><link rel='https://api.w.org/' href='/html-links/wp-json/' /><link rel="EditURI" type="application/rsd+xml" title="RSD" href="/html-links/rsd.xml?a=1&amp;b=2" /></head></html>`,
    );
  },
  'plain-permalinks': (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.searchParams.get('rest_route') === '/') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(restIndex);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<html><head></head><body>Hello</body></html>');
  },
  'metaweblog-only': (request, response) => {
    if (request.url?.includes('rsd')) {
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.end(
        rsd(
          '<api name="Blogger" blogID="3" preferred="false" apiLink="/mt/mt-xmlrpc.cgi" /><api name="MetaWeblog" blogID="3" preferred="true" apiLink="/mt/mt-xmlrpc.cgi" />',
        ),
      );
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<link rel="EditURI" type="application/rsd+xml" href="/metaweblog-only/rsd" />');
  },
  moved: (_request, response) => {
    response.writeHead(301, { location: '/link-header/' });
    response.end();
  },
  'no-api': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<html><head><link rel="stylesheet" href="/style.css"></head></html>');
  },
  'login-wall': (_request, response) => {
    response.writeHead(302, { location: '/wp-login.php' });
    response.end();
  },
};

let server: Server;
let base = '';
const transport: Transport = { fetch, timeoutMs: 2_000 };

beforeAll(async () => {
  server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.split('/')[1] ?? '';
    const blog = blogs[name];
    if (blog) {
      blog(request, response, base);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/html' });
    response.end('<html><body>Not found</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('connectBlog', () => {
  it('refuses a WordPress REST account where the blog offers only XML-RPC, saying what to do', async () => {
    const error = await connectBlog({
      address: `${base}/metaweblog-only/`,
      kind: 'wordpress',
      user: 'writer',
      secret: 'secret',
      transport,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ failure: 'not-an-api', retryable: false });
    expect((error as PublishingError).message).toMatch(/add it as an XML-RPC account/);
  });

  it('refuses an XML-RPC account where the blog offers only REST', async () => {
    const error = await connectBlog({
      address: `${base}/link-header/`,
      kind: 'xmlrpc',
      user: 'writer',
      secret: 'secret',
      transport,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ failure: 'not-an-api' });
    expect((error as PublishingError).message).toMatch(/no XML-RPC publishing API/);
  });
});

describe('discoverBlog', () => {
  it('reads the REST root from the Link header', async () => {
    const found = await discoverBlog(`${base}/link-header/`, transport);
    expect(found).toEqual({
      address: `${base}/link-header/`,
      restRoot: `${base}/link-header/wp-json/`,
      xmlRpcEndpoint: null,
      xmlRpcBlogId: null,
      xmlRpcApi: null,
    });
  });

  it('reads <link> elements and RSD, preferring the WordPress API, resolving relative addresses', async () => {
    const found = await discoverBlog(`${base}/html-links/`, transport);
    expect(found.restRoot).toBe(`${base}/html-links/wp-json/`);
    expect(found.xmlRpcEndpoint).toBe('http://127.0.0.1:1/elsewhere.php');
    expect(found.xmlRpcBlogId).toBe('7');
    expect(found.xmlRpcApi).toBe('WordPress');
  });

  it('falls back to ?rest_route= when the page announces nothing (plain permalinks)', async () => {
    const found = await discoverBlog(`${base}/plain-permalinks/`, transport);
    expect(found.restRoot).toBe(`${base}/plain-permalinks/?rest_route=/`);
    expect(found.xmlRpcEndpoint).toBeNull();
  });

  it('finds a MetaWeblog endpoint on a blog without WordPress REST', async () => {
    const found = await discoverBlog(`${base}/metaweblog-only/`, transport);
    expect(found.xmlRpcEndpoint).toBe(`${base}/mt/mt-xmlrpc.cgi`);
    expect(found.xmlRpcBlogId).toBe('3');
    expect(found.xmlRpcApi).toBe('MetaWeblog');
  });

  it('follows a redirect and reports the address it ended at', async () => {
    const found = await discoverBlog(`${base}/moved/`, transport);
    expect(found.address).toBe(`${base}/link-header/`);
    expect(found.restRoot).toBe(`${base}/link-header/wp-json/`);
  });

  it('accepts an address typed without a scheme', async () => {
    const found = await discoverBlog(`${base.replace('http://', '')}/link-header/`, transport).catch(
      (error: unknown) => error,
    );
    // Without a scheme the app tries https first; the fake speaks only http, so this is a TLS failure.
    expect(found).toMatchObject({ failure: 'tls' });
  });

  it('says so when the address has no blog API', async () => {
    const error = await discoverBlog(`${base}/no-api/`, transport).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PublishingError);
    expect(error).toMatchObject({ failure: 'not-an-api', retryable: false });
    expect((error as PublishingError).message).toMatch(/No blog publishing API was found/);
  });

  it('reports a blog behind a login page', async () => {
    const error = await discoverBlog(`${base}/login-wall/`, transport).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ failure: 'login-redirect', kind: 'unauthorized' });
  });
});
