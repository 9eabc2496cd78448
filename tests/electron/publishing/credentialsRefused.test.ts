import { describe, expect, it } from 'vitest';
import type { BlogAdapter, Transport } from '../../../electron/core/publishing/blogAdapter';
import { BloggerAdapter } from '../../../electron/core/publishing/blogger/adapter';
import { GhostAdminAdapter } from '../../../electron/core/publishing/ghost/adminAdapter';
import { MicropubAdapter } from '../../../electron/core/publishing/micropub/adapter';
import { PublishingError } from '../../../electron/core/publishing/publishingError';
import { WordPressRestAdapter } from '../../../electron/core/publishing/wordpress/restAdapter';

/** A blog that answers every request with the same refusal. */
function answering(status: number, body: unknown): Transport {
  return {
    timeoutMs: 5_000,
    fetch: () =>
      Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })),
  };
}

const SITE = 'http://blog.example';

/** The refusals that mean "the credentials no longer work", in each protocol's own shapes. */
const refusals: readonly (readonly [string, (transport: Transport) => BlogAdapter, number, unknown, string])[] = [
  [
    'WordPress REST: anonymous asking for drafts (400 "Invalid parameter(s): status")',
    (transport) =>
      new WordPressRestAdapter({ apiRoot: `${SITE}/wp-json/`, user: 'writer', applicationPassword: 'x', transport }),
    400,
    {
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): status',
      data: {
        status: 400,
        params: { status: 'Status is forbidden.' },
        details: { status: { code: 'rest_forbidden_status', message: 'Status is forbidden.', data: { status: 401 } } },
      },
    },
    'the password',
  ],
  [
    'WordPress REST: application passwords turned off for the user (403)',
    (transport) =>
      new WordPressRestAdapter({ apiRoot: `${SITE}/wp-json/`, user: 'writer', applicationPassword: 'x', transport }),
    403,
    {
      code: 'application_passwords_disabled_for_user',
      message: 'Application passwords are not available for your account.',
      data: { status: 403 },
    },
    'the password',
  ],
  [
    'Ghost: a deleted integration (403 UnauthorizedError)',
    (transport) =>
      new GhostAdminAdapter({ siteUrl: SITE, adminApiKey: `${'a'.repeat(24)}:${'b'.repeat(64)}`, transport }),
    403,
    { errors: [{ message: 'Unknown Admin API Key', type: 'UnauthorizedError', code: 'UNKNOWN_ADMIN_API_KEY' }] },
    'the Admin API key',
  ],
  [
    'Micropub: a revoked token (400 invalid_token)',
    (transport) => new MicropubAdapter({ endpoint: `${SITE}/micropub`, siteUrl: SITE, token: 'x', transport }),
    400,
    { error: 'invalid_token', error_description: 'The token was revoked.' },
    'the access token',
  ],
  [
    "Micropub: a token that is not the site owner's (403 forbidden, as @benjifs/micropub answers a wrong one)",
    (transport) => new MicropubAdapter({ endpoint: `${SITE}/micropub`, siteUrl: SITE, token: 'x', transport }),
    403,
    { error: 'forbidden' },
    'the access token',
  ],
  [
    'Blogger: Google says UNAUTHENTICATED (403)',
    (transport) =>
      new BloggerAdapter({
        blogId: '123',
        accessToken: () => Promise.resolve('x'),
        transport,
        apiRoot: `${SITE}/blogger/v3/`,
      }),
    403,
    { error: { code: 403, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } },
    "the app's Google sign-in",
  ],
];

describe('credentials that no longer work, in whatever shape the blog says so', () => {
  it.each(refusals)('%s', async (_name, adapterFor, status, body, credentials) => {
    const error = await adapterFor(answering(status, body))
      .listRecent(1)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PublishingError);
    expect(error).toMatchObject({ failure: 'bad-credentials', kind: 'unauthorized', retryable: false });
    expect((error as PublishingError).message).toMatch(
      new RegExp(
        `^blog\\.example refused ${credentials.replace(/[.']/g, '\\$&')}; update it in the blog's settings\\.`,
      ),
    );
  });

  const wordPressAnswering = (user: string, status: number, code: string, message: string) =>
    new WordPressRestAdapter({
      apiRoot: `${SITE}/wp-json/`,
      user,
      applicationPassword: 'x',
      transport: answering(status, { code, message, data: { status } }),
    });

  it('a WordPress 401 about a permission (a revoked password, read as anonymous) asks for the password, without the misleading words', async () => {
    const adapter = wordPressAnswering(
      'writer',
      401,
      'rest_cannot_edit',
      'Sorry, you are not allowed to edit this post.',
    );
    const error = await adapter.listRecent(1).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      failure: 'bad-credentials',
      message: "blog.example refused the password; update it in the blog's settings.",
    });
  });

  it('a logged-in WordPress user without the right is told about the role, not the password', async () => {
    const adapter = wordPressAnswering(
      'contributor',
      403,
      'rest_cannot_publish',
      'Sorry, you are not allowed to publish posts.',
    );
    const error = await adapter.listRecent(1).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ failure: 'forbidden' });
  });
});
