import type { LibraryContext } from '../../context';

/** `drafts empty-trash`: deletes every trashed draft for good. */
export async function run(context: LibraryContext): Promise<void> {
  const { deleted } = await context.call('emptyTrash', {});
  context.out(`Deleted ${deleted} draft${deleted === 1 ? '' : 's'} for good.`);
}
