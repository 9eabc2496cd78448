import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSlug } from '../../../shared/text/slug';
import type { OutgoingPost, Transport } from '../../../electron/core/publishing/blogAdapter';
import { MetaWeblogAdapter } from '../../../electron/core/publishing/xmlrpc/metaWeblogAdapter';
import { PublishingError, type PublishingFailure } from '../../../electron/core/publishing/publishingError';
import { WordPressRestAdapter } from '../../../electron/core/publishing/wordpress/restAdapter';
import { WordPressXmlRpcAdapter } from '../../../electron/core/publishing/xmlrpc/wordpressAdapter';
import type { ErrorKind } from '../../../shared/result';
import { freePort } from '../../servers/freePort';

/** Each bad answer a blog (or what stands in front of it) can give, by the path's first segment. */
const answers: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
  'html-page': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!DOCTYPE html><html><body><h1>Site under maintenance</h1></body></html>');
  },
  'login-redirect': (_request, response) => {
    response.writeHead(302, { location: '/wp-login.php?redirect_to=%2Fwp-json%2F' });
    response.end();
  },
  'status-401': json(401, { code: 'rest_not_logged_in', message: 'You are not currently logged in.' }),
  'status-403': json(403, {
    code: 'rest_cannot_create',
    message: 'Sorry, you are not allowed to create posts as this user.',
  }),
  'status-404': json(404, { code: 'rest_post_invalid_id', message: 'Invalid post ID.' }),
  'no-route': json(404, { code: 'rest_no_route', message: 'No route was found matching the URL and request method.' }),
  'status-410': json(410, { code: 'rest_already_trashed', message: 'The post has already been deleted.' }),
  'status-422': json(422, { code: 'rest_invalid_param', message: 'Invalid parameter(s): <b>status</b>' }),
  'status-429': (_request, response) => {
    response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '120' });
    response.end('{"code":"too_many_requests","message":"Slow down."}');
  },
  'status-500': (_request, response) => {
    response.writeHead(500, { 'content-type': 'text/html' });
    response.end('<html><body>There has been a critical error on this website.</body></html>');
  },
  'status-503': (_request, response) => {
    response.writeHead(503, { 'retry-after': new Date(Date.now() + 90_000).toUTCString() });
    response.end();
  },
  'no-answer': () => {
    // Never answers: the client's timeout must end the wait.
  },
  'reset-after-request': (request) => {
    request.socket.destroy();
  },
  'several-megabytes': (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    const chunk = `"${'x'.repeat(64 * 1024)}",`;
    response.write('[');
    for (let index = 0; index < 128; index += 1) response.write(chunk);
    response.end('"end"]');
  },
  'declared-megabytes': (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(9 * 1024 * 1024) });
    response.end();
  },
  'missing-fields': json(200, { id: 12, link: 'http://127.0.0.1/?p=12', status: 'publish' }),
  'not-json': (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"id": 12, "title": ');
  },
  'xml-rpc-fault-403': xml(
    '<methodResponse><fault><value><struct><member><name>faultCode</name><value><int>403</int></value></member><member><name>faultString</name><value><string>Incorrect username or password.</string></value></member></struct></value></fault></methodResponse>',
  ),
  'xml-rpc-fault-401': xml(
    '<methodResponse><fault><value><struct><member><name>faultCode</name><value><int>401</int></value></member><member><name>faultString</name><value><string>Sorry, you are not allowed to publish posts on this site.</string></value></member></struct></value></fault></methodResponse>',
  ),
  'xml-rpc-missing-fields': xml(
    '<methodResponse><params><param><value><struct><member><name>post_id</name><value><string>12</string></value></member></struct></value></param></params></methodResponse>',
  ),
  'metaweblog-no-link': xml(
    '<methodResponse><params><param><value><struct><member><name>postid</name><value><string>12</string></value></member><member><name>title</name><value><string>T</string></value></member><member><name>description</name><value><string>D</string></value></member><member><name>dateCreated</name><value><dateTime.iso8601>20261124T07:40:05</dateTime.iso8601></value></member></struct></value></param></params></methodResponse>',
  ),
  'xml-rpc-entities': xml(
    '<!DOCTYPE lolz [<!ENTITY lol "lol">]><methodResponse><params><param><value><string>&lol;</string></value></param></params></methodResponse>',
  ),
};

function json(status: number, body: unknown): (request: IncomingMessage, response: ServerResponse) => void {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
    response.end(JSON.stringify(body));
  };
}

function xml(body: string): (request: IncomingMessage, response: ServerResponse) => void {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/xml; charset=UTF-8' });
    response.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
  };
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  const name = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.split('/')[1] ?? '';
  const answer = answers[name];
  if (answer) {
    answer(request, response);
    return;
  }
  response.writeHead(599);
  response.end();
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

const post: OutgoingPost = {
  identity: 'a-post-k3x9q2m1',
  content: { title: 'A post', commentary: 'Hello', quotes: [], hashtags: [], featuredImage: null },
  title: 'A post',
  slug: postSlug('A post', ''),
  summary: '',
  categories: [],
  html: '<p>Hello</p>\n',
  tags: [],
  schedule: { status: 'publish' },
};

let server: Server;
let tlsServer: Server;
let host = '';
let tlsHost = '';
let certificateFolder = '';

beforeAll(async () => {
  server = createServer(handle);
  host = await listen(server);
  certificateFolder = await mkdtemp(path.join(os.tmpdir(), 'commonplace-tls-'));
  const key = path.join(certificateFolder, 'key.pem');
  const certificate = path.join(certificateFolder, 'certificate.pem');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-days',
    '1',
    '-keyout',
    key,
    '-out',
    certificate,
  ]);
  tlsServer = createTlsServer({ key: await readFile(key), cert: await readFile(certificate) }, handle);
  tlsHost = await listen(tlsServer);
});

afterAll(async () => {
  server.closeAllConnections();
  tlsServer.closeAllConnections();
  await Promise.all([
    new Promise((resolve) => server.close(resolve)),
    new Promise((resolve) => tlsServer.close(resolve)),
    rm(certificateFolder, { recursive: true, force: true }),
  ]);
});

const transport: Transport = { fetch, timeoutMs: 500, maxResponseBytes: 4 * 1024 * 1024 };

function rest(root: string): WordPressRestAdapter {
  return new WordPressRestAdapter({ apiRoot: root, user: 'writer', applicationPassword: 'secret', transport });
}

function xmlRpc(endpoint: string): WordPressXmlRpcAdapter {
  return new WordPressXmlRpcAdapter({ endpoint, user: 'writer', password: 'secret', transport });
}

async function failure(attempt: () => Promise<unknown>): Promise<PublishingError> {
  const error = await attempt().then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof PublishingError)) throw new Error(`expected a PublishingError, got ${String(error)}`);
  return error;
}

interface Case {
  readonly answer: string;
  readonly failure: PublishingFailure;
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  /** Words the writer must see in the message. */
  readonly says: RegExp;
}

describe('a REST API that answers badly', () => {
  const cases: Case[] = [
    { answer: 'html-page', failure: 'not-an-api', kind: 'unavailable', retryable: false, says: /web page/ },
    { answer: 'login-redirect', failure: 'login-redirect', kind: 'unauthorized', retryable: false, says: /login page/ },
    {
      answer: 'status-401',
      failure: 'bad-credentials',
      kind: 'unauthorized',
      retryable: false,
      says: /refused the password; update it in the blog's settings/,
    },
    {
      answer: 'status-403',
      failure: 'forbidden',
      kind: 'unauthorized',
      retryable: false,
      says: /not allowed to create posts/,
    },
    { answer: 'status-404', failure: 'not-found', kind: 'not-found', retryable: false, says: /no such post/ },
    { answer: 'status-410', failure: 'gone', kind: 'not-found', retryable: false, says: /deleted/ },
    {
      answer: 'status-422',
      failure: 'rejected',
      kind: 'invalid-input',
      retryable: false,
      says: /Invalid parameter\(s\): status/,
    },
    { answer: 'status-429', failure: 'rate-limited', kind: 'unavailable', retryable: true, says: /in 120 s/ },
    {
      answer: 'status-500',
      failure: 'server-error',
      kind: 'unavailable',
      retryable: true,
      says: /server error \(500\)/,
    },
    {
      answer: 'status-503',
      failure: 'server-error',
      kind: 'unavailable',
      retryable: true,
      says: /server error \(503\)/,
    },
    { answer: 'no-answer', failure: 'timeout', kind: 'unavailable', retryable: true, says: /did not answer within/ },
    {
      answer: 'reset-after-request',
      failure: 'no-connection',
      kind: 'unavailable',
      retryable: true,
      says: /could not be reached/,
    },
    {
      answer: 'several-megabytes',
      failure: 'too-large',
      kind: 'unavailable',
      retryable: false,
      says: /larger than 4 MB/,
    },
    {
      answer: 'declared-megabytes',
      failure: 'too-large',
      kind: 'unavailable',
      retryable: false,
      says: /larger than 4 MB/,
    },
    {
      answer: 'missing-fields',
      failure: 'malformed-response',
      kind: 'unavailable',
      retryable: false,
      says: /modified_gmt/,
    },
    {
      answer: 'not-json',
      failure: 'malformed-response',
      kind: 'unavailable',
      retryable: false,
      says: /not valid JSON/,
    },
  ];

  it.each(cases)('$answer → $failure', async (expected) => {
    const error = await failure(() => rest(`http://${host}/${expected.answer}/wp-json/`).get('12'));
    expect(error.failure).toBe(expected.failure);
    expect(error.kind).toBe(expected.kind);
    expect(error.retryable).toBe(expected.retryable);
    expect(error.message).toMatch(expected.says);
    expect(error.message).toContain(host);
    expect(error.toData()).toEqual({ kind: expected.kind, message: error.message });
  });

  it('treats deleting a post the blog no longer has as done, but not a wrong API address', async () => {
    await expect(rest(`http://${host}/status-404/wp-json/`).delete('12')).resolves.toBeUndefined();
    await expect(rest(`http://${host}/status-410/wp-json/`).delete('12')).resolves.toBeUndefined();
    const error = await failure(() => rest(`http://${host}/no-route/wp-json/`).delete('12'));
    expect(error).toMatchObject({ failure: 'not-found', retryable: false });
    expect(error.message).toMatch(/No route was found/);
  });

  it('passes on how long to wait, from seconds or from a date', async () => {
    const limited = await failure(() => rest(`http://${host}/status-429/wp-json/`).get('12'));
    const unavailable = await failure(() => rest(`http://${host}/status-503/wp-json/`).get('12'));
    expect(limited.retryAfterSeconds).toBe(120);
    expect(unavailable.retryAfterSeconds).toBeGreaterThan(80);
    expect(unavailable.retryAfterSeconds).toBeLessThanOrEqual(90);
  });

  it('flags a write that may have reached the blog, and a read or refused connection that cannot have', async () => {
    const timedOutWrite = await failure(() => rest(`http://${host}/no-answer/wp-json/`).update('12', post));
    const resetWrite = await failure(() => rest(`http://${host}/reset-after-request/wp-json/`).update('12', post));
    const serverErrorWrite = await failure(() => rest(`http://${host}/status-500/wp-json/`).update('12', post));
    const timedOutRead = await failure(() => rest(`http://${host}/no-answer/wp-json/`).get('12'));
    const refused = await failure(async () => rest(`http://127.0.0.1:${await freePort()}/wp-json/`).update('12', post));
    expect([timedOutWrite, resetWrite, serverErrorWrite].map((error) => error.mayHaveApplied)).toEqual([
      true,
      true,
      true,
    ]);
    expect(timedOutRead.mayHaveApplied).toBe(false);
    expect(refused).toMatchObject({ failure: 'no-connection', retryable: true, mayHaveApplied: false });
    expect(refused.message).toMatch(/ECONNREFUSED/);
  });

  it('refuses a certificate it cannot trust, and https spoken to a plain http server', async () => {
    const selfSigned = await failure(() => rest(`https://${tlsHost}/status-404/wp-json/`).get('12'));
    const plainHttp = await failure(() => rest(`https://${host}/status-404/wp-json/`).get('12'));
    for (const error of [selfSigned, plainHttp]) {
      expect(error).toMatchObject({ failure: 'tls', kind: 'unavailable', retryable: false });
      expect(error.message).toMatch(/secure connection/);
    }
    expect(selfSigned.message).toMatch(/SELF_SIGNED.*certificate is not valid/);
    expect(plainHttp.message).toMatch(/does not speak https/);
  });
});

describe('a MetaWeblog endpoint that answers badly', () => {
  it('names what is missing from a post', async () => {
    const adapter = new MetaWeblogAdapter({
      endpoint: `http://${host}/metaweblog-no-link/xmlrpc.php`,
      blogId: '1',
      user: 'writer',
      password: 'secret',
      transport,
    });
    const error = await failure(() => adapter.get('12'));
    expect(error).toMatchObject({ failure: 'malformed-response', kind: 'unavailable', retryable: false });
    expect(error.message).toMatch(/missing or unexpected link/);
  });

  it('reports a wrong password as bad credentials', async () => {
    const adapter = new MetaWeblogAdapter({
      endpoint: `http://${host}/xml-rpc-fault-403/xmlrpc.php`,
      blogId: '1',
      user: 'writer',
      password: 'wrong',
      transport,
    });
    const error = await failure(() => adapter.listRecent(5));
    expect(error).toMatchObject({ failure: 'bad-credentials', kind: 'unauthorized', retryable: false });
  });
});

describe('an XML-RPC endpoint that answers badly', () => {
  const cases: Case[] = [
    { answer: 'html-page', failure: 'not-an-api', kind: 'unavailable', retryable: false, says: /XML-RPC server/ },
    { answer: 'login-redirect', failure: 'login-redirect', kind: 'unauthorized', retryable: false, says: /login page/ },
    { answer: 'status-403', failure: 'forbidden', kind: 'unauthorized', retryable: false, says: /not allowed/ },
    { answer: 'status-429', failure: 'rate-limited', kind: 'unavailable', retryable: true, says: /in 120 s/ },
    { answer: 'status-500', failure: 'server-error', kind: 'unavailable', retryable: true, says: /server error/ },
    { answer: 'no-answer', failure: 'timeout', kind: 'unavailable', retryable: true, says: /did not answer within/ },
    { answer: 'several-megabytes', failure: 'too-large', kind: 'unavailable', retryable: false, says: /larger than/ },
    {
      answer: 'xml-rpc-fault-403',
      failure: 'bad-credentials',
      kind: 'unauthorized',
      retryable: false,
      says: /Incorrect username/,
    },
    {
      answer: 'xml-rpc-fault-401',
      failure: 'forbidden',
      kind: 'unauthorized',
      retryable: false,
      says: /not allowed to publish/,
    },
    {
      answer: 'xml-rpc-missing-fields',
      failure: 'malformed-response',
      kind: 'unavailable',
      retryable: false,
      says: /post_title/,
    },
    {
      answer: 'xml-rpc-entities',
      failure: 'malformed-response',
      kind: 'unavailable',
      retryable: false,
      says: /document type/,
    },
  ];

  it.each(cases)('$answer → $failure', async (expected) => {
    const error = await failure(() => xmlRpc(`http://${host}/${expected.answer}/xmlrpc.php`).get('12'));
    expect(error.failure).toBe(expected.failure);
    expect(error.kind).toBe(expected.kind);
    expect(error.retryable).toBe(expected.retryable);
    expect(error.message).toMatch(expected.says);
    expect(error.message).toContain(host);
  });
});
