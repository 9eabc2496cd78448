import { createHmac } from 'node:crypto';
import { PublishingError } from '../publishingError';

/** A Ghost Admin API key as Ghost shows it: "<key id>:<secret in hex>". */
export interface GhostAdminKey {
  readonly id: string;
  /** The secret's bytes (Ghost shows them hex-encoded). */
  readonly secret: Buffer;
}

/** Ghost refuses tokens that live longer than five minutes. */
export const GHOST_TOKEN_LIFETIME_SECONDS = 5 * 60;
const adminKeyPattern = /^([0-9a-f]{24}):([0-9a-f]{64})$/i;

/** Splits an Admin API key, refusing anything that is not one (a Content API key, a typo). */
export function parseGhostAdminKey(key: string): GhostAdminKey {
  const match = adminKeyPattern.exec(key.trim());
  if (match === null) {
    throw new PublishingError(
      'bad-credentials',
      "That is not a Ghost Admin API key. Copy the Admin API key (the long one, with a colon in it) from a custom integration in Ghost's Integrations settings.",
    );
  }
  const [, id = '', secret = ''] = match;
  return { id, secret: Buffer.from(secret, 'hex') };
}

/**
 * The short-lived token the Admin API takes in "Authorization: Ghost <token>": a JSON Web Token
 * (RFC 7519) signed with HS256 by the key's secret, naming the key in `kid`, for audience /admin/.
 * See https://ghost.org/docs/admin-api/#token-authentication.
 */
export function ghostAdminToken(key: GhostAdminKey, now: Date = new Date()): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const header = base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: key.id }));
  const payload = base64Url(
    JSON.stringify({ iat: issuedAt, exp: issuedAt + GHOST_TOKEN_LIFETIME_SECONDS, aud: '/admin/' }),
  );
  const signature = createHmac('sha256', key.secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

function base64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
