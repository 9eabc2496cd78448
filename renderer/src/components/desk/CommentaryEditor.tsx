import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, keymap, placeholder } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { limits } from '../../../../shared/model/limits';
import { limitNote, LimitNote } from './fieldLimit';

interface CommentaryEditorProps {
  readonly initialValue: string;
  readonly onChange: (value: string) => void;
  readonly label: string;
  /** Shown to be read only (a draft in the trash). */
  readonly readOnly?: boolean;
}

/**
 * The commentary, in CodeMirror 6: markdown highlighting, undo history, find, soft wrap and the
 * browser's spellcheck. It owns its text while mounted (keyed per draft by its parent), so a
 * keystroke is painted by CodeMirror before React hears of it.
 */
export function CommentaryEditor({ initialValue, onChange, label, readOnly = false }: CommentaryEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;
  const [length, setLength] = useState(initialValue.length);
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView({
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
          placeholder('Your commentary, in markdown'),
          EditorView.contentAttributes.of({ spellcheck: 'true', 'aria-label': label, 'aria-multiline': 'true' }),
          keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
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
    return () => view.destroy();
    // Created once per mount: later text comes from the writer, not from props.
  }, [initialValue, label, readOnly]);

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
