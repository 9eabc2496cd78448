import { limits } from '../../../shared/model/limits';
import { AppError } from '../../../shared/result';
import { fetchPage, type Fetch } from './fetchPage';
import { extractPageMetadata, type PageMetadata } from './pageMetadata';

export interface SourceMetadataOptions {
  /** Injected so that tests and hosts choose the network; the global fetch in the app. */
  readonly fetch: Fetch;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
}

export const sourceFetchDefaults = { timeoutMs: 10_000, maxBytes: limits.sourcePageBytes, maxRedirects: 5 } as const;

/**
 * Reads a source page once for its title, site, author and publication date. A page longer than
 * maxBytes is read only up to there, which is enough when its <head> (where the details live) has
 * ended by then. Throws AppError: 'unavailable' (offline, timeout, server trouble), 'not-found',
 * or 'invalid-input' (not http(s), not HTML, too large, redirect loop or too many redirects).
 */
export async function fetchSourceMetadata(url: string, options: SourceMetadataOptions): Promise<PageMetadata> {
  const maxBytes = options.maxBytes ?? sourceFetchDefaults.maxBytes;
  const page = await fetchPage(url, {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? sourceFetchDefaults.timeoutMs,
    maxBytes,
    maxRedirects: options.maxRedirects ?? sourceFetchDefaults.maxRedirects,
  });
  if (!page.complete && !/<\/head\s*>|<body[\s>]/i.test(page.html)) {
    const megabytes = Math.round(maxBytes / 100_000) / 10;
    throw new AppError(
      'invalid-input',
      `The source page is larger than ${megabytes} MB, too large to read its details.`,
    );
  }
  return extractPageMetadata(page.html, page.url);
}
