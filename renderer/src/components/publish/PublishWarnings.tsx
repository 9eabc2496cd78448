import { useMemo } from 'react';
import type { DraftContent } from '../../../../shared/model/draft';
import { DEFAULT_FAIR_EXCERPT_WORDS, describeWarning, publishWarnings } from '../../../../shared/model/publishWarnings';
import { useNumberPreference } from '../../state/usePreference';

interface PublishWarningsProps {
  readonly content: DraftContent;
  /** Takes the day a vague source date named as the quote's publication date. */
  readonly onResolveDate: (quote: number, date: string) => void;
}

/** What is worth a second look before publishing: said, never in the way of the Publish button. */
export function PublishWarnings({ content, onResolveDate }: PublishWarningsProps) {
  const [fairExcerptWords, setFairExcerptWords] = useNumberPreference('fairExcerptWords', DEFAULT_FAIR_EXCERPT_WORDS);
  const warnings = useMemo(() => publishWarnings(content, { fairExcerptWords }), [content, fairExcerptWords]);
  return (
    <section className="publish-warnings" aria-label="Before you publish">
      {warnings.length > 0 && (
        <ul>
          {warnings.map((warning) => (
            <li key={`${warning.kind}-${'quote' in warning ? warning.quote : 0}`}>
              {describeWarning(warning)}
              {warning.kind === 'vague-date' && warning.resolved !== null && (
                <>
                  {' '}
                  <button type="button" onClick={() => onResolveDate(warning.quote, warning.resolved ?? '')}>
                    Use {warning.resolved}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <label className="field-note">
        Warn when a quote is longer than{' '}
        <input
          type="number"
          min={1}
          step={10}
          value={fairExcerptWords}
          onChange={(event) => setFairExcerptWords(Number(event.target.value))}
        />{' '}
        words
      </label>
    </section>
  );
}
