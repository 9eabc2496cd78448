import { describe, expect, it } from 'vitest';
import {
  clipboardPayloadFrom,
  type ClipboardBookmarkLike,
  type ClipboardReader,
} from '../../../electron/core/quotes/clipboardReader';
import { parseClipboard } from '../../../electron/core/quotes/parseClipboard';
import { windowsHtmlOf } from './clipboardFixtures';

/** A clipboard as Electron 45's clipboard.read() shows it: one item, with typed payloads. */
function fakeClipboard(payloads: Record<string, string | ClipboardBookmarkLike>): ClipboardReader {
  return {
    read: () =>
      Promise.resolve([
        {
          types: Object.keys(payloads),
          getType: (type: string) => {
            const payload = payloads[type];
            if (payload === undefined) return Promise.reject(new Error(`no ${type}`));
            return Promise.resolve(typeof payload === 'string' ? new Blob([payload]) : payload);
          },
        },
      ]),
  };
}

const sourceUrl = 'https://www.rudaw.net/english/middleeast/iraq/isis-shadow-of-its-former-self';
const raw = (name: string) => `electron application/osclipboard;format="${name}"`;

describe('clipboardPayloadFrom', () => {
  it('reads HTML, text and the source format of Chrome on macOS', async () => {
    const payload = await clipboardPayloadFrom(
      fakeClipboard({
        'text/html': '<p>Passage</p>',
        'text/plain': 'Passage',
        [raw('org.chromium.source-url')]: sourceUrl,
      }),
    );
    expect(payload).toEqual({
      formats: { 'text/html': '<p>Passage</p>', 'text/plain': 'Passage', 'org.chromium.source-url': sourceUrl },
    });
    expect(parseClipboard(payload)).toMatchObject({ excerpt: 'Passage', sourceUrl });
  });

  it("keeps Windows' CF_HTML, with its SourceURL, under its platform name", async () => {
    const windowsHtml = windowsHtmlOf('chromium-windows-cf-html');
    const payload = await clipboardPayloadFrom(
      fakeClipboard({ [raw('HTML Format')]: windowsHtml, 'text/html': '<p>fragment only</p>', 'text/plain': 'x' }),
    );
    expect(payload.formats['HTML Format']).toBe(windowsHtml);
    expect(parseClipboard(payload).sourceUrl).toBe(sourceUrl);
  });

  it('adds the bookmark as JSON and names images without reading them', async () => {
    const payload = await clipboardPayloadFrom(
      fakeClipboard({ 'electron application/bookmark': { title: 'A page', url: sourceUrl }, 'image/png': '\u0089PNG' }),
    );
    expect(payload.formats).toEqual({
      'electron/bookmark': JSON.stringify({ title: 'A page', url: sourceUrl }),
      'image/png': '',
    });
  });
});
