import type { LibraryContext } from '../../context';

/** `drafts revisions ID`: the draft's earlier revisions, newest first. */
export async function run(context: LibraryContext, id: string, options: { json?: boolean }): Promise<void> {
  const revisions = await context.call('listRevisions', { id });
  if (options.json) context.out(JSON.stringify(revisions));
  else if (revisions.length === 0) context.out('No earlier revisions are kept for this draft yet.');
  else
    for (const entry of revisions)
      context.out(`${entry.revision}  ${entry.savedAt}  ${entry.words} words  ${entry.title}`);
}
