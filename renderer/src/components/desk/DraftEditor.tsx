import { useCallback, useEffect, useImperativeHandle, useRef, useState, type DragEvent, type Ref } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import type { Account } from '../../../../shared/model/account';
import type { ClipboardPayload } from '../../../../shared/model/clipboard';
import {
  contentOf,
  emptySource,
  type Draft,
  type DraftChanges,
  type DraftContent,
  type PostOptions,
  type Quote,
} from '../../../../shared/model/draft';
import { addHashtag, extractHashtags } from '../../../../shared/model/hashtags';
import { limits } from '../../../../shared/model/limits';
import type { TagCount } from '../../../../shared/model/library';
import type { FeaturedImage } from '../../../../shared/model/image';
import { imageMarkdown, imageReferences } from '../../../../shared/media/references';
import { api } from '../../api';
import { payloadFromDataTransfer } from '../../quotes/clipboardFormats';
import { mergeSource, needsDetails } from '../../quotes/mergeSource';
import { webImagesOf, withLibraryImage } from '../../quotes/quoteImages';
import { useAutosave, type SaveCheck } from '../../state/useAutosave';
import type { DeskPlace } from '../../state/useCurrentDraft';
import { PreviewPane } from '../PreviewPane';
import { PublishPanel } from '../publish/PublishPanel';
import { AltTextDialog } from './AltTextDialog';
import { caretAcrossVersions } from './caretAcrossVersions';
import { ChangedElsewhereBar } from './ChangedElsewhereBar';
import { CommentaryEditor, type CommentaryEditorHandle } from './CommentaryEditor';
import { LimitNote, useFieldLimit } from './fieldLimit';
import { ImagesPanel } from './ImagesPanel';
import { useImageInsertion } from './useImageInsertion';
import { HashtagInput } from './HashtagInput';
import { PasteCatcher } from './PasteCatcher';
import { QuoteList } from './QuoteList';
import { StatusBar } from './StatusBar';
import { UndoBar } from './UndoBar';

const saveDraft = (id: string, changes: DraftChanges, check: SaveCheck) => api.saveDraft({ id, changes, ...check });

/** What the app (its menus and shortcuts) can ask of the open draft's editor. */
export interface DraftEditorHandle {
  pasteAsQuote(): void;
  /** Opens the file picker for an image to put at the caret. */
  insertImage(): void;
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
  /** Another draft is opening: the fields take no typing until it is here. */
  readonly switching: boolean;
  readonly accounts: readonly Account[];
  readonly onManageBlogs: (accountId?: string) => void;
  /** The core replaced the draft's content (the blog's version taken): the desk reads it again. */
  readonly onReplaced: () => void;
  /** The newest revision of the draft the library announced (a save here, or elsewhere), if any. */
  readonly announcedRevision: number | undefined;
  /**
   * The library holds a newer version saved elsewhere and nothing here is unsaved: the desk shows
   * it, once `leave` gives where the writer is (null: edits typed meanwhile, which stay).
   */
  readonly onChangedElsewhere: (leave: () => DeskPlace | null) => void;
  /** Where the writer was, when this editor shows a version saved elsewhere in place of the last. */
  readonly place: DeskPlace | null;
}

interface Removed {
  readonly quote: Quote;
  readonly index: number;
}

/** The desk for one draft: title, commentary, quotes and hashtags, with the live preview beside. */
export function DraftEditor(props: DraftEditorProps) {
  const { ref, draft, libraryTags, showPreview, showPublish, readOnly, accounts, onManageBlogs, onReplaced } = props;
  const titleField = useRef<HTMLTextAreaElement>(null);
  const editorScroll = useRef<HTMLDivElement>(null);
  // A new, empty draft is for writing: the caret starts in its title.
  const [isNew] = useState(
    draft.revision === 1 && draft.title === '' && draft.commentary === '' && draft.quotes.length === 0,
  );
  useEffect(() => {
    if (isNew) titleField.current?.focus();
  }, [isNew]);
  const [content, setContent] = useState<DraftContent>(() => contentOf(draft));
  const [initialCommentary] = useState(draft.commentary);
  const titleLimit = useFieldLimit('The title', limits.titleCharacters);
  const titleNote = titleLimit.note(content.title.length);
  const [removed, setRemoved] = useState<Removed | null>(null);
  const { onChangedElsewhere } = props;
  const commentaryEditor = useRef<CommentaryEditorHandle>(null);
  /** Where the writer is, while nothing here is unsaved (a version saved elsewhere may then take this one's place). */
  const leave = useCallback((): DeskPlace | null => {
    if (!autosave.current.allSaved()) return null;
    const title = titleField.current;
    const inCommentary = commentaryEditor.current?.caret() ?? null;
    const caret =
      title && document.activeElement === title
        ? { field: 'title' as const, text: title.value, anchor: title.selectionStart, head: title.selectionEnd }
        : inCommentary && { field: 'commentary' as const, text: latest.current.commentary, ...inCommentary };
    return { scrollTop: editorScroll.current?.scrollTop ?? 0, caret };
  }, []);
  const changedElsewhere = useCallback(() => onChangedElsewhere(leave), [onChangedElsewhere, leave]);
  const saving = useAutosave(draft, content, saveDraft, props.announcedRevision, changedElsewhere);
  const autosave = useRef(saving);
  autosave.current = saving;
  const { status, saveNow, flush } = saving;
  // Shown in place of the version before (saved elsewhere): the writer stays where they were. The
  // editors are new, so their undo history starts here and never offers the replaced text back.
  const [arrivedAt] = useState(props.place);
  useEffect(() => {
    if (!arrivedAt) return;
    const { caret } = arrivedAt;
    if (caret) {
      // By the same words: what the other version added or removed before the caret moves it.
      const now = caret.field === 'title' ? draft.title : draft.commentary;
      const anchor = caretAcrossVersions(caret.text, now, caret.anchor);
      const head = caretAcrossVersions(caret.text, now, caret.head);
      if (caret.field === 'commentary') commentaryEditor.current?.placeCaret({ anchor, head });
      else {
        titleField.current?.focus();
        titleField.current?.setSelectionRange(anchor, head);
      }
    }
    if (editorScroll.current) editorScroll.current.scrollTop = arrivedAt.scrollTop;
    // Once, as the editor first shows this version (its draft's text is the version it shows).
  }, [arrivedAt]);

  /** What the writer chose in a conflict, on its way; and why it could not be done, if it could not. */
  const [resolving, setResolving] = useState(false);
  const [resolveProblem, setResolveProblem] = useState<string | null>(null);
  const resolve = useCallback(
    async (keep: 'mine' | 'theirs') => {
      setResolving(true);
      setResolveProblem(null);
      try {
        const theirs = await api.getDraft({ id: draft.id });
        if (!theirs.ok) {
          setResolveProblem(`The other version could not be read: ${theirs.error.message}`);
          return;
        }
        // Either way the writer's text is saved first, over theirs, which the history keeps; taking
        // theirs then brings it back as the newest, and the writer's text stays in the history too.
        autosave.current.keepMine(theirs.value);
        if (keep === 'mine' || !(await autosave.current.flush())) return;
        const restored = await api.restoreRevision({ id: draft.id, revision: theirs.value.revision });
        if (restored.ok) onReplaced();
        else setResolveProblem(`The other version could not be brought back: ${restored.error.message}`);
      } finally {
        setResolving(false);
      }
    },
    [draft.id, onReplaced],
  );
  // Leaving the draft (another one opened) saves what is typed, even edits the library refused:
  // they are kept over the other version, which stays in History, rather than dropped unseen.
  const latestResolve = useRef(resolve);
  latestResolve.current = resolve;
  useEffect(
    () => () => {
      if (autosave.current.status.kind === 'conflict') void latestResolve.current('mine');
    },
    [],
  );
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

  /**
   * Brings a quote's figures into the library, so the post does not lean on the source's server;
   * offline (or when a server does not answer) they stay on the web and are tried again later.
   */
  const fetchQuoteImages = useCallback(
    async (quoteId: string) => {
      const quote = latest.current.quotes.find((each) => each.id === quoteId);
      for (const url of quote ? webImagesOf(quote) : []) {
        const fetched = await api.addImageFromWeb({ url });
        if (!fetched.ok) continue;
        const quotes = latest.current.quotes.map((each) =>
          each.id === quoteId ? { ...each, excerpt: withLibraryImage(each.excerpt, url, fetched.value.file) } : each,
        );
        edit({ quotes });
      }
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
      await fetchQuoteImages(parsed.value.id);
      if (parsed.value.source.url !== null) await enrich(parsed.value);
    },
    [edit, enrich, fetchQuoteImages],
  );

  const pasteAsQuote = useCallback(async () => {
    if (readOnly) return;
    const clipboard = await api.readClipboard({});
    if (clipboard.ok) await addQuoteFrom(clipboard.value);
    else setPasting(true);
  }, [addQuoteFrom, readOnly]);

  const pasteFromButton = useCallback(() => void pasteAsQuote(), [pasteAsQuote]);

  const images = useImageInsertion(commentaryEditor);
  const imagePicker = useRef<HTMLInputElement>(null);
  const pickImage = useCallback(() => imagePicker.current?.click(), []);
  const setFeatured = useCallback((featuredImage: FeaturedImage | null) => edit({ featuredImage }), [edit]);
  const setAltText = useCallback((index: number, alt: string) => {
    const handle = commentaryEditor.current;
    const reference = handle ? imageReferences(handle.text())[index] : undefined;
    if (handle && reference) {
      handle.replaceRange(reference.start, reference.end, imageMarkdown(reference.file, alt, reference.caption));
    }
  }, []);

  // Once the last question about an image has gone (answered, or its image refused), writing goes on.
  const askingKey = images.asking?.key ?? null;
  const wasAsking = useRef<string | null>(null);
  useEffect(() => {
    if (wasAsking.current !== null && askingKey === null) commentaryEditor.current?.focus();
    wasAsking.current = askingKey;
  }, [askingKey]);

  useImperativeHandle(ref, () => ({ pasteAsQuote: () => void pasteAsQuote(), insertImage: pickImage, flush }), [
    pasteAsQuote,
    pickImage,
    flush,
  ]);

  // Quotes taken while offline (or whose page did not answer) get their details once online.
  useEffect(() => {
    const fillMissing = () => {
      for (const quote of latest.current.quotes) {
        if (needsDetails(quote.source)) void enrich(quote);
        if (webImagesOf(quote).length > 0) void fetchQuoteImages(quote.id);
      }
    };
    fillMissing();
    window.addEventListener('online', fillMissing);
    return () => window.removeEventListener('online', fillMissing);
  }, [enrich, fetchQuoteImages]);

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
            {status.kind === 'conflict' && (
              <ChangedElsewhereBar
                busy={resolving}
                problem={resolveProblem}
                onKeepMine={() => void resolve('mine')}
                onTakeTheirs={() => void resolve('theirs')}
              />
            )}
            <div className="editor-scroll" ref={editorScroll}>
              <fieldset className="editor-fields" disabled={readOnly || props.switching}>
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
                  ref={commentaryEditor}
                  initialValue={initialCommentary}
                  onChange={editCommentary}
                  label="Commentary"
                  readOnly={readOnly}
                  onImageFiles={images.insert}
                />
                <input
                  ref={imagePicker}
                  type="file"
                  accept="image/jpeg,image/png,image/webp,image/gif,image/heic,image/heif,.heic,.heif"
                  multiple
                  hidden
                  aria-label="Choose an image"
                  onChange={(event) => {
                    images.insert([...(event.target.files ?? [])]);
                    event.target.value = '';
                    commentaryEditor.current?.focus();
                  }}
                />
                {images.problem && (
                  <p role="alert" className="problem">
                    {images.problem}{' '}
                    <button type="button" onClick={images.dismissProblem}>
                      Dismiss
                    </button>
                  </p>
                )}
                <ImagesPanel
                  commentary={content.commentary}
                  featuredImage={content.featuredImage}
                  onAltText={setAltText}
                  onFeature={setFeatured}
                  onInsert={pickImage}
                />
                {images.asking && (
                  <AltTextDialog
                    key={images.asking.key}
                    name={images.asking.name}
                    onDescribe={(alt, caption) => {
                      if (images.asking) images.describe(images.asking.key, alt, caption);
                    }}
                  />
                )}
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
                content={content}
                onOptions={editOptions}
                onResolveDate={resolveDate}
                onReplaced={onReplaced}
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
