import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { memo } from 'react';
import type { Quote } from '../../../../shared/model/draft';
import { limits } from '../../../../shared/model/limits';
import { withShortcut } from '../../shortcuts';
import { QuoteBlock } from './QuoteBlock';

interface QuoteListProps {
  readonly quotes: readonly Quote[];
  readonly onChange: (quotes: Quote[]) => void;
  readonly onRemove: (index: number) => void;
  readonly onAdd: () => void;
  readonly onPaste: () => void;
}

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const moved = [...items];
  const [item] = moved.splice(from, 1);
  if (item !== undefined) moved.splice(to, 0, item);
  return moved;
}

/** The draft's quoted excerpts, in order; reordered by drag, by keyboard, or by their buttons. */
export const QuoteList = memo(function QuoteList({ quotes, onChange, onRemove, onAdd, onPaste }: QuoteListProps) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const full = quotes.length >= limits.quotesPerDraft;

  function dragEnd({ active, over }: DragEndEvent): void {
    if (!over || active.id === over.id) return;
    const from = quotes.findIndex((quote) => quote.id === active.id);
    const to = quotes.findIndex((quote) => quote.id === over.id);
    if (from >= 0 && to >= 0) onChange(moveItem(quotes, from, to));
  }

  return (
    <div className="quote-list" role="group" aria-label="Quotes">
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={dragEnd}>
        <SortableContext items={quotes.map((quote) => quote.id)} strategy={verticalListSortingStrategy}>
          {quotes.map((quote, index) => (
            <QuoteBlock
              key={quote.id}
              quote={quote}
              position={index}
              count={quotes.length}
              onChange={(changed) =>
                onChange(quotes.map((existing) => (existing.id === changed.id ? changed : existing)))
              }
              onMove={(offset) => onChange(moveItem(quotes, index, index + offset))}
              onRemove={() => onRemove(index)}
            />
          ))}
        </SortableContext>
      </DndContext>
      <div className="quote-actions">
        <button type="button" onClick={onPaste} title={withShortcut('pasteAsQuote')} disabled={full}>
          Paste as quote
        </button>
        <button type="button" onClick={onAdd} disabled={full}>
          Add a quote
        </button>
        {full && (
          <p className="field-limit" role="status">
            A post holds at most {limits.quotesPerDraft} quotes; remove one to add another.
          </p>
        )}
      </div>
    </div>
  );
});
