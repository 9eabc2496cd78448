import type { Source } from '../../../shared/model/draft';

/**
 * The source as the writer left it, with the fields they left empty taken from `found` (what the
 * source page said). What they typed while the page was being read is never overwritten.
 */
export function mergeSource(current: Source, found: Source): Source {
  const pick = (mine: string, theirs: string) => (mine.trim() === '' ? theirs : mine);
  const hasDate = current.publishedAt !== null || current.publishedAtText !== '';
  return {
    url: current.url ?? found.url,
    title: pick(current.title, found.title),
    author: pick(current.author, found.author),
    siteName: pick(current.siteName, found.siteName),
    publishedAt: hasDate ? current.publishedAt : found.publishedAt,
    publishedAtText: hasDate ? current.publishedAtText : found.publishedAtText,
    capturedAt: current.capturedAt ?? found.capturedAt,
  };
}

/** A quote whose source page has not been read yet: it has an address but no title. */
export function needsDetails(source: Source): boolean {
  return source.url !== null && source.title.trim() === '' && source.siteName.trim() === '';
}
