import type { LibraryContext } from '../../context';

/** `drafts trash ID`. */
export async function run(context: LibraryContext, id: string): Promise<void> {
  const draft = await context.call('trashDraft', { id });
  context.out(`Moved “${draft.title || 'Untitled'}” to the trash.`);
}
