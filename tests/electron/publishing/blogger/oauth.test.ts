import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transport } from '../../../../electron/core/publishing/blogAdapter';
import {
  accessTokenProvider,
  authorizationRequest,
  BLOGGER_SCOPE,
  codeFromRedirect,
  createPkcePair,
  GOOGLE_AUTHORIZATION_ENDPOINT,
  pkceChallenge,
} from '../../../../electron/core/publishing/blogger/oauth';
import { PublishingError } from '../../../../electron/core/publishing/publishingError';
import { startBloggerFake, type BloggerFake } from '../../../servers/bloggerFake';

const transport: Transport = { fetch, timeoutMs: 10_000 };
const client = { clientId: '1234-commonplace.apps.googleusercontent.com' };

describe('PKCE (RFC 7636)', () => {
  it("gives the S256 challenge of the RFC's own example (appendix B)", () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes a fresh 43-character verifier from 32 random bytes, with its challenge', () => {
    const first = createPkcePair();
    const second = createPkcePair();
    expect(first.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.codeVerifier).not.toBe(second.codeVerifier);
    expect(first.codeChallenge).toBe(pkceChallenge(first.codeVerifier));
    const fixed = createPkcePair((size) => Buffer.alloc(size, 7));
    expect(fixed.codeVerifier).toBe(Buffer.alloc(32, 7).toString('base64url'));
  });
});

describe("Google's installed-app authorization request", () => {
  it('asks for Blogger, offline, with the S256 challenge, a state and the loopback redirect', () => {
    const request = authorizationRequest(client, 'http://127.0.0.1:53682/');
    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe(GOOGLE_AUTHORIZATION_ENDPOINT);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: client.clientId,
      redirect_uri: 'http://127.0.0.1:53682/',
      response_type: 'code',
      scope: BLOGGER_SCOPE,
      code_challenge: pkceChallenge(request.codeVerifier),
      code_challenge_method: 'S256',
      state: request.state,
      access_type: 'offline',
      prompt: 'consent',
    });
    // The verifier never leaves the app before the code exchange.
    expect(request.url).not.toContain(request.codeVerifier);
    expect(authorizationRequest(client, 'http://127.0.0.1:53682/').state).not.toBe(request.state);
  });

  it('returns only to a loopback address', () => {
    for (const redirect of ['https://127.0.0.1/', 'http://example.com/', 'http://192.168.1.2:8080/']) {
      expect(() => authorizationRequest(client, redirect)).toThrow(/loopback/);
    }
    expect(() => authorizationRequest(client, 'http://[::1]:8080/')).not.toThrow();
  });

  it('reads the code from the redirect, refusing a foreign state, a refusal or an error', () => {
    const request = authorizationRequest(client, 'http://127.0.0.1:53682/');
    const back = (parameters: Record<string, string>): string =>
      `http://127.0.0.1:53682/?${new URLSearchParams(parameters).toString()}`;
    expect(codeFromRedirect(request, back({ state: request.state, code: '4/abc' }))).toBe('4/abc');
    const cases: ReadonlyArray<readonly [Record<string, string>, string]> = [
      [{ state: 'someone-else', code: '4/abc' }, 'rejected'],
      [{ state: request.state, error: 'access_denied' }, 'forbidden'],
      [{ state: request.state, error: 'invalid_scope' }, 'bad-credentials'],
      [{ state: request.state }, 'malformed-response'],
    ];
    for (const [parameters, failure] of cases) {
      const error = (() => {
        try {
          return codeFromRedirect(request, back(parameters));
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(PublishingError);
      expect(error).toMatchObject({ failure });
    }
  });
});

describe('access tokens from the refresh token', () => {
  let fake: BloggerFake;

  beforeAll(async () => {
    fake = await startBloggerFake();
  });

  afterAll(async () => {
    await fake.stop();
  });

  it('keeps a token until a minute before it expires, then gets a new one', async () => {
    let now = new Date('2026-11-24T08:00:00Z');
    const provider = accessTokenProvider({
      client: { clientId: fake.clientId, clientSecret: fake.clientSecret, tokenEndpoint: fake.tokenEndpoint },
      refreshToken: fake.refreshTokens.admin,
      transport,
      now: () => now,
    });
    const first = await provider();
    now = new Date('2026-11-24T08:58:00Z');
    expect(await provider()).toBe(first);
    now = new Date('2026-11-24T08:59:00Z');
    const second = await provider();
    expect(second).not.toBe(first);
    expect(second).toMatch(/^ya29\./);
  });
});
