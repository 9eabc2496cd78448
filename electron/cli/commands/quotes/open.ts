import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/result';
import { contentFromQuoteLink, parseQuoteLink } from '../../../core/shell/quoteLink';
import type { LibraryContext } from '../../context';

/**
 * `quotes open LINK`: a commonplace://quote link (what a bookmarklet sends) as a new draft holding
 * its passage, credited to its page, as the desktop app does; prints the new draft's id.
 */
export async function run(context: LibraryContext, link: string): Promise<void> {
  const parsed = parseQuoteLink(link);
  if (!parsed.ok) throw new AppError('invalid-input', `This link cannot be opened: ${parsed.reason}.`);
  const draft = await context.call('createDraft', {
    content: contentFromQuoteLink(parsed.value, new Date(), randomUUID),
  });
  context.out(draft.id);
}
