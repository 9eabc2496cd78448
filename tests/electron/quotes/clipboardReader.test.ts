import { describe, expect, it } from 'vitest';
import { clipboardPayloadFrom, type ClipboardReader } from '../../../electron/core/quotes/clipboardReader';
import { parseClipboard } from '../../../electron/core/quotes/parseClipboard';
import { windowsHtmlOf } from './clipboardFixtures';

/** A clipboard as Electron's API would show it, from a map of raw formats. */
function fakeClipboard(raw: Record<string, string>, extra: Partial<ClipboardReader> = {}): ClipboardReader {
  return {
    availableFormats: () => Object.keys(raw).filter((name) => name.includes('/')),
    read: (format) => raw[format] ?? '',
    readHTML: () => raw['text/html'] ?? '',
    readText: () => raw['text/plain'] ?? '',
    readBookmark: () => ({ title: '', url: '' }),
    ...extra,
  };
}

const sourceUrl = 'https://www.rudaw.net/english/middleeast/iraq/isis-shadow-of-its-former-self';

describe('clipboardPayloadFrom', () => {
  it('reads HTML, text and the source format of Chrome on macOS', () => {
    const payload = clipboardPayloadFrom(
      fakeClipboard({ 'text/html': '<p>Passage</p>', 'text/plain': 'Passage', 'org.chromium.source-url': sourceUrl }),
    );
    expect(payload).toEqual({
      formats: { 'text/html': '<p>Passage</p>', 'text/plain': 'Passage', 'org.chromium.source-url': sourceUrl },
    });
    expect(parseClipboard(payload)).toMatchObject({ excerpt: 'Passage', sourceUrl });
  });

  it("keeps Windows' CF_HTML, whose SourceURL readHTML() drops", () => {
    const windowsHtml = windowsHtmlOf('chromium-windows-cf-html');
    const payload = clipboardPayloadFrom(
      fakeClipboard({ 'HTML Format': windowsHtml, 'text/html': '<p>fragment only</p>', 'text/plain': 'x' }),
    );
    expect(payload.formats['HTML Format']).toBe(windowsHtml);
    expect(parseClipboard(payload).sourceUrl).toBe(sourceUrl);
  });

  it('adds the bookmark as JSON, names images without content, and skips formats Electron refuses', () => {
    const payload = clipboardPayloadFrom(
      fakeClipboard(
        { 'image/png': '\u0089PNG' },
        {
          readBookmark: () => ({ title: 'A page', url: sourceUrl }),
          read: (format) => {
            if (format === 'HTML Format') throw new Error('Invalid format');
            return '';
          },
        },
      ),
    );
    expect(payload).toEqual({
      formats: { 'electron/bookmark': JSON.stringify({ title: 'A page', url: sourceUrl }), 'image/png': '' },
    });
    expect(parseClipboard(payload)).toMatchObject({ sourceUrl, sourceTitle: 'A page', excerpt: '' });
  });

  it('gives an empty payload for an empty clipboard', () => {
    expect(clipboardPayloadFrom(fakeClipboard({}))).toEqual({ formats: {} });
  });
});
