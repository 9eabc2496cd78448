import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderQuote } from '../../../shared/render/quote';
import { AppError } from '../../../shared/result';
import { parseClipboard } from '../../../electron/core/quotes/parseClipboard';
import { quoteFromClipboard } from '../../../electron/core/quotes/quoteFromClipboard';
import { activeContent } from './activeContent';
import { renderUnsanitized } from './renderRaw';

const payloads = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/xss-payloads.json', import.meta.url)), 'utf8'),
) as unknown;

function payloadList(): string[] {
  if (!Array.isArray(payloads) || !payloads.every((payload) => typeof payload === 'string')) {
    throw new Error('xss-payloads.json must be a JSON array of strings');
  }
  return payloads;
}

const sourceUrl = 'https://news.example/article';
const formatsToTry = ['text/html', 'text/plain', 'HTML Format'] as const;

/** The payload pasted as a quote and rendered as the preview shows it; null when the parser refused it. */
function pasteAndRender(
  payload: string,
  format: (typeof formatsToTry)[number],
): { excerpt: string; html: string } | null {
  const content =
    format === 'HTML Format'
      ? `Version:0.9\r\nSourceURL:${sourceUrl}\r\n<html><body><!--StartFragment-->${payload}<!--EndFragment--></body></html>`
      : payload;
  try {
    const parsed = parseClipboard({ formats: { [format]: content, 'org.chromium.source-url': sourceUrl } });
    const quote = quoteFromClipboard(parsed, {
      newId: () => 'quote-xss-0001',
      now: () => new Date('2026-11-24T08:00:00Z'),
    });
    return { excerpt: quote.excerpt, html: renderQuote(quote) };
  } catch (error) {
    if (error instanceof AppError && error.kind === 'invalid-input') return null;
    throw error;
  }
}

describe('known XSS payloads pasted as quotes', () => {
  it('is a list of at least 50 payloads', () => {
    expect(payloadList().length).toBeGreaterThanOrEqual(50);
  });

  describe.each(formatsToTry)('as %s', (format) => {
    it.each(payloadList().map((payload, index) => [index, payload] as const))(
      'payload %i leaves no script, event handler or unsafe URL in the excerpt or the preview',
      (_index, payload) => {
        const result = pasteAndRender(payload, format);
        if (result === null) return expect(result).toBeNull();
        expect(activeContent(renderUnsanitized(result.excerpt))).toEqual([]);
        expect(activeContent(result.html)).toEqual([]);
        expect(result.html).not.toMatch(/<script|<style|<iframe|<svg|<object|<embed/i);
      },
    );

    it('turns most payloads into a quote rather than refusing them', () => {
      const quoted = payloadList().filter((payload) => pasteAndRender(payload, format) !== null);
      expect(quoted.length).toBeGreaterThan(payloadList().length / 2);
    });
  });
});
