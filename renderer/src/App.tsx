import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppCommand } from '../../shared/contract';
import type { Draft } from '../../shared/model/draft';
import type { LibraryNotice } from '../../shared/model/notice';
import { api } from './api';
import type { Account } from '../../shared/model/account';
import type { ClipboardPayload } from '../../shared/model/clipboard';
import { AccountsDialog } from './components/accounts/AccountsDialog';
import { HistoryDialog } from './components/desk/HistoryDialog';
import { DraftEditor, type DraftEditorHandle } from './components/desk/DraftEditor';
import { PasteCatcher } from './components/desk/PasteCatcher';
import { OutboxDialog } from './components/publish/OutboxDialog';
import { ShortcutsSheet } from './components/ShortcutsSheet';
import { LibrarySidebar } from './components/sidebar/LibrarySidebar';
import { withShortcut } from './shortcuts';
import { useLibrary } from './state/useLibrary';
import { useOutboxSummary } from './state/useOutboxSummary';
import { useShortcuts } from './state/useShortcuts';

export function App() {
  const library = useLibrary();
  const refreshLibrary = library.refresh;
  const [current, setCurrent] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notices, setNotices] = useState<readonly LibraryNotice[]>([]);
  const [showPreview, setShowPreview] = useState(true);
  const [focusMode, setFocusMode] = useState(false);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const editor = useRef<DraftEditorHandle>(null);
  const [pastingPost, setPastingPost] = useState(false);
  const [accounts, setAccounts] = useState<readonly Account[]>([]);
  const [showBlogs, setShowBlogs] = useState(false);
  const [showPublish, setShowPublish] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const outbox = useOutboxSummary();
  const [showOutbox, setShowOutbox] = useState(false);

  const trashCurrent = useCallback(async () => {
    if (!current) return;
    const result = await api.trashDraft({ id: current.id });
    setProblem(result.ok ? null : `The draft could not be moved to the trash: ${result.error.message}`);
    if (!result.ok) return;
    setCurrent(null);
    await refreshLibrary();
  }, [current, refreshLibrary]);

  const restoreCurrent = useCallback(async () => {
    if (!current) return;
    const result = await api.restoreDraft({ id: current.id });
    setProblem(result.ok ? null : result.error.message);
    if (result.ok) setCurrent(result.value);
    await refreshLibrary();
  }, [current, refreshLibrary]);

  const emptyTrash = useCallback(async () => {
    const result = await api.emptyTrash({});
    setProblem(result.ok ? null : result.error.message);
    setCurrent(null);
    await refreshLibrary();
  }, [refreshLibrary]);

  const refreshAccounts = useCallback(async () => {
    const result = await api.listAccounts({});
    if (result.ok) setAccounts(result.value);
  }, []);

  useEffect(() => {
    void refreshAccounts();
  }, [refreshAccounts]);

  // The browser knows first when the connection comes and goes; the outbox drains when it returns.
  useEffect(() => {
    const tell = () => void api.setOnline({ online: navigator.onLine });
    window.addEventListener('online', tell);
    window.addEventListener('offline', tell);
    return () => {
      window.removeEventListener('online', tell);
      window.removeEventListener('offline', tell);
    };
  }, []);

  useEffect(() => {
    void api.listNotices({}).then((result) => result.ok && setNotices(result.value));
  }, []);

  const open = useCallback(async (id: string) => {
    const result = await api.getDraft({ id });
    if (result.ok) setCurrent(result.value);
    setProblem(result.ok ? null : result.error.message);
  }, []);

  const create = useCallback(async () => {
    const result = await api.createDraft({});
    setProblem(result.ok ? null : `A new draft could not be created: ${result.error.message}`);
    if (!result.ok) return;
    setCurrent(result.value);
    setFocusMode(false);
    await refreshLibrary();
  }, [refreshLibrary]);

  /** A new draft holding the copied passage as its quote, titled after its source, like the example post. */
  const createFromClipboard = useCallback(
    async (clipboard: ClipboardPayload) => {
      setPastingPost(false);
      const quote = await api.quoteFromClipboard({ clipboard });
      if (!quote.ok) {
        setProblem(`No post was made from the clipboard: ${quote.error.message}`);
        return;
      }
      const content = { title: quote.value.source.title, commentary: '', quotes: [quote.value], hashtags: [] };
      const created = await api.createDraft({ content });
      setProblem(created.ok ? null : `A new draft could not be created: ${created.error.message}`);
      if (!created.ok) return;
      setCurrent(created.value);
      await refreshLibrary();
    },
    [refreshLibrary],
  );

  const newPostFromClipboard = useCallback(async () => {
    const clipboard = await api.readClipboard({});
    if (clipboard.ok) await createFromClipboard(clipboard.value);
    else setPastingPost(true);
  }, [createFromClipboard]);

  const onSaved = useCallback(() => void refreshLibrary(), [refreshLibrary]);

  const commands: Partial<Record<AppCommand, () => void>> = {
    newDraft: () => void create(),
    focusSearch: () => {
      setFocusMode(false);
      searchRef.current?.focus();
    },
    togglePreview: () => setShowPreview((shown) => !shown),
    focusMode: () => setFocusMode((on) => !on),
    showShortcuts: () => setShowShortcuts(true),
    pasteAsQuote: () => editor.current?.pasteAsQuote(),
    publish: () => setShowPublish(true),
    preferences: () => setShowBlogs(true),
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

  const shownProblem = problem ?? library.problem;
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
          onCreate={() => void create()}
          onEmptyTrash={() => void emptyTrash()}
        />
      )}
      <main className="workspace">
        <div className="toolbar" role="toolbar" aria-label="View">
          <span className="outbox-state" role="status" aria-label="Outbox state">
            {outbox.needsYou > 0
              ? `${outbox.needsYou} post${outbox.needsYou === 1 ? ' needs' : 's need'} you`
              : outbox.waiting > 0
                ? `${outbox.waiting} waiting to go out`
                : ''}
          </span>
          <button type="button" onClick={() => setShowOutbox(true)}>
            Outbox
          </button>
          <button
            type="button"
            aria-pressed={showPreview}
            onClick={() => setShowPreview(!showPreview)}
            title={withShortcut('togglePreview')}
          >
            Preview
          </button>
          <button
            type="button"
            aria-pressed={focusMode}
            onClick={() => setFocusMode(!focusMode)}
            title={withShortcut('focusMode')}
          >
            Focus
          </button>
          <button
            type="button"
            aria-pressed={showPublish}
            onClick={() => setShowPublish(!showPublish)}
            title={withShortcut('publish')}
            disabled={!current}
          >
            Publish
          </button>
          <button type="button" onClick={() => setShowHistory(true)} disabled={!current}>
            History
          </button>
          {current?.trashedAt ? (
            <button type="button" onClick={() => void restoreCurrent()}>
              Restore from trash
            </button>
          ) : (
            <button type="button" onClick={() => void trashCurrent()} disabled={!current}>
              Move to trash
            </button>
          )}
          <button type="button" onClick={() => setShowBlogs(true)}>
            Blogs
          </button>
          <button type="button" onClick={() => void newPostFromClipboard()}>
            New post from clipboard
          </button>
          <button type="button" onClick={() => setShowShortcuts(true)} title={withShortcut('showShortcuts')}>
            Shortcuts
          </button>
        </div>
        {shownProblem && (
          <p role="alert" className="problem">
            {shownProblem}
          </p>
        )}
        {notices.map((notice) => (
          <p key={`${notice.draftId}-${notice.at}`} role="alert" className="notice">
            {notice.message}
            <button type="button" onClick={() => setNotices(notices.filter((shown) => shown !== notice))}>
              Dismiss
            </button>
          </p>
        ))}
        {pastingPost && (
          <PasteCatcher
            purpose="New post from clipboard"
            onPaste={(clipboard) => void createFromClipboard(clipboard)}
            onCancel={() => setPastingPost(false)}
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
            accounts={accounts}
            onManageBlogs={() => setShowBlogs(true)}
            onSaved={onSaved}
          />
        ) : (
          library.drafts !== null && (
            <div className="welcome">
              <h1>Commonplace</h1>
              <p>Write about what you read: your words, the passage that moved you, and where it came from.</p>
              <button type="button" onClick={() => void create()} title={withShortcut('newDraft')}>
                Start a new draft
              </button>
            </div>
          )
        )}
      </main>
      {showShortcuts && <ShortcutsSheet onClose={() => setShowShortcuts(false)} />}
      {showHistory && current && (
        <HistoryDialog
          draftId={current.id}
          beforeRestore={() => editor.current?.flush() ?? Promise.resolve(true)}
          onRestored={(restored) => {
            setCurrent(restored);
            void refreshLibrary();
          }}
          onClose={() => setShowHistory(false)}
        />
      )}
      {showOutbox && (
        <OutboxDialog
          accounts={accounts}
          titleOf={(id) => library.drafts?.find((draft) => draft.id === id)?.title || 'Untitled'}
          onClose={() => setShowOutbox(false)}
        />
      )}
      {showBlogs && (
        <AccountsDialog
          accounts={accounts}
          onChanged={() => void refreshAccounts()}
          onClose={() => setShowBlogs(false)}
        />
      )}
    </div>
  );
}
