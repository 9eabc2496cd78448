import { useDeferredValue, useMemo } from 'react';
import type { DraftContent } from '../../../../shared/model/draft';
import { brokenImageReferences, missingAltTexts } from '../../../../shared/media/references';
import { countWords } from '../../../../shared/text/words';
import type { SaveStatus } from '../../state/useAutosave';
import { SaveStatusLine } from './SaveStatusLine';

/**
 * Whether the draft is saved, and how long it is: the writer's words, the quoted words, and
 * their ratio, because writers who quote want to see when the quote outweighs their own words.
 */
export function StatusBar({
  content,
  status,
  onRetry,
}: {
  content: DraftContent;
  status: SaveStatus;
  onRetry: () => void;
}) {
  // Counting 10,000 words takes milliseconds: it follows the writer, never holds them up.
  const counted = useDeferredValue(content);
  const own = useMemo(() => countWords(counted.commentary), [counted.commentary]);
  const quoted = useMemo(
    () => counted.quotes.reduce((total, quote) => total + countWords(quote.excerpt), 0),
    [counted.quotes],
  );
  const outweighs = quoted > own;
  const withoutAlt = useMemo(() => missingAltTexts(counted), [counted]);
  // Said as soon as it happens, where the writer is looking: a stray key inside a finished image
  // reference makes the image vanish from the preview, and an undo now is cheaper than later.
  const broken = useMemo(() => brokenImageReferences(counted), [counted]);
  return (
    <footer className="status-bar">
      <SaveStatusLine status={status} onRetry={onRetry} />
      <span aria-label="Commentary words">{own.toLocaleString()} words yours</span>
      <span aria-label="Quoted words">{quoted.toLocaleString()} quoted</span>
      <span
        aria-label="Quote to commentary ratio"
        className={outweighs ? 'ratio-high' : undefined}
        title={outweighs ? 'The quotes outweigh your own words' : 'Quoted words per word of yours'}
      >
        {own === 0 ? (quoted === 0 ? '—' : 'all quote') : `${(quoted / own).toFixed(1)} : 1`}
      </span>
      {withoutAlt > 0 && (
        <span className="missing-alt" title="Readers who cannot see an image hear or read its alt text">
          {withoutAlt === 1 ? '1 image without alt text' : `${withoutAlt} images without alt text`}
        </span>
      )}
      {broken > 0 && (
        <span className="missing-alt" title="Undo the change, or insert the image again">
          {broken === 1 ? '1 image reference broken' : `${broken} image references broken`}
        </span>
      )}
    </footer>
  );
}
