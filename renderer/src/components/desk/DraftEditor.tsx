import { useCallback, useEffect, useImperativeHandle, useRef, useState, type DragEvent, type Ref } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import type { Account } from '../../../../shared/model/account';
import type { ClipboardPayload } from '../../../../shared/model/clipboard';
import {
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
import { useAutosave } from '../../state/useAutosave';
import { PreviewPane } from '../PreviewPane';
import { PublishPanel } from '../publish/PublishPanel';
import { AltTextDialog } from './AltTextDialog';
import { CommentaryEditor, type CommentaryEditorHandle } from './CommentaryEditor';
import { LimitNote, useFieldLimit } from './fieldLimit';
import { ImagesPanel } from './ImagesPanel';
import { useImageInsertion } from './useImageInsertion';
import { HashtagInput } from './HashtagInput';
import { PasteCatcher } from './PasteCatcher';
import { QuoteList } from './QuoteList';
import { StatusBar } from './StatusBar';
import { UndoBar } from './UndoBar';

const saveDraft = (id: string, changes: DraftChanges) => api.saveDraft({ id, changes });

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
}

interface Removed {
  readonly quote: Quote;
  readonly index: number;
}

/** The desk for one draft: title, commentary, quotes and hashtags, with the live preview beside. */
export function DraftEditor(props: DraftEditorProps) {
  const { ref, draft, libraryTags, showPreview, showPublish, readOnly, accounts, onManageBlogs, onReplaced } = props;
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
    featuredImage: draft.featuredImage,
    ...(draft.options ? { options: draft.options } : {}),
  }));
  const [initialCommentary] = useState(draft.commentary);
  const titleLimit = useFieldLimit('The title', limits.titleCharacters);
  const titleNote = titleLimit.note(content.title.length);
  const [removed, setRemoved] = useState<Removed | null>(null);
  const { status, saveNow, flush } = useAutosave(draft, content, saveDraft);
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

  const commentaryEditor = useRef<CommentaryEditorHandle>(null);
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
            <div className="editor-scroll">
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
