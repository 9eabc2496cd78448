import type { AccountKind } from '../../../../shared/model/account';
import type { AttributionStyle } from '../../../../shared/model/accountChoices';
import { AppError } from '../../../../shared/result';
import type { ServicesContext } from '../../context';

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

/** `accounts add`: a blog. The secret comes from an environment variable or standard input, never the command line. */
export async function run(context: ServicesContext, options: AddAccountOptions): Promise<void> {
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
