import { emptySource, QuoteSchema, type Quote } from '../../../shared/model/draft';
import { fillSource } from './fillSource';
import type { PageMetadata } from './pageMetadata';
import type { ClipboardQuote } from './parseClipboard';

export interface QuoteOptions {
  readonly newId: () => string;
  readonly now: () => Date;
  /** The source page's details, when they could be read; null leaves them to be filled later. */
  readonly metadata?: PageMetadata | null;
}

/** A new quote from a parsed clipboard: excerpt, credited source, capture time and the copied HTML. */
export function quoteFromClipboard(clipboard: ClipboardQuote, options: QuoteOptions): Quote {
  const source = fillSource(
    { ...emptySource(), capturedAt: options.now().toISOString() },
    clipboard,
    options.metadata ?? null,
  );
  return QuoteSchema.parse({
    id: options.newId(),
    excerpt: clipboard.excerpt,
    source,
    note: '',
    clipboardHtml: clipboard.clipboardHtml,
  });
}
