import { describe, expect, it } from 'vitest';
import { limits } from '../../../shared/model/limits';
import { renderMarkdown } from '../../../shared/render/markdown';
import { AppError } from '../../../shared/result';
import { parseClipboard, type ClipboardQuote } from '../../../electron/core/quotes/parseClipboard';
import { clipboardFixture } from './clipboardFixtures';

const sourceUrl = 'https://www.rudaw.net/english/middleeast/iraq/isis-shadow-of-its-former-self';
const firstParagraph =
  '**ERBIL, Kurdistan Region**\u2014A picture of a diminished Islamic State (ISIS) in Iraq is emerging from recent reports and statistics.\u00a0 As Peshmerga and Iraqi troops prepare for a major offensive to retake Mosul, indications are that the terrorist group have all but conceded defeat.';
const secondParagraph =
  '\u201cSome of their members, especially those with long-term importance to ISIS, are taking refuge here \\[in Libya\\]\u201d, intelligence chief of Misrata, Ismail Shukri, told the [BBC](https://www.rudaw.net/english/world/bbc-report?id=42). \u201cThey view Libya as a safe haven.\u201d';
const htmlExcerpt = `${firstParagraph}\n\n${secondParagraph}`;

function parseFixture(name: string): ClipboardQuote {
  return parseClipboard(clipboardFixture(name));
}

function failureOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

describe('parseClipboard on what browsers put on the clipboard', () => {
  it.each(['chrome-macos', 'chromium-linux', 'chromium-windows-cf-html', 'firefox-linux'])(
    '%s: the passage as markdown, credited to the page it came from',
    (name) => {
      const quote = parseFixture(name);
      expect(quote.excerpt).toBe(htmlExcerpt);
      expect(quote.sourceUrl).toBe(sourceUrl);
      expect(quote.sourceTitle).toBe('');
    },
  );

  it('google-docs-chrome: the plain paragraphs Google Docs copied, its bold and italics kept, no stray "**"', () => {
    const quote = parseFixture('google-docs-chrome');
    expect(quote.excerpt).toBe(
      [
        'The first paragraph of the note, with a **bold word**, an _italic one_ and a [link](https://example.com/notes).',
        'The second paragraph, after an empty line.',
        'The third, right after it.',
      ].join('\n\n'),
    );
    const published = renderMarkdown(quote.excerpt);
    expect(published).not.toMatch(/<p>\s*(\*\*|<strong>\s*<\/strong>)?\s*<\/p>/);
    expect(published.match(/<p>/g)).toHaveLength(3);
  });

  it('keeps the HTML format exactly as copied, for provenance', () => {
    const payload = clipboardFixture('chromium-windows-cf-html') as { formats: Record<string, string> };
    expect(parseClipboard(payload).clipboardHtml).toBe(payload.formats['HTML Format']);
    const mac = clipboardFixture('chrome-macos') as { formats: Record<string, string> };
    expect(parseClipboard(mac).clipboardHtml).toBe(mac.formats['text/html']);
  });

  it('finds the fragment of a CF_HTML whose writer counted characters instead of bytes', () => {
    const quote = parseFixture('windows-cf-html-character-offsets');
    expect(quote.excerpt).toBe(htmlExcerpt);
    expect(quote.sourceUrl).toBe(sourceUrl);
  });

  it('reads a CF_HTML that a host passed as text/html', () => {
    const payload = clipboardFixture('chromium-windows-cf-html') as { formats: Record<string, string> };
    const quote = parseClipboard({ formats: { 'text/html': payload.formats['HTML Format'] } });
    expect(quote.excerpt).toBe(htmlExcerpt);
    expect(quote.sourceUrl).toBe(sourceUrl);
  });

  it("reads Firefox's UTF-16 link (URL, line break, title) as a source without an excerpt", () => {
    const quote = parseFixture('firefox-copy-link-utf16');
    expect(quote).toEqual({
      excerpt: '',
      sourceUrl,
      sourceTitle: 'ISIS in Iraq: A shadow of its former self \u2013 Rudaw',
      clipboardHtml: null,
    });
  });

  it('reads UTF-16 text whose byte-order mark a host decoded as replacement characters', () => {
    const wide = Array.from(`${sourceUrl}\nTitle`, (character) => `${character}\u0000`).join('');
    const quote = parseClipboard({ formats: { 'text/x-moz-url': `\ufffd\ufffd${wide}` } });
    expect(quote).toMatchObject({ sourceUrl, sourceTitle: 'Title' });
  });

  it('reads a macOS bookmark (Electron readBookmark as JSON) with its title', () => {
    const quote = parseFixture('macos-bookmark');
    expect(quote.sourceUrl).toBe(sourceUrl);
    expect(quote.sourceTitle).toBe('ISIS in Iraq: A shadow of its former self');
    expect(quote.excerpt).toBe('');
  });

  it('reads the public.url and public.url-name pair that macOS uses for links', () => {
    const quote = parseClipboard({ formats: { 'public.url': sourceUrl, 'public.url-name': 'A  title\n' } });
    expect(quote.sourceUrl).toBe(sourceUrl);
    expect(quote.sourceTitle).toBe('A title');
  });

  it('takes a title only from the format that names the same URL as the source', () => {
    const quote = parseClipboard({
      formats: {
        'text/html': '<p>Passage</p>',
        'org.chromium.source-url': sourceUrl,
        'electron/bookmark': JSON.stringify({ url: 'https://other.example/page', title: 'Another page' }),
      },
    });
    expect(quote.sourceUrl).toBe(sourceUrl);
    expect(quote.sourceTitle).toBe('');
  });

  it('splits a plain-text share into the passage and its address, without tracking parameters', () => {
    const quote = parseFixture('plain-text-with-url');
    expect(quote.sourceUrl).toBe(sourceUrl);
    expect(quote.excerpt).toBe(
      htmlExcerpt
        .replace('**ERBIL, Kurdistan Region**', 'ERBIL, Kurdistan Region')
        .replace('[BBC](https://www.rudaw.net/english/world/bbc-report?id=42)', 'BBC'),
    );
    expect(quote.clipboardHtml).toBeNull();
  });

  it('reads a plain-text copy of an address alone as a source to quote from', () => {
    expect(parseFixture('plain-text-url-only')).toEqual({
      excerpt: '',
      sourceUrl,
      sourceTitle: '',
      clipboardHtml: null,
    });
  });

  it('reads an address at the end of a line of text, after a dash', () => {
    const quote = parseClipboard({ formats: { 'text/plain': `A line worth keeping \u2014 ${sourceUrl}.` } });
    expect(quote).toMatchObject({ excerpt: 'A line worth keeping', sourceUrl });
  });

  it('leaves an address inside the passage where it is', () => {
    const text = `See https://example.com/a for the data, which the report used.`;
    const quote = parseClipboard({ formats: { 'text/plain': text } });
    expect(quote.sourceUrl).toBeNull();
    expect(quote.excerpt).toBe(text);
  });

  it('reads the first address of a dropped uri-list, skipping comments', () => {
    expect(parseFixture('dropped-uri-list').sourceUrl).toBe(sourceUrl);
  });

  it('escapes plain text that markdown or HTML would otherwise read as syntax', () => {
    const quote = parseClipboard({
      formats: { 'text/plain': '# Not a heading\n- not a list\n1. nor this\n<script>alert(1)</script> *stars* &amp;' },
    });
    expect(quote.excerpt).toBe(
      '\\# Not a heading\n\\- not a list\n1\\. nor this\n&lt;script>alert(1)&lt;/script> \\*stars\\* &amp;amp;',
    );
  });

  it('matches format names regardless of case and MIME parameters', () => {
    const quote = parseClipboard({
      formats: { 'TEXT/PLAIN;charset=utf-8': 'Hello.', 'Org.Chromium.Source-URL': sourceUrl },
    });
    expect(quote).toMatchObject({ excerpt: 'Hello.', sourceUrl });
  });

  it('uses the plain text when the HTML has nothing to quote in it', () => {
    const quote = parseClipboard({
      formats: { 'text/html': '<script>x()</script><img src="data:,">', 'text/plain': 'Words.' },
    });
    expect(quote.excerpt).toBe('Words.');
  });

  it('uses the plain text when the HTML is nested too deeply to convert', () => {
    const deep = '<div>'.repeat(5_000) + 'deep';
    const quote = parseClipboard({ formats: { 'text/html': deep, 'text/plain': 'The passage.' } });
    expect(quote.excerpt).toBe('The passage.');
  });

  it('ignores a source address that is not http(s)', () => {
    const quote = parseClipboard({
      formats: { 'text/plain': 'Words.', 'org.chromium.source-url': 'file:///etc/passwd' },
    });
    expect(quote.sourceUrl).toBeNull();
  });
});

describe('parseClipboard on a clipboard with nothing to quote', () => {
  it.each([
    ['empty', /holds no text to quote/],
    ['blank-text', /holds no text to quote/],
    ['image-only', /holds an image, not text/],
  ])('%s: a clear invalid-input error', (name, message) => {
    const error = failureOf(() => parseFixture(name));
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toMatch(message);
  });

  it('refuses several megabytes of HTML with a message, before converting it', () => {
    const html = '<p>' + 'A long article, copied whole. '.repeat(150_000) + '</p>';
    expect(html.length).toBeGreaterThan(limits.clipboardFormatCharacters);
    const error = failureOf(() => parseClipboard({ formats: { 'text/html': html } }));
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toMatch(/too long to quote/);
  });

  it('refuses HTML nested too deeply when there is no plain text to fall back on', () => {
    const error = failureOf(() => parseClipboard({ formats: { 'text/html': '<div>'.repeat(5_000) + 'deep' } }));
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toMatch(/nested too deeply/);
  });

  it.each([
    ['not an object', 'text/html'],
    ['formats missing', {}],
    ['a format that is not text', { formats: { 'text/plain': 42 } }],
    ['extra fields', { formats: {}, extra: true }],
    [
      'too many formats',
      { formats: Object.fromEntries(Array.from({ length: 65 }, (_, index) => [`x/${index}`, 'a'])) },
    ],
    ['an empty format name', { formats: { '': 'a' } }],
    ['a format name too long to be real', { formats: { ['x'.repeat(300)]: 'a' } }],
  ])('refuses a payload with %s', (_what, payload) => {
    expect(failureOf(() => parseClipboard(payload)).kind).toBe('invalid-input');
  });

  it('says in words what is wrong with a payload', () => {
    expect(failureOf(() => parseClipboard('text/html')).message).toMatch(
      /^The clipboard data is not in the expected form/,
    );
    expect(failureOf(() => parseClipboard({ formats: { ['x'.repeat(300)]: 'a' } })).message).toBe(
      'A clipboard format has a name too long to be real.',
    );
  });
});
