import { postSlug } from '../../../../shared/text/slug';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlogAdapter, Transport } from '../../../../electron/core/publishing/blogAdapter';
import { newClientIdentity } from '../../../../electron/core/publishing/clientIdentity';
import { PublishingError } from '../../../../electron/core/publishing/publishingError';
import { WordPressRestAdapter } from '../../../../electron/core/publishing/wordpress/restAdapter';
import { WordPressXmlRpcAdapter } from '../../../../electron/core/publishing/xmlrpc/wordpressAdapter';
import { emptyDraftContent } from '../../../../shared/model/draft';
import { startWordPress, wordPressSkipReason, type WordPressServer } from '../../../servers/wordpress';

const skipReason = wordPressSkipReason();
const transport: Transport = { fetch, timeoutMs: 15_000 };
const REFUSED = /^127\.0\.0\.1:\d+ refused the password; update it in the blog's settings\./;

/** A host (or proxy) that drops the Authorization header: WordPress then answers as to anyone. */
const withoutAuthorization: Transport = {
  timeoutMs: 15_000,
  fetch: (url, init) => {
    const headers = new Headers(init?.headers);
    headers.delete('authorization');
    return fetch(url, { ...init, headers });
  },
};

/** Every call the outbox makes of an adapter, each expected to be refused for the password. */
function everyCall(adapter: BlogAdapter): readonly (readonly [string, () => Promise<unknown>])[] {
  const post = {
    identity: newClientIdentity(() => 'authtest'),
    title: 'Auth test',
    slug: postSlug('Auth test', ''),
    summary: '',
    html: '<p>Words.</p>',
    content: emptyDraftContent(),
    tags: ['Reading'],
    categories: ['Notes'],
    schedule: { status: 'publish' as const },
  };
  return [
    ['create', () => adapter.create(post)],
    ['update', () => adapter.update('1', post)],
    ['get', () => adapter.get('1')],
    ['listRecent', () => adapter.listRecent(1)],
    ['findByIdentity', () => adapter.findByIdentity(post.identity)],
    ['delete', () => adapter.delete('1')],
  ];
}

describe.skipIf(skipReason !== null)('a refused password, on every protocol of a real WordPress', () => {
  let server: WordPressServer;
  beforeAll(async () => {
    server = await startWordPress();
  }, 120_000);
  afterAll(async () => {
    await server.stop();
  });

  async function expectRefused(adapter: BlogAdapter): Promise<void> {
    for (const [name, attempt] of everyCall(adapter)) {
      const error = await attempt().catch((caught: unknown) => caught);
      expect(error, name).toBeInstanceOf(PublishingError);
      expect({
        name,
        failure: (error as PublishingError).failure,
        retryable: (error as PublishingError).retryable,
      }).toEqual({
        name,
        failure: 'bad-credentials',
        retryable: false,
      });
      expect((error as PublishingError).message, name).toMatch(REFUSED);
    }
  }

  it('REST, with an application password that was changed', async () => {
    await expectRefused(
      new WordPressRestAdapter({
        apiRoot: `${server.url}/wp-json/`,
        user: server.user,
        applicationPassword: 'abcd efgh ijkl mnop qrst uvwx',
        transport,
      }),
    );
  }, 60_000);

  it('REST, when the login never reaches WordPress ("Invalid parameter(s): status" and its kin)', async () => {
    await expectRefused(
      new WordPressRestAdapter({
        apiRoot: `${server.url}/wp-json/`,
        user: server.user,
        applicationPassword: server.applicationPassword,
        transport: withoutAuthorization,
      }),
    );
  }, 60_000);

  it('XML-RPC, with a password that was changed', async () => {
    await expectRefused(
      new WordPressXmlRpcAdapter({
        endpoint: `${server.url}/xmlrpc.php`,
        user: server.user,
        password: 'abcd efgh ijkl mnop qrst uvwx',
        transport,
      }),
    );
  }, 60_000);

  it('a role that cannot publish is not mistaken for a refused password', async () => {
    const contributor = new WordPressRestAdapter({
      apiRoot: `${server.url}/wp-json/`,
      user: server.contributor.user,
      applicationPassword: server.contributor.applicationPassword,
      transport,
    });
    const error = await contributor
      .create({
        identity: newClientIdentity(() => 'roletest'),
        title: 'Role test',
        slug: postSlug('Role test', ''),
        summary: '',
        html: '<p>Words.</p>',
        content: emptyDraftContent(),
        tags: [],
        categories: [],
        schedule: { status: 'publish' },
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ failure: 'forbidden' });
  }, 60_000);
});
