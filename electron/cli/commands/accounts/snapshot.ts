import { AppError } from '../../../../shared/result';
import type { ServicesContext } from '../../context';

/** `accounts snapshot ID`: takes the blog's theme snapshot again, now, for the themed preview. */
export async function run(context: ServicesContext, id: string, options: { json?: boolean }): Promise<void> {
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
