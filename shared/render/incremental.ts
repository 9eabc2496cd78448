import type { Token } from 'marked';
import type { DraftContent, Quote } from '../model/draft';
import { lexMarkdown, parseMarkdownTokens } from './markdown';
import { renderQuote } from './quote';
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
 *    cut into chunks at blank lines followed by a line starting with a letter, where every block
 *    construct ends, and each chunk is lexed alone and cached under its text.
 * 2. Sanitizing. The sanitizer is a streaming HTML parser. The HTML marked writes for a token
 *    with no raw HTML inside is balanced and escaped, so the sanitizer ends it in the state it
 *    started in, and sanitizing it alone gives what sanitizing it inside the document gives.
 *    Raw HTML may leave an element or a script open that changes everything after it, so from
 *    the first token holding raw HTML to the end the commentary is sanitized as one piece.
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
  render(content: Pick<DraftContent, 'commentary' | 'quotes'>): RenderedPost;
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
  const chunkPieces = new BoundedCache<string, readonly Piece[]>(cacheSize);
  const tails = new BoundedCache<string, Rendered>(cacheSize);
  const quotes = new BoundedCache<string, Rendered>(cacheSize);
  let nextIdentity = 0;

  function pieceOf(token: Token): Piece {
    const key = JSON.stringify(token);
    const cached = tokenPieces.get(key);
    if (cached !== undefined) return cached;
    const piece: Piece = containsRawHtml(token)
      ? { token, rendered: null }
      : { token, rendered: { identity: nextIdentity++, html: sanitize(parseMarkdownTokens([token])) } };
    tokenPieces.set(key, piece);
    return piece;
  }

  function piecesOfChunk(chunk: string): readonly Piece[] {
    const cached = chunkPieces.get(chunk);
    if (cached !== undefined) return cached;
    const pieces = lexMarkdown(chunk).map(pieceOf);
    chunkPieces.set(chunk, pieces);
    return pieces;
  }

  function piecesOf(commentary: string): readonly Piece[] {
    const source = commentary.replace(carriageReturns, '\n');
    if (!splitsSafely(source)) return lexMarkdown(source).map(pieceOf);
    return splitIntoChunks(source).flatMap(piecesOfChunk);
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

  function renderQuoteOnce(quote: Quote): Rendered {
    const key = quoteKey(quote);
    const cached = quotes.get(key);
    if (cached !== undefined) return cached;
    const rendered = { identity: nextIdentity++, html: renderQuote(quote) };
    quotes.set(key, rendered);
    return rendered;
  }

  return {
    render(content) {
      const pieces = piecesOf(content.commentary);
      const firstRaw = pieces.findIndex((piece) => piece.rendered === null);
      const safe = firstRaw === -1 ? pieces : pieces.slice(0, firstRaw);
      const rendered: Rendered[] = [];
      for (const piece of safe) if (piece.rendered !== null) rendered.push(piece.rendered);
      if (firstRaw !== -1) rendered.push(renderTail(pieces.slice(firstRaw)));
      const keys = new StableKeys();
      const blocks: RenderedBlock[] = [];
      for (const part of rendered) {
        // Spaces and link definitions render to nothing; they need no element.
        if (part.html !== '') blocks.push({ key: keys.next('b', part.identity), html: part.html });
      }
      for (const quote of content.quotes) {
        const part = renderQuoteOnce(quote);
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
  /** Null when the token holds raw HTML, which must be sanitized with everything after it. */
  readonly rendered: Rendered | null;
}

const carriageReturns = /\r\n|\r/g;

/**
 * Constructs that can run across a blank line: fenced code (``` or ~~~), HTML blocks that end
 * only at their closing marker (script, pre, style, textarea, comments, <? and <! declarations),
 * and link definitions, which change links anywhere in the document. Where none of them appear,
 * a blank line followed by a line starting with a letter ends every open block: a paragraph, a
 * list (its items continue only with indented lines), a block quote (no lazy line after a blank
 * one), indented code, a table or any other HTML block.
 */
const spansBlankLines = /```|~~~|<(?:script|pre|style|textarea|[!?])|\]:/i;

function splitsSafely(source: string): boolean {
  return !spansBlankLines.test(source);
}

/** A blank line, then a line that starts with a letter: where a chunk may end. */
const chunkBoundary = /\n[ \t]*\n(?=[A-Za-z])/g;

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

/** True when a token or anything inside it is raw HTML, the one thing marked does not escape. */
function containsRawHtml(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsRawHtml);
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (record['type'] === 'html') return true;
  return Object.values(record).some(containsRawHtml);
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
