import { Lexer, Marked, type Links, type Token, type TokensList } from 'marked';
import { sanitize } from './sanitize';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** Markdown to safe HTML: the only way text from a draft becomes HTML anywhere in the app. */
export function renderMarkdown(markdown: string): string {
  return sanitize(marked.parse(markdown, { async: false }));
}

/**
 * The tokens renderMarkdown reads, from the same configured instance, so that a renderer which
 * caches per block (render/incremental.ts) parses exactly as renderMarkdown does.
 */
export function lexMarkdown(markdown: string): TokensList {
  return marked.lexer(markdown);
}

/**
 * Like lexMarkdown, for a part of a document: reference links resolve against `links`, the
 * definitions of the whole document, as they do when the part is lexed within it.
 */
export function lexMarkdownWithLinks(markdown: string, links: Links): TokensList {
  const lexer = new Lexer(marked.defaults);
  for (const [label, link] of Object.entries(links)) lexer.tokens.links[label] = link;
  return lexer.lex(markdown);
}

/** The unsanitized HTML of tokens from lexMarkdown. */
export function parseMarkdownTokens(tokens: Token[]): string {
  return marked.parser(tokens);
}
