import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { DraftSummary } from '../../../../shared/model/draft';
import { DraftListItem } from './DraftListItem';

/** A row's height before it is measured: a one-line title, the first words and the meta line. */
const ESTIMATED_ROW_PX = 70;
/** Rows rendered beyond the visible ones, so that a quick scroll or Tab never lands on a blank. */
const OVERSCAN_ROWS = 10;
/** Rows Page Up and Page Down move by. */
const PAGE_ROWS = 10;

interface DraftListProps {
  readonly drafts: readonly DraftSummary[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
}

/**
 * The drafts, newest first. Only the rows in view are in the page: a library of ten thousand
 * drafts would otherwise cost seconds at every start and every refresh.
 */
export function DraftList({ drafts, selectedId, onSelect }: DraftListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: drafts.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN_ROWS,
    getItemKey: (index) => drafts[index]?.id ?? index,
  });

  // A draft opened from elsewhere (a new draft, a link, the menu) is brought into view.
  const selectedIndex = drafts.findIndex((draft) => draft.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) rows.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [rows, selectedIndex]);

  /**
   * Arrow keys, Page Up/Down, Home and End move through the drafts as in a mail app's list; the
   * row to focus may not be in the page yet, so it is scrolled in first and focused once drawn.
   */
  function moveFocus(event: KeyboardEvent<HTMLUListElement>): void {
    const from = Number((event.target as HTMLElement).closest('li')?.dataset['index']);
    const last = drafts.length - 1;
    const to = targetRow(event.key, from, last);
    if (to === null || Number.isNaN(from)) return;
    event.preventDefault();
    rows.scrollToIndex(to, { align: 'auto' });
    const focusWhenDrawn = (triesLeft: number) => {
      const button = scroller.current?.querySelector<HTMLButtonElement>(`li[data-index="${to}"] button`);
      if (button) button.focus();
      else if (triesLeft > 0) requestAnimationFrame(() => focusWhenDrawn(triesLeft - 1));
    };
    focusWhenDrawn(10);
  }

  return (
    <div ref={scroller} className="draft-scroller">
      <ul className="draft-list" aria-label="Drafts" style={{ height: rows.getTotalSize() }} onKeyDown={moveFocus}>
        {rows.getVirtualItems().map((row) => {
          const draft = drafts[row.index];
          if (!draft) return null;
          return (
            <li
              key={row.key}
              ref={rows.measureElement}
              data-index={row.index}
              aria-posinset={row.index + 1}
              aria-setsize={drafts.length}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <DraftListItem draft={draft} selected={draft.id === selectedId} onSelect={onSelect} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function targetRow(key: string, from: number, last: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(from + 1, last);
    case 'ArrowUp':
      return Math.max(from - 1, 0);
    case 'PageDown':
      return Math.min(from + PAGE_ROWS, last);
    case 'PageUp':
      return Math.max(from - PAGE_ROWS, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
