import type { DraftStatus, DraftSummary } from '../../../../shared/model/draft';
import type { LibraryContext } from '../../context';

export interface ListOptions {
  readonly json?: boolean;
  readonly search?: string;
  readonly tag?: string;
  readonly status?: DraftStatus;
  readonly trash?: boolean;
}

/** `drafts list`: the drafts, most recently updated first. */
export async function run(context: LibraryContext, options: ListOptions): Promise<void> {
  const drafts = await context.call('listDrafts', {
    ...(options.search === undefined ? {} : { search: options.search }),
    ...(options.tag === undefined ? {} : { tag: options.tag }),
    ...(options.status === undefined ? {} : { status: options.status }),
    ...(options.trash ? { trash: 'only' as const } : {}),
  });
  if (options.json) context.out(JSON.stringify(drafts));
  else if (drafts.length === 0) context.out('The library has no drafts.');
  else for (const draft of drafts) context.out(summaryLine(draft));
}

function summaryLine(draft: DraftSummary): string {
  return `${draft.id}  ${draft.updatedAt}  ${draft.status.padEnd(9)}  ${draft.title || '(untitled)'}`;
}
