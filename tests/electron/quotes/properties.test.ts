import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/result';
import { parseClipboard } from '../../../electron/core/quotes/parseClipboard';
import { activeContent, activeMarkdown } from './activeContent';
import { renderUnsanitized } from './renderRaw';

const trickyText = fc.constantFrom(
  'javascript:alert(1)',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&lt;img src=x onerror=alert(1)&gt;',
  '&#106;avascript:alert(1)',
  '[x](javascript:alert(1))',
  '<javascript:alert(1)>',
  '<!--',
  '-->',
  ']]>',
  '`',
  '*',
  '_',
  '# ',
  '\u00a0',
  '\u201cquoted\u201d',
  '\u2019',
  '&amp;',
  '&',
  '<',
  '>',
  '\n',
);
const text = fc.oneof(fc.string({ maxLength: 12 }), trickyText);

const attributeName = fc.constantFrom(
  'onclick',
  'onerror',
  'onload',
  'onmouseover',
  'ONCLICK',
  'style',
  'href',
  'src',
  'data-x',
  'data-track',
  'class',
  'title',
  'alt',
  'formaction',
  'action',
  'srcdoc',
  'xlink:href',
  'background',
  'cite',
);
const attributeValue = fc.oneof(
  fc.constantFrom(
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://example.com/x?utm_source=a&id=1',
    '/relative',
    '#fragment',
    'alert(1)',
    'x" onerror="alert(1)',
    '"><script>alert(1)</script>',
  ),
  fc.string({ maxLength: 10 }),
);
const attribute = fc
  .tuple(attributeName, attributeValue, fc.constantFrom('"', "'", ''))
  .map(([name, value, quote]) =>
    quote === ''
      ? ` ${name}=${value.replace(/[\s>]/g, '')}`
      : ` ${name}=${quote}${value.replaceAll(quote, '&quot;')}${quote}`,
  );

const inlineAndBlockTags = [
  'p',
  'a',
  'img',
  'div',
  'span',
  'b',
  'i',
  'em',
  'strong',
  'ul',
  'ol',
  'li',
  'h1',
  'h3',
  'blockquote',
  'br',
  'table',
  'tr',
  'td',
  'font',
  'center',
  'marquee',
  'details',
  'body',
  'html',
] as const;
const activeTags = [
  'script',
  'style',
  'iframe',
  'svg',
  'math',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'noscript',
  'template',
  'title',
  'select',
  'option',
  'video',
  'audio',
  'source',
  'base',
  'meta',
  'link',
  'xmp',
  'noembed',
  'noframes',
] as const;

interface HtmlOptions {
  readonly codeTags: boolean;
}

/** Generated HTML: well-formed trees of safe and dangerous elements, with stray fragments mixed in. */
function html(options: HtmlOptions): fc.Arbitrary<string> {
  const tags = [...inlineAndBlockTags, ...activeTags, ...(options.codeTags ? (['pre', 'code'] as const) : [])];
  const { node } = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc
        .tuple(
          fc.constantFrom(...tags),
          fc.array(attribute, { maxLength: 3 }),
          fc.array(tie('node'), { maxLength: 4 }),
          fc.boolean(),
        )
        .map(
          ([tag, attributes, children, closed]) =>
            `<${tag}${attributes.join('')}>${children.join('')}${closed ? `</${tag}>` : ''}`,
        ),
      fc.constantFrom(
        '<!-- comment <script>alert(1)</script> -->',
        '<![CDATA[x]]>',
        '</p>',
        '<p',
        '<a href="javascript:x"',
        '<?xml x?>',
      ),
    ),
  }));
  return fc.array(node, { maxLength: 6 }).map((nodes) => nodes.join(''));
}

function parseOrRefuse(formats: Record<string, string>): string | null {
  try {
    return parseClipboard({ formats }).excerpt;
  } catch (error) {
    if (error instanceof AppError && error.kind === 'invalid-input') return null;
    throw error;
  }
}

describe('the clipboard parser on generated HTML', () => {
  it('recognises what it must refuse (the checks below can fail)', () => {
    expect(activeContent('<a href=" java&#x09;script:x">x</a><p onclick="x">y</p>')).toHaveLength(2);
    expect(activeMarkdown('[x](javascript:alert(1)) <script>')).toHaveLength(2);
    expect(activeMarkdown('\\[x\\](javascript:alert(1))')).toEqual([]);
    expect(activeMarkdown('<img src=x onerror=alert(1)>')).toEqual(['an event handler in a tag']);
  });

  it('never throws anything but an invalid-input AppError, and its markdown renders inert', () => {
    fc.assert(
      fc.property(
        html({ codeTags: true }),
        fc.constantFrom('text/html', 'text/plain', 'HTML Format'),
        (source, format) => {
          const excerpt = parseOrRefuse({ [format]: source });
          if (excerpt === null) return;
          expect(activeContent(renderUnsanitized(excerpt))).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never returns markdown holding <script, <style, on* attributes or javascript: links', () => {
    fc.assert(
      fc.property(html({ codeTags: false }), fc.option(fc.webUrl(), { nil: undefined }), (source, sourceUrl) => {
        const excerpt = parseOrRefuse(
          sourceUrl === undefined
            ? { 'text/html': source }
            : { 'text/html': source, 'org.chromium.source-url': sourceUrl },
        );
        if (excerpt === null) return;
        expect(activeMarkdown(excerpt)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary strings in any format', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            'text/html',
            'text/plain',
            'HTML Format',
            'text/x-moz-url',
            'electron/bookmark',
            'text/uri-list',
            'org.chromium.source-url',
            'image/png',
          ),
          fc.string({ maxLength: 200, unit: 'binary' }),
        ),
        (formats) => {
          const excerpt = parseOrRefuse(formats);
          if (excerpt !== null) expect(activeMarkdown(excerpt)).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });
});
