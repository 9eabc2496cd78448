import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { DraftRows } from '../../state/libraryState';
import { DraftListItem } from './DraftListItem';

/** A row's height before it is measured: a one-line title, the first words and the meta line. */
const ESTIMATED_ROW_PX = 70;
/** Rows rendered beyond the visible ones, so that a quick scroll or Tab never lands on a blank. */
const OVERSCAN_ROWS = 10;
/** Rows Page Up and Page Down move by. */
const PAGE_ROWS = 10;
/** How long a row moved to by the keyboard may take to arrive (its page asked of the core). */
const FOCUS_WAIT_MS = 3_000;

interface DraftListProps {
  readonly drafts: DraftRows;
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  readonly onRowsShown: (from: number, to: number) => void;
}

/**
 * The drafts, newest first. Only the rows in view are in the page, and only their summaries are
 * asked of the core (`onRowsShown`): a library of ten thousand drafts would otherwise cost
 * seconds and megabytes at every start and every refresh. A row whose page is on its way is
 * drawn empty, at its place.
 */
export function DraftList({ drafts, selectedId, onSelect, onRowsShown }: DraftListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: drafts.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN_ROWS,
    getItemKey: (index) => drafts.at(index)?.id ?? `row ${index}`,
  });
  const drawn = rows.getVirtualItems();
  const firstDrawn = drawn[0]?.index ?? 0;
  const lastDrawn = drawn.at(-1)?.index ?? -1;
  // Asked again whenever the list changes: a new query or a list asked afresh may lack rows drawn.
  useEffect(() => {
    if (lastDrawn >= firstDrawn) onRowsShown(firstDrawn, lastDrawn + 1);
  }, [drafts, firstDrawn, lastDrawn, onRowsShown]);

  // A draft opened from elsewhere (a new draft, a link, the menu) is brought into view.
  const selectedIndex = selectedId === null ? -1 : drafts.indexOf(selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) rows.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [rows, selectedIndex]);

  /**
   * Arrow keys, Page Up/Down, Home and End move through the drafts as in a mail app's list; the
   * row to focus may not be in the page yet, so it is scrolled in first and focused once drawn.
   */
  function moveFocus(event: KeyboardEvent<HTMLUListElement>): void {
    const from = Number((event.target as HTMLElement).closest('li')?.dataset['index']);
    const last = drafts.total - 1;
    const to = targetRow(event.key, from, last);
    if (to === null || Number.isNaN(from)) return;
    event.preventDefault();
    rows.scrollToIndex(to, { align: 'auto' });
    const giveUpAt = performance.now() + FOCUS_WAIT_MS;
    const focusWhenDrawn = () => {
      const button = scroller.current?.querySelector<HTMLButtonElement>(`li[data-index="${to}"] button`);
      if (button) button.focus();
      else if (performance.now() < giveUpAt) requestAnimationFrame(focusWhenDrawn);
    };
    focusWhenDrawn();
  }

  return (
    <div ref={scroller} className="draft-scroller">
      <ul className="draft-list" aria-label="Drafts" style={{ height: rows.getTotalSize() }} onKeyDown={moveFocus}>
        {drawn.map((row) => {
          const draft = drafts.at(row.index);
          return (
            <li
              key={row.key}
              ref={rows.measureElement}
              data-index={row.index}
              aria-posinset={row.index + 1}
              aria-setsize={drafts.total}
              aria-busy={draft ? undefined : 'true'}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              {draft ? (
                <DraftListItem draft={draft} selected={draft.id === selectedId} onSelect={onSelect} />
              ) : (
                <span className="draft-row-waiting" style={{ height: ESTIMATED_ROW_PX - 12 }} />
              )}
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
