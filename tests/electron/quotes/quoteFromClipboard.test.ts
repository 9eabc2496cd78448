import { describe, expect, it } from 'vitest';
import { emptySource, QuoteSchema, type Source } from '../../../shared/model/draft';
import { fillSource } from '../../../electron/core/quotes/fillSource';
import type { PageMetadata } from '../../../electron/core/quotes/pageMetadata';
import { parseClipboard } from '../../../electron/core/quotes/parseClipboard';
import { quoteFromClipboard } from '../../../electron/core/quotes/quoteFromClipboard';
import { clipboardFixture } from './clipboardFixtures';

const sourceUrl = 'https://www.rudaw.net/english/middleeast/iraq/isis-shadow-of-its-former-self';
const metadata: PageMetadata = {
  url: sourceUrl,
  title: 'ISIS in Iraq: A shadow of its former self',
  siteName: 'Rudaw',
  author: 'Rudaw Staff',
  publishedAt: '2016-05-12',
  publishedAtText: '',
};
const clock = (): Date => new Date('2026-11-24T08:00:00.000Z');

describe('quoteFromClipboard', () => {
  it('builds a valid quote with the injected id and clock, the copied HTML and the page details', () => {
    const clipboard = parseClipboard(clipboardFixture('chrome-macos'));
    const quote = quoteFromClipboard(clipboard, { newId: () => 'quote-0001', now: clock, metadata });
    expect(QuoteSchema.parse(quote)).toEqual(quote);
    expect(quote).toEqual({
      id: 'quote-0001',
      excerpt: clipboard.excerpt,
      source: {
        url: sourceUrl,
        title: metadata.title,
        author: 'Rudaw Staff',
        siteName: 'Rudaw',
        publishedAt: '2016-05-12',
        publishedAtText: '',
        capturedAt: '2026-11-24T08:00:00.000Z',
      },
      note: '',
      clipboardHtml: clipboard.clipboardHtml,
    });
  });

  it('keeps the clipboard title and leaves the rest empty when offline', () => {
    const quote = quoteFromClipboard(parseClipboard(clipboardFixture('macos-bookmark')), {
      newId: () => 'quote-0002',
      now: clock,
    });
    expect(quote.source).toEqual({
      ...emptySource(),
      url: sourceUrl,
      title: 'ISIS in Iraq: A shadow of its former self',
      capturedAt: '2026-11-24T08:00:00.000Z',
    });
    expect(quote.excerpt).toBe('');
    expect(quote.clipboardHtml).toBeNull();
  });
});

describe('fillSource', () => {
  const typed: Source = {
    url: 'https://typed.example/page',
    title: 'What the writer typed',
    author: '',
    siteName: 'Typed Site',
    publishedAt: null,
    publishedAtText: 'last spring',
    capturedAt: '2026-11-01T00:00:00.000Z',
  };

  it('never replaces what the writer already typed, and fills only what is empty', () => {
    expect(fillSource(typed, { sourceUrl, sourceTitle: 'Clipboard title' }, metadata)).toEqual({
      ...typed,
      author: 'Rudaw Staff',
    });
  });

  it('prefers the page title to the clipboard title, and the clipboard title to nothing', () => {
    const empty = emptySource();
    expect(fillSource(empty, { sourceUrl, sourceTitle: 'Tab - Rudaw' }, metadata).title).toBe(metadata.title);
    expect(fillSource(empty, { sourceUrl, sourceTitle: 'Tab - Rudaw' }, { ...metadata, title: '' }).title).toBe(
      'Tab - Rudaw',
    );
    expect(fillSource(empty, { sourceUrl, sourceTitle: 'Tab - Rudaw' }, null)).toEqual({
      ...empty,
      url: sourceUrl,
      title: 'Tab - Rudaw',
    });
  });

  it('takes a date as the page wrote it when it is not exact', () => {
    const filled = fillSource(emptySource(), null, {
      ...metadata,
      publishedAt: null,
      publishedAtText: 'yesterday at 09:51',
    });
    expect(filled).toMatchObject({ url: sourceUrl, publishedAt: null, publishedAtText: 'yesterday at 09:51' });
  });

  it('keeps fields within the Source limits', () => {
    const filled = fillSource(emptySource(), null, { ...metadata, author: 'A'.repeat(5_000) });
    expect(filled.author).toHaveLength(2_000);
  });
});
