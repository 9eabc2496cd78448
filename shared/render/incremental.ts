import type { Links, Token } from 'marked';
import type { DraftContent, Quote } from '../model/draft';
import { lexMarkdown, lexMarkdownWithLinks, parseMarkdownTokens } from './markdown';
import { renderQuote, type RenderOptions } from './quote';
import { sanitize } from './sanitize';

/**
 * A live preview that renders only what changed, with output identical to renderPostBody.
 *
 * Why it is identical:
 *
 * 1. Tokens. Marked's parser renders each top-level token on its own and concatenates, and what
 *    it renders for a token depends only on that token's data. So a token's HTML can be cached
 *    under the token's JSON. The tokens themselves come from lexing the whole commentary, except
 *    when the commentary holds nothing that spans a blank line (see `splitsSafely`): then it is
 *    cut into chunks at empty lines followed by a line starting with a letter, where every block
 *    construct ends, and each chunk is lexed alone and cached under its text. Reference links
 *    are the one thing a chunk takes from the rest: chunks with a bracket are lexed again with
 *    the document's definitions, and cached under those too.
 * 2. Sanitizing. The sanitizer is a streaming HTML parser (htmlparser2). A token's HTML that
 *    leaves that parser as it found it (`leavesParserAsFound`: every element it opens it
 *    closes, no comment, script or other raw text left open) gives the same output sanitized
 *    alone as inside the document. Raw HTML may instead leave an element or a script open that
 *    changes everything after it, so from the first token whose HTML fails the check to the
 *    end, the commentary is sanitized as one piece.
 * 3. Quotes are rendered independently of each other and of the commentary by renderPostBody,
 *    so each is cached under the fields renderQuote reads.
 */

/** One top-level piece of the preview; `key` stays the same while its HTML does. */
export interface RenderedBlock {
  readonly key: string;
  readonly html: string;
}

export interface RenderedPost {
  /** Equal to renderPostBody(content), byte for byte. */
  readonly html: string;
  /** In order; their html joined is `html`. */
  readonly blocks: readonly RenderedBlock[];
}

export interface IncrementalRenderer {
  /** The same HTML as renderPostBody(content, options). */
  render(content: Pick<DraftContent, 'commentary' | 'quotes'>, options?: RenderOptions): RenderedPost;
}

export interface IncrementalRendererOptions {
  /** How many distinct blocks, chunks and quotes each cache keeps; the least recently used go. */
  readonly cacheSize?: number;
}

const DEFAULT_CACHE_SIZE = 4_000;

/** Creates a renderer whose caches live as long as it does: keep one per preview. */
export function createIncrementalRenderer(options: IncrementalRendererOptions = {}): IncrementalRenderer {
  const cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
  const tokenPieces = new BoundedCache<string, Piece>(cacheSize);
  const chunks = new BoundedCache<string, LexedChunk>(cacheSize);
  const linkedChunks = new BoundedCache<string, readonly Piece[]>(cacheSize);
  const tails = new BoundedCache<string, Rendered>(cacheSize);
  const quotes = new BoundedCache<string, Rendered>(cacheSize);
  let nextIdentity = 0;

  function pieceOf(token: Token): Piece {
    const key = JSON.stringify(token);
    const cached = tokenPieces.get(key);
    if (cached !== undefined) return cached;
    const html = parseMarkdownTokens([token]);
    const piece: Piece = leavesParserAsFound(html)
      ? { token, rendered: { identity: nextIdentity++, html: sanitize(html) } }
      : { token, rendered: null };
    tokenPieces.set(key, piece);
    return piece;
  }

  function lexChunk(chunk: string): LexedChunk {
    const cached = chunks.get(chunk);
    if (cached !== undefined) return cached;
    const tokens = lexMarkdown(chunk);
    const lexed: LexedChunk = { text: chunk, links: tokens.links, pieces: tokens.map(pieceOf) };
    chunks.set(chunk, lexed);
    return lexed;
  }

  /** The chunk's pieces with its reference links resolved against the whole document's definitions. */
  function linkedPieces(chunk: LexedChunk, links: Links, linksKey: string): readonly Piece[] {
    // Without a bracket the chunk holds neither a reference nor a definition: links cannot change it.
    if (!chunk.text.includes('[')) return chunk.pieces;
    const key = `${linksKey}\u0000${chunk.text}`;
    const cached = linkedChunks.get(key);
    if (cached !== undefined) return cached;
    const pieces = lexMarkdownWithLinks(chunk.text, links).map(pieceOf);
    linkedChunks.set(key, pieces);
    return pieces;
  }

  function piecesOf(commentary: string): readonly Piece[] {
    const source = commentary.replace(carriageReturns, '\n');
    if (!splitsSafely(source)) return lexMarkdown(source).map(pieceOf);
    const lexed = splitIntoChunks(source).map(lexChunk);
    const links = documentLinks(lexed);
    if (links === null) return lexed.flatMap((chunk) => chunk.pieces);
    const linksKey = JSON.stringify(links);
    return lexed.flatMap((chunk) => linkedPieces(chunk, links, linksKey));
  }

  function renderTail(pieces: readonly Piece[]): Rendered {
    const tokens = pieces.map((piece) => piece.token);
    const key = JSON.stringify(tokens);
    const cached = tails.get(key);
    if (cached !== undefined) return cached;
    const rendered = { identity: nextIdentity++, html: sanitize(parseMarkdownTokens(tokens)) };
    tails.set(key, rendered);
    return rendered;
  }

  function renderQuoteOnce(quote: Quote, options: RenderOptions): Rendered {
    const key = `${options.attribution ?? 'via'}:${options.linkToPassage === true}:${quoteKey(quote)}`;
    const cached = quotes.get(key);
    if (cached !== undefined) return cached;
    const rendered = { identity: nextIdentity++, html: renderQuote(quote, options) };
    quotes.set(key, rendered);
    return rendered;
  }

  return {
    render(content, options = {}) {
      const pieces = piecesOf(content.commentary);
      const tailStart = pieces.findIndex((piece) => piece.rendered === null);
      const alone = tailStart === -1 ? pieces : pieces.slice(0, tailStart);
      const rendered: Rendered[] = [];
      for (const piece of alone) if (piece.rendered !== null) rendered.push(piece.rendered);
      if (tailStart !== -1) rendered.push(renderTail(pieces.slice(tailStart)));
      const keys = new StableKeys();
      const blocks: RenderedBlock[] = [];
      for (const part of rendered) {
        // Spaces and link definitions render to nothing; they need no element.
        if (part.html !== '') blocks.push({ key: keys.next('b', part.identity), html: part.html });
      }
      for (const quote of content.quotes) {
        const part = renderQuoteOnce(quote, options);
        blocks.push({ key: keys.next('q', part.identity), html: part.html });
      }
      return { html: blocks.map((block) => block.html).join(''), blocks };
    },
  };
}

interface Rendered {
  /** Numbers a distinct rendering, so equal blocks keep their key from one render to the next. */
  readonly identity: number;
  readonly html: string;
}

interface Piece {
  readonly token: Token;
  /** Null when the token's HTML may change how what follows it is sanitized. */
  readonly rendered: Rendered | null;
}

interface LexedChunk {
  readonly text: string;
  /** The link definitions in this chunk, lexed alone. */
  readonly links: Links;
  /** Its pieces when the document defines no links. */
  readonly pieces: readonly Piece[];
}

const carriageReturns = /\r\n|\r/g;

/**
 * Constructs that can run across a blank line: fenced code (``` or ~~~) and HTML blocks that end
 * only at their closing marker (script, pre, style, textarea, comments, <? and <! declarations).
 * Where none of them appear, a blank line followed by a line starting with a letter ends every
 * open block: a paragraph, a list (its items continue only with indented lines), a block quote
 * (no lazy line after a blank one), indented code, a table or any other HTML block.
 */
const spansBlankLines = /```|~~~|<(?:script|pre|style|textarea|[!?])/i;

/** Every line with `]:`, the mark of a link definition. */
const definitionLines = /^.*\]:.*$/gm;

/** A link definition whole on one line, its title (if any) closed on that line. */
const oneLineDefinition = /^ {0,3}\[[^[\]\n]+\]: *[^\s"'(<]\S* *(?:(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)) *)?$/;

/** A definition's title may start on the line after it, and a title may hold blank lines. */
const titleOnNextLine = /\n[ \t]*["'(]/y;

function splitsSafely(source: string): boolean {
  if (spansBlankLines.test(source)) return false;
  for (const line of source.matchAll(definitionLines)) {
    if (!oneLineDefinition.test(line[0])) return false;
    titleOnNextLine.lastIndex = line.index + line[0].length;
    if (titleOnNextLine.test(source)) return false;
  }
  return true;
}

/**
 * The whole document's link definitions: the first definition of a label wins, as in marked.
 * Definitions cannot span chunks, so each chunk lexed alone finds its own. Null when there are none.
 */
function documentLinks(chunks: readonly LexedChunk[]): Links | null {
  let links: Links | null = null;
  for (const chunk of chunks) {
    for (const [label, link] of Object.entries(chunk.links)) {
      // No prototype: a label such as __proto__ must be stored like any other.
      links ??= Object.create(null) as Links;
      if (!Object.hasOwn(links, label)) links[label] = link;
    }
  }
  return links;
}

/**
 * An empty line, then a line that starts with a letter: where a chunk may end. Only an empty
 * line: a table goes on through a line of tabs, which it reads as a row.
 */
const chunkBoundary = /\n\n(?=[A-Za-z])/g;

function splitIntoChunks(source: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  for (const match of source.matchAll(chunkBoundary)) {
    const end = match.index + match[0].length;
    chunks.push(source.slice(start, end));
    start = end;
  }
  chunks.push(source.slice(start));
  return chunks;
}

/**
 * An opening or closing tag, its attributes written out in full, so that where it ends is where
 * htmlparser2 ends it (a quoted value may hold a `>`).
 */
const tagPattern = /<(\/?)([a-z][a-z0-9]*)(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/iy;

/**
 * Elements that change how htmlparser2 reads what follows them until they close: raw text
 * (script, style, title, textarea, xmp…), the sanitizer's skipped content, foreign content
 * (svg, math) and the elements that switch back out of it.
 */
const changesParsing = new Set([
  'script',
  'style',
  'title',
  'textarea',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'plaintext',
  'noscript',
  'template',
  'object',
  'option',
  'svg',
  'math',
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'annotation-xml',
  'foreignobject',
  'desc',
]);

/** htmlparser2's void elements: never on its stack of open elements. */
const voidElements = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const paragraph = ['p'];
const formElements = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];

/** htmlparser2's openImpliesClose: opening the key closes an open element named in its list. */
const opensClose = new Map<string, readonly string[]>([
  ['tr', ['tr', 'th', 'td']],
  ['th', ['th']],
  ['td', ['thead', 'th', 'td']],
  ['body', ['head', 'link', 'script']],
  ['li', ['li']],
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((name): [string, readonly string[]] => [name, paragraph]),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((name): [string, readonly string[]] => [
    name,
    formElements,
  ]),
  ['option', ['option']],
  ['optgroup', ['optgroup', 'option']],
  ['dd', ['dd', 'dt']],
  ['dt', ['dd', 'dt']],
  ...[
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((name): [string, readonly string[]] => [name, paragraph]),
  ['rt', ['rt', 'rp']],
  ['rp', ['rt', 'rp']],
  ['tbody', ['thead', 'tbody']],
  ['tfoot', ['thead', 'tbody']],
]);

/**
 * True when htmlparser2, reading this HTML from its initial state, ends in that state again:
 * every `<` starts a well-formed tag, no element changes how later text is read, every closing
 * tag closes the element opened last, no opening tag closes another implicitly, nothing is left
 * open, and the HTML ends with a newline (no character reference runs on). The sanitizer keeps
 * no other state between tags, so sanitizing such HTML alone gives what it gives in a document.
 * Marked's own HTML passes; raw HTML passes when it is as tidy.
 */
function leavesParserAsFound(html: string): boolean {
  if (html !== '' && !html.endsWith('\n')) return false;
  const open: string[] = [];
  let at = html.indexOf('<');
  while (at !== -1) {
    tagPattern.lastIndex = at;
    const tag = tagPattern.exec(html);
    if (tag === null) return false;
    const [whole, slash, rawName = ''] = tag;
    const name = rawName.toLowerCase();
    if (changesParsing.has(name)) return false;
    if (slash === '/') {
      if (voidElements.has(name) || open.pop() !== name) return false;
    } else {
      const top = open.at(-1);
      if (top !== undefined && opensClose.get(name)?.includes(top) === true) return false;
      if (!voidElements.has(name)) open.push(name);
    }
    at = html.indexOf('<', at + whole.length);
  }
  return open.length === 0;
}

/** The fields of a quote that renderQuote reads: equal keys, equal HTML. */
function quoteKey(quote: Quote): string {
  const { url, title, author, siteName, publishedAt, publishedAtText } = quote.source;
  return JSON.stringify([quote.excerpt, url, title, author, siteName, publishedAt, publishedAtText]);
}

/** Keys from identities, told apart when the same block appears more than once. */
class StableKeys {
  private readonly seen = new Map<string, number>();

  next(kind: string, identity: number): string {
    const base = `${kind}${identity}`;
    const count = this.seen.get(base) ?? 0;
    this.seen.set(base, count + 1);
    return count === 0 ? base : `${base}.${count}`;
  }
}

/** A map that forgets its least recently used entries beyond a size. */
class BoundedCache<Key, Value> {
  private readonly entries = new Map<Key, Value>();

  constructor(private readonly size: number) {}

  get(key: Key): Value | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // A Map iterates in insertion order: moving the entry to the end marks it as recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: Key, value: Value): void {
    this.entries.set(key, value);
    if (this.entries.size <= this.size) return;
    const oldest = this.entries.keys().next();
    if (oldest.done !== true) this.entries.delete(oldest.value);
  }
}
