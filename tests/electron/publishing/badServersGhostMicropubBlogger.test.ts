import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlogAdapter, OutgoingPost, Transport } from '../../../electron/core/publishing/blogAdapter';
import { postSlug } from '../../../shared/text/slug';
import { BloggerAdapter } from '../../../electron/core/publishing/blogger/adapter';
import { GhostAdminAdapter } from '../../../electron/core/publishing/ghost/adminAdapter';
import { MicropubAdapter } from '../../../electron/core/publishing/micropub/adapter';
import { PublishingError, type PublishingFailure } from '../../../electron/core/publishing/publishingError';

type Api = 'ghost' | 'micropub' | 'blogger';

/** Each API's own error body, so that the writer's message can quote what the blog said. */
function errorBody(api: Api, status: number, said: string): unknown {
  if (api === 'ghost') return { errors: [{ message: said, context: null, type: 'ValidationError', code: null }] };
  if (api === 'micropub') return { error: 'invalid_request', error_description: said };
  return { error: { code: status, message: said, errors: [{ message: said, domain: 'global', reason: 'invalid' }] } };
}

/** Each bad answer, by the path's second segment (the first names the API). */
const answers: Record<string, (api: Api, request: IncomingMessage, response: ServerResponse) => void> = {
  'html-page': (_api, _request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!DOCTYPE html><html><body><h1>Site under maintenance</h1></body></html>');
  },
  'status-401': status(401, 'The credentials were refused.'),
  'status-404': status(404, 'No such thing.'),
  'status-410': status(410, 'Deleted.'),
  'status-422': status(422, 'Title is too long.'),
  'status-429': (api, _request, response) => {
    response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '120' });
    response.end(JSON.stringify(errorBody(api, 429, 'Slow down.')));
  },
  'status-500': (_api, _request, response) => {
    response.writeHead(500, { 'content-type': 'text/html' });
    response.end('<html><body>Internal error</body></html>');
  },
  'no-answer': () => {
    // Never answers: the client's timeout must end the wait.
  },
  'several-megabytes': (_api, _request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    const chunk = `"${'x'.repeat(64 * 1024)}",`;
    response.write('[');
    for (let index = 0; index < 128; index += 1) response.write(chunk);
    response.end('"end"]');
  },
  'missing-fields': (api, _request, response) => {
    const bodies: Record<Api, unknown> = {
      ghost: { posts: [{ id: '6b0546d266e1ed77f343354e', title: 'T' }] },
      micropub: { properties: { name: 'not a list' } },
      blogger: { kind: 'blogger#post', id: '12' },
    };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(bodies[api]));
  },
};

function status(code: number, said: string): (api: Api, request: IncomingMessage, response: ServerResponse) => void {
  return (api, _request, response) => {
    response.writeHead(code, { 'content-type': 'application/json' });
    response.end(JSON.stringify(errorBody(api, code, said)));
  };
}

const post: OutgoingPost = {
  identity: 'a-post-k3x9q2m1',
  content: { title: 'A post', commentary: 'Text.', quotes: [], hashtags: [], featuredImage: null },
  title: 'A post',
  slug: postSlug('A post', ''),
  summary: '',
  categories: [],
  html: '<p>Text.</p>\n',
  tags: [],
  schedule: { status: 'publish' },
};

describe('Ghost, Micropub and Blogger adapters against bad servers', () => {
  let server: Server;
  let origin: string;
  const transport: Transport = { fetch, timeoutMs: 1_000, maxResponseBytes: 1024 * 1024 };

  beforeAll(async () => {
    server = createServer((request, response) => {
      const [, api = '', name = ''] = (request.url ?? '').split('/');
      request.resume();
      const answer = answers[name];
      if (answer === undefined) response.writeHead(500).end();
      else answer(api as Api, request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** The adapter of `api` for a blog whose every answer is the bad answer `name`. */
  function adapterFor(api: Api, name: string): { adapter: BlogAdapter; someId: string } {
    const base = `${origin}/${api}/${name}/`;
    if (api === 'ghost') {
      return {
        adapter: new GhostAdminAdapter({
          siteUrl: base,
          adminApiKey: `${'1'.repeat(24)}:${'ab'.repeat(32)}`,
          transport,
        }),
        someId: '6b0546d266e1ed77f343354e',
      };
    }
    if (api === 'micropub') {
      return {
        adapter: new MicropubAdapter({ endpoint: `${base}micropub`, siteUrl: base, token: 'token', transport }),
        someId: `${base}article/a-post`,
      };
    }
    return {
      adapter: new BloggerAdapter({
        blogId: '123',
        accessToken: () => Promise.resolve('ya29.token'),
        transport,
        apiRoot: `${base}blogger/v3/`,
      }),
      someId: '456',
    };
  }

  const cases: ReadonlyArray<
    readonly [string, 'read' | 'write', PublishingFailure, { retryable: boolean; message: RegExp; more?: object }]
  > = [
    ['html-page', 'read', 'not-an-api', { retryable: false, message: /web page where its API should answer/ }],
    ['status-401', 'read', 'bad-credentials', { retryable: false, message: /The credentials were refused/ }],
    ['status-404', 'read', 'not-found', { retryable: false, message: /No such thing/ }],
    ['status-410', 'read', 'gone', { retryable: false, message: /deleted/ }],
    ['status-422', 'write', 'rejected', { retryable: false, message: /Title is too long/ }],
    ['status-429', 'read', 'rate-limited', { retryable: true, message: /in 120 s/, more: { retryAfterSeconds: 120 } }],
    [
      'status-500',
      'write',
      'server-error',
      { retryable: true, message: /server error/, more: { mayHaveApplied: true } },
    ],
    ['no-answer', 'write', 'timeout', { retryable: true, message: /did not answer/, more: { mayHaveApplied: true } }],
    ['several-megabytes', 'read', 'too-large', { retryable: false, message: /larger than 1 MB/ }],
    ['missing-fields', 'read', 'malformed-response', { retryable: false, message: /cannot use/ }],
  ];

  describe.each(['ghost', 'micropub', 'blogger'] as const)('%s', (api) => {
    it.each(cases)('%s on a %s: %s', async (name, action, failure, expected) => {
      const { adapter, someId } = adapterFor(api, name);
      const attempt = action === 'read' ? adapter.get(someId) : adapter.create(post);
      const error = await attempt.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PublishingError);
      expect(error).toMatchObject({ failure, retryable: expected.retryable, ...expected.more });
      expect((error as PublishingError).message).toMatch(expected.message);
    });
  });
});
