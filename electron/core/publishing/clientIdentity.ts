import { randomBytes } from 'node:crypto';
import type { ClientIdentity } from './blogAdapter';

const MAX_WORDS_CHARACTERS = 60;

/**
 * A fresh identity for a post: its title's words, for a readable address, and a random suffix
 * that makes it unique ("isis-in-iraq-a-shadow-of-its-former-self-k3x9q2m1"). Made once per post
 * and blog, and stored by the outbox before the first attempt.
 */
export function newClientIdentity(title: string, random: () => string = randomSuffix): ClientIdentity {
  const words = titleWords(title);
  return words === '' ? `post-${random()}` : `${words}-${random()}`;
}

/** A title's words in lowercase ASCII joined by hyphens, for addresses and file names ("" when it has none). */
export function titleWords(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_WORDS_CHARACTERS)
    .replace(/-+$/, '');
}

function randomSuffix(): string {
  return BigInt(`0x${randomBytes(5).toString('hex')}`)
    .toString(36)
    .padStart(8, '0');
}
