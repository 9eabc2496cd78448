import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/render/markdown';
import { htmlToMarkdown } from '../../../electron/core/quotes/htmlToMarkdown';

const base = 'https://news.example/2016/05/isis-report?page=2';

describe('htmlToMarkdown', () => {
  it('keeps paragraphs, emphasis, headings, lists and line breaks', () => {
    const html =
      '<h2>The <em>report</em></h2><p>One <strong>strong</strong> and <i>slanted</i> word.<br>Next line.</p>' +
      '<ul><li>first</li><li>second</li></ul><ol start="3"><li>third</li></ol><blockquote><p>Inner</p></blockquote>';
    expect(htmlToMarkdown(html, base)).toBe(
      '## The _report_\n\nOne **strong** and _slanted_ word.  \nNext line.\n\n-   first\n-   second\n\n3.  third\n\n> Inner',
    );
  });

  it('makes links absolute against the page, without tracking parameters', () => {
    const html =
      '<a href="/world/bbc?utm_source=x&amp;utm_campaign=y&amp;id=7" data-track="1" onclick="t()">BBC</a> ' +
      '<a href="#notes" title="The &quot;notes&quot;">notes</a> <a href="//cdn.example/a(b).pdf">pdf</a> ' +
      '<a href="mailto:desk@news.example">mail</a>';
    expect(htmlToMarkdown(html, base)).toBe(
      '[BBC](https://news.example/world/bbc?id=7) ' +
        '[notes](https://news.example/2016/05/isis-report?page=2#notes "The \\"notes\\"") ' +
        '[pdf](https://cdn.example/a%28b%29.pdf) [mail](mailto:desk@news.example)',
    );
  });

  it('keeps the text of links it cannot make safe and absolute', () => {
    const html =
      '<a href="javascript:alert(1)">one</a> <a href=" JaVa&#x09;Script:alert(1)">two</a> ' +
      '<a href="vbscript:msgbox(1)">three</a> <a href="data:text/html,x">four</a> <a href="/relative">five</a>';
    expect(htmlToMarkdown(html, base)).toBe('one two three four [five](https://news.example/relative)');
    expect(htmlToMarkdown('<a href="/relative">five</a>', null)).toBe('five');
  });

  it('keeps images only with absolute http(s) addresses', () => {
    const html =
      '<img src="/photo.jpg" alt="A [photo]" onerror="x()"><img src="data:image/png;base64,AAAA" alt="inline">' +
      '<img src="javascript:alert(1)" alt="js"><img src="ftp://files.example/a.png" alt="ftp">';
    expect(htmlToMarkdown(html, base)).toBe('![A \\[photo\\]](https://news.example/photo.jpg)');
    expect(htmlToMarkdown('<img src="photo.jpg" alt="relative">', null)).toBe('');
  });

  it('keeps a figure with its caption, which the shared renderer shows as a figure again', () => {
    const html =
      '<p>Before.</p><figure><a href="/big.jpg"><img src="/img/dam.jpg" alt="The dam" onerror="x()"></a>' +
      '<figcaption>The <b>Mosul</b> dam, 2016. "Photo": AP</figcaption></figure><p>After.</p>';
    const markdown = htmlToMarkdown(html, base);
    expect(markdown).toBe(
      'Before.\n\n![The dam](https://news.example/img/dam.jpg "The Mosul dam, 2016. \\"Photo\\": AP")\n\nAfter.',
    );
    expect(renderMarkdown(markdown)).toContain(
      '<figure><img src="https://news.example/img/dam.jpg" alt="The dam" /><figcaption>The Mosul dam, 2016. "Photo": AP</figcaption></figure>',
    );
    // A figure holding more than an image and its caption keeps all of it, as text and image.
    expect(htmlToMarkdown('<figure><img src="/a.png" alt="a"><p>Words.</p></figure>', base)).toBe(
      '![a](https://news.example/a.png)\n\nWords.',
    );
  });

  it('drops scripts, styles, comments, embedded documents and form controls with their text', () => {
    const html =
      '<p>Kept</p><script>alert("gone")</script><style>p { color: red }</style><!-- a comment -->' +
      '<noscript>no script</noscript><template><p>tpl</p></template><iframe src="https://x.example"></iframe>' +
      '<svg><text>svg text</text></svg><textarea>typed</textarea><button>Press</button><select><option>opt</option></select>';
    expect(htmlToMarkdown(html, base)).toBe('Kept');
  });

  it('preserves non-breaking spaces and curly quotes exactly as typed', () => {
    const html =
      '<p>territory.&nbsp; This doesn\u2019t \u201cend\u201d\u00a0here \u2018yet\u2019 \u2014 right\u2026</p>';
    expect(htmlToMarkdown(html, base)).toBe(
      'territory.\u00a0 This doesn\u2019t \u201cend\u201d\u00a0here \u2018yet\u2019 \u2014 right\u2026',
    );
  });

  it('escapes text that would read as markdown or HTML', () => {
    const html =
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; a &lt; b &amp;amp; [link](javascript:x) *not bold* 1. item</p><p># not heading</p>';
    expect(htmlToMarkdown(html, base)).toBe(
      '&lt;script>alert(1)&lt;/script> a < b &amp;amp; \\[link\\](javascript:x) \\*not bold\\* 1. item\n\n\\# not heading',
    );
  });

  it('escapes a "<" whose tag or autolink the next element would complete', () => {
    expect(htmlToMarkdown('<p>&lt;<a>javascript:alert(1)</a>&gt; and &amp;<b>lt;</b></p>', base)).toBe(
      '&lt;javascript:alert(1)\\> and &amp;**lt;**',
    );
  });

  it('keeps a link after an exclamation mark a link', () => {
    expect(htmlToMarkdown('<p>Wow!<a href="https://x.example/">see</a></p>', base)).toBe(
      'Wow\\![see](https://x.example/)',
    );
  });

  it('refuses HTML nested past any real page', () => {
    expect(() => htmlToMarkdown('<b>'.repeat(101) + 'x', base)).toThrow(/nested too deeply/);
    expect(htmlToMarkdown('<span>'.repeat(99) + 'x', base)).toBe('x');
  });
});
