import { describe, expect, it } from 'vitest';
import { DraftContentSchema } from '../../../shared/model/draft';
import { limits } from '../../../shared/model/limits';
import { contentFromQuoteLink, parseQuoteLink, QUOTE_LINK_CHARACTERS } from '../../../electron/core/shell/quoteLink';

function quoteLink(parameters: Record<string, string>): string {
  return `commonplace://quote?${new URLSearchParams(parameters).toString()}`;
}

const page = 'https://www.example.com/2024/05/an-article?ref=home#part-2';

describe('commonplace://quote links', () => {
  it('read the passage, its page and its title', () => {
    expect(
      parseQuoteLink(quoteLink({ url: page, title: ' An Article ', text: 'First line\r\nsecond – “quoted” ' })),
    ).toEqual({
      ok: true,
      value: { url: page, title: 'An Article', text: 'First line\nsecond – “quoted”' },
    });
    expect(parseQuoteLink(`commonplace://quote/?url=${encodeURIComponent(page)}&text=x&utm_source=ext`)).toEqual({
      ok: true,
      value: { url: page, title: '', text: 'x' },
    });
  });

  it('refuse pages that are not http(s), and links without a passage', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,hi',
      'ftp://example.com/',
      'not a url',
    ]) {
      const result = parseQuoteLink(quoteLink({ url, text: 'x' }));
      expect(result.ok, url).toBe(false);
    }
    expect(parseQuoteLink(quoteLink({ text: 'x' })).ok).toBe(false);
    expect(parseQuoteLink(quoteLink({ url: page })).ok).toBe(false);
    expect(parseQuoteLink(quoteLink({ url: page, text: '   ' })).ok).toBe(false);
  });

  it('refuse other links, doubled parameters and oversized content', () => {
    expect(parseQuoteLink(`commonplace://settings?url=${page}&text=x`)).toEqual({
      ok: false,
      reason: 'the link is not a commonplace://quote link',
    });
    expect(parseQuoteLink(`https://quote/?url=${page}&text=x`).ok).toBe(false);
    expect(parseQuoteLink('commonplace://quote/extra?text=x').ok).toBe(false);
    expect(parseQuoteLink('::::').ok).toBe(false);
    expect(parseQuoteLink(`${quoteLink({ url: page, text: 'a' })}&text=b`)).toEqual({
      ok: false,
      reason: 'the link names its text more than once',
    });
    expect(
      parseQuoteLink(quoteLink({ url: page, text: 'x', title: 't'.repeat(limits.sourceFieldCharacters + 1) })).ok,
    ).toBe(false);
    expect(parseQuoteLink(`${quoteLink({ url: page })}&text=${'a'.repeat(QUOTE_LINK_CHARACTERS)}`)).toEqual({
      ok: false,
      reason: 'the link is too long',
    });
  });

  it('become a draft with the passage as its quote, credited to the page', () => {
    const parsed = parseQuoteLink(quoteLink({ url: page, title: 'An Article', text: 'A passage.' }));
    if (!parsed.ok) throw new Error(parsed.reason);
    const content = contentFromQuoteLink(parsed.value, new Date('2026-11-24T08:00:00Z'), () => 'quote-0001');
    expect(DraftContentSchema.parse(content)).toEqual({
      title: '',
      commentary: '',
      hashtags: [],
      featuredImage: null,
      quotes: [
        {
          id: 'quote-0001',
          excerpt: 'A passage.',
          note: '',
          clipboardHtml: null,
          source: {
            url: page,
            title: 'An Article',
            author: '',
            siteName: '',
            publishedAt: null,
            publishedAtText: '',
            capturedAt: '2026-11-24T08:00:00.000Z',
          },
        },
      ],
    });
  });
});
