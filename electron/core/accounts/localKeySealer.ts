import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SecretSealer } from './credentialVault';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals secrets with AES-256-GCM under a key kept in a file of its own, outside the library
 * folder (see `defaultKeyFile`): a library that is copied, synced or backed up carries no secret
 * anyone can read without that key. Where the OS keyring is not available (the CLI, the dev host,
 * Linux without a secret service) this is what keeps passwords out of plain text; the key file is
 * readable only by the user (0600), which is all the protection a file can have.
 */
export function localKeySealer(keyFile: string): SecretSealer {
  // Read (or made) at first use, so that a command that never touches a secret never touches the key.
  let key: Promise<Buffer> | null = null;
  const theKey = (): Promise<Buffer> => (key ??= loadOrCreateKey(keyFile));
  return {
    scheme: 'local-key',
    protectedByOs: false,
    description: `Passwords are encrypted with a key kept outside the library, in ${keyFile}, readable only by your user account.`,
    async seal(secret) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', await theKey(), iv);
      const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
    },
    async open(sealed) {
      const bytes = Buffer.from(sealed, 'base64');
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('the sealed secret is too short');
      const decipher = createDecipheriv('aes-256-gcm', await theKey(), bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      // GCM's tag check throws when the key is not the one the secret was sealed with.
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

/** The key file beside the app's per-user data, not inside any library folder. */
export function defaultKeyFile(defaultLibraryFolder: string): string {
  return path.join(path.dirname(defaultLibraryFolder), 'vault.key');
}

/**
 * Reads the key, or makes it once. Several processes may start together (the CLI in a script):
 * the key is written whole to a temp file and linked into place, which fails if another process
 * got there first, so every process ends up with the one key that is on disk.
 */
async function loadOrCreateKey(keyFile: string): Promise<Buffer> {
  const existing = await readKey(keyFile);
  if (existing) return existing;
  await mkdir(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  const temp = `${keyFile}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx', flush: true });
  try {
    await link(temp, keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temp, { force: true });
  }
  await chmod(keyFile, 0o600);
  const created = await readKey(keyFile);
  if (!created) throw new Error(`The key file ${keyFile} vanished as it was made.`);
  return created;
}

async function readKey(keyFile: string): Promise<Buffer | null> {
  let text: string;
  try {
    text = await readFile(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(`The key file ${keyFile} is damaged: blog passwords sealed with it cannot be opened.`);
  }
  return key;
}
