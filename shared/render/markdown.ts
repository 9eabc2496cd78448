import { Marked } from 'marked';
import { sanitize } from './sanitize';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** Markdown to safe HTML: the only way text from a draft becomes HTML anywhere in the app. */
export function renderMarkdown(markdown: string): string {
  return sanitize(marked.parse(markdown, { async: false }));
}
