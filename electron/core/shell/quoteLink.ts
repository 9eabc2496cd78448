import { z } from 'zod';
import { emptySource, HttpUrlSchema, type DraftContent } from '../../../shared/model/draft';
import { limits } from '../../../shared/model/limits';
import { LINK_SCHEME } from './openRequest';

/** A quote handed over by a commonplace://quote link: the passage and where it comes from. */
export interface QuoteLink {
  readonly url: string;
  readonly title: string;
  readonly text: string;
}

export type QuoteLinkResult =
  { readonly ok: true; readonly value: QuoteLink } | { readonly ok: false; readonly reason: string };

/**
 * Longest link read: room for a long passage, percent-encoded (three characters a byte), while
 * a hostile page cannot make the app parse megabytes from one click.
 */
export const QUOTE_LINK_CHARACTERS = 300_000;

const QuoteLinkSchema = z.strictObject({
  url: HttpUrlSchema,
  title: z.string().max(limits.sourceFieldCharacters),
  text: z.string().min(1, 'the link has no text to quote').max(limits.excerptCharacters),
});

/**
 * Reads commonplace://quote?url=…&title=…&text=… as sent by a browser bookmarklet or extension.
 * The url must be http(s); text is required, title optional; each at most once. Other
 * parameters are ignored so that a newer sender's additions do not break the link.
 */
export function parseQuoteLink(link: string): QuoteLinkResult {
  if (link.length > QUOTE_LINK_CHARACTERS) return { ok: false, reason: 'the link is too long' };
  if (!URL.canParse(link)) return { ok: false, reason: 'the link is not a valid URL' };
  const url = new URL(link);
  if (url.protocol !== `${LINK_SCHEME}:` || url.hostname !== 'quote' || !['', '/'].includes(url.pathname)) {
    return { ok: false, reason: `the link is not a ${LINK_SCHEME}://quote link` };
  }
  const fields: Record<string, string> = {};
  for (const name of ['url', 'title', 'text']) {
    const values = url.searchParams.getAll(name);
    if (values.length > 1) return { ok: false, reason: `the link names its ${name} more than once` };
    if (values[0] !== undefined) fields[name] = values[0];
  }
  const parsed = QuoteLinkSchema.safeParse({
    url: fields['url'],
    title: (fields['title'] ?? '').trim(),
    text: (fields['text'] ?? '').replace(/\r\n?/g, '\n').trim(),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `the link's ${String(issue?.path[0] ?? 'content')} is not usable: ${issue?.message ?? ''}`,
    };
  }
  return { ok: true, value: parsed.data };
}

/** A new draft holding the link's passage as its one quote, credited to the link's page. */
export function contentFromQuoteLink(quote: QuoteLink, capturedAt: Date, newId: () => string): DraftContent {
  return {
    title: '',
    commentary: '',
    quotes: [
      {
        id: newId(),
        excerpt: quote.text,
        source: { ...emptySource(), url: quote.url, title: quote.title, capturedAt: capturedAt.toISOString() },
        note: '',
        clipboardHtml: null,
      },
    ],
    hashtags: [],
    featuredImage: null,
  };
}
