import { describeRemoval } from '../../../../shared/model/account';
import type { ServicesContext } from '../../context';

/** `accounts remove ID`: a blog and its secret; says what becomes of its posts. */
export async function run(context: ServicesContext, id: string): Promise<void> {
  const { posts, cancelled } = await context.call('removeAccount', { id });
  context.out(`Removed the blog ${id} and its secret. ${describeRemoval(posts, cancelled)}`);
}
