import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import {
  AccountSchema,
  defaultAccountOptions,
  type Account,
  type AccountOptions,
  type NewAccount,
  type VaultInfo,
} from '../../../shared/model/account';
import { AppError } from '../../../shared/result';
import type { BlogAdapter, Transport } from '../publishing/blogAdapter';
import {
  BlogConnectionSchema,
  connectBlog,
  createBlogAdapter,
  type BlogConnection,
  type GoogleSettings,
} from '../publishing/connection';
import { openDocument, schemaCodec } from '../storage/jsonDocument';
import { readOnlyRefusal } from '../storage/readOnly';
import { CredentialVault, type VaultSealers } from './credentialVault';
import { signInWithGoogle } from './googleSignIn';

const StoredAccountSchema = AccountSchema.extend({ connection: BlogConnectionSchema });
type StoredAccount = z.infer<typeof StoredAccountSchema>;

const AccountsFileSchema = z.strictObject({ schemaVersion: z.literal(1), accounts: z.array(StoredAccountSchema) });
type AccountsFile = z.infer<typeof AccountsFileSchema>;

export interface AccountsOptions {
  readonly dataFolder: string;
  /** The app's Google OAuth client, for Blogger; absent when not configured. */
  readonly google?: GoogleSettings;
  /** Opens a page in the writer's browser (Google's sign-in for Blogger). */
  readonly openBrowser?: (url: string) => void;
  /** How the vault seals secrets (the OS keyring, or a key kept outside the library). */
  readonly sealers: VaultSealers;
  readonly transport: Transport;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** Lists only, writing nothing (not even the credentials folder). */
  readonly readOnly?: boolean;
}

/**
 * The writer's blogs: accounts.json holds how to reach each (what discovery found), the
 * credential vault holds its secret. Adding an account discovers the blog's API and verifies the
 * credentials before anything is stored.
 */
export class Accounts {
  readonly #document;
  readonly #vault: CredentialVault;
  readonly #transport: Transport;
  readonly #google: GoogleSettings | undefined;
  readonly #openBrowser: ((url: string) => void) | undefined;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #readOnly: boolean;

  private constructor(options: AccountsOptions) {
    this.#document = openDocument<AccountsFile>(
      path.join(options.dataFolder, 'accounts.json'),
      schemaCodec(AccountsFileSchema),
      { schemaVersion: 1, accounts: [] },
    );
    this.#vault = new CredentialVault(options.dataFolder, options.sealers);
    this.#transport = options.transport;
    this.#google = options.google;
    this.#openBrowser = options.openBrowser;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
    this.#readOnly = options.readOnly ?? false;
  }

  static async open(options: AccountsOptions): Promise<Accounts> {
    const accounts = new Accounts(options);
    await accounts.#document.read();
    await accounts.#vault.load({ readOnly: accounts.#readOnly });
    return accounts;
  }

  list(): Account[] {
    return this.#document.data.accounts.map(publicView);
  }

  get(id: string): Account {
    return publicView(this.#stored(id));
  }

  vaultInfo(): VaultInfo {
    return { protectedByOs: this.#vault.protectedByOs, description: this.#vault.description };
  }

  async add(input: NewAccount): Promise<Account> {
    this.#refuseWhenReadOnly();
    const secret = input.kind === 'blogger' ? await this.#signInToGoogle() : input.secret;
    const connection = await this.#connect({ ...input, secret });
    const account: StoredAccount = {
      id: this.#newId(),
      kind: input.kind,
      address: input.address,
      user: input.user,
      blogName: connection.verified.blogName,
      userName: connection.verified.userName,
      canPublish: connection.verified.canPublish,
      options: input.options ?? defaultAccountOptions,
      addedAt: this.#now().toISOString(),
      connection: connection.connection,
    };
    await this.#vault.set(account.id, secret);
    this.#document.data.accounts = [...this.#document.data.accounts, account];
    await this.#document.write();
    return publicView(account);
  }

  async remove(id: string): Promise<void> {
    this.#refuseWhenReadOnly();
    this.#stored(id);
    this.#document.data.accounts = this.#document.data.accounts.filter((account) => account.id !== id);
    await this.#document.write();
    await this.#vault.delete(id);
  }

  async setOptions(id: string, options: AccountOptions): Promise<Account> {
    this.#refuseWhenReadOnly();
    const updated = { ...this.#stored(id), options };
    this.#document.data.accounts = this.#document.data.accounts.map((account) =>
      account.id === id ? updated : account,
    );
    await this.#document.write();
    return publicView(updated);
  }

  /** The adapter that publishes to this account, with its secret from the vault. */
  async adapterFor(id: string): Promise<BlogAdapter> {
    const account = this.#stored(id);
    const secret = await this.#vault.get(id);
    if (secret === null) {
      throw new AppError(
        'unauthorized',
        `The password for ${account.blogName} is missing: remove the blog and add it again.`,
      );
    }
    return createBlogAdapter(account.connection, secret, this.#transport);
  }

  /** Blogger's secret is the refresh token Google grants after the writer signs in. */
  async #signInToGoogle(): Promise<string> {
    if (!this.#google) {
      throw new AppError(
        'invalid-input',
        "Blogger needs the app's Google OAuth client id (COMMONPLACE_GOOGLE_CLIENT_ID).",
      );
    }
    if (!this.#openBrowser) throw new AppError('unavailable', 'This app cannot open a browser to sign in to Google.');
    return signInWithGoogle({ client: this.#google, openBrowser: this.#openBrowser, transport: this.#transport });
  }

  #refuseWhenReadOnly(): void {
    if (this.#readOnly) throw readOnlyRefusal();
  }

  #stored(id: string): StoredAccount {
    const account = this.#document.data.accounts.find((each) => each.id === id);
    if (!account) throw new AppError('not-found', `There is no blog account with id ${id}.`);
    return account;
  }

  async #connect(
    input: NewAccount,
  ): Promise<{ connection: BlogConnection; verified: { blogName: string; userName: string; canPublish: boolean } }> {
    return connectBlog({
      address: input.address,
      kind: input.kind,
      user: input.user,
      secret: input.secret,
      transport: this.#transport,
      ...(this.#google ? { google: this.#google } : {}),
    });
  }
}

function publicView(account: StoredAccount): Account {
  return AccountSchema.parse(Object.fromEntries(Object.entries(account).filter(([key]) => key !== 'connection')));
}
