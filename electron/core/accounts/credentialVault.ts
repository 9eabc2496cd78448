import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { openDocument, schemaCodec } from '../storage/jsonDocument';

/**
 * How secrets are sealed before they touch the disk. The Electron host seals with safeStorage (the
 * OS keyring); elsewhere secrets are stored as they are, in a file only the user can read.
 */
export interface SecretSealer {
  /** Names the scheme in the file, so a secret is always opened the way it was sealed. */
  readonly scheme: 'plain' | 'os-keyring';
  /** True when the OS protects the secrets (false for safeStorage's 'basic_text' fallback on Linux). */
  readonly protectedByOs: boolean;
  seal(secret: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

export const plainSealer: SecretSealer = {
  scheme: 'plain',
  protectedByOs: false,
  seal: (secret) => Promise.resolve(secret),
  open: (sealed) => Promise.resolve(sealed),
};

const SecretsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  secrets: z.record(z.string(), z.strictObject({ scheme: z.enum(['plain', 'os-keyring']), value: z.string() })),
});
type Secrets = z.infer<typeof SecretsSchema>;

/**
 * The blog passwords and keys, kept apart from the draft library in credentials/secrets.json:
 * the folder is 0700 and the file 0600, and each secret is sealed by the host's SecretSealer.
 * Removing an account removes its secret.
 */
export class CredentialVault {
  readonly #folder: string;
  readonly #sealer: SecretSealer;
  readonly #document;

  constructor(dataFolder: string, sealer: SecretSealer) {
    this.#folder = path.join(dataFolder, 'credentials');
    this.#sealer = sealer;
    this.#document = openDocument<Secrets>(path.join(this.#folder, 'secrets.json'), schemaCodec(SecretsSchema), {
      schemaVersion: 1,
      secrets: {},
    });
  }

  get protectedByOs(): boolean {
    return this.#sealer.protectedByOs;
  }

  get description(): string {
    return this.#sealer.protectedByOs
      ? 'Passwords are encrypted with your operating system’s keyring.'
      : `Passwords are stored unencrypted in ${this.#folder}, readable only by your user account.`;
  }

  /** `readOnly`: reads the secrets as they are, creating and changing nothing. */
  async load(options: { readonly readOnly?: boolean } = {}): Promise<void> {
    if (!options.readOnly) {
      await mkdir(this.#folder, { recursive: true, mode: 0o700 });
      await chmod(this.#folder, 0o700);
    }
    await this.#document.read();
  }

  async get(accountId: string): Promise<string | null> {
    const stored = this.#document.data.secrets[accountId];
    if (!stored) return null;
    return stored.scheme === 'plain' ? stored.value : this.#sealer.open(stored.value);
  }

  async set(accountId: string, secret: string): Promise<void> {
    this.#document.data.secrets[accountId] = { scheme: this.#sealer.scheme, value: await this.#sealer.seal(secret) };
    await this.#write();
  }

  async delete(accountId: string): Promise<void> {
    this.#document.data.secrets = Object.fromEntries(
      Object.entries(this.#document.data.secrets).filter(([id]) => id !== accountId),
    );
    await this.#write();
  }

  async #write(): Promise<void> {
    await this.#document.write();
    await chmod(path.join(this.#folder, 'secrets.json'), 0o600);
  }
}
