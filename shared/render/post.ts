import type { DraftContent } from '../model/draft';
import { renderMarkdown } from './markdown';
import { renderQuote, type RenderOptions } from './quote';

/**
 * The body of a post as HTML: commentary, then each quote credited to its source. The preview
 * shows exactly this, and publishing sends exactly this, so the blog matches the preview.
 */
export function renderPostBody(
  content: Pick<DraftContent, 'commentary' | 'quotes'>,
  options: RenderOptions = {},
): string {
  return renderMarkdown(content.commentary) + content.quotes.map((quote) => renderQuote(quote, options)).join('');
}
