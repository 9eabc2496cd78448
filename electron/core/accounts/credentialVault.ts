import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/result';
import { NewerVersionError, openDocument, type DocumentCodec } from '../storage/jsonDocument';

/** How a secret was sealed: written beside it, so it is always opened the way it was sealed. */
export type SealScheme = 'os-keyring' | 'local-key';

/**
 * How secrets are sealed before they touch the disk: with the OS keyring (Electron's
 * safeStorage) where there is one, else with a key kept outside the library (localKeySealer).
 */
export interface SecretSealer {
  readonly scheme: SealScheme;
  /** True when the OS protects the secrets (false for safeStorage's 'basic_text' fallback on Linux). */
  readonly protectedByOs: boolean;
  /** Where the secrets are and what protects them, in the writer's words. */
  readonly description: string;
  seal(secret: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

const SealedSecretSchema = z.strictObject({ scheme: z.enum(['os-keyring', 'local-key']), value: z.string() });

const SecretsSchema = z.strictObject({
  schemaVersion: z.literal(2),
  secrets: z.record(z.string(), SealedSecretSchema),
});

/** Version 1 also allowed secrets stored as they are ('plain'); they are sealed when the vault loads. */
const SecretsVersion1Schema = z.strictObject({
  schemaVersion: z.literal(1),
  secrets: z.record(z.string(), z.strictObject({ scheme: z.enum(['plain', 'os-keyring']), value: z.string() })),
});

interface StoredSecret {
  readonly scheme: SealScheme | 'plain';
  readonly value: string;
}
interface StoredSecrets {
  readonly schemaVersion: 1 | 2;
  readonly secrets: Readonly<Record<string, StoredSecret>>;
}

const secretsCodec: DocumentCodec<StoredSecrets> = {
  parse(json) {
    const version = z.looseObject({ schemaVersion: z.number().int() }).safeParse(json);
    if (version.success && version.data.schemaVersion > 2)
      throw new NewerVersionError('secrets.json', version.data.schemaVersion);
    return version.success && version.data.schemaVersion === 1
      ? SecretsVersion1Schema.parse(json)
      : SecretsSchema.parse(json);
  },
};

/** Which sealers the vault seals new secrets with, and which others it can open secrets with. */
export interface VaultSealers {
  readonly seal: SecretSealer;
  /** Schemes written by other hosts of the same library (the CLI's local key, read by the app). */
  readonly alsoOpen?: readonly SecretSealer[];
}

/**
 * The blog passwords and keys, kept apart from the drafts in credentials/secrets.json: the
 * folder is 0700 and the file 0600, and each secret is sealed, never stored as it is. Removing
 * an account removes its secret.
 */
export class CredentialVault {
  readonly #folder: string;
  readonly #sealer: SecretSealer;
  readonly #openers: ReadonlyMap<SealScheme, SecretSealer>;
  readonly #document;

  constructor(dataFolder: string, sealers: VaultSealers) {
    this.#folder = path.join(dataFolder, 'credentials');
    this.#sealer = sealers.seal;
    this.#openers = new Map([...(sealers.alsoOpen ?? []), sealers.seal].map((sealer) => [sealer.scheme, sealer]));
    this.#document = openDocument<StoredSecrets>(path.join(this.#folder, 'secrets.json'), secretsCodec, {
      schemaVersion: 2,
      secrets: {},
    });
  }

  get protectedByOs(): boolean {
    return this.#sealer.protectedByOs;
  }

  get description(): string {
    return this.#sealer.description;
  }

  /**
   * `readOnly`: reads the secrets as they are, creating and changing nothing. Otherwise secrets an
   * earlier version stored as they were are sealed now, so that none stays readable on disk.
   */
  async load(options: { readonly readOnly?: boolean } = {}): Promise<void> {
    if (!options.readOnly) {
      await mkdir(this.#folder, { recursive: true, mode: 0o700 });
      await chmod(this.#folder, 0o700);
    }
    await this.#document.read();
    if (options.readOnly || this.#document.data.schemaVersion === 2) return;
    const secrets: Record<string, StoredSecret> = {};
    for (const [accountId, stored] of Object.entries(this.#document.data.secrets)) {
      secrets[accountId] = stored.scheme === 'plain' ? await this.#sealed(stored.value) : stored;
    }
    this.#document.data = { schemaVersion: 2, secrets };
    await this.#write();
  }

  async get(accountId: string): Promise<string | null> {
    const stored = this.#document.data.secrets[accountId];
    if (!stored) return null;
    if (stored.scheme === 'plain') return stored.value;
    const opener = this.#openers.get(stored.scheme);
    if (!opener) {
      throw new AppError(
        'unavailable',
        'This blog’s password was sealed with the desktop app’s OS keyring, which only the app can open: publish from the app, or enter the password again here.',
      );
    }
    try {
      return await opener.open(stored.value);
    } catch (error) {
      throw new AppError(
        'unavailable',
        'This blog’s password can no longer be opened (its key changed or is gone): enter it again in the blog’s settings.',
        { cause: error },
      );
    }
  }

  async set(accountId: string, secret: string): Promise<void> {
    const { schemaVersion, secrets } = this.#document.data;
    this.#document.data = { schemaVersion, secrets: { ...secrets, [accountId]: await this.#sealed(secret) } };
    await this.#write();
  }

  async delete(accountId: string): Promise<void> {
    const { schemaVersion, secrets } = this.#document.data;
    this.#document.data = {
      schemaVersion,
      secrets: Object.fromEntries(Object.entries(secrets).filter(([id]) => id !== accountId)),
    };
    await this.#write();
  }

  async #sealed(secret: string): Promise<StoredSecret> {
    return { scheme: this.#sealer.scheme, value: await this.#sealer.seal(secret) };
  }

  async #write(): Promise<void> {
    await this.#document.write();
    await chmod(path.join(this.#folder, 'secrets.json'), 0o600);
  }
}
