import type { DraftContent } from '../model/draft';
import { renderMarkdown } from './markdown';
import { renderQuote, type AttributionStyle } from './quote';

/** Per-blog choices about how a post is rendered. */
export interface RenderOptions {
  readonly attribution?: AttributionStyle;
}

/**
 * The body of a post as HTML: commentary, then each quote credited to its source. The preview
 * shows exactly this, and publishing sends exactly this, so the blog matches the preview.
 */
export function renderPostBody(
  content: Pick<DraftContent, 'commentary' | 'quotes'>,
  options: RenderOptions = {},
): string {
  const style = options.attribution ?? 'via';
  return renderMarkdown(content.commentary) + content.quotes.map((quote) => renderQuote(quote, style)).join('');
}
