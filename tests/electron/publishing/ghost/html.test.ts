import { describe, expect, it } from 'vitest';
import { CARD_BEGIN, CARD_END, ghostHtml } from '../../../../electron/core/publishing/ghost/html';
import { renderPostBody } from '../../../../shared/render/post';
import { reblogPost } from '../../../support/fixtures';

describe("the preview's HTML as Ghost receives it", () => {
  it('keeps plain paragraphs and headings as they are, for Ghost to make its own', () => {
    const html = '<h2>Heading</h2>\n<p>One <em>two</em> <a href="https://example.com/">three</a>.</p>\n';
    expect(ghostHtml(html)).toBe(html);
  });

  it('puts the credited quote and the "via" line together in one HTML card', () => {
    const html =
      '<p>Commentary.</p>\n<blockquote cite="https://example.com/a">\n<p>Quoted.</p>\n</blockquote>\n<p class="quote-via">via <a href="https://example.com/a">A</a>.</p>\n';
    expect(ghostHtml(html)).toBe(
      `<p>Commentary.</p>\n${CARD_BEGIN}<blockquote cite="https://example.com/a">\n<p>Quoted.</p>\n</blockquote>\n<p class="quote-via">via <a href="https://example.com/a">A</a>.</p>\n${CARD_END}`,
    );
  });

  it('starts a new card after each plain paragraph', () => {
    const html = '<ul><li>a</li></ul><p>b</p><hr><p class="x">c</p>';
    expect(ghostHtml(html)).toBe(
      `${CARD_BEGIN}<ul><li>a</li></ul>${CARD_END}<p>b</p>${CARD_BEGIN}<hr><p class="x">c</p>${CARD_END}`,
    );
  });

  it('adds only the card markers: without them it is the preview, byte for byte', () => {
    const preview = renderPostBody(reblogPost());
    const sent = ghostHtml(preview);
    expect(sent).toContain(`${CARD_BEGIN}<blockquote cite=`);
    expect(sent.replaceAll(CARD_BEGIN, '').replaceAll(CARD_END, '')).toBe(preview);
  });
});
