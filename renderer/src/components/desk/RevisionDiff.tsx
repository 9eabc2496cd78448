import { diffWords } from 'diff';
import type { DraftContent } from '../../../../shared/model/draft';

interface RevisionDiffProps {
  readonly current: DraftContent;
  readonly earlier: DraftContent;
}

/** The text of a draft as compared: title, commentary and each quote's excerpt. */
function comparable(content: DraftContent): { readonly label: string; readonly text: string }[] {
  return [
    { label: 'Title', text: content.title },
    { label: 'Commentary', text: content.commentary },
    ...content.quotes.map((quote, index) => ({ label: `Quote ${index + 1}`, text: quote.excerpt })),
  ];
}

/** What restoring an earlier version changes: words it brings back marked in, words it drops struck out. */
export function RevisionDiff({ current, earlier }: RevisionDiffProps) {
  const now = comparable(current);
  const then = comparable(earlier);
  const labels = [...new Set([...now, ...then].map((part) => part.label))];
  const changed = labels
    .map((label) => ({
      label,
      parts: diffWords(
        now.find((part) => part.label === label)?.text ?? '',
        then.find((part) => part.label === label)?.text ?? '',
      ),
    }))
    .filter(({ parts }) => parts.some((part) => part.added || part.removed));
  if (changed.length === 0) return <p className="empty">This version is the same as the draft now.</p>;
  return (
    <div className="revision-diff" aria-label="What restoring changes">
      {changed.map(({ label, parts }) => (
        <section key={label} aria-label={label}>
          <h3>{label}</h3>
          <p dir="auto">
            {parts.map((part, index) =>
              part.added ? (
                <ins key={index}>{part.value}</ins>
              ) : part.removed ? (
                <del key={index}>{part.value}</del>
              ) : (
                <span key={index}>{part.value}</span>
              ),
            )}
          </p>
        </section>
      ))}
    </div>
  );
}
