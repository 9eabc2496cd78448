import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'commonplace-token';

/** Who may talk to the dev host: requests to our own loopback address, from our own page. */
export interface AccessPolicy {
  readonly token: string;
  readonly port: number;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Host header names our loopback address; anything else may be a DNS-rebinding page. */
export function isOwnHost(request: IncomingMessage, policy: AccessPolicy): boolean {
  const host = request.headers.host;
  return host === `127.0.0.1:${policy.port}` || host === `localhost:${policy.port}`;
}

/** An Origin, when the browser sends one, must be our own page's. */
export function isOwnOrigin(request: IncomingMessage, policy: AccessPolicy): boolean {
  const origin = request.headers.origin;
  return (
    origin === undefined || origin === `http://127.0.0.1:${policy.port}` || origin === `http://localhost:${policy.port}`
  );
}

function cookieToken(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

/** The token, from our cookie or from the token header (for scripts and tests). */
export function hasToken(request: IncomingMessage, policy: AccessPolicy, headerName: string): boolean {
  const header = request.headers[headerName];
  const given = typeof header === 'string' ? header : cookieToken(request);
  return given !== undefined && sameSecret(given, policy.token);
}

export function tokenFromQuery(url: URL, policy: AccessPolicy): boolean {
  const given = url.searchParams.get('token');
  return given !== null && sameSecret(given, policy.token);
}

export function tokenCookie(policy: AccessPolicy): string {
  return `${TOKEN_COOKIE}=${policy.token}; HttpOnly; SameSite=Strict; Path=/`;
}
