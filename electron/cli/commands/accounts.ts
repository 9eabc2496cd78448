import { AccountKindSchema, type AccountKind } from '../../../shared/model/account';
import type { AttributionStyle } from '../../../shared/render/quote';
import { AppError } from '../../../shared/result';
import type { CliContext } from '../context';

export interface AddAccountOptions {
  readonly kind: AccountKind;
  readonly url: string;
  readonly user?: string;
  readonly secretEnv?: string;
  readonly secretStdin?: boolean;
  readonly hashtagsInTitle?: boolean;
  readonly attribution: AttributionStyle;
  readonly linkToPassage?: boolean;
}

export const accountKinds = AccountKindSchema.options;

/** Adds a blog. The secret comes from an environment variable or standard input, never the command line. */
export async function addAccount(context: CliContext, options: AddAccountOptions): Promise<void> {
  // Blogger has no password: the writer signs in to Google in the browser (see openBrowser in the context).
  const secret = options.kind === 'blogger' ? '' : await readSecret(options);
  const account = await context.call('addAccount', {
    kind: options.kind,
    address: options.url,
    user: options.user ?? '',
    secret,
    options: {
      hashtagsInTitle: options.hashtagsInTitle === true,
      attribution: options.attribution,
      linkToPassage: options.linkToPassage === true,
    },
  });
  const vault = await context.call('vaultInfo', {});
  context.out(account.id);
  process.stderr.write(
    `Added “${account.blogName}” as ${account.userName}${account.canPublish ? '' : ' (may submit posts for review only)'}. ${vault.description}\n`,
  );
}

export async function listAccounts(context: CliContext, options: { json?: boolean }): Promise<void> {
  const accounts = await context.call('listAccounts', {});
  if (options.json) context.out(JSON.stringify(accounts));
  else if (accounts.length === 0) context.out('No blogs yet: add one with "commonplace accounts add".');
  else
    for (const account of accounts)
      context.out(`${account.id}  ${account.kind.padEnd(9)}  ${account.blogName}  ${account.address}`);
}

export async function removeAccount(context: CliContext, id: string): Promise<void> {
  await context.call('removeAccount', { id });
  context.out(`Removed the blog ${id} and its secret.`);
}

async function readSecret(options: AddAccountOptions): Promise<string> {
  if (options.secretEnv !== undefined) {
    const secret = process.env[options.secretEnv];
    if (secret === undefined || secret === '') {
      throw new AppError('invalid-input', `The environment variable ${options.secretEnv} is empty or not set.`);
    }
    return secret;
  }
  if (options.secretStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const secret = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
    if (secret === '') throw new AppError('invalid-input', 'Nothing came on standard input: pipe the secret in.');
    return secret;
  }
  throw new AppError('invalid-input', 'Give the secret with --secret-env VARIABLE or --secret-stdin.');
}

/** Takes the blog's theme snapshot again, now, for the themed preview. */
export async function snapshotAccount(context: CliContext, id: string, options: { json?: boolean }): Promise<void> {
  const account = await context.call('listAccounts', {}).then((accounts) => accounts.find((each) => each.id === id));
  if (!account) throw new AppError('not-found', `There is no blog account with id ${id} (see "accounts list").`);
  const info = await context.call('takeThemeSnapshot', { accountId: id });
  if (options.json) {
    context.out(JSON.stringify(info));
    return;
  }
  const missing = [info.found.title ? null : 'title', info.found.tags ? null : 'tags'].filter((part) => part !== null);
  context.out(
    `Took the theme of “${account.blogName}” from ${info.postUrl}${missing.length > 0 ? ` (its ${missing.join(' and ')} could not be placed)` : ''}.`,
  );
}
