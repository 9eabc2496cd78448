import { SourceSchema, type Source } from '../../../shared/model/draft';
import { limits } from '../../../shared/model/limits';
import type { ClipboardQuote } from './parseClipboard';
import type { PageMetadata } from './pageMetadata';
import { sourceUrlOrNull } from './urls';

type TextField = 'title' | 'author' | 'siteName' | 'publishedAtText';

/**
 * Fills the empty fields of a source from the clipboard and then from the page's details, never
 * replacing a field that already holds something: that may be what the writer typed. The page's
 * title comes before the clipboard's, which is often the browser tab's "Title - Site" form.
 * A publication date is filled only when the source has none in either form.
 */
export function fillSource(
  current: Source,
  clipboard: Pick<ClipboardQuote, 'sourceUrl' | 'sourceTitle'> | null,
  metadata: PageMetadata | null,
): Source {
  const filled = (field: TextField, ...candidates: (string | undefined)[]): string =>
    current[field] !== ''
      ? current[field]
      : (candidates.find((candidate) => candidate !== undefined && candidate.trim() !== '') ?? '').slice(
          0,
          limits.sourceFieldCharacters,
        );
  const hasDate = current.publishedAt !== null || current.publishedAtText !== '';
  const source: Source = {
    url: current.url ?? clipboard?.sourceUrl ?? sourceUrlOrNull(metadata?.url),
    title: filled('title', metadata?.title, clipboard?.sourceTitle),
    author: filled('author', metadata?.author),
    siteName: filled('siteName', metadata?.siteName),
    publishedAt: hasDate ? current.publishedAt : (metadata?.publishedAt ?? null),
    publishedAtText: hasDate ? current.publishedAtText : filled('publishedAtText', metadata?.publishedAtText),
    capturedAt: current.capturedAt,
  };
  return SourceSchema.parse(source);
}
