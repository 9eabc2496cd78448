import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Transport } from '../blogAdapter';
import { hostOf, sendRequest, type HttpRequest } from '../http/request';
import { credentialsRefused, PublishingError } from '../publishingError';

/**
 * Google's OAuth 2.0 for installed apps (https://developers.google.com/identity/protocols/oauth2/native-app):
 * the app opens the browser at the authorization URL, Google sends the writer back to a loopback
 * address the app listens on, and the app trades the code for tokens, proving with PKCE
 * (RFC 7636, S256) that it is the app that asked. Listening and opening the browser are the
 * host's part; this module builds and checks the messages.
 */

export const GOOGLE_AUTHORIZATION_ENDPOINT = 'https://accounts.google.com/o/oauth2/v2/auth';
export const GOOGLE_TOKEN_ENDPOINT = 'https://oauth2.googleapis.com/token';
/** Blogger's read-write scope. */
export const BLOGGER_SCOPE = 'https://www.googleapis.com/auth/blogger';

/** The app's OAuth client, from configuration (Google Cloud console, type "Desktop app"). */
export interface GoogleOAuthClient {
  readonly clientId: string;
  /**
   * Google issues desktop clients a secret that it documents as not confidential, and its token
   * endpoint still asks for it; absent for clients that have none.
   */
  readonly clientSecret?: string;
  readonly authorizationEndpoint?: string;
  readonly tokenEndpoint?: string;
}

/** One sign-in attempt: the URL to open, and what the app keeps to finish it. */
export interface AuthorizationRequest {
  readonly url: string;
  readonly redirectUri: string;
  /** Returned unchanged by Google; a redirect carrying another state is not ours. */
  readonly state: string;
  /** The PKCE secret, sent only with the code exchange. */
  readonly codeVerifier: string;
}

export interface GoogleTokens {
  readonly accessToken: string;
  readonly expiresAt: Date;
  /** Given on the first consent (access_type=offline); what the vault keeps for the account. */
  readonly refreshToken: string | null;
  readonly scope: string;
}

/** Yields a valid access token for each request, refreshing it shortly before it expires. */
export type AccessTokenProvider = () => Promise<string>;

/** A PKCE code verifier (43 characters of base64url from 32 random bytes) and its S256 challenge. */
export function createPkcePair(random: (size: number) => Buffer = randomBytes): {
  readonly codeVerifier: string;
  readonly codeChallenge: string;
} {
  const codeVerifier = random(32).toString('base64url');
  return { codeVerifier, codeChallenge: pkceChallenge(codeVerifier) };
}

/** RFC 7636's S256 transformation: BASE64URL(SHA256(ASCII(code_verifier))). */
export function pkceChallenge(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier, 'ascii').digest('base64url');
}

/**
 * The authorization URL for a sign-in that returns to `redirectUri` (http://127.0.0.1:<port>/…,
 * where the app listens). Offline access with forced consent, so that Google always returns a
 * refresh token the app can keep.
 */
export function authorizationRequest(
  client: GoogleOAuthClient,
  redirectUri: string,
  random: (size: number) => Buffer = randomBytes,
): AuthorizationRequest {
  const redirect = new URL(redirectUri);
  if (redirect.protocol !== 'http:' || !['127.0.0.1', '[::1]', 'localhost'].includes(redirect.hostname)) {
    throw new Error(`The OAuth redirect must be a loopback address, not ${redirectUri}.`);
  }
  const { codeVerifier, codeChallenge } = createPkcePair(random);
  const state = random(16).toString('base64url');
  const url = new URL(client.authorizationEndpoint ?? GOOGLE_AUTHORIZATION_ENDPOINT);
  url.search = new URLSearchParams({
    client_id: client.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: BLOGGER_SCOPE,
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
    state,
    access_type: 'offline',
    prompt: 'consent',
  }).toString();
  return { url: url.toString(), redirectUri, state, codeVerifier };
}

/**
 * The authorization code from the address Google sent the browser back to; a refusal, an error
 * or a foreign state becomes a PublishingError the writer can read.
 */
export function codeFromRedirect(request: AuthorizationRequest, redirectedTo: string): string {
  const parameters = new URL(redirectedTo, request.redirectUri).searchParams;
  if (parameters.get('state') !== request.state) {
    throw new PublishingError(
      'rejected',
      'The sign-in answer did not belong to this sign-in (its state differs). Start signing in to Google again.',
    );
  }
  const error = parameters.get('error');
  if (error === 'access_denied') {
    throw new PublishingError('forbidden', 'Google sign-in was cancelled, so the app may not post to Blogger.');
  }
  if (error !== null) {
    throw new PublishingError('bad-credentials', `Google refused the sign-in (${error}). Try signing in again.`);
  }
  const code = parameters.get('code');
  if (code === null || code === '') {
    throw new PublishingError('malformed-response', 'Google sent the browser back without an authorization code.');
  }
  return code;
}

const TokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
  token_type: z.string().regex(/^bearer$/i),
});
const TokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/** Trades the authorization code for tokens, with the PKCE verifier. */
export async function exchangeCode(options: {
  readonly client: GoogleOAuthClient;
  readonly request: AuthorizationRequest;
  readonly code: string;
  readonly transport: Transport;
  readonly now?: () => Date;
}): Promise<GoogleTokens> {
  return tokenCall(options.client, options.transport, options.now ?? (() => new Date()), {
    grant_type: 'authorization_code',
    code: options.code,
    redirect_uri: options.request.redirectUri,
    code_verifier: options.request.codeVerifier,
  });
}

/** A fresh access token from the refresh token the vault keeps. */
export async function refreshAccessToken(options: {
  readonly client: GoogleOAuthClient;
  readonly refreshToken: string;
  readonly transport: Transport;
  readonly now?: () => Date;
}): Promise<GoogleTokens> {
  const tokens = await tokenCall(options.client, options.transport, options.now ?? (() => new Date()), {
    grant_type: 'refresh_token',
    refresh_token: options.refreshToken,
  });
  return { ...tokens, refreshToken: tokens.refreshToken ?? options.refreshToken };
}

/** Access tokens last an hour: this one is kept until a minute before it expires, then renewed. */
export function accessTokenProvider(options: {
  readonly client: GoogleOAuthClient;
  readonly refreshToken: string;
  readonly transport: Transport;
  readonly now?: () => Date;
}): AccessTokenProvider {
  const now = options.now ?? (() => new Date());
  let current: Promise<GoogleTokens> | null = null;
  return async () => {
    const cached = current === null ? null : await current.catch(() => null);
    if (cached !== null && cached.expiresAt.getTime() - now().getTime() > EXPIRY_MARGIN_MS) {
      return cached.accessToken;
    }
    current = refreshAccessToken(options);
    return (await current).accessToken;
  };
}

const EXPIRY_MARGIN_MS = 60_000;

async function tokenCall(
  client: GoogleOAuthClient,
  transport: Transport,
  now: () => Date,
  grant: Readonly<Record<string, string>>,
): Promise<GoogleTokens> {
  const endpoint = client.tokenEndpoint ?? GOOGLE_TOKEN_ENDPOINT;
  const form = new URLSearchParams({ client_id: client.clientId, ...grant });
  if (client.clientSecret !== undefined) form.set('client_secret', client.clientSecret);
  const request: HttpRequest = {
    method: 'POST',
    url: endpoint,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  };
  const response = await sendRequest(transport, request);
  let json: unknown = null;
  try {
    json = JSON.parse(response.body);
  } catch {
    // Judged below by status and shape.
  }
  if (response.status >= 400 && response.status < 500) {
    const refusal = TokenErrorSchema.safeParse(json);
    const reason = refusal.success ? refusal.data.error : `status ${response.status}`;
    if (reason === 'invalid_client' || reason === 'unauthorized_client') {
      throw new PublishingError(
        'bad-credentials',
        `Google does not accept the app's OAuth client (${reason}); the app's Google client id is misconfigured.`,
        { status: response.status },
      );
    }
    // A revoked or expired grant (invalid_grant): the writer signs in again.
    throw credentialsRefused('Google', "the app's sign-in for Blogger", {
      said: reason,
      advice: 'Sign in with Google again.',
      status: response.status,
    });
  }
  if (response.status !== 200) {
    throw new PublishingError(
      response.status >= 500 ? 'server-error' : 'malformed-response',
      `${hostOf(endpoint)} could not give the app a token (${response.status}); try again later.`,
      { status: response.status },
    );
  }
  const parsed = TokenAnswerSchema.safeParse(json);
  if (!parsed.success) {
    throw new PublishingError('malformed-response', `${hostOf(endpoint)} sent a token answer the app cannot use.`, {
      status: response.status,
      cause: parsed.error,
    });
  }
  return {
    accessToken: parsed.data.access_token,
    expiresAt: new Date(now().getTime() + parsed.data.expires_in * 1000),
    refreshToken: parsed.data.refresh_token ?? null,
    scope: parsed.data.scope ?? '',
  };
}
