import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/result';
import { fetchSourceMetadata } from '../../../electron/core/quotes/fetchSourceMetadata';
import type { Fetch } from '../../../electron/core/quotes/fetchPage';
import { page, redirect, usePageServers, type Route } from './sourcePages';

const startServer = usePageServers();

const articleHead =
  '<meta charset="utf-8"><title>ISIS in Iraq: A shadow of its former self - Rudaw</title>' +
  '<meta property="og:title" content="ISIS in Iraq: A shadow of its former self">' +
  '<meta property="og:site_name" content="Rudaw"><meta name="author" content="Rudaw">' +
  '<meta property="article:published_time" content="2016-05-12T09:51:00+03:00">';

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but the call succeeded');
}

/** A route that sends `total` bytes of HTML in 64 KB chunks, starting with `start`. */
function hugePage(start: string, total: number): Route {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.write(start);
    const chunk = `<p>${'filler '.repeat(9_000)}</p>\n`;
    let sent = start.length;
    function more(): void {
      while (sent < total) {
        sent += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', more);
          return;
        }
      }
      response.end('</body></html>');
    }
    more();
  };
}

describe('fetchSourceMetadata against pages on 127.0.0.1', () => {
  it('reads the details of an article page', async () => {
    const server = await startServer({
      '/article': page(`<html><head>${articleHead}</head><body><p>Text</p></body></html>`),
    });
    expect(await fetchSourceMetadata(server.url('/article'), { fetch })).toEqual({
      url: server.url('/article'),
      title: 'ISIS in Iraq: A shadow of its former self',
      siteName: 'Rudaw',
      author: 'Rudaw',
      publishedAt: '2016-05-12T09:51:00+03:00',
      publishedAtText: '',
    });
  });

  it('reads JSON-LD, citation_* and <title>-only pages, and a page with no details', async () => {
    const jsonLd = JSON.stringify({
      '@type': 'BlogPosting',
      headline: 'Post',
      author: { name: 'Ann' },
      datePublished: '2020-01-02',
    });
    const server = await startServer({
      '/json-ld': page(`<head><script type="application/ld+json">${jsonLd}</script></head>`),
      '/citation': page(
        '<head><meta name="citation_title" content="Paper"><meta name="citation_author" content="Doe, J."></head>',
      ),
      '/title': page('<html><head><title>Only the title</title></head></html>'),
      '/bare': page('<!doctype html><p>Nothing about itself.</p>'),
    });
    expect(await fetchSourceMetadata(server.url('/json-ld'), { fetch })).toMatchObject({
      title: 'Post',
      author: 'Ann',
      publishedAt: '2020-01-02',
    });
    expect(await fetchSourceMetadata(server.url('/citation'), { fetch })).toMatchObject({
      title: 'Paper',
      author: 'Doe, J.',
    });
    expect(await fetchSourceMetadata(server.url('/title'), { fetch })).toMatchObject({
      title: 'Only the title',
      author: '',
    });
    expect(await fetchSourceMetadata(server.url('/bare'), { fetch })).toMatchObject({
      title: '',
      siteName: '',
      author: '',
    });
  });

  it('decodes the charset the server names', async () => {
    const server = await startServer({
      '/latin1': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
        response.end(Buffer.from('<title>Caf\u00e9 cr\u00e8me</title>', 'latin1'));
      },
    });
    expect((await fetchSourceMetadata(server.url('/latin1'), { fetch })).title).toBe('Caf\u00e9 cr\u00e8me');
  });

  it('follows redirects and reports where the page was found', async () => {
    const server = await startServer({
      '/old': redirect('/older', 301),
      '/older': redirect('/article'),
      '/article': page(`<head>${articleHead}</head>`),
    });
    const details = await fetchSourceMetadata(server.url('/old'), { fetch });
    expect(details.url).toBe(server.url('/article'));
    expect(details.siteName).toBe('Rudaw');
    expect(server.requests).toEqual(['/old', '/older', '/article']);
  });

  it('gives up on a page slower than the timeout, as unavailable', async () => {
    const server = await startServer({
      '/slow': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.write('<html><head><title>Slow');
      },
    });
    const started = Date.now();
    const error = await failureOf(fetchSourceMetadata(server.url('/slow'), { fetch, timeoutMs: 300 }));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toBe('127.0.0.1:' + new URL(server.url('/')).port + ' did not answer within 0.3 seconds.');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops reading a huge page at the cap, and still reads a head that ended before it', async () => {
    const server = await startServer({ '/huge': hugePage(`<html><head>${articleHead}</head><body>`, 20_000_000) });
    const details = await fetchSourceMetadata(server.url('/huge'), { fetch, maxBytes: 200_000 });
    expect(details.title).toBe('ISIS in Iraq: A shadow of its former self');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.abandoned).toEqual(['/huge']);
  });

  it('refuses a huge page whose head does not end within the cap, as invalid input', async () => {
    const server = await startServer({
      '/huge-head': hugePage('<html><head><title>Endless</title><style>', 5_000_000),
    });
    const error = await failureOf(fetchSourceMetadata(server.url('/huge-head'), { fetch, maxBytes: 1_000_000 }));
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toBe('The source page is larger than 1 MB, too large to read its details.');
  });

  it('refuses content that is not HTML', async () => {
    const server = await startServer({
      '/paper.pdf': page('%PDF-1.7', 'application/pdf'),
      '/data': page('{"title": "x"}', 'application/json'),
      '/untyped': (_request, response) => {
        response.removeHeader('content-type');
        response.end('just some bytes');
      },
    });
    for (const [path, message] of [
      ['/paper.pdf', /points to application\/pdf, not a web page/],
      ['/data', /points to application\/json/],
      ['/untyped', /does not point to a web page/],
    ] as const) {
      const error = await failureOf(fetchSourceMetadata(server.url(path), { fetch }));
      expect(error.kind).toBe('invalid-input');
      expect(error.message).toMatch(message);
    }
  });

  it('detects a redirect loop', async () => {
    const server = await startServer({ '/a': redirect('/b'), '/b': redirect('/a') });
    const error = await failureOf(fetchSourceMetadata(server.url('/a'), { fetch }));
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toMatch(/redirects in a loop/);
    expect(server.requests).toEqual(['/a', '/b']);
  });

  it('stops after too many redirects', async () => {
    const routes: Record<string, Route> = {};
    for (let hop = 0; hop < 10; hop += 1) routes[`/hop/${hop}`] = redirect(`/hop/${hop + 1}`);
    const server = await startServer(routes);
    const error = await failureOf(fetchSourceMetadata(server.url('/hop/0'), { fetch, maxRedirects: 3 }));
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toBe('The source address redirects more than 3 times; its page was not read.');
    expect(server.requests).toEqual(['/hop/0', '/hop/1', '/hop/2', '/hop/3']);
  });

  it('refuses a redirect away from http(s)', async () => {
    const server = await startServer({ '/to-file': redirect('file:///etc/passwd') });
    const error = await failureOf(fetchSourceMetadata(server.url('/to-file'), { fetch }));
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toMatch(/not file: addresses/);
  });

  it('reports missing pages and server trouble in words', async () => {
    const server = await startServer({
      '/gone': (_request, response) => response.writeHead(410).end(),
      '/down': (_request, response) => response.writeHead(503).end(),
      '/private': (_request, response) => response.writeHead(403).end(),
    });
    expect(await failureOf(fetchSourceMetadata(server.url('/missing'), { fetch }))).toMatchObject({
      kind: 'not-found',
    });
    expect(await failureOf(fetchSourceMetadata(server.url('/gone'), { fetch }))).toMatchObject({ kind: 'not-found' });
    expect(await failureOf(fetchSourceMetadata(server.url('/down'), { fetch }))).toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/could not send the page right now \(HTTP 503\)/) as unknown,
    });
    expect(await failureOf(fetchSourceMetadata(server.url('/private'), { fetch }))).toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/refused to send the page \(HTTP 403\)/) as unknown,
    });
  });

  it('reports a refused connection as unavailable', async () => {
    const server = await startServer({});
    const address = server.url('/article');
    await server.close();
    const error = await failureOf(fetchSourceMetadata(address, { fetch }));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(/^Could not reach 127\.0\.0\.1:\d+: the connection was refused\.$/);
  });
});

describe('fetchSourceMetadata before any request', () => {
  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'ftp://files.example/a', 'not a url'])(
    'refuses %s',
    async (address) => {
      const calls: string[] = [];
      const recordingFetch: Fetch = (url) => {
        calls.push(url);
        return Promise.reject(new Error('must not be called'));
      };
      const error = await failureOf(fetchSourceMetadata(address, { fetch: recordingFetch }));
      expect(error.kind).toBe('invalid-input');
      expect(calls).toEqual([]);
    },
  );

  it('refuses a fetch that hides redirects instead of following them blindly', async () => {
    const opaque = {
      type: 'opaqueredirect',
      status: 0,
      ok: false,
      headers: new Headers(),
      body: null,
    } as unknown as Response;
    const error = await failureOf(
      fetchSourceMetadata('https://news.example/a', { fetch: () => Promise.resolve(opaque) }),
    );
    expect(error.kind).toBe('internal');
    expect(error.message).toMatch(/hides redirects/);
  });
});
