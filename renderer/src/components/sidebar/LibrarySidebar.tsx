import type { RefObject } from 'react';
import { DraftStatusSchema, type DraftStatus } from '../../../../shared/model/draft';
import type { DraftQuery, TagCount } from '../../../../shared/model/library';
import { withShortcut } from '../../shortcuts';
import type { DraftRows } from '../../state/libraryState';
import { DraftList } from './DraftList';
import { statusLabels } from './StatusBadge';

interface LibrarySidebarProps {
  /** The list's rows (null until the library is read). */
  readonly drafts: DraftRows | null;
  readonly query: DraftQuery;
  readonly tags: readonly TagCount[];
  readonly selectedId: string | null;
  readonly searchRef: RefObject<HTMLInputElement | null>;
  readonly onQuery: (query: DraftQuery) => void;
  /** The list draws rows `from` to `to` (exclusive): those not here yet are to be asked. */
  readonly onRowsShown: (from: number, to: number) => void;
  readonly onSelect: (id: string) => void;
  readonly onCreate: () => void;
  readonly onEmptyTrash: () => void;
  /** Opens File > Export Library and File > Import. */
  readonly onExport: () => void;
  readonly onImport: () => void;
}

/** The library: search, filters, and the drafts that match, newest first. */
export function LibrarySidebar(props: LibrarySidebarProps) {
  const { drafts, query, tags, selectedId, searchRef, onQuery, onRowsShown, onSelect, onCreate } = props;
  const { onEmptyTrash, onExport, onImport } = props;
  const inTrash = query.trash === 'only';
  const filtered = Boolean(query.search) || query.status !== undefined || query.tag !== undefined;
  return (
    <nav className="sidebar" aria-label="Library">
      <button type="button" className="new-draft" onClick={onCreate} title={withShortcut('newDraft')}>
        New draft
      </button>
      <input
        ref={searchRef}
        type="search"
        className="search"
        aria-label="Search drafts"
        placeholder="Search"
        title={withShortcut('focusSearch')}
        value={query.search ?? ''}
        onChange={(event) => onQuery({ ...query, search: event.target.value })}
        onKeyDown={(event) => {
          // From the search into its results: Down moves to the first, Enter opens it.
          const first = drafts?.at(0);
          if (!first || (event.key !== 'ArrowDown' && event.key !== 'Enter')) return;
          event.preventDefault();
          if (event.key === 'Enter') onSelect(first.id);
          event.currentTarget
            .closest('nav')
            ?.querySelector<HTMLButtonElement>('.draft-list li[data-index="0"] button')
            ?.focus();
        }}
      />
      <div className="filters">
        <select
          aria-label="Filter by status"
          value={query.status ?? ''}
          onChange={(event) => {
            const parsed = DraftStatusSchema.safeParse(event.target.value);
            onQuery({ ...query, status: parsed.success ? parsed.data : undefined });
          }}
        >
          <option value="">Any status</option>
          {DraftStatusSchema.options.map((status: DraftStatus) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by tag"
          value={query.tag ?? ''}
          onChange={(event) => onQuery({ ...query, tag: event.target.value || undefined })}
        >
          <option value="">Any tag</option>
          {tags.map(({ tag, count }) => (
            <option key={tag} value={tag}>
              #{tag} ({count})
            </option>
          ))}
        </select>
      </div>
      <label className="trash-toggle">
        <input
          type="checkbox"
          checked={inTrash}
          onChange={(event) => onQuery({ ...query, trash: event.target.checked ? 'only' : undefined })}
        />
        Show the trash
      </label>
      {drafts === null ? (
        <p className="empty">Opening your library…</p>
      ) : drafts.total === 0 ? (
        <p className="empty">
          {inTrash
            ? 'The trash is empty.'
            : filtered
              ? 'No draft matches.'
              : 'No drafts yet. Start one with “New draft”.'}
        </p>
      ) : (
        <DraftList drafts={drafts} selectedId={selectedId} onSelect={onSelect} onRowsShown={onRowsShown} />
      )}
      {/* After the list, not the first stop after "Show the trash": a slip of the keys must not reach it. */}
      {inTrash && drafts !== null && drafts.total > 0 && (
        <button type="button" className="empty-trash" onClick={onEmptyTrash}>
          Empty the trash…
        </button>
      )}
      <div className="archive-buttons">
        <button type="button" onClick={onExport} title="Write every draft to a folder, one file each">
          Export…
        </button>
        <button type="button" onClick={onImport} title="Bring in a WordPress export or a folder of Markdown">
          Import…
        </button>
      </div>
    </nav>
  );
}
