import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, drawSelection, keymap, placeholder } from '@codemirror/view';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { limits } from '../../../../shared/model/limits';
import { imageFilesIn } from '../../media/imageFiles';
import { appShortcuts, codeMirrorKey, shortcuts } from '../../shortcuts';
import { useBooleanPreference } from '../../state/usePreference';
import { limitNote, LimitNote } from './fieldLimit';
import { perLineDirection } from './lineDirection';
import { pendingImages } from './pendingImages';
import { markdownHighlight } from './markdownHighlight';

/** What the desk may do to the commentary while the editor owns its text. */
export interface CommentaryEditorHandle {
  /** Puts text at the caret (replacing a selection), as if typed; returns where it starts. */
  insertAtCaret(text: string): number;
  /** Replaces a range of the text, as one undoable edit. */
  replaceRange(from: number, to: number, text: string): void;
  /** The text as it is this moment (React's copy may be a render behind). */
  text(): string;
  focus(): void;
  /** Where the caret is (and the selection's other end) while the editor holds the focus in its window; else null. */
  caret(): { anchor: number; head: number } | null;
  /** Focuses the editor with the caret there (kept within the text). */
  placeCaret(at: { anchor: number; head: number }): void;
}

interface CommentaryEditorProps {
  readonly ref?: Ref<CommentaryEditorHandle>;
  readonly initialValue: string;
  readonly onChange: (value: string) => void;
  readonly label: string;
  /** Shown to be read only (a draft in the trash). */
  readonly readOnly?: boolean;
  /** Image files pasted or dropped into the commentary; they are not inserted as text. */
  readonly onImageFiles: (files: readonly File[]) => void;
}

/** The app's own shortcuts, which CodeMirror must leave to the app (Mod-/ would toggle a comment). */
const appKeys = new Set(appShortcuts.map((name) => codeMirrorKey(shortcuts[name].keys)));
const editorKeymap = [...defaultKeymap, ...historyKeymap, ...searchKeymap].filter(
  (binding) => binding.key === undefined || !appKeys.has(binding.key),
);

/**
 * Tab, as CodeMirror's accessible convention has it: it moves the focus on, unless the writer
 * turned on Tab indentation; then Esc followed by Tab still leaves (CodeMirror's tab focus mode).
 */
function tabKeys(indents: boolean) {
  return indents ? keymap.of([indentWithTab]) : [];
}

/**
 * The commentary, in CodeMirror 6: markdown highlighting, undo history, find, soft wrap and the
 * browser's spellcheck. It owns its text while mounted (keyed per draft by its parent), so a
 * keystroke is painted by CodeMirror before React hears of it.
 */
export function CommentaryEditor({
  ref,
  initialValue,
  onChange,
  label,
  readOnly = false,
  onImageFiles,
}: CommentaryEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const tabCompartment = useRef(new Compartment());
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;
  const [tabIndents] = useBooleanPreference('tabIndents', false);
  const latestTabIndents = useRef(tabIndents);
  latestTabIndents.current = tabIndents;
  const [length, setLength] = useState(initialValue.length);
  const [refused, setRefused] = useState(false);
  const latestOnImages = useRef(onImageFiles);
  latestOnImages.current = onImageFiles;

  useImperativeHandle(
    ref,
    () => ({
      insertAtCaret(text) {
        const editor = view.current;
        if (!editor) return 0;
        const { from, to } = editor.state.selection.main;
        editor.dispatch({
          changes: { from, to, insert: text },
          selection: { anchor: from + text.length },
          userEvent: 'input.paste',
          scrollIntoView: true,
        });
        return from;
      },
      replaceRange(from, to, text) {
        view.current?.dispatch({ changes: { from, to, insert: text } });
      },
      text() {
        return view.current?.state.doc.toString() ?? '';
      },
      focus() {
        view.current?.focus();
      },
      caret() {
        const editor = view.current;
        // The focus it holds in its window, even while another window is in front.
        if (!editor || editor.root.activeElement !== editor.contentDOM) return null;
        const { anchor, head } = editor.state.selection.main;
        return { anchor, head };
      },
      placeCaret({ anchor, head }) {
        const editor = view.current;
        if (!editor) return;
        const within = (at: number) => Math.min(Math.max(at, 0), editor.state.doc.length);
        editor.dispatch({ selection: { anchor: within(anchor), head: within(head) } });
        editor.focus();
      },
    }),
    [],
  );

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initialValue,
        extensions: [
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          history(),
          drawSelection(),
          search({ top: true }),
          highlightSelectionMatches(),
          markdown(),
          syntaxHighlighting(markdownHighlight),
          EditorView.lineWrapping,
          perLineDirection(),
          pendingImages(),
          placeholder('Your commentary, in markdown'),
          EditorView.contentAttributes.of({ spellcheck: 'true', 'aria-label': label, 'aria-multiline': 'true' }),
          tabCompartment.current.of(tabKeys(latestTabIndents.current)),
          keymap.of(editorKeymap),
          // A change that would take the commentary past its limit is not made, and the writer is told.
          EditorState.changeFilter.of((transaction) => {
            const fits = transaction.newDoc.length <= limits.commentaryCharacters;
            if (!fits) setRefused(true);
            return fits;
          }),
          EditorView.domEventHandlers({
            paste(event) {
              const files = imageFilesIn(event.clipboardData);
              if (files.length === 0) return false;
              event.preventDefault();
              latestOnImages.current(files);
              return true;
            },
            drop(event, dropped) {
              const files = imageFilesIn(event.dataTransfer);
              if (files.length === 0) return false;
              event.preventDefault();
              // The images go where they were dropped, not where the caret was.
              const at = dropped.posAtCoords({ x: event.clientX, y: event.clientY });
              if (at !== null) dropped.dispatch({ selection: { anchor: at } });
              latestOnImages.current(files);
              return true;
            },
          }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            setLength(update.state.doc.length);
            setRefused(false);
            latestOnChange.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      view.current = null;
      editor.destroy();
    };
    // Created once per mount: later text comes from the writer, not from props.
  }, [initialValue, label, readOnly]);

  useEffect(() => {
    view.current?.dispatch({ effects: tabCompartment.current.reconfigure(tabKeys(tabIndents)) });
  }, [tabIndents]);

  const note = refused
    ? `The commentary holds at most ${limits.commentaryCharacters.toLocaleString('en-US')} characters: that would go past it, so it was not added.`
    : limitNote('The commentary', length, limits.commentaryCharacters, false);
  return (
    <>
      <div ref={host} className="commentary-editor" />
      <LimitNote id="commentary-limit" text={note} />
    </>
  );
}
