import type { DraftView } from '../../../shared/model/draft';
import { withShortcut } from '../shortcuts';
import type { OutboxCounts } from '../state/libraryState';

/** What the toolbar can open or switch; each is also a menu command or a shortcut. */
export interface ToolbarActions {
  readonly showOutbox: () => void;
  readonly togglePreview: () => void;
  readonly toggleFocus: () => void;
  readonly togglePublish: () => void;
  readonly showHistory: () => void;
  readonly trash: () => void;
  readonly restore: () => void;
  readonly showBlogs: () => void;
  readonly newPostFromClipboard: () => void;
  readonly showShortcuts: () => void;
}

interface ToolbarProps {
  readonly current: DraftView | null;
  readonly outbox: OutboxCounts;
  readonly previewShown: boolean;
  readonly focusMode: boolean;
  readonly publishShown: boolean;
  readonly actions: ToolbarActions;
}

function outboxLine({ waiting, needsYou }: OutboxCounts): string {
  if (needsYou > 0) return `${needsYou} post${needsYou === 1 ? ' needs' : 's need'} you`;
  return waiting > 0 ? `${waiting} waiting to go out` : '';
}

export function Toolbar({ current, outbox, previewShown, focusMode, publishShown, actions }: ToolbarProps) {
  return (
    <div className="toolbar" role="toolbar" aria-label="View">
      <span className="outbox-state" role="status" aria-label="Outbox state">
        {outboxLine(outbox)}
      </span>
      {/* The count stays on the button when the window is too narrow for the state's words. */}
      <button type="button" onClick={actions.showOutbox} aria-label="Outbox">
        Outbox{outbox.waiting + outbox.needsYou > 0 ? ` ${outbox.waiting + outbox.needsYou}` : ''}
      </button>
      <button
        type="button"
        aria-pressed={previewShown}
        onClick={actions.togglePreview}
        title={withShortcut('togglePreview')}
      >
        Preview
      </button>
      <button type="button" aria-pressed={focusMode} onClick={actions.toggleFocus} title={withShortcut('focusMode')}>
        Focus
      </button>
      <button
        type="button"
        aria-pressed={publishShown}
        onClick={actions.togglePublish}
        title={withShortcut('publish')}
        disabled={!current || current.trashedAt !== null}
      >
        Publish
      </button>
      <button type="button" onClick={actions.showHistory} disabled={!current}>
        History
      </button>
      {current?.trashedAt ? (
        <button type="button" onClick={actions.restore} aria-label="Restore from trash">
          Restore
        </button>
      ) : (
        <button type="button" onClick={actions.trash} disabled={!current} aria-label="Move to trash">
          Trash
        </button>
      )}
      <button type="button" onClick={actions.showBlogs}>
        Blogs
      </button>
      <button type="button" onClick={actions.newPostFromClipboard} aria-label="New post from clipboard">
        From clipboard
      </button>
      <button type="button" onClick={actions.showShortcuts} title={withShortcut('showShortcuts')}>
        Shortcuts
      </button>
    </div>
  );
}
