import type { ClipboardPayload } from '../../../shared/model/clipboard';
import type { Quote, Source } from '../../../shared/model/draft';
import { AppError } from '../../../shared/result';
import type { Fetch } from './fetchPage';
import { fetchSourceMetadata } from './fetchSourceMetadata';
import { fillSource } from './fillSource';
import { parseClipboard } from './parseClipboard';
import { quoteFromClipboard } from './quoteFromClipboard';

export interface QuoteServiceOptions {
  readonly fetch: Fetch;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Reads the OS clipboard; only the Electron host can (a browser page gets a paste event instead). */
  readonly readClipboard?: () => Promise<ClipboardPayload>;
  readonly logError: (message: string, error: unknown) => void;
}

/** Quotes from the clipboard, credited to their source: what every host offers the writer. */
export interface QuoteService {
  /** What the OS clipboard holds now. */
  readClipboard(): Promise<ClipboardPayload>;
  /** A new quote from a clipboard payload, with what the clipboard says of its source. No network. */
  fromClipboard(payload: unknown): Quote;
  /** The source with its empty fields filled from its page; throws 'unavailable' when offline. */
  enrichSource(source: Source): Promise<Source>;
}

export function createQuoteService(options: QuoteServiceOptions): QuoteService {
  return {
    async readClipboard() {
      if (!options.readClipboard) {
        throw new AppError(
          'unavailable',
          'This window cannot read the clipboard directly: paste with Ctrl+V (⌘V) instead.',
        );
      }
      return options.readClipboard();
    },
    fromClipboard(payload) {
      return quoteFromClipboard(parseClipboard(payload), { newId: options.newId, now: options.now });
    },
    async enrichSource(source) {
      if (source.url === null)
        throw new AppError('invalid-input', 'The quote has no source address to read its details from.');
      const metadata = await fetchSourceMetadata(source.url, { fetch: options.fetch });
      return fillSource(source, null, metadata);
    },
  };
}
