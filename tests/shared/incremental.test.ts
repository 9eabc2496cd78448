import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptySource, type Quote } from '../../shared/model/draft';
import { createIncrementalRenderer, type IncrementalRenderer } from '../../shared/render/incremental';
import { renderPostBody } from '../../shared/render/post';

function quote(excerpt: string, url: string | null = 'https://example.com/a'): Quote {
  return {
    id: `quote-${excerpt.length}`,
    excerpt,
    source: { ...emptySource(), url, title: 'An Article', author: 'Ann Author' },
    note: '',
    clipboardHtml: null,
  };
}

function expectSame(renderer: IncrementalRenderer, commentary: string, quotes: Quote[] = []): void {
  const rendered = renderer.render({ commentary, quotes });
  const expected = renderPostBody({ commentary, quotes });
  expect(rendered.html).toBe(expected);
  expect(rendered.blocks.map((block) => block.html).join('')).toBe(expected);
  expect(new Set(rendered.blocks.map((block) => block.key)).size).toBe(rendered.blocks.length);
}

const word = fc.constantFrom('the', 'quote', 'Iraq', 'writer', 'a', 'of', 'blog', 'x', 'Über', 'déjà', 'سلام', 'שלום');
const words = fc.array(word, { minLength: 1, maxLength: 8 }).map((list) => list.join(' '));
const url = fc.constantFrom(
  'https://example.com/a',
  'http://b.example/x?y=1&z=2',
  'javascript:alert(1)',
  'mailto:a@b.c',
);
const label = fc.constantFrom('ref', 'one', 'Two');
const hostileHtml = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<div>',
  '</div>',
  '<strong>',
  '<!-- open comment',
  '-->',
  '<style>p{}</style>',
  '<pre>',
  '</pre>',
  '<kbd>',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example">',
  '<textarea>',
  '<svg onload=alert(1)>',
  '<p class="quote-via">',
  '<input type="text">',
  '<![CDATA[ x ]]>',
  '<?php echo 1 ?>',
  '<sup>2</sup>',
  '<b title="a>b">x</b>',
  '<i title="x></i>">',
  '<p>',
  '</p>',
  '</br>',
  '<b/>',
  '<li>',
  '<td>',
  '<desc>',
  '</desc>',
  '<B>x</B>',
  '<my-el>x</my-el>',
  '&amp',
);
const inline = fc.oneof(
  words,
  words.map((text) => `*${text}*`),
  words.map((text) => `**${text}**`),
  words.map((text) => `\`${text}\``),
  fc.tuple(words, url).map(([text, target]) => `[${text}](${target})`),
  fc.tuple(words, label).map(([text, name]) => `[${text}][${name}]`),
  label.map((name) => `[${name}]`),
  hostileHtml,
);
const line = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const block = fc.oneof(
  { weight: 4, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')) },
  fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  fc
    .tuple(fc.constantFrom('- ', '* ', '1. ', '2) '), fc.array(line, { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([marker, items, loose]) => items.map((item) => marker + item).join(loose ? '\n\n' : '\n')),
  fc.tuple(line, line).map(([item, nested]) => `- ${item}\n\n  ${nested}\n  - ${nested}`),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.map((text) => `> ${text}`).join('\n')),
  fc
    .tuple(fc.constantFrom('```', '~~~', '```js'), line)
    .map(([fence, code]) => `${fence}\n${code}\n\n${code}\n${fence.slice(0, 3)}`),
  line.map((code) => `\`\`\`\n${code}`),
  line.map((code) => `    ${code}`),
  fc.tuple(label, url).map(([name, target]) => `[${name}]: ${target}`),
  fc.tuple(label, url, words).map(([name, target, title]) => `[${name}]: ${target} "${title}"`),
  hostileHtml,
  fc.tuple(hostileHtml, line).map(([html, text]) => `${html}\n${text}`),
  line.map((text) => `| a | b |\n|---|:-:|\n| ${text} | c |`),
  line.map((text) => `${text}\n===`),
  fc.constant('---'),
  fc.constant('- [ ] task\n- [x] done'),
);
const separator = fc.constantFrom('\n\n', '\n', '\n\n\n', '\n  \n', '\r\n\r\n', '\n\n    ');
const documentArbitrary = fc
  .tuple(block, fc.array(fc.tuple(separator, block), { maxLength: 12 }))
  .map(([first, rest]) => first + rest.map(([gap, next]) => gap + next).join(''));

/**
 * Documents with no fenced code, link definitions or HTML that runs across blank lines: the
 * renderer lexes these chunk by chunk, so they exercise where chunks may be cut.
 */
const chunkableHtml = fc.constantFrom(
  '<div>',
  '</div>',
  '<strong>',
  '<kbd>',
  '<img src=x onerror=alert(1)>',
  '<iframe src="https://evil.example">',
  '<svg onload=alert(1)>',
  '<sup>2</sup>',
  '<b title="a>b">x</b>',
  '<i title="x></i>">',
  '<p>',
  '</p>',
  '<br>',
  '</br>',
  '<b/>',
  '<hr>',
  '<li>',
  '<td>x</td>',
  '<tr>',
  '<desc>',
  '</desc>',
  '<B>x</B>',
  '<my-el>x</my-el>',
  '<math>',
  '&amp',
  '<em>x</em>',
);
const chunkableInline = fc.oneof(
  { weight: 6, arbitrary: words },
  words.map((text) => `*${text}*`),
  words.map((text) => `_${text}_`),
  fc.tuple(words, url).map(([text, target]) => `[${text}](${target})`),
  label.map((name) => `[${name}]`),
  fc.tuple(words, label).map(([text, name]) => `[${text}][${name}]`),
  chunkableHtml,
);
const chunkableLine = fc.array(chunkableInline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const indentation = fc.constantFrom('', ' ', '  ', '   ', '    ', '\t');
const chunkableBlock = fc.oneof(
  { weight: 4, arbitrary: fc.array(chunkableLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')) },
  fc.tuple(fc.integer({ min: 1, max: 3 }), chunkableLine).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  fc
    .tuple(
      fc.constantFrom('- ', '+ ', '1. ', '3) '),
      fc.array(fc.tuple(indentation, chunkableLine), { minLength: 1, maxLength: 4 }),
      separator,
    )
    .map(([marker, items, gap]) => items.map(([indent, item]) => indent + marker + item).join(gap)),
  fc.tuple(chunkableLine, indentation, chunkableLine).map(([item, indent, next]) => `- ${item}\n\n${indent}${next}`),
  fc.array(chunkableLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.map((text) => `> ${text}`).join('\n')),
  chunkableLine.map((text) => `> ${text}\n${text}`),
  chunkableLine.map((code) => `    ${code}\n\n    ${code}`),
  chunkableLine.map((text) => `| a | b |\n|---|:-:|\n| ${text} | c |`),
  chunkableLine.map((text) => `${text}\n---`),
  chunkableHtml,
  fc.constant('***'),
  fc.tuple(label, url).map(([name, target]) => `[${name}]: ${target}`),
  fc.tuple(label, url, words).map(([name, target, title]) => `[${name}]: ${target} "${title}"`),
  fc.tuple(label, url, words).map(([name, target, title]) => `   [${name}]: ${target}\n(${title})`),
);
const chunkableDocument = fc
  .tuple(chunkableBlock, fc.array(fc.tuple(separator, chunkableBlock), { maxLength: 12 }))
  .map(([first, rest]) => first + rest.map(([gap, next]) => gap + next).join(''));
const chunkableEdit = fc.record({
  position: fc.nat(),
  remove: fc.nat({ max: 4 }),
  insert: fc.oneof(
    fc.constantFrom(
      '',
      'a',
      'B',
      ' ',
      '\n',
      '\n\n',
      '*',
      '-',
      '1. ',
      '> ',
      '#',
      '|',
      '    ',
      '\t',
      '=',
      ']',
      ':',
      '"',
      '(',
    ),
    chunkableInline,
  ),
});

const edit = fc.record({
  position: fc.nat(),
  remove: fc.nat({ max: 4 }),
  insert: fc.oneof(
    fc.constantFrom('', 'a', ' ', '\n', '\n\n', '*', '[', ']', ':', '`', '<', '>', '-', '#', '|', '    ', 'x]: y'),
    inline,
  ),
});

/** Hundreds of generated documents with edits: longer than Vitest's default on a busy machine. */
const PROPERTY_TIMEOUT_MS = 120_000;

describe('the incremental renderer', () => {
  it(
    'renders any generated document as renderPostBody does, after every edit',
    () => {
      fc.assert(
        fc.property(documentArbitrary, fc.array(edit, { maxLength: 25 }), (initial, edits) => {
          const renderer = createIncrementalRenderer({ cacheSize: 64 });
          let commentary = initial;
          expectSame(renderer, commentary);
          for (const change of edits) {
            const at = commentary.length === 0 ? 0 : change.position % (commentary.length + 1);
            commentary = commentary.slice(0, at) + change.insert + commentary.slice(at + change.remove);
            expectSame(renderer, commentary);
          }
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'renders documents it lexes chunk by chunk as renderPostBody does, after every edit',
    () => {
      fc.assert(
        fc.property(chunkableDocument, fc.array(chunkableEdit, { maxLength: 25 }), (initial, edits) => {
          const renderer = createIncrementalRenderer({ cacheSize: 64 });
          let commentary = initial;
          expectSame(renderer, commentary);
          for (const change of edits) {
            const at = change.position % (commentary.length + 1);
            commentary = commentary.slice(0, at) + change.insert + commentary.slice(at + change.remove);
            expectSame(renderer, commentary);
          }
        }),
        { numRuns: 400 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'stays identical while typing inside link definitions and list items',
    () => {
      const base = 'Intro [x][ref] and [ref].\n\n- one\n- two [y][ref]\n\nTail\n\n[ref]: https://example.com/a "T"\n';
      const targets = [base.indexOf('https') + 8, base.indexOf('two') + 1, base.indexOf('[ref]:') + 2];
      fc.assert(
        fc.property(
          fc.constantFrom(...targets),
          fc.array(fc.constantFrom('a', ' ', '\n', ']', ':', '"'), { maxLength: 8 }),
          (at, typed) => {
            const renderer = createIncrementalRenderer();
            let commentary = base;
            let cursor = at;
            for (const character of typed) {
              commentary = commentary.slice(0, cursor) + character + commentary.slice(cursor);
              cursor += 1;
              expectSame(renderer, commentary);
            }
          },
        ),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  describe('regressions', () => {
    const cases: Record<string, string[]> = {
      'a reference link changes when its definition elsewhere changes': [
        'See [the article][ref].\n\nMore text.\n\n[ref]: https://example.com/one',
        'See [the article][ref].\n\nMore text.\n\n[ref]: https://example.com/two',
        'See [the article][ref].\n\nMore text.\n\n[ref]: javascript:alert(1)',
        'See [the article][ref].\n\nMore text.\n\n[rex]: https://example.com/two',
      ],
      'the first of two definitions of a label wins': [
        '[a][r]\n\n[r]: https://one.example\n\n[r]: https://two.example',
        '[a][r]\n\n[r]: https://tne.example\n\n[r]: https://two.example',
      ],
      'labels that name Object properties are links like any other': [
        '[a][__proto__] [b][constructor]\n\nText\n\n[__proto__]: https://one.example\n\n[constructor]: https://two.example',
      ],
      'a title on the line after its definition, across a blank line': [
        '[x][r]\n\n[r]: https://a.example\n"Title\n\nText"\n\nAfter',
        '[x][r]\n\n[r]: https://a.example "Title\n\nText"\n\nAfter',
        "[x][r]\n\n[r]: https://a.example 'Title\n  \nText'\n\nAfter",
        '[x][r]\n\n[r]: https://a.example (Title\n\nText)\n\nAfter',
      ],
      'a definition interrupted by a paragraph is text': [
        'Para\n[r]: https://a.example\n\n[x][r]',
        'Para\n\n[r]: https://a.example\n\n[x][r]',
      ],
      'list items separated by blank lines make one loose list': [
        '- one\n- two\n\nText\n\n- three',
        '- one\n\n- two\n\nText\n\n- three',
        '- one\n\n- two\n\n- three',
        '- one\n\n  continued\n\nText',
        '1. one\n\n2. two\n\nText',
      ],
      'a paragraph continues lazily into a block quote and a list item': [
        '> quote\nlazy\n\nText',
        '- item\nlazy\n\nText',
      ],
      'a fence left open swallows the rest of the document': [
        'Text\n\n```\ncode\n\nText',
        'Text\n\n```\ncode\n\nText\n```\nAfter',
      ],
      'indented code continues across blank lines': ['    one\n\n    two\n\nText', '    one\n\nText'],
      'an HTML block left open wraps what follows': [
        '<div>\n\nText *em*\n\n</div>\n\nMore',
        'Intro\n\n<strong>\n\nText\n\nMore',
        'Intro <script>alert(1)\n\nHidden?\n\nText',
        'Intro\n\n<!-- comment\n\nText\n\n-->\n\nAfter',
        'Intro\n\n<pre>\n\nText\n\n</pre>',
        'Intro <kbd>a < b\n\nText & more',
        'Intro\n\n<textarea>\n\nText',
      ],
      'each construct that runs across a blank line, alone in a document': [
        'Text\n\n~~~\ncode\n\nText\n~~~\n\nAfter',
        'Text\n\n```\ncode\n\nText\n```\n\nAfter',
        'Text\n\n<script>\nlet a;\n\nText\n</script>\n\nAfter',
        'Text\n\n<pre>\nline\n\nText\n</pre>\n\nAfter',
        'Text\n\n<style>\np {}\n\nText\n</style>\n\nAfter',
        'Text\n\n<textarea>\nline\n\nText\n</textarea>\n\nAfter',
        'Text\n\n<!-- note\n\nText\n-->\n\nAfter',
        'Text\n\n<?php\n\nText\n?>\n\nAfter',
        'Text\n\n<!DOCTYPE html\n\nText\n>\n\nAfter',
        'Text\n\n<![CDATA[\n\nText\n]]>\n\nAfter',
        'Text [x][r]\n\nAfter\n\n[r]: https://example.com/a',
      ],
      'raw HTML sanitized alone only when it leaves the parser as it found it': [
        'Text <sup>2</sup> more\n\nAfter *em*',
        'Text <strong>left open\n\nAfter',
        '<strong>\n\nAfter',
        '<b title="a>b">x</b>\n\nAfter',
        '<i title="x></i>">\n\nAfter',
        '<p>\n\nAfter',
        'Text\n\n</br>\n\nAfter',
        '<ul>\n<li>a <li>b</li>\n</ul>\n\nAfter',
        '<svg><b/></svg>\n\nAfter',
        '<math><mi><b/></mi></math>\n\nAfter',
        '<title><b></b></title>\n\nAfter',
        'Text &amp\n\nAfter',
        '<table><tr><td>x\n\nAfter',
        '<div><p>x</div>\n\nAfter',
      ],
      'a stray closing tag is repaired the same way': ['Text\n\n</p>\n\nMore', 'Text </p> more\n\nAfter'],
      'setext headings and tables end at the right place': [
        '| a |\n|---|\n| b |\n\t\nText\n\nMore',
        '| a |\n|---|\n| b |\n  \nText\n\nMore',
        'Title\n===\n\nText',
        '| a |\n|---|\n| b |\nText\n\nMore',
      ],
      'line endings are normalised': ['One\r\n\r\nTwo\rThree', 'One\r\n\r\nTwo\r\n- item'],
      'an empty commentary renders to nothing': ['', '\n\n'],
    };
    for (const [name, versions] of Object.entries(cases)) {
      it(name, () => {
        const renderer = createIncrementalRenderer();
        for (const version of versions) expectSame(renderer, version);
        for (const version of versions) expectSame(createIncrementalRenderer(), version);
      });
    }
  });

  it('renders each quote as renderPostBody does, and re-renders only the one that changed', () => {
    const renderer = createIncrementalRenderer();
    const first = quote('A passage that stops in');
    const second = quote('Another passage.', null);
    expectSame(renderer, 'Commentary.', [first, second]);
    const before = renderer.render({ commentary: 'Commentary.', quotes: [first, second] });
    const changed = { ...second, excerpt: 'Another passage, edited.' };
    expectSame(renderer, 'Commentary.', [first, changed]);
    const after = renderer.render({ commentary: 'Commentary.', quotes: [first, changed] });
    expect(after.blocks[1]?.key).toBe(before.blocks[1]?.key);
    expect(after.blocks[2]?.key).not.toBe(before.blocks[2]?.key);
    expectSame(renderer, 'Commentary.', [first, first]);
  });

  it('keeps the key of every block that did not change', () => {
    const renderer = createIncrementalRenderer();
    const paragraphs = Array.from({ length: 20 }, (_, index) => `Paragraph ${index} of the commentary.`);
    const before = renderer.render({ commentary: paragraphs.join('\n\n'), quotes: [] });
    paragraphs[7] = 'Paragraph 7, edited.';
    const after = renderer.render({ commentary: paragraphs.join('\n\n'), quotes: [] });
    const changed = after.blocks.filter((block, index) => block.key !== before.blocks[index]?.key);
    expect(changed.map((block) => block.html)).toEqual(['<p>Paragraph 7, edited.</p>\n']);
  });

  it('gives repeated blocks distinct keys', () => {
    const rendered = createIncrementalRenderer().render({ commentary: 'Same.\n\nSame.\n\nSame.', quotes: [] });
    expect(new Set(rendered.blocks.map((block) => block.key)).size).toBe(3);
  });

  it('stays correct when its caches are smaller than the document', () => {
    const renderer = createIncrementalRenderer({ cacheSize: 2 });
    const commentary = Array.from(
      { length: 30 },
      (_, index) => `Block ${index} [link](https://example.com/${index}).`,
    ).join('\n\n');
    expectSame(renderer, commentary);
    expectSame(renderer, commentary.replace('Block 3', 'Block three'));
  });
});

describe('the incremental renderer with an attribution style', () => {
  it('renders each style exactly as renderPostBody does, and switches styles without stale quotes', () => {
    const renderer = createIncrementalRenderer();
    const quotes = [quote('A passage that ends mid'), quote('Another, whole.', null)];
    for (const attribution of ['via', 'source', 'quoteback', 'via'] as const) {
      const rendered = renderer.render({ commentary: 'My words.', quotes }, { attribution });
      expect(rendered.html).toBe(renderPostBody({ commentary: 'My words.', quotes }, { attribution }));
    }
  });

  it('switches the link to the passage on and off without stale quotes', () => {
    const renderer = createIncrementalRenderer();
    const quotes = [quote('A passage that ends mid'), quote('Another, whole.', null)];
    for (const linkToPassage of [false, true, false, true]) {
      const options = { attribution: 'via', linkToPassage } as const;
      const rendered = renderer.render({ commentary: 'My words.', quotes }, options);
      expect(rendered.html).toBe(renderPostBody({ commentary: 'My words.', quotes }, options));
      expect(rendered.html.includes(':~:text=')).toBe(linkToPassage);
    }
  });
});
