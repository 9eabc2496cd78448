import type { ServicesContext } from '../../context';

/** `accounts list`: the blogs, never with their secrets. */
export async function run(context: ServicesContext, options: { json?: boolean }): Promise<void> {
  const accounts = await context.call('listAccounts', {});
  if (options.json) context.out(JSON.stringify(accounts));
  else if (accounts.length === 0) context.out('No blogs yet: add one with "commonplace accounts add".');
  else
    for (const account of accounts)
      context.out(`${account.id}  ${account.kind.padEnd(9)}  ${account.blogName}  ${account.address}`);
}
