import { randomBytes } from 'node:crypto';
import type { ClientIdentity } from './blogAdapter';

const PREFIX = 'commonplace-';

/**
 * A fresh identity for a post: a random token ("commonplace-k3x9q2m1"), made once per post and
 * blog and stored by the outbox before the first attempt. It travels where readers never see it
 * (each adapter says where); the post's address is the writer's slug.
 */
export function newClientIdentity(random: () => string = randomSuffix): ClientIdentity {
  return `${PREFIX}${random()}`;
}

/**
 * Identities made before they moved out of the address were the post's slug: title words and a
 * random tail. A post sent with one is found by its slug, so that an entry left pending across
 * the upgrade still finds the post its earlier attempt made.
 */
export function isSlugIdentity(identity: ClientIdentity): boolean {
  return !identity.startsWith(PREFIX);
}

function randomSuffix(): string {
  return BigInt(`0x${randomBytes(5).toString('hex')}`)
    .toString(36)
    .padStart(8, '0');
}
