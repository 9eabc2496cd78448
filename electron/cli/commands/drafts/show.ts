import type { Draft } from '../../../../shared/model/draft';
import type { LibraryContext } from '../../context';

/** `drafts show ID`: one draft, as text or as its whole JSON. */
export async function run(context: LibraryContext, id: string, options: { json?: boolean }): Promise<void> {
  const draft = await context.call('getDraft', { id });
  context.out(options.json ? JSON.stringify(draft) : describeDraft(draft));
}

function describeDraft(draft: Draft): string {
  const tags = draft.hashtags.map((tag) => `#${tag}`).join(' ');
  const quotes = draft.quotes.map(
    (quote, index) => `  ${index + 1}. ${quote.source.title || quote.source.url || '(no source)'}`,
  );
  return [
    draft.title || '(untitled)',
    `id ${draft.id} · revision ${draft.revision} · updated ${draft.updatedAt}${tags ? ` · ${tags}` : ''}`,
    '',
    draft.commentary,
    ...(quotes.length > 0 ? ['', 'Quotes:', ...quotes] : []),
  ].join('\n');
}
