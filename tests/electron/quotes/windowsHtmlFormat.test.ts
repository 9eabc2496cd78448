import { describe, expect, it } from 'vitest';
import { looksLikeWindowsHtml, parseWindowsHtml } from '../../../electron/core/quotes/windowsHtmlFormat';
import { windowsHtmlOf } from './clipboardFixtures';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function headerNumber(text: string, name: string): number {
  const match = new RegExp(`^${name}:(\\d+)\\r$`, 'm').exec(text);
  if (!match?.[1]) throw new Error(`no ${name} in the header`);
  return Number(match[1]);
}

/** A CF_HTML text with the given header offsets (no comment markers), as some writers produce. */
function windowsHtml(parts: { before: string; fragment: string; after: string; sourceUrl?: string }): string {
  const header = (start: number, end: number): string =>
    `Version:0.9\r\nStartHTML:${pad(0)}\r\nEndHTML:${pad(0)}\r\nStartFragment:${pad(start)}\r\nEndFragment:${pad(end)}\r\n` +
    (parts.sourceUrl === undefined ? '' : `SourceURL:${parts.sourceUrl}\r\n`);
  const headerBytes = encoder.encode(header(0, 0)).length;
  const start = headerBytes + encoder.encode(parts.before).length;
  const end = start + encoder.encode(parts.fragment).length;
  return header(start, end) + parts.before + parts.fragment + parts.after;
}

function pad(value: number): string {
  return String(value).padStart(10, '0');
}

describe('the Chromium-on-Windows CF_HTML fixture', () => {
  const text = windowsHtmlOf('chromium-windows-cf-html');
  const bytes = encoder.encode(text);

  it('is what Chromium writes: CRLF header, byte offsets that land on its markers, non-ASCII text', () => {
    expect(text.startsWith('Version:0.9\r\nStartHTML:')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(bytes.length).toBeGreaterThan(text.length);
    expect(headerNumber(text, 'EndHTML')).toBe(bytes.length);
    const startHtml = headerNumber(text, 'StartHTML');
    expect(decoder.decode(bytes.subarray(startHtml, startHtml + 6))).toBe('<html>');
    const startFragment = headerNumber(text, 'StartFragment');
    const endFragment = headerNumber(text, 'EndFragment');
    expect(decoder.decode(bytes.subarray(startFragment - 20, startFragment))).toBe('<!--StartFragment-->');
    expect(decoder.decode(bytes.subarray(endFragment, endFragment + 18))).toBe('<!--EndFragment-->');
  });

  it('parses to the fragment between the offsets and the SourceURL', () => {
    const parsed = parseWindowsHtml(text);
    const start = headerNumber(text, 'StartFragment');
    const end = headerNumber(text, 'EndFragment');
    expect(parsed.fragment).toBe(decoder.decode(bytes.subarray(start, end)));
    expect(parsed.fragment.startsWith('<p style=')).toBe(true);
    expect(parsed.fragment).toContain('\u2014A picture');
    expect(parsed.sourceUrl).toBe('https://www.rudaw.net/english/middleeast/iraq/isis-shadow-of-its-former-self');
    expect(parsed.version).toBe('0.9');
  });

  it('is recognised even when a host passes it as text/html', () => {
    expect(looksLikeWindowsHtml(text)).toBe(true);
    expect(looksLikeWindowsHtml('<p>Version: 2</p>')).toBe(false);
  });
});

describe('parseWindowsHtml', () => {
  it('counts offsets in UTF-8 bytes, not characters, when there are no markers', () => {
    const text = windowsHtml({
      before: '<html><body>Ça «déjà» — ',
      fragment: '<p>“Right” fragment — naïve café 🙂</p>',
      after: ' après</body></html>',
    });
    expect(parseWindowsHtml(text).fragment).toBe('<p>“Right” fragment — naïve café 🙂</p>');
  });

  it('prefers the markers when the offsets disagree with them', () => {
    const text = windowsHtml({
      before: '<html><body><!--StartFragment-->',
      fragment: '<p>wrong</p>',
      after: '<p>right</p><!--EndFragment--></body></html>',
    });
    expect(parseWindowsHtml(text).fragment).toBe('<p>wrong</p><p>right</p>');
  });

  it('falls back to the markers, then the whole document, when offsets are missing or out of range', () => {
    expect(
      parseWindowsHtml(
        'Version:0.9\r\nStartFragment:99999\r\nEndFragment:100000\r\n<b><!--StartFragment-->x<!--EndFragment--></b>',
      ).fragment,
    ).toBe('x');
    expect(parseWindowsHtml('Version:0.9\r\nStartFragment:-1\r\nEndFragment:abc\r\n<p>all</p>').fragment).toBe(
      '<p>all</p>',
    );
  });

  it('refuses offsets that would cut a character in half', () => {
    const text = windowsHtml({ before: '<p>é', fragment: 'x', after: '</p>' });
    const shifted = text.replace(
      /StartFragment:(\d+)/,
      (_match, value: string) => `StartFragment:${pad(Number(value) - 1)}`,
    );
    expect(parseWindowsHtml(shifted).fragment).toBe('<p>éx</p>');
  });

  it('reports no source when SourceURL is absent or blank', () => {
    expect(parseWindowsHtml(windowsHtml({ before: '', fragment: '<p>a</p>', after: '' })).sourceUrl).toBeNull();
    expect(
      parseWindowsHtml(windowsHtml({ before: '', fragment: '<p>a</p>', after: '', sourceUrl: ' ' })).sourceUrl,
    ).toBeNull();
  });
});
