import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  GHOST_TOKEN_LIFETIME_SECONDS,
  ghostAdminToken,
  parseGhostAdminKey,
} from '../../../../electron/core/publishing/ghost/token';
import { PublishingError } from '../../../../electron/core/publishing/publishingError';

const KEY_ID = '6b0546d066e1ed77f343354b';
const SECRET = '5180176e66573c64865d70457521196330b184e9e09bb1ba1000aa55c7c0a37b';

function decode(part: string): unknown {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

describe('Ghost Admin API tokens', () => {
  it('splits an Admin API key into its id and the bytes of its hex secret', () => {
    const key = parseGhostAdminKey(` ${KEY_ID}:${SECRET}\n`);
    expect(key.id).toBe(KEY_ID);
    expect(key.secret.toString('hex')).toBe(SECRET);
  });

  it('refuses what is not an Admin API key, naming where to find one', () => {
    for (const wrong of [
      '',
      KEY_ID,
      `${KEY_ID}:${SECRET.slice(2)}`,
      'a1b2c3d4e5f6a7b8c9d0e1f2a3',
      `${KEY_ID}:${'g'.repeat(64)}`,
    ]) {
      const error = (() => {
        try {
          return parseGhostAdminKey(wrong);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(PublishingError);
      expect(error).toMatchObject({ failure: 'bad-credentials', retryable: false });
      expect((error as PublishingError).message).toMatch(/Integrations settings/);
    }
  });

  it('makes an HS256 JWT naming the key, for /admin/, valid for five minutes from now', () => {
    const now = new Date('2026-11-24T08:00:00.750Z');
    const token = ghostAdminToken(parseGhostAdminKey(`${KEY_ID}:${SECRET}`), now);
    const [header = '', payload = '', signature = ''] = token.split('.');
    expect(token.split('.')).toHaveLength(3);
    expect(decode(header)).toEqual({ alg: 'HS256', typ: 'JWT', kid: KEY_ID });
    const issuedAt = Math.floor(now.getTime() / 1000);
    expect(decode(payload)).toEqual({ iat: issuedAt, exp: issuedAt + 300, aud: '/admin/' });
    expect(GHOST_TOKEN_LIFETIME_SECONDS).toBe(300);
    // Base64url without padding, as RFC 7515 requires.
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(signature).toHaveLength(43);
  });

  it('signs with the secret: Web Crypto verifies the signature, and another secret does not', async () => {
    const token = ghostAdminToken(parseGhostAdminKey(`${KEY_ID}:${SECRET}`));
    const [header = '', payload = '', signature = ''] = token.split('.');
    const data = new TextEncoder().encode(`${header}.${payload}`);
    async function verifies(secretHex: string): Promise<boolean> {
      const key = await webcrypto.subtle.importKey(
        'raw',
        Buffer.from(secretHex, 'hex'),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['verify'],
      );
      return webcrypto.subtle.verify('HMAC', key, Buffer.from(signature, 'base64url'), data);
    }
    expect(await verifies(SECRET)).toBe(true);
    expect(await verifies(SECRET.replace(/^5/, '6'))).toBe(false);
  });

  it('gives each second its own token, so a long session never sends an expired one', () => {
    const key = parseGhostAdminKey(`${KEY_ID}:${SECRET}`);
    const first = ghostAdminToken(key, new Date('2026-11-24T08:00:00Z'));
    const later = ghostAdminToken(key, new Date('2026-11-24T08:04:59Z'));
    expect(first).not.toBe(later);
    expect(ghostAdminToken(key, new Date('2026-11-24T08:00:00.999Z'))).toBe(first);
  });
});
