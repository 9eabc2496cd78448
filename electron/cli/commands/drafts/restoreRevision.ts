import type { LibraryContext } from '../../context';

/** `drafts restore-revision ID REVISION`: an earlier revision back as the newest. */
export async function run(context: LibraryContext, id: string, revision: number): Promise<void> {
  const draft = await context.call('restoreRevision', { id, revision });
  context.out(`Restored revision ${revision}; the draft is now at revision ${draft.revision}.`);
}
