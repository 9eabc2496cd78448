import TurndownService from 'turndown';

const markdownEscaper = new TurndownService();

/**
 * Text as markdown that reads back as the same text. Turndown escapes markdown's own syntax but
 * leaves "<" and "&" alone, so text that spelled a tag (&lt;script&gt; in the page) would become a
 * real tag in markdown; those two are written as entities where they could start a tag, a comment,
 * an autolink or an entity. Everything else, non-breaking spaces and curly quotes included, is kept.
 */
export function escapeMarkdownText(text: string): string {
  return escapeHtmlSyntax(markdownEscaper.escape(text));
}

/**
 * Plain text as markdown, line by line because turndown's escapes look at the start of a line.
 * Leading spaces are dropped: four of them would turn a line into a code block.
 */
export function plainTextToMarkdown(text: string): string {
  return trimBlankEdges(
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => escapeMarkdownText(line.replace(/^[ \t]+/, '')))
      .join('\n'),
  );
}

/** Removes blank lines and spaces around the text, but not the non-breaking spaces a writer typed. */
export function trimBlankEdges(text: string): string {
  // Index scans rather than a /\s+$/ pattern, which backtracks quadratically on long runs of spaces.
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text.charCodeAt(start))) start += 1;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(start, end);
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Writes "<" and "&" as entities where markdown would read them as the start of a tag or an entity,
 * and at the end of the text too: the next element's text ("<" then <a>javascript:…</a>) would
 * otherwise complete one.
 */
export function escapeHtmlSyntax(text: string): string {
  return text.replace(/&(?=#?[0-9A-Za-z]+;|$)/g, '&amp;').replace(/<(?=[A-Za-z/!?]|$)/g, '&lt;');
}
