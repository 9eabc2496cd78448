import { Lexer, Marked, type Links, type Token, type TokensList } from 'marked';
import { escapeHtml } from './escape';
import { sanitize } from './sanitize';

const marked = new Marked({ gfm: true, breaks: false, async: false });

marked.use({
  renderer: {
    /**
     * An image alone in its paragraph with a title is a figure, its title the caption: how the
     * writer captions an image (`![alt](media:… "caption")`) and how a quoted figure keeps its own.
     */
    paragraph({ tokens }) {
      const [image] = tokens;
      const caption: unknown = image?.type === 'image' ? image['title'] : null;
      if (tokens.length !== 1 || !image || typeof caption !== 'string' || caption === '') return false;
      const picture = this.parser.parseInline([{ ...image, title: null }]);
      return `<figure>${picture}<figcaption>${escapeHtml(caption)}</figcaption></figure>\n`;
    },
  },
});

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
