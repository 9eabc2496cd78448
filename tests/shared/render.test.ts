import { describe, expect, it } from 'vitest';
import { emptySource, type Quote } from '../../shared/model/draft';
import { renderMarkdown } from '../../shared/render/markdown';
import { renderPostBody } from '../../shared/render/post';
import { attributionStyles } from '../../shared/model/accountChoices';
import { excerptAsPublished, isCutMidSentence, renderQuote } from '../../shared/render/quote';
import { sanitize } from '../../shared/render/sanitize';
import { reblogPost } from '../support/fixtures';

function quote(overrides: Partial<Quote> = {}): Quote {
  return {
    id: 'quote-0001',
    excerpt: 'A passage.',
    source: { ...emptySource(), url: 'https://example.com/a', title: 'An Article', author: 'Ann Author' },
    note: '',
    clipboardHtml: null,
    ...overrides,
  };
}

describe('the shared renderer', () => {
  it('renders the example post: commentary, credited quote, via link', () => {
    const html = renderPostBody(reblogPost('https://www.rudaw.net/english/isis'));
    expect(html).toContain('<p>I think there is a bit of truth to this');
    expect(html).toContain('<blockquote cite="https://www.rudaw.net/english/isis">');
    expect(html).toContain('<cite>ISIS in Iraq: A shadow of its former self</cite> — Rudaw, yesterday at 09:51');
    expect(html).toContain('those we saw in [the recent liberation campaign in\u2026</p>');
    expect(html).toContain(
      '<p class="quote-via">via <a href="https://www.rudaw.net/english/isis">ISIS in Iraq: A shadow of its former self</a>.</p>',
    );
  });

  it('keeps non-breaking spaces and smart quotes as typed', () => {
    expect(renderMarkdown('territory.\u00a0 This doesn’t')).toBe('<p>territory.\u00a0 This doesn’t</p>\n');
  });

  it('marks an excerpt cut mid-sentence with an ellipsis, and only then', () => {
    expect(isCutMidSentence('campaign in')).toBe(true);
    expect(isCutMidSentence('a safe haven.”')).toBe(false);
    expect(excerptAsPublished('campaign in  ')).toBe('campaign in\u2026');
    expect(excerptAsPublished('It ended.')).toBe('It ended.');
  });

  it('drops scripts, event handlers and javascript: URLs from markdown and excerpts', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '<a href="JaVaScRiPt:alert(1)">x</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<svg onload=alert(1)>',
      '<style>body{display:none}</style>',
    ].join('\n\n');
    for (const html of [renderMarkdown(hostile), renderQuote(quote({ excerpt: hostile }))]) {
      expect(html).not.toMatch(/<script|onerror|onload|javascript:|<iframe|<svg|<style/i);
    }
  });

  it('escapes source fields instead of rendering them as HTML', () => {
    const html = renderQuote(quote({ source: { ...quote().source, title: '<b onclick="x()">T</b>' } }));
    expect(html).toContain('&lt;b onclick=&quot;x()&quot;&gt;T&lt;/b&gt;');
  });

  it('credits a quote without a URL by name, without a link', () => {
    const html = renderQuote(quote({ source: { ...emptySource(), title: 'A Book' } }));
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<p class="quote-via">via A Book.</p>');
  });
});

describe('right-to-left text', () => {
  it('marks blocks that start in Arabic or Hebrew with dir="auto", and leaves left-to-right ones as they were', () => {
    const [quote] = reblogPost().quotes;
    if (!quote) throw new Error('the example post has a quote');
    const html = renderPostBody({
      commentary: 'مرحبا بالعالم.\n\nEnglish, then عربي.\n\n- واحد\n- two\n\n## עברית',
      quotes: [{ ...quote, excerpt: 'שלום עולם.', source: { ...quote.source, title: 'כותרת' } }],
    });
    expect(html).toContain('<p dir="auto">مرحبا بالعالم.</p>');
    expect(html).toContain('<p>English, then عربي.</p>');
    expect(html).toContain('<ul dir="auto">\n<li dir="auto">واحد</li>\n<li>two</li>');
    expect(html).toContain('<h2 dir="auto">עברית</h2>');
    expect(html).toContain('<blockquote dir="auto" cite=');
    expect(html).toContain('<p dir="auto" class="quote-source"><cite>כותרת</cite>');
    expect(html).toContain('<p dir="auto">שלום עולם.</p>');
    // Left-to-right posts are byte for byte what they were.
    expect(renderPostBody(reblogPost())).not.toContain('dir=');
  });
});

describe('attribution styles', () => {
  const credited = quote({
    excerpt: 'A passage, cut in',
    source: { ...emptySource(), url: 'https://example.com/a?x=1&y=2', title: 'An "Article"', author: 'Ann Author' },
  });

  it('"via" is the example post’s: the blockquote, then a via line', () => {
    expect(renderQuote(credited, { attribution: 'via' })).toBe(renderQuote(credited));
    expect(renderQuote(credited, { attribution: 'via' })).toContain(
      '<p class="quote-via">via <a href="https://example.com/a?x=1&amp;y=2">',
    );
  });

  it('"source" is the modern Press This line', () => {
    expect(renderQuote(credited, { attribution: 'source' })).toContain(
      '<p class="quote-via">Source: <em><a href="https://example.com/a?x=1&amp;y=2">An &quot;Article&quot;</a></em></p>',
    );
  });

  it('"quoteback" is a Quotebacks blockquote, with no script', () => {
    const html = renderQuote(credited, { attribution: 'quoteback' });
    expect(html).toMatch(
      /^<blockquote class="quoteback" data-title="An &quot;Article&quot;" data-author="Ann Author" cite="https:\/\/example\.com\/a\?x=1&amp;y=2">/,
    );
    expect(html).toContain(
      '<footer>Ann Author <cite><a href="https://example.com/a?x=1&amp;y=2">An &quot;Article&quot;</a></cite></footer>',
    );
    expect(html).toContain('cut in\u2026</p>');
    expect(html).not.toMatch(/<script/i);
  });

  it('links to the passage when the blog asks, in every style, and keeps cite the source itself', () => {
    const passage = 'https://example.com/a?x=1&amp;y=2#:~:text=A%20passage%2C%20cut%20in';
    for (const attribution of attributionStyles) {
      const html = renderQuote(credited, { attribution, linkToPassage: true });
      expect(html, attribution).toContain(`<a href="${passage}">`);
      expect(html, attribution).toContain('cite="https://example.com/a?x=1&amp;y=2"');
    }
    expect(renderQuote(credited)).not.toContain(':~:');
  });

  it('needs no sanitizing: every style is already inside the allowlist', () => {
    // (The sanitizer writes a quote mark in text as itself, where escapeHtml writes &quot;: same text.)
    const plain = quote({ source: { ...credited.source, title: 'An Article' }, excerpt: credited.excerpt });
    for (const style of attributionStyles) {
      for (const linkToPassage of [false, true]) {
        const html = renderPostBody({ commentary: 'Mine.', quotes: [plain] }, { attribution: style, linkToPassage });
        expect(sanitize(html), style).toBe(html);
      }
    }
  });
});

describe('library images in the rendered HTML', () => {
  const file = `${'ab'.repeat(32)}.jpg`;

  it('keeps an image that names a library file exactly', () => {
    expect(renderMarkdown(`![A harbour](media:${file})`)).toContain(`<img src="media:${file}" alt="A harbour" />`);
  });

  it('drops one whose media: address names no library file, so no broken image can reach a blog', () => {
    // Typing into a finished reference (the caret put inside it by a click) makes these.
    for (const broken of [
      `![A harbour](media:${file}typed)`,
      `![A harbour](media:${file.replace('.jpg', '.jp')})`,
      `![A harbour](MEDIA:${file})`,
      `![A harbour](media:${file.slice(2)})`,
    ]) {
      expect(renderMarkdown(broken), broken).not.toContain('<img');
    }
  });
});
