import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import {
  accountFields,
  AccountKindSchema,
  AccountSchema,
  blogAddressCandidates,
  defaultAccountOptions,
  sameBlog,
  type Account,
  type AccountChanges,
  type AccountKind,
  type AccountOptions,
  type NewAccount,
  type NewApiAccount,
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
import { PublishingError } from '../publishing/publishingError';
import { connectStaticSite, type StaticConnection } from '../publishing/static/connectSite';
import { openDocument, schemaCodec } from '../storage/jsonDocument';
import { readOnlyRefusal } from '../storage/readOnly';
import { CredentialVault, type VaultSealers } from './credentialVault';
import { signInWithGoogle } from './googleSignIn';

/** An account as accounts.json keeps it: what the writer sees, and how to reach the blog. */
const StoredAccountSchema = z.strictObject({
  ...accountFields,
  kind: AccountKindSchema,
  connection: BlogConnectionSchema,
});
type StoredAccount = z.infer<typeof StoredAccountSchema>;

/**
 * A blog the writer removed, remembered without its secret: adding the same blog again (same
 * kind, address and user) takes back its id, so its drafts' posts, outbox entries and link
 * records are its own again and an update updates the same post.
 */
const RemovedAccountSchema = z.strictObject({
  id: accountFields.id,
  kind: AccountKindSchema,
  address: accountFields.address,
  user: accountFields.user,
  removedAt: z.iso.datetime({ offset: true }),
});

const AccountsFileSchema = z.union([
  z.strictObject({
    schemaVersion: z.literal(2),
    accounts: z.array(StoredAccountSchema),
    removed: z.array(RemovedAccountSchema),
  }),
  // Before removed blogs were remembered: none was.
  z
    .strictObject({ schemaVersion: z.literal(1), accounts: z.array(StoredAccountSchema) })
    .transform(({ accounts }) => ({ schemaVersion: 2 as const, accounts, removed: [] })),
]);
type AccountsFile = z.output<typeof AccountsFileSchema>;

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
  /** Hears every change of the blogs, once it is on disk: every blog, as `list` answers. */
  readonly onChange?: (accounts: Account[]) => void;
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
  readonly #onChange: (accounts: Account[]) => void;

  private constructor(options: AccountsOptions) {
    this.#document = openDocument<AccountsFile>(
      path.join(options.dataFolder, 'accounts.json'),
      schemaCodec(AccountsFileSchema),
      { schemaVersion: 2, accounts: [], removed: [] },
    );
    this.#vault = new CredentialVault(options.dataFolder, options.sealers);
    this.#transport = options.transport;
    this.#google = options.google;
    this.#openBrowser = options.openBrowser;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
    this.#readOnly = options.readOnly ?? false;
    this.#onChange = options.onChange ?? (() => undefined);
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

  /**
   * Adds a blog once its credentials are checked. The same blog twice (same address and user) is
   * refused: its settings are where it changes. A blog removed before comes back with its id, so
   * its posts are linked to their drafts again.
   */
  async add(input: NewAccount): Promise<Account> {
    this.#refuseWhenReadOnly();
    if (input.kind !== 'static') this.#refuseSameBlog(input, null);
    const secret = input.kind === 'blogger' ? await this.#signInToGoogle() : input.secret;
    let connected: { address: string; connection: Connected };
    if (input.kind === 'static') {
      const site = await connectStaticSite(input, this.#transport);
      this.#refuseSecondSite(site.connection);
      connected = { address: site.connection.siteUrl, connection: site };
    } else {
      connected = await this.#connectAtAddress({ ...input, secret });
    }
    const { address, connection } = connected;
    const returning = this.#document.data.removed.findLast(
      (removed) => removed.kind === input.kind && sameBlog(removed, { address, user: input.user }),
    );
    const account: StoredAccount = {
      id: returning?.id ?? this.#newId(),
      kind: input.kind,
      address,
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
    this.#document.data.removed = this.#document.data.removed.filter((removed) => removed.id !== account.id);
    await this.#document.write();
    this.#onChange(this.list());
    return publicView(account);
  }

  /** Removes a blog and its secret, remembering its id for when the same blog is added again. */
  async remove(id: string): Promise<void> {
    this.#refuseWhenReadOnly();
    const { kind, address, user } = this.#stored(id);
    this.#document.data.accounts = this.#document.data.accounts.filter((account) => account.id !== id);
    this.#document.data.removed = [
      ...this.#document.data.removed,
      { id, kind, address, user, removedAt: this.#now().toISOString() },
    ];
    await this.#document.write();
    await this.#vault.delete(id);
    this.#onChange(this.list());
  }

  async setOptions(id: string, options: AccountOptions): Promise<Account> {
    return this.update({ id, options });
  }

  /**
   * Changes a blog's settings, keeping its id (its drafts, outbox entries and posts stay its own).
   * A new address, user or secret is checked on the blog first; when the blog refuses, nothing
   * changes and the refusal says why.
   */
  async update(changes: AccountChanges): Promise<Account> {
    this.#refuseWhenReadOnly();
    const current = this.#stored(changes.id);
    let updated: StoredAccount = {
      ...current,
      blogName: changes.blogName ?? current.blogName,
      options: changes.options ?? current.options,
    };
    const address = changes.address?.trim() ?? current.address;
    const user = changes.user ?? current.user;
    if (address !== current.address || user !== current.user || changes.secret !== undefined) {
      updated = { ...updated, ...(await this.#reconnect(current, { address, user, secret: changes.secret })) };
      if (changes.secret !== undefined) await this.#vault.set(current.id, changes.secret);
    }
    this.#document.data.accounts = this.#document.data.accounts.map((account) =>
      account.id === current.id ? updated : account,
    );
    await this.#document.write();
    this.#onChange(this.list());
    return publicView(updated);
  }

  /** The adapter that publishes to this account, with its secret from the vault. */
  async adapterFor(id: string): Promise<BlogAdapter> {
    const account = this.#stored(id);
    const secret = await this.#vault.get(id);
    if (secret === null) {
      throw new AppError(
        'unauthorized',
        `The password for ${account.blogName} is missing: enter it again in the blog’s settings.`,
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

  /** Connects with the changed address, user or secret, before any of them is kept. */
  async #reconnect(
    current: StoredAccount,
    changed: { readonly address: string; readonly user: string; readonly secret: string | undefined },
  ): Promise<Pick<StoredAccount, 'address' | 'user' | 'userName' | 'canPublish' | 'connection'>> {
    if (current.kind === 'static') {
      throw new AppError(
        'invalid-input',
        `${current.blogName} is a static site: its folder and remote are set when it is added. Remove it and add it again; its posts are linked to their drafts again.`,
      );
    }
    if (current.kind === 'blogger' && changed.secret !== undefined) {
      throw new AppError('invalid-input', 'Blogger takes no password here: you sign in to Google instead.');
    }
    this.#refuseSameBlog(changed, current.id);
    const secret = changed.secret ?? (await this.#vault.get(current.id));
    if (secret === null) {
      throw new AppError('unauthorized', `The password for ${current.blogName} is missing: enter it again.`);
    }
    const { address, connection } = await this.#connectAtAddress({
      kind: current.kind,
      address: changed.address,
      user: changed.user,
      secret,
    });
    return {
      address,
      user: changed.user,
      userName: connection.verified.userName,
      canPublish: connection.verified.canPublish,
      connection: connection.connection,
    };
  }

  /** One blog is one account: a second would publish every post twice and split their links. */
  #refuseSameBlog(blog: { readonly address: string; readonly user: string }, except: string | null): void {
    const same = this.#document.data.accounts.find((account) => account.id !== except && sameBlog(account, blog));
    if (same) {
      throw new AppError(
        'conflict',
        `“${same.blogName}” is already one of your blogs, as ${same.user === '' ? 'its owner' : same.user}: change its settings instead.`,
      );
    }
  }

  /** Two accounts writing the same posts folder of one branch would each take the other's posts for edits made elsewhere. */
  #refuseSecondSite(connection: StaticConnection): void {
    const { folder, branch, layout } = connection.site;
    const same = this.#document.data.accounts.find(
      ({ connection: other }) =>
        other.kind === 'static' &&
        other.site.folder === folder &&
        other.site.branch === branch &&
        other.site.layout.folder === layout.folder,
    );
    if (same) throw new AppError('conflict', `${same.blogName} already publishes to ${layout.folder} in ${folder}.`);
  }

  /**
   * Connects at the first address the typed one may mean (https, then http on this computer) that
   * answers as a blog; a refusal of the credentials is final, and a WordPress login password gets
   * the advice to make an application password.
   */
  async #connectAtAddress(input: NewApiAccount): Promise<{ address: string; connection: Connected }> {
    const candidates = blogAddressCandidates(input.address);
    for (const [index, address] of candidates.entries()) {
      try {
        return { address, connection: await this.#connect({ ...input, address }) };
      } catch (error) {
        if (unreachable(error) && index < candidates.length - 1) continue;
        throw withApplicationPasswordHint(error, input.kind, address);
      }
    }
    throw new AppError('invalid-input', `"${input.address}" is not a blog address.`);
  }

  /** Discovers the blog at this exact address and checks the credentials there. */
  async #connect(input: NewApiAccount): Promise<Connected> {
    return await connectBlog({
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
  const { connection, ...shown } = account;
  return AccountSchema.parse(connection.kind === 'static' ? { ...shown, site: connection.site } : shown);
}

/** A blog found and its credentials checked. */
interface Connected {
  readonly connection: BlogConnection;
  readonly verified: { readonly blogName: string; readonly userName: string; readonly canPublish: boolean };
}

/** Nothing answered as a blog at that address (no server, no TLS there, not a blog's API): try the next. */
function unreachable(error: unknown): boolean {
  return (
    error instanceof PublishingError &&
    (error.failure === 'no-connection' ||
      error.failure === 'timeout' ||
      error.failure === 'tls' ||
      error.failure === 'not-an-api')
  );
}

/**
 * WordPress's APIs take an application password, never the one its login page does: a refusal
 * says where the writer makes one.
 */
function withApplicationPasswordHint(error: unknown, kind: AccountKind, address: string): unknown {
  if (!(error instanceof PublishingError) || error.failure !== 'bad-credentials') return error;
  if (kind !== 'wordpress' && kind !== 'xmlrpc') return error;
  const page = new URL(
    'wp-admin/profile.php#application-passwords-section',
    address.endsWith('/') ? address : `${address}/`,
  );
  return new PublishingError(
    'bad-credentials',
    `${error.message} WordPress needs an application password here, not the one you log in with: make one at ${page.toString()} (Users, Profile, Application Passwords) and paste it.`,
    { ...(error.status === null ? {} : { status: error.status }), cause: error },
  );
}
