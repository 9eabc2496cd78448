import type { LibraryContext } from '../../context';

/** `drafts restore ID`: out of the trash. */
export async function run(context: LibraryContext, id: string): Promise<void> {
  const draft = await context.call('restoreDraft', { id });
  context.out(`Restored “${draft.title || 'Untitled'}” from the trash.`);
}
