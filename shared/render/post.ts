import type { DraftContent } from '../model/draft';
import { renderMarkdown } from './markdown';
import { renderQuote } from './quote';

/**
 * The body of a post as HTML: commentary, then each quote credited to its source. The preview
 * shows exactly this, and publishing sends exactly this, so the blog matches the preview.
 */
export function renderPostBody(content: Pick<DraftContent, 'commentary' | 'quotes'>): string {
  return renderMarkdown(content.commentary) + content.quotes.map(renderQuote).join('');
}
