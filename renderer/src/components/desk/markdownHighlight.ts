import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';

/**
 * How the commentary's markdown is marked while the writer types, in the app's own colours
 * (styles.css), so it reads in the light and the dark theme alike. CodeMirror's default style
 * has fixed colours made for a white page: its dark blue for addresses and marks fell below
 * WCAG contrast on the dark theme's paper.
 */
export const markdownHighlight = HighlightStyle.define([
  { tag: tags.heading, fontWeight: 'bold' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strong, fontWeight: 'bold' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: tags.link, color: 'var(--accent)', textDecoration: 'underline' },
  { tag: tags.url, color: 'var(--muted)' },
  { tag: tags.monospace, fontFamily: 'var(--mono)' },
  { tag: tags.quote, color: 'var(--muted)' },
  // The marks themselves: # * > ` [ ] ( ), list bullets, rules.
  { tag: [tags.processingInstruction, tags.contentSeparator, tags.labelName, tags.meta], color: 'var(--muted)' },
]);
