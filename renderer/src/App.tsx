import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppCommand } from '../../shared/contract';
import type { ClipboardPayload } from '../../shared/model/clipboard';
import { api } from './api';
import { AccountsDialog } from './components/accounts/AccountsDialog';
import { DraftEditor, type DraftEditorHandle } from './components/desk/DraftEditor';
import { HistoryDialog } from './components/desk/HistoryDialog';
import { PasteCatcher } from './components/desk/PasteCatcher';
import { Messages } from './components/Messages';
import { OutboxDialog } from './components/publish/OutboxDialog';
import { ShortcutsSheet } from './components/ShortcutsSheet';
import { LibrarySidebar } from './components/sidebar/LibrarySidebar';
import { Toolbar } from './components/Toolbar';
import { withShortcut } from './shortcuts';
import { useAccounts } from './state/useAccounts';
import { useConnectivity } from './state/useConnectivity';
import { useCurrentDraft } from './state/useCurrentDraft';
import { useLibrary } from './state/useLibrary';
import { useOutboxSummary } from './state/useOutboxSummary';
import { useShortcuts } from './state/useShortcuts';

/** The dialogs and panels the writer can open; one dialog at a time. */
type Dialog = 'shortcuts' | 'history' | 'outbox' | 'blogs' | 'paste-new-post' | null;

export function App() {
  const library = useLibrary();
  const refreshLibrary = library.refresh;
  const desk = useCurrentDraft(refreshLibrary);
  const { current, open, create, setProblem } = desk;
  const blogs = useAccounts();
  const outbox = useOutboxSummary();
  useConnectivity();
  const [showPreview, setShowPreview] = useState(true);
  const [focusMode, setFocusMode] = useState(false);
  const [showPublish, setShowPublish] = useState(false);
  /** The writer asked to publish at once (the shortcut); the panel answers and clears it. */
  const [publishAsked, setPublishAsked] = useState(false);
  const answerPublishAsk = useCallback(() => setPublishAsked(false), []);
  const [dialog, setDialog] = useState<Dialog>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const editor = useRef<DraftEditorHandle>(null);
  const closeDialog = useCallback(() => setDialog(null), []);

  /** A new draft holding the copied passage as its quote, titled after its source, like the example post. */
  const createFromClipboard = useCallback(
    async (clipboard: ClipboardPayload) => {
      setDialog(null);
      const quote = await api.quoteFromClipboard({ clipboard });
      if (!quote.ok) {
        setProblem(`No post was made from the clipboard: ${quote.error.message}`);
        return;
      }
      await create({ title: quote.value.source.title, commentary: '', quotes: [quote.value], hashtags: [] });
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
    publish: () => {
      setShowPublish(true);
      setPublishAsked(true);
    },
    preferences: () => setDialog('blogs'),
    newPostFromClipboard: () => void newPostFromClipboard(),
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
        else void refreshLibrary();
      }),
    [open, refreshLibrary],
  );

  return (
    <div className={focusMode ? 'app focus-mode' : 'app'}>
      {!focusMode && (
        <LibrarySidebar
          drafts={library.drafts}
          query={library.query}
          tags={library.tags}
          selectedId={current?.id ?? null}
          searchRef={searchRef}
          onQuery={library.setQuery}
          onSelect={(id) => void open(id)}
          onCreate={newDraft}
          onEmptyTrash={() => void desk.emptyTrash()}
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
            trash: () => void desk.trash(),
            restore: () => void desk.restore(),
            showBlogs: () => setDialog('blogs'),
            newPostFromClipboard: () => void newPostFromClipboard(),
            showShortcuts: () => setDialog('shortcuts'),
          }}
        />
        <Messages problem={desk.problem ?? library.problem} />
        {dialog === 'paste-new-post' && (
          <PasteCatcher
            purpose="New post from clipboard"
            onPaste={(clipboard) => void createFromClipboard(clipboard)}
            onCancel={closeDialog}
          />
        )}
        {current ? (
          <DraftEditor
            ref={editor}
            key={`${current.id}@${current.revision}`}
            draft={current}
            libraryTags={library.tags}
            showPreview={showPreview && !focusMode}
            showPublish={showPublish}
            publishAsked={publishAsked}
            onPublishAskAnswered={answerPublishAsk}
            accounts={blogs.accounts}
            onManageBlogs={() => setDialog('blogs')}
            onSaved={library.noteSaved}
          />
        ) : (
          library.drafts !== null && (
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
      {dialog === 'shortcuts' && <ShortcutsSheet onClose={closeDialog} />}
      {dialog === 'history' && current && (
        <HistoryDialog
          draftId={current.id}
          beforeRestore={() => editor.current?.flush() ?? Promise.resolve(true)}
          onRestored={desk.show}
          onClose={closeDialog}
        />
      )}
      {dialog === 'outbox' && (
        <OutboxDialog
          accounts={blogs.accounts}
          titleOf={(id) => library.drafts?.find((draft) => draft.id === id)?.title || 'Untitled'}
          onClose={closeDialog}
        />
      )}
      {dialog === 'blogs' && (
        <AccountsDialog
          accounts={blogs.accounts}
          onChanged={() => {
            void blogs.refresh();
            void refreshLibrary();
          }}
          onClose={closeDialog}
        />
      )}
    </div>
  );
}
