import type { z } from 'zod';
import {
  DraftContentSchema,
  emptySource,
  HashtagSchema,
  IdSchema,
  QuoteSchema,
  SourceSchema,
  type DraftContent,
  type Quote,
} from './draft';
import { hashtagKey } from './hashtags';
import { limits } from './limits';
import { describeIssue, describeValidation } from './validationMessages';
import { formatCount } from '../text/numbers';

/** What of the writer's content can be saved now, and what is held back, in words. */
export interface SaveableContent {
  readonly content: DraftContent;
  /** One sentence per field held back or cut at its limit; empty when everything goes as typed. */
  readonly withheld: readonly string[];
}

/**
 * What can be saved of the content as typed, so that one field never holds back the rest of the
 * draft: a text past its limit is saved up to the limit, a field in a form the library refuses
 * (a half-typed date, a duplicate hashtag) keeps its last saved value, and every other field is
 * saved as typed. The library validates saves with the same schemas and would refuse the whole.
 */
export function saveableContent(content: DraftContent, saved: DraftContent): SaveableContent {
  if (DraftContentSchema.safeParse(content).success) return { content, withheld: [] };
  const withheld: string[] = [];
  const fields = new FieldChecker(withheld);
  const savedQuotes = new Map(saved.quotes.map((quote) => [quote.id, quote]));
  const quotes = content.quotes
    .map((quote, index) => saveableQuote(quote, savedQuotes.get(quote.id), index, fields))
    .filter((quote): quote is Quote => quote !== null);
  if (quotes.length > limits.quotesPerDraft) {
    withheld.push(
      `The draft has more than ${formatCount(limits.quotesPerDraft)} quotes; only the first ${formatCount(limits.quotesPerDraft)} are saved.`,
    );
    quotes.length = limits.quotesPerDraft;
  }
  const candidate: DraftContent = {
    title: fields.text(DraftContentSchema.shape.title, content.title, saved.title, ['title']),
    commentary: fields.text(DraftContentSchema.shape.commentary, content.commentary, saved.commentary, ['commentary']),
    quotes,
    hashtags: saveableHashtags(content.hashtags, withheld),
    featuredImage: fields.other(DraftContentSchema.shape.featuredImage, content.featuredImage, saved.featuredImage, [
      'featuredImage',
    ]),
  };
  const checked = DraftContentSchema.safeParse(candidate);
  if (checked.success) return { content: checked.data, withheld };
  // Not reached with the schemas as they are; if it ever is, the last saved draft stays whole.
  return { content: saved, withheld: [...withheld, `Nothing new is saved: ${describeValidation(checked.error)}`] };
}

function saveableQuote(quote: Quote, saved: Quote | undefined, index: number, fields: FieldChecker): Quote | null {
  if (QuoteSchema.safeParse(quote).success) return quote;
  if (!IdSchema.safeParse(quote.id).success) return saved ?? null;
  const path = ['quotes', index];
  const source = quote.source;
  const savedSource = saved?.source ?? emptySource();
  const shape = SourceSchema.shape;
  return {
    id: quote.id,
    excerpt: fields.text(QuoteSchema.shape.excerpt, quote.excerpt, saved?.excerpt ?? '', [...path, 'excerpt']),
    note: fields.text(QuoteSchema.shape.note, quote.note, saved?.note ?? '', [...path, 'note']),
    clipboardHtml: fields.other(QuoteSchema.shape.clipboardHtml, quote.clipboardHtml, saved?.clipboardHtml ?? null, [
      ...path,
      'clipboardHtml',
    ]),
    source: {
      url: fields.other(shape.url, source.url, savedSource.url, [...path, 'source', 'url']),
      title: fields.text(shape.title, source.title, savedSource.title, [...path, 'source', 'title']),
      author: fields.text(shape.author, source.author, savedSource.author, [...path, 'source', 'author']),
      siteName: fields.text(shape.siteName, source.siteName, savedSource.siteName, [...path, 'source', 'siteName']),
      publishedAt: fields.other(shape.publishedAt, source.publishedAt, savedSource.publishedAt, [
        ...path,
        'source',
        'publishedAt',
      ]),
      publishedAtText: fields.text(shape.publishedAtText, source.publishedAtText, savedSource.publishedAtText, [
        ...path,
        'source',
        'publishedAtText',
      ]),
      capturedAt: fields.other(shape.capturedAt, source.capturedAt, savedSource.capturedAt, [
        ...path,
        'source',
        'capturedAt',
      ]),
    },
  };
}

function saveableHashtags(hashtags: readonly string[], withheld: string[]): string[] {
  const kept: string[] = [];
  const keys = new Set<string>();
  for (const [index, tag] of hashtags.entries()) {
    const parsed = HashtagSchema.safeParse(tag);
    const issue = parsed.error?.issues[0];
    if (issue) {
      withheld.push(`${describeIssue({ ...issue, path: ['hashtags', index] })} It is not saved.`);
      continue;
    }
    const key = hashtagKey(tag);
    if (keys.has(key)) {
      withheld.push(`#${tag} is already a tag of this post; it is saved once.`);
      continue;
    }
    keys.add(key);
    kept.push(tag);
  }
  if (kept.length > limits.hashtagsPerDraft) {
    withheld.push(
      `The draft has more than ${formatCount(limits.hashtagsPerDraft)} hashtags; only the first ${formatCount(limits.hashtagsPerDraft)} are saved.`,
    );
    kept.length = limits.hashtagsPerDraft;
  }
  return kept;
}

/** Checks one field at a time against its schema, noting in words what is held back. */
class FieldChecker {
  readonly #withheld: string[];

  constructor(withheld: string[]) {
    this.#withheld = withheld;
  }

  /** A text: cut at its limit when too long, else its last saved value when refused. */
  text(schema: z.ZodType<string>, value: string, saved: string, path: PropertyKey[]): string {
    const issue = schema.safeParse(value).error?.issues[0];
    if (!issue) return value;
    const sentence = describeIssue({ ...issue, path });
    if (issue.code === 'too_big') {
      const limit = Number(issue.maximum);
      this.#withheld.push(`${sentence} Only its first ${formatCount(limit)} are saved.`);
      return cutAt(value, limit);
    }
    this.#withheld.push(`${sentence} Its last saved value is kept until it is fixed.`);
    return schema.safeParse(saved).success ? saved : '';
  }

  /** Any other field: its last saved value when refused (or none when that is refused too). */
  other<T>(schema: z.ZodType<T>, value: T, saved: T, path: PropertyKey[]): T | null {
    const issue = schema.safeParse(value).error?.issues[0];
    if (!issue) return value;
    this.#withheld.push(`${describeIssue({ ...issue, path })} Its last saved value is kept until it is fixed.`);
    return schema.safeParse(saved).success ? saved : null;
  }
}

/** The first `limit` UTF-16 units, never splitting a surrogate pair. */
function cutAt(text: string, limit: number): string {
  const cut = text.slice(0, limit);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
