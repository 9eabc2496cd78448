import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useId, type KeyboardEvent } from 'react';
import { limits } from '../../../../shared/model/limits';
import type { Quote } from '../../../../shared/model/draft';
import { sourceName } from '../../../../shared/render/quote';
import { describeKeys, shortcuts } from '../../shortcuts';
import { LimitNote, useFieldLimit } from './fieldLimit';
import { SourceFields } from './SourceFields';

interface QuoteBlockProps {
  readonly quote: Quote;
  readonly position: number;
  readonly count: number;
  readonly onChange: (quote: Quote) => void;
  readonly onMove: (offset: -1 | 1) => void;
  readonly onRemove: () => void;
}

/** One quoted excerpt: its text, its source, and handles to reorder or remove it. */
export function QuoteBlock({ quote, position, count, onChange, onMove, onRemove }: QuoteBlockProps) {
  const sortable = useSortable({ id: quote.id });
  const name = sourceName(quote.source) || `Quote ${position + 1}`;
  const excerptLimit = useFieldLimit('An excerpt', limits.excerptCharacters);
  const excerptNoteId = `${useId()}-excerpt-limit`;

  function moveWithKeys(event: KeyboardEvent): void {
    if (!event.altKey) return;
    if (event.key === 'ArrowUp' && position > 0) {
      event.preventDefault();
      onMove(-1);
    } else if (event.key === 'ArrowDown' && position < count - 1) {
      event.preventDefault();
      onMove(1);
    }
  }

  return (
    <div
      ref={sortable.setNodeRef}
      role="group"
      className="quote-block"
      aria-label={`Quote ${position + 1}: ${name}`}
      style={{ transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition }}
      onKeyDown={moveWithKeys}
    >
      <header className="quote-block-header">
        <button
          type="button"
          className="drag-handle"
          aria-label={`Drag to reorder quote ${position + 1}`}
          {...sortable.attributes}
          {...sortable.listeners}
        >
          ⠿
        </button>
        <span className="quote-block-title">{name}</span>
        <button
          type="button"
          onClick={() => onMove(-1)}
          disabled={position === 0}
          aria-label={`Move quote ${position + 1} up`}
          title={`Move up (${describeKeys(shortcuts.moveQuoteUp.keys)})`}
        >
          ↑
        </button>
        <button
          type="button"
          onClick={() => onMove(1)}
          disabled={position === count - 1}
          aria-label={`Move quote ${position + 1} down`}
          title={`Move down (${describeKeys(shortcuts.moveQuoteDown.keys)})`}
        >
          ↓
        </button>
        <button
          type="button"
          onClick={onRemove}
          aria-label={`Remove quote ${position + 1}`}
          title="Remove (can be undone)"
        >
          ✕
        </button>
      </header>
      <textarea
        className="excerpt-input"
        dir="auto"
        aria-label={`Excerpt of quote ${position + 1}`}
        spellCheck
        rows={6}
        value={quote.excerpt}
        aria-describedby={excerptNoteId}
        onChange={(event) => onChange({ ...quote, excerpt: excerptLimit.take(event.target.value) })}
      />
      <LimitNote id={excerptNoteId} text={excerptLimit.note(quote.excerpt.length)} />
      <SourceFields source={quote.source} onChange={(source) => onChange({ ...quote, source })} />
    </div>
  );
}
