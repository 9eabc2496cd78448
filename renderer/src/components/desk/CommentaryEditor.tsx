import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, drawSelection, keymap, placeholder } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { limits } from '../../../../shared/model/limits';
import { appShortcuts, codeMirrorKey, shortcuts } from '../../shortcuts';
import { useBooleanPreference } from '../../state/usePreference';
import { limitNote, LimitNote } from './fieldLimit';
import { perLineDirection } from './lineDirection';

interface CommentaryEditorProps {
  readonly initialValue: string;
  readonly onChange: (value: string) => void;
  readonly label: string;
  /** Shown to be read only (a draft in the trash). */
  readonly readOnly?: boolean;
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
export function CommentaryEditor({ initialValue, onChange, label, readOnly = false }: CommentaryEditorProps) {
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
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          EditorView.lineWrapping,
          perLineDirection(),
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
