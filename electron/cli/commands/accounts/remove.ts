import type { ServicesContext } from '../../context';

/** `accounts remove ID`: a blog and its secret. */
export async function run(context: ServicesContext, id: string): Promise<void> {
  await context.call('removeAccount', { id });
  context.out(`Removed the blog ${id} and its secret.`);
}
