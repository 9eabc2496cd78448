import { useCallback, useEffect, useImperativeHandle, useRef, useState, type DragEvent, type Ref } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import type { Account } from '../../../../shared/model/account';
import type { ClipboardPayload } from '../../../../shared/model/clipboard';
import {
  emptySource,
  type Draft,
  type DraftContent,
  type PostOptions,
  type Quote,
} from '../../../../shared/model/draft';
import { addHashtag, extractHashtags } from '../../../../shared/model/hashtags';
import { limits } from '../../../../shared/model/limits';
import type { TagCount } from '../../../../shared/model/library';
import { api } from '../../api';
import { payloadFromDataTransfer } from '../../quotes/clipboardFormats';
import { mergeSource, needsDetails } from '../../quotes/mergeSource';
import { useAutosave } from '../../state/useAutosave';
import { PreviewPane } from '../PreviewPane';
import { PublishPanel } from '../publish/PublishPanel';
import { CommentaryEditor } from './CommentaryEditor';
import { LimitNote, useFieldLimit } from './fieldLimit';
import { HashtagInput } from './HashtagInput';
import { PasteCatcher } from './PasteCatcher';
import { QuoteList } from './QuoteList';
import { StatusBar } from './StatusBar';
import { UndoBar } from './UndoBar';

const saveDraft = (id: string, content: DraftContent) => api.saveDraft({ id, content });

/** What the app (its menus and shortcuts) can ask of the open draft's editor. */
export interface DraftEditorHandle {
  pasteAsQuote(): void;
  /** Saves what is pending; true once everything is on disk. */
  flush(): Promise<boolean>;
}

interface DraftEditorProps {
  readonly ref?: Ref<DraftEditorHandle>;
  readonly draft: Draft;
  readonly libraryTags: readonly TagCount[];
  readonly showPreview: boolean;
  readonly showPublish: boolean;
  /** The writer asked to publish at once (the shortcut). */
  readonly publishAsked: boolean;
  readonly onPublishAskAnswered: () => void;
  /** A draft in the trash is shown to be read, not edited or published. */
  readonly readOnly: boolean;
  readonly accounts: readonly Account[];
  readonly onManageBlogs: () => void;
  readonly onSaved: (draft: Draft) => void;
}

interface Removed {
  readonly quote: Quote;
  readonly index: number;
}

/** The desk for one draft: title, commentary, quotes and hashtags, with the live preview beside. */
export function DraftEditor(props: DraftEditorProps) {
  const { ref, draft, libraryTags, showPreview, showPublish, readOnly, accounts, onManageBlogs, onSaved } = props;
  const titleField = useRef<HTMLTextAreaElement>(null);
  // A new, empty draft is for writing: the caret starts in its title.
  const [isNew] = useState(
    draft.revision === 1 && draft.title === '' && draft.commentary === '' && draft.quotes.length === 0,
  );
  useEffect(() => {
    if (isNew) titleField.current?.focus();
  }, [isNew]);
  const [content, setContent] = useState<DraftContent>(() => ({
    title: draft.title,
    commentary: draft.commentary,
    quotes: draft.quotes,
    hashtags: draft.hashtags,
    ...(draft.options ? { options: draft.options } : {}),
  }));
  const [initialCommentary] = useState(draft.commentary);
  const titleLimit = useFieldLimit('The title', limits.titleCharacters);
  const titleNote = titleLimit.note(content.title.length);
  const [removed, setRemoved] = useState<Removed | null>(null);
  const { status, saveNow, flush } = useAutosave(draft, content, saveDraft, onSaved);
  const edit = useCallback((change: Partial<DraftContent>) => setContent((current) => ({ ...current, ...change })), []);
  // Callbacks read the latest content through a ref, so they stay the same across keystrokes and
  // the quote and hashtag editors (memoised) do not re-render while the writer types.
  const latest = useRef(content);
  latest.current = content;
  const editCommentary = useCallback((commentary: string) => edit({ commentary }), [edit]);
  const editQuotes = useCallback((quotes: Quote[]) => edit({ quotes }), [edit]);
  const editHashtags = useCallback((hashtags: string[]) => edit({ hashtags }), [edit]);
  const editOptions = useCallback((options: PostOptions) => edit({ options }), [edit]);
  /** A quote's vague source date ("yesterday at 09:51") becomes the day it named; the page's words stay. */
  const resolveDate = useCallback(
    (position: number, date: string) => {
      const quotes = latest.current.quotes.map((quote, index) =>
        index === position - 1 ? { ...quote, source: { ...quote.source, publishedAt: date } } : quote,
      );
      edit({ quotes });
    },
    [edit],
  );
  const forgetRemoved = useCallback(() => setRemoved(null), []);

  const removeQuote = useCallback(
    (index: number) => {
      const quote = latest.current.quotes[index];
      if (!quote) return;
      setRemoved({ quote, index });
      edit({ quotes: latest.current.quotes.filter((_, position) => position !== index) });
    },
    [edit],
  );

  const addQuote = useCallback(() => {
    if (latest.current.quotes.length >= limits.quotesPerDraft) return;
    const quote: Quote = { id: crypto.randomUUID(), excerpt: '', source: emptySource(), note: '', clipboardHtml: null };
    edit({ quotes: [...latest.current.quotes, quote] });
  }, [edit]);

  const [pasting, setPasting] = useState(false);
  const [quoteProblem, setQuoteProblem] = useState<string | null>(null);

  /** Fills a quote's source from its page, keeping whatever the writer typed meanwhile. */
  const enrich = useCallback(
    async (quote: Quote) => {
      const found = await api.enrichSource({ source: quote.source });
      if (!found.ok) return;
      const quotes = latest.current.quotes.map((each) =>
        each.id === quote.id ? { ...each, source: mergeSource(each.source, found.value) } : each,
      );
      edit({ quotes });
    },
    [edit],
  );

  const addQuoteFrom = useCallback(
    async (clipboard: ClipboardPayload) => {
      setPasting(false);
      if (latest.current.quotes.length >= limits.quotesPerDraft) {
        setQuoteProblem(`Nothing was quoted: a post holds at most ${limits.quotesPerDraft} quotes.`);
        return;
      }
      const parsed = await api.quoteFromClipboard({ clipboard });
      if (!parsed.ok) {
        setQuoteProblem(`Nothing was quoted: ${parsed.error.message}`);
        return;
      }
      setQuoteProblem(null);
      edit({ quotes: [...latest.current.quotes, parsed.value] });
      if (parsed.value.source.url !== null) await enrich(parsed.value);
    },
    [edit, enrich],
  );

  const pasteAsQuote = useCallback(async () => {
    if (readOnly) return;
    const clipboard = await api.readClipboard({});
    if (clipboard.ok) await addQuoteFrom(clipboard.value);
    else setPasting(true);
  }, [addQuoteFrom, readOnly]);

  const pasteFromButton = useCallback(() => void pasteAsQuote(), [pasteAsQuote]);

  useImperativeHandle(ref, () => ({ pasteAsQuote: () => void pasteAsQuote(), flush }), [pasteAsQuote, flush]);

  // Quotes taken while offline (or whose page did not answer) get their details once online.
  useEffect(() => {
    const fillMissing = () => {
      for (const quote of latest.current.quotes) if (needsDetails(quote.source)) void enrich(quote);
    };
    fillMissing();
    window.addEventListener('online', fillMissing);
    return () => window.removeEventListener('online', fillMissing);
  }, [enrich]);

  function dropQuote(event: DragEvent<HTMLDivElement>): void {
    event.preventDefault();
    if (readOnly) return;
    void addQuoteFrom(payloadFromDataTransfer(event.dataTransfer));
  }

  function moveTitleHashtags(): void {
    const { text, hashtags } = extractHashtags(content.title);
    if (hashtags.length === 0) return;
    edit({ title: text, hashtags: [...hashtags.reduce(addHashtag, content.hashtags)] });
  }

  function undoRemove(): void {
    if (!removed) return;
    const quotes = [...content.quotes];
    quotes.splice(Math.min(removed.index, quotes.length), 0, removed.quote);
    edit({ quotes });
    setRemoved(null);
  }

  return (
    <div className="desk">
      <Group orientation="horizontal" className="desk-panels">
        <Panel id="editor" minSize="30%" defaultSize={showPreview ? '50%' : '100%'}>
          <section className="editor" aria-label="Editor">
            <div className="editor-scroll">
              <fieldset className="editor-fields" disabled={readOnly}>
                {/* A text area so that a long title wraps in full; it stays one line of text. */}
                <textarea
                  ref={titleField}
                  className="title-input"
                  dir="auto"
                  aria-label="Title"
                  placeholder="Title"
                  rows={1}
                  value={content.title}
                  aria-describedby="title-limit"
                  onChange={(event) =>
                    edit({ title: titleLimit.take(event.target.value.replace(/\s*[\r\n]+\s*/g, ' ')) })
                  }
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') event.preventDefault();
                  }}
                  onBlur={moveTitleHashtags}
                />
                <LimitNote id="title-limit" text={titleNote} />
                <HashtagInput hashtags={content.hashtags} libraryTags={libraryTags} onChange={editHashtags} />
                <CommentaryEditor
                  initialValue={initialCommentary}
                  onChange={editCommentary}
                  label="Commentary"
                  readOnly={readOnly}
                />
                <div
                  className="quote-drop"
                  onDragOver={(event) => event.preventDefault()}
                  onDrop={dropQuote}
                  aria-describedby="quote-drop-hint"
                >
                  <QuoteList
                    quotes={content.quotes}
                    onChange={editQuotes}
                    onRemove={removeQuote}
                    onAdd={addQuote}
                    onPaste={pasteFromButton}
                  />
                  <p id="quote-drop-hint" className="drop-hint">
                    Drop text or a link here to quote it.
                  </p>
                </div>
                {pasting && (
                  <PasteCatcher
                    purpose="Paste as quote"
                    onPaste={(clipboard) => void addQuoteFrom(clipboard)}
                    onCancel={() => setPasting(false)}
                  />
                )}
                {quoteProblem && (
                  <p role="alert" className="problem">
                    {quoteProblem}
                  </p>
                )}
              </fieldset>
            </div>
            {removed && (
              <UndoBar
                message={`Removed the quote from ${removed.quote.source.title || 'its source'}.`}
                onUndo={undoRemove}
                onExpire={forgetRemoved}
              />
            )}
            {showPublish && !readOnly && (
              <PublishPanel
                draftId={draft.id}
                publishAsked={props.publishAsked}
                onPublishAskAnswered={props.onPublishAskAnswered}
                accounts={accounts}
                flush={flush}
                onManageBlogs={onManageBlogs}
                savedRevision={status.kind === 'saved' ? status.revision : null}
                content={content}
                onOptions={editOptions}
                onResolveDate={resolveDate}
              />
            )}
            <StatusBar content={content} status={status} onRetry={saveNow} />
          </section>
        </Panel>
        {showPreview && (
          <>
            <Separator className="splitter" aria-label="Resize the editor and the preview" />
            <Panel id="preview" minSize="25%" defaultSize="50%">
              <PreviewPane content={content} accounts={accounts} />
            </Panel>
          </>
        )}
      </Group>
    </div>
  );
}
