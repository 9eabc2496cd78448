import { describe, expect, it } from 'vitest';
import {
  anchorBlock,
  cutThemePage,
  slotMarker,
  THEMED_PREVIEW_CSP,
  themedDocument,
} from '../../shared/theme/themePage';

const stored = `<!DOCTYPE html><html><head>${slotMarker('head')}<meta charset="utf-8"><style>p{color:red}</style></head><body>
<h1 data-commonplace="title">${slotMarker('title')}</h1><div data-commonplace="body">${slotMarker('body')}</div>
<p data-commonplace="tags">Tags: ${slotMarker('tags')}</p></body></html>`;
const tags = { link: '<a rel="tag" href="#">{tag}</a>', separator: ', ' };

describe('the themed document', () => {
  it('puts the policy first in the head, then the post in the theme’s places', () => {
    const page = cutThemePage(stored);
    const document = themedDocument(page, tags, {
      title: 'Fish & <chips> #Food',
      bodyHtml: '<p>Body</p>',
      tags: ['Food', 'Fish'],
      anchor: null,
    });
    expect(document).toContain(
      `<head><meta http-equiv="Content-Security-Policy" content="${THEMED_PREVIEW_CSP}"><meta charset`,
    );
    expect(document).toContain('<h1 data-commonplace="title">Fish &amp; &lt;chips&gt; #Food</h1>');
    expect(document).toContain('<div data-commonplace="body"><p>Body</p></div>');
    expect(document).toContain('Tags: <a rel="tag" href="#">Food</a>, <a rel="tag" href="#">Fish</a></p>');
    expect(document).not.toContain('commonplace:');
  });

  it('forbids every script and every address but data:', () => {
    expect(THEMED_PREVIEW_CSP).toContain("script-src 'none'");
    expect(THEMED_PREVIEW_CSP).toContain("default-src 'none'");
    expect(THEMED_PREVIEW_CSP).not.toMatch(/https?:|\*|'self'|unsafe-eval/);
  });

  it('escapes tag names as text', () => {
    const document = themedDocument(cutThemePage(stored), tags, {
      title: '',
      bodyHtml: '',
      tags: ['a"b<i>'],
      anchor: null,
    });
    expect(document).toContain('<a rel="tag" href="#">a&quot;b&lt;i&gt;</a>');
  });

  it('opens scrolled to the block being written', () => {
    const block = anchorBlock('<p>Changed</p>');
    expect(block).toBe('<p data-commonplace-anchor>Changed</p>');
    expect(anchorBlock('plain text')).toBe('plain text');
    const document = themedDocument(cutThemePage(stored), null, {
      title: 't',
      bodyHtml: block,
      tags: [],
      anchor: 'block',
    });
    expect(document).toContain(
      '<style>[data-commonplace-anchor]{scroll-initial-target:nearest;scroll-margin-top:30vh}</style>',
    );
  });

  it('refuses a stored page without its head or body place, or with one twice', () => {
    expect(() => cutThemePage('<html><head></head><body></body></html>')).toThrow(/no head slot/);
    expect(() => cutThemePage(`<head>${slotMarker('head')}</head>`)).toThrow(/no body slot/);
    expect(() => cutThemePage(`<head>${slotMarker('head')}</head>${slotMarker('body')}${slotMarker('body')}`)).toThrow(
      /twice/,
    );
    expect(() => cutThemePage(`${slotMarker('body')}<head>${slotMarker('head')}</head>`)).toThrow(/policy slot/);
  });

  it('refuses a stored page with anything before its policy: a script there would run before the policy applies', () => {
    const rest = `${slotMarker('head')}</head><body>${slotMarker('body')}</body></html>`;
    expect(() => cutThemePage(`<!DOCTYPE html><html lang="en"><head class="x">${rest}`)).not.toThrow();
    expect(() => cutThemePage(`<head>${rest}`)).not.toThrow();
    expect(() => cutThemePage(`<!DOCTYPE html><html><script>alert(1)</script><head>${rest}`)).toThrow(/policy slot/);
    expect(() => cutThemePage(`<!DOCTYPE html><html><head><script src="x.js"></script>${rest}`)).toThrow(/policy slot/);
    expect(() => cutThemePage(`<img src=x onerror=alert(1)><head>${rest}`)).toThrow(/policy slot/);
  });
});
