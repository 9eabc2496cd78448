import type { ServicesContext } from '../../context';
import { readSecret, type SecretOptions } from './secret';

export interface UpdateAccountOptions extends SecretOptions {
  readonly url?: string;
  readonly user?: string;
  readonly name?: string;
}

/**
 * `accounts update ID`: a blog's address, user, secret or name; what is not given stays. A new
 * address, user or secret is checked on the blog before it is kept.
 */
export async function run(context: ServicesContext, id: string, options: UpdateAccountOptions): Promise<void> {
  const givesSecret = options.secretEnv !== undefined || options.secretStdin === true;
  const account = await context.call('updateAccount', {
    id,
    ...(options.url === undefined ? {} : { address: options.url }),
    ...(options.user === undefined ? {} : { user: options.user }),
    ...(options.name === undefined ? {} : { blogName: options.name }),
    ...(givesSecret ? { secret: await readSecret(options) } : {}),
  });
  context.out(`Updated “${account.blogName}”: ${account.address}, as ${account.userName}.`);
}
