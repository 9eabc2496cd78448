import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, keymap, placeholder } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { perLineDirection } from './lineDirection';

interface CommentaryEditorProps {
  readonly initialValue: string;
  readonly onChange: (value: string) => void;
  readonly label: string;
}

/**
 * The commentary, in CodeMirror 6: markdown highlighting, undo history, find, soft wrap and the
 * browser's spellcheck. It owns its text while mounted (keyed per draft by its parent), so a
 * keystroke is painted by CodeMirror before React hears of it.
 */
export function CommentaryEditor({ initialValue, onChange, label }: CommentaryEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initialValue,
        extensions: [
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
          keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latestOnChange.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    return () => view.destroy();
    // Created once per mount: later text comes from the writer, not from props.
  }, [initialValue, label]);

  return <div ref={host} className="commentary-editor" />;
}
