import type { LibraryContext } from '../../context';

/** `drafts empty-trash`: deletes every trashed draft for good, then the images no draft uses. */
export async function run(context: LibraryContext): Promise<void> {
  const { deleted, imagesRemoved } = await context.call('emptyTrash', {});
  const images =
    imagesRemoved === 0 ? '' : ` and ${imagesRemoved} image${imagesRemoved === 1 ? '' : 's'} no draft uses`;
  context.out(`Deleted ${deleted} draft${deleted === 1 ? '' : 's'}${images} for good.`);
}
