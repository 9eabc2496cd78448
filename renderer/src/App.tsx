import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppCommand } from '../../shared/contract';
import type { ClipboardPayload } from '../../shared/model/clipboard';
import { api } from './api';
import { ConfirmDialog } from './components/ConfirmDialog';
import type { DraftEditorHandle } from './components/desk/DraftEditor';
import { UndoBar } from './components/desk/UndoBar';
import { Messages } from './components/Messages';
import { LibrarySidebar } from './components/sidebar/LibrarySidebar';
import { Toolbar } from './components/Toolbar';
import {
  AccountsDialog,
  ArchiveDialog,
  DraftEditor,
  HistoryDialog,
  OutboxDialog,
  PasteCatcher,
  preloadLateParts,
  ShortcutsSheet,
} from './lateParts';
import { withShortcut } from './shortcuts';
import { useConnectivity } from './state/useConnectivity';
import { useCurrentDraft, type DeskPlace } from './state/useCurrentDraft';
import { draftRows, outboxCounts } from './state/libraryState';
import { libraryStore, useLibraryState } from './state/useLibraryStore';
import { useShortcuts } from './state/useShortcuts';

/** The dialogs and panels the writer can open; one dialog at a time. */
type Dialog =
  | 'shortcuts'
  | 'history'
  | 'outbox'
  | 'blogs'
  /** The blogs, with one blog's settings open. */
  | { readonly kind: 'blog-settings'; readonly accountId: string }
  | 'paste-new-post'
  | 'export'
  | 'import'
  | { readonly kind: 'empty-trash'; readonly count: number }
  | null;

/** A destructive action just done, and how to take it back while the offer stands. */
interface UndoOffer {
  readonly message: string;
  readonly undo: () => Promise<void>;
  readonly visibleMs: number;
}

/** How long emptying the trash can be undone from the bar (and until the app closes, from nowhere). */
const EMPTY_TRASH_UNDO_MS = 30_000;
const TRASH_UNDO_MS = 10_000;

function draftCount(count: number): string {
  return `${count} draft${count === 1 ? '' : 's'}`;
}

export function App() {
  const library = useLibraryState();
  const drafts = useMemo(
    () => (library.loaded ? draftRows(library.list, library.summaries) : null),
    [library.loaded, library.list, library.summaries],
  );
  const outbox = useMemo(() => outboxCounts(library.outbox), [library.outbox]);
  const desk = useCurrentDraft();
  const { current, open, create, setProblem, refresh } = desk;
  const refreshDesk = useCallback((leave: () => DeskPlace | null) => void refresh(leave), [refresh]);
  useEffect(() => {
    void libraryStore.start();
    return () => libraryStore.stop();
  }, []);
  useConnectivity();
  const [showPreview, setShowPreview] = useState(true);
  const [focusMode, setFocusMode] = useState(false);
  const [showPublish, setShowPublish] = useState(false);
  /**
   * The draft the writer asked to publish at once (the shortcut), named so that only its own
   * panel answers it: an ask left unanswered must never publish a draft opened afterwards.
   */
  const [publishAsked, setPublishAsked] = useState<string | null>(null);
  const answerPublishAsk = useCallback(() => setPublishAsked(null), []);
  const [dialog, setDialog] = useState<Dialog>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const editor = useRef<DraftEditorHandle>(null);
  const closeDialog = useCallback(() => setDialog(null), []);
  const [undoOffer, setUndoOffer] = useState<UndoOffer | null>(null);
  const forgetUndo = useCallback(() => setUndoOffer(null), []);

  /** A restored draft replaces the open one, so what its editor has not saved yet is saved first. */
  const restoreFromTrash = useCallback(
    async (id?: string) => {
      if (await (editor.current?.flush() ?? Promise.resolve(true))) await desk.restore(id);
      else setProblem('The draft was not restored: its last edits could not be saved. Try again.');
    },
    [desk, setProblem],
  );

  /** Saves what is typed, then moves the draft to the trash, offering to take it back. */
  const trashCurrent = useCallback(async () => {
    await editor.current?.flush();
    const trashed = await desk.trash();
    if (!trashed) return;
    setUndoOffer({
      message: `Moved “${trashed.title || 'Untitled'}” to the trash.`,
      undo: () => restoreFromTrash(trashed.id),
      visibleMs: TRASH_UNDO_MS,
    });
  }, [desk, restoreFromTrash]);

  /** Asks first, naming how many drafts the whole trash holds (the list may be filtered). */
  const askToEmptyTrash = useCallback(async () => {
    const trashed = await api.listDraftPage({ query: { trash: 'only' }, offset: 0, limit: 1 });
    if (trashed.ok) setDialog({ kind: 'empty-trash', count: trashed.value.total });
    else setProblem(`The trash could not be read: ${trashed.error.message}`);
  }, [setProblem]);

  const emptyTrash = useCallback(async () => {
    setDialog(null);
    const emptied = await desk.emptyTrash();
    if (!emptied) return;
    setUndoOffer({
      message: `Deleted ${draftCount(emptied.deleted)} for good.`,
      undo: () => desk.undoEmptyTrash(emptied.batch),
      visibleMs: EMPTY_TRASH_UNDO_MS,
    });
  }, [desk]);

  /** A new draft holding the copied passage as its quote, titled after its source, like the example post. */
  const createFromClipboard = useCallback(
    async (clipboard: ClipboardPayload) => {
      setDialog(null);
      const quote = await api.quoteFromClipboard({ clipboard });
      if (!quote.ok) {
        setProblem(`No post was made from the clipboard: ${quote.error.message}`);
        return;
      }
      await create({
        title: quote.value.source.title,
        commentary: '',
        quotes: [quote.value],
        hashtags: [],
        featuredImage: null,
      });
    },
    [create, setProblem],
  );

  const newPostFromClipboard = useCallback(async () => {
    const clipboard = await api.readClipboard({});
    if (clipboard.ok) await createFromClipboard(clipboard.value);
    else setDialog('paste-new-post');
  }, [createFromClipboard]);

  const newDraft = useCallback(() => {
    setFocusMode(false);
    void create();
  }, [create]);

  const commands: Partial<Record<AppCommand, () => void>> = {
    newDraft,
    focusSearch: () => {
      setFocusMode(false);
      searchRef.current?.focus();
    },
    togglePreview: () => setShowPreview((shown) => !shown),
    focusMode: () => setFocusMode((on) => !on),
    showShortcuts: () => setDialog('shortcuts'),
    pasteAsQuote: () => editor.current?.pasteAsQuote(),
    insertImage: () => editor.current?.insertImage(),
    publish: () => {
      setShowPublish(true);
      // With no draft on the desk, or one in the trash, there is nothing to publish.
      setPublishAsked(current && current.trashedAt === null ? current.id : null);
    },
    preferences: () => setDialog('blogs'),
    newPostFromClipboard: () => void newPostFromClipboard(),
    exportLibrary: () => setDialog('export'),
    importArchive: () => setDialog('import'),
  };
  useShortcuts(commands);
  const latestCommands = useRef(commands);
  latestCommands.current = commands;

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'command') latestCommands.current[event.command]?.();
        else if (event.type === 'open-draft') void open(event.id);
        else if (event.type === 'open-url') window.open(event.url, '_blank', 'noopener,noreferrer');
        // theme-snapshot-changed: the Blogs dialog and the themed preview listen for it themselves.
      }),
    [open],
  );

  // Once the library is on screen, the editor is fetched while the writer looks at it.
  const libraryShown = drafts !== null;
  useEffect(() => {
    if (!libraryShown) return;
    const idle = requestIdleCallback(preloadLateParts, { timeout: 2_000 });
    return () => cancelIdleCallback(idle);
  }, [libraryShown]);

  return (
    <div className={focusMode ? 'app focus-mode' : 'app'}>
      {!focusMode && (
        <LibrarySidebar
          drafts={drafts}
          query={library.list.query}
          tags={library.tags}
          selectedId={current?.id ?? null}
          searchRef={searchRef}
          onQuery={(query) => libraryStore.setQuery(query)}
          onRowsShown={libraryStore.showRows}
          onSelect={(id) => void open(id)}
          onCreate={newDraft}
          onEmptyTrash={() => void askToEmptyTrash()}
          onExport={() => setDialog('export')}
          onImport={() => setDialog('import')}
        />
      )}
      <main className="workspace">
        <Toolbar
          current={current}
          outbox={outbox}
          previewShown={showPreview}
          focusMode={focusMode}
          publishShown={showPublish}
          actions={{
            showOutbox: () => setDialog('outbox'),
            togglePreview: () => setShowPreview(!showPreview),
            toggleFocus: () => setFocusMode(!focusMode),
            togglePublish: () => setShowPublish(!showPublish),
            showHistory: () => setDialog('history'),
            trash: () => void trashCurrent(),
            restore: () => void restoreFromTrash(),
            showBlogs: () => setDialog('blogs'),
            newPostFromClipboard: () => void newPostFromClipboard(),
            showShortcuts: () => setDialog('shortcuts'),
          }}
        />
        <Messages problem={desk.problem ?? library.problem} notices={library.notices} />
        {undoOffer && (
          <UndoBar
            message={undoOffer.message}
            visibleMs={undoOffer.visibleMs}
            onUndo={() => {
              setUndoOffer(null);
              void undoOffer.undo();
            }}
            onExpire={forgetUndo}
          />
        )}
        {current?.trashedAt && (
          <div className="trash-banner" role="status" aria-label="In the trash">
            This draft is in the trash: you can read it, not edit or publish it.
            <button type="button" onClick={() => void restoreFromTrash()}>
              Restore
            </button>
          </div>
        )}
        {dialog === 'paste-new-post' && (
          <Suspense fallback={null}>
            <PasteCatcher
              purpose="New post from clipboard"
              onPaste={(clipboard) => void createFromClipboard(clipboard)}
              onCancel={closeDialog}
            />
          </Suspense>
        )}
        {current ? (
          <Suspense fallback={<div className="desk-loading" aria-busy="true" />}>
            <DraftEditor
              ref={editor}
              key={`${current.id}@${current.revision}`}
              draft={current}
              libraryTags={library.tags}
              showPreview={showPreview && !focusMode}
              showPublish={showPublish}
              publishAsked={publishAsked === current.id}
              onPublishAskAnswered={answerPublishAsk}
              readOnly={current.trashedAt !== null}
              switching={desk.switching}
              accounts={library.accounts}
              onManageBlogs={(accountId) =>
                setDialog(accountId === undefined ? 'blogs' : { kind: 'blog-settings', accountId })
              }
              onReplaced={() => void desk.reload()}
              announcedRevision={library.summaries.get(current.id)?.revision}
              onChangedElsewhere={refreshDesk}
              place={desk.place}
            />
          </Suspense>
        ) : (
          drafts !== null && (
            <div className="welcome">
              <h1>Commonplace</h1>
              <p>Write about what you read: your words, the passage that moved you, and where it came from.</p>
              <button type="button" onClick={newDraft} title={withShortcut('newDraft')}>
                Start a new draft
              </button>
            </div>
          )
        )}
      </main>
      {typeof dialog === 'object' && dialog?.kind === 'empty-trash' && (
        <ConfirmDialog
          title="Empty the trash?"
          message={`${draftCount(dialog.count)} in the trash will be deleted, with ${dialog.count === 1 ? 'its' : 'their'} history. Undo is offered for 30 seconds after.`}
          confirmLabel={`Delete ${draftCount(dialog.count)}`}
          onConfirm={() => void emptyTrash()}
          onCancel={closeDialog}
        />
      )}
      <Suspense fallback={null}>
        {dialog === 'shortcuts' && <ShortcutsSheet onClose={closeDialog} />}
        {dialog === 'history' && current && (
          <HistoryDialog
            draftId={current.id}
            beforeRestore={() => editor.current?.flush() ?? Promise.resolve(true)}
            onRestored={desk.show}
            onClose={closeDialog}
            accounts={library.accounts}
          />
        )}
        {dialog === 'outbox' && (
          <OutboxDialog
            entries={library.outbox}
            accounts={library.accounts}
            titleOf={(id) => library.summaries.get(id)?.title || 'Untitled'}
            onOpenSettings={(accountId) => setDialog({ kind: 'blog-settings', accountId })}
            onChooseAnotherBlog={(draftId) => {
              closeDialog();
              setShowPublish(true);
              void open(draftId);
            }}
            onClose={closeDialog}
          />
        )}
        {(dialog === 'export' || dialog === 'import') && (
          <ArchiveDialog initialMode={dialog} currentDraftId={current?.id ?? null} onClose={closeDialog} />
        )}
        {dialog === 'blogs' && <AccountsDialog accounts={library.accounts} onClose={closeDialog} />}
        {typeof dialog === 'object' && dialog?.kind === 'blog-settings' && (
          <AccountsDialog accounts={library.accounts} settingsOf={dialog.accountId} onClose={closeDialog} />
        )}
      </Suspense>
    </div>
  );
}
