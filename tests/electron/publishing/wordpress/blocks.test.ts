import { parse } from '@wordpress/block-serialization-default-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityInBlocks, wordPressBlocks } from '../../../../electron/core/publishing/wordpress/blocks';
import { renderPostBody } from '../../../../shared/render/post';
import { reblogPost } from '../../../support/fixtures';
import { textAndLinks } from '../../../support/textAndLinks';

/** What WordPress shows readers of a post made of static blocks: the markup without the delimiters. */
function withoutDelimiters(markup: string): string {
  return markup.replace(/<!-- \/?wp:[a-z][a-z0-9/-]*(?: \{[^]*?\})? \/?-->/g, '');
}

/** Block names, depth first, as WordPress's parser reads the markup. */
function names(markup: string): string[] {
  const walk = (blocks: ReturnType<typeof parse>): string[] =>
    blocks.flatMap((block) => (block.blockName === null ? [] : [block.blockName, ...walk(block.innerBlocks)]));
  return walk(parse(markup));
}

describe('wordPressBlocks', () => {
  it('makes the credited quote a Quote block: excerpt inside, source line as its citation, via line after it', () => {
    const html = renderPostBody(reblogPost());
    const blocks = wordPressBlocks(html);
    expect(names(blocks)).toEqual([
      'core/paragraph',
      'core/quote',
      ...Array<string>(9).fill('core/paragraph'),
      'core/paragraph',
    ]);
    expect(blocks).toContain(
      '<!-- wp:quote --><blockquote class="wp-block-quote"><!-- wp:paragraph --><p>The remaining',
    );
    expect(blocks).toContain(
      '<cite>ISIS in Iraq: A shadow of its former self \u2014 Rudaw, yesterday at 09:51</cite></blockquote><!-- /wp:quote -->',
    );
    expect(blocks).toContain('<!-- wp:paragraph {"className":"quote-via"} --><p class="quote-via">via ');
    expect(textAndLinks(withoutDelimiters(blocks))).toEqual(textAndLinks(html));
  });

  it('stamps the identity in the first block, where readers never see it, and reads it back', () => {
    const html = renderPostBody(reblogPost());
    const blocks = wordPressBlocks(html, 'commonplace-k3x9q2m1');
    expect(blocks.startsWith('<!-- wp:paragraph {"metadata":{"commonplace":"commonplace-k3x9q2m1"}} --><p>')).toBe(
      true,
    );
    expect(identityInBlocks(blocks)).toBe('commonplace-k3x9q2m1');
    expect(withoutDelimiters(blocks)).not.toContain('commonplace-k3x9q2m1');
    expect(identityInBlocks(wordPressBlocks(html))).toBeNull();
    // The writer's text that mentions an identity is not one.
    expect(identityInBlocks(wordPressBlocks('<p>"metadata":{"commonplace":"commonplace-x"}</p>'))).toBeNull();
    // A post without a body carries it in an empty Custom HTML block.
    const empty = wordPressBlocks('', 'commonplace-k3x9q2m1');
    expect(empty).toBe('<!-- wp:html {"metadata":{"commonplace":"commonplace-k3x9q2m1"}} /-->');
    expect(identityInBlocks(empty)).toBe('commonplace-k3x9q2m1');
  });

  it('makes headings, lists, code, separators and images their core blocks', () => {
    const html = renderPostBody({
      commentary: [
        '## Why',
        '#### Smaller',
        '- one\n- two\n  - two and a half',
        '3. third\n4. fourth',
        '```ts\nconst a = [1];\n```',
        '---',
        '[![Alt](https://example.com/a.png)](https://example.com/big.png)',
      ].join('\n\n'),
      quotes: [],
    });
    const blocks = wordPressBlocks(html);
    expect(names(blocks)).toEqual([
      'core/heading',
      'core/heading',
      'core/list',
      'core/list-item',
      'core/list-item',
      'core/list',
      'core/list-item',
      'core/list',
      'core/list-item',
      'core/list-item',
      'core/code',
      'core/separator',
      'core/image',
    ]);
    expect(blocks).toContain('<!-- wp:heading --><h2>Why</h2><!-- /wp:heading -->');
    expect(blocks).toContain('<!-- wp:heading {"level":4} --><h4>Smaller</h4><!-- /wp:heading -->');
    expect(blocks).toContain('<!-- wp:list {"ordered":true,"start":3} --><ol start="3">');
    expect(blocks).toContain('<li>two<!-- wp:list --><ul><!-- wp:list-item --><li>two and a half</li>');
    // "[" is escaped as the Code block does, so WordPress runs no shortcode in code.
    expect(blocks).toContain('<pre class="wp-block-code"><code>const a = &#91;1];\n</code></pre>');
    expect(blocks).toContain(
      '<figure class="wp-block-image"><a href="https://example.com/big.png"><img src="https://example.com/a.png" alt="Alt"/></a></figure>',
    );
    expect(textAndLinks(withoutDelimiters(blocks))).toEqual(textAndLinks(html));
  });

  it('makes a figure with its caption an Image block, sized when the image says its size', () => {
    const blocks = wordPressBlocks(
      '<figure><img src="https://example.com/a.png" alt="A" width="640" height="480" /><figcaption>The <em>caption</em></figcaption></figure>',
    );
    expect(blocks).toBe(
      '<!-- wp:image {"width":640,"height":480} --><figure class="wp-block-image is-resized"><img src="https://example.com/a.png" alt="A" width="640" height="480"/><figcaption class="wp-element-caption">The <em>caption</em></figcaption></figure><!-- /wp:image -->',
    );
  });

  it('makes the figure a captioned image renders to (and a library image alone in its paragraph) Image blocks', () => {
    const file = `${'a'.repeat(64)}.jpg`;
    const html = renderPostBody({
      commentary: `![A heron](https://example.com/h.jpg "A heron at dawn")\n\n![Alone](media:${file})`,
      quotes: [],
    });
    const blocks = wordPressBlocks(html);
    expect(names(blocks)).toEqual(['core/image', 'core/image']);
    expect(blocks).toContain('<figcaption class="wp-element-caption">A heron at dawn</figcaption>');
    // The library image keeps its media: reference for the upload's address to replace.
    expect(blocks).toContain(`<img src="media:${file}" alt="Alone"/>`);
  });

  it('keeps as Custom HTML what no core block holds as it is: tables, Quotebacks, task lists, a list item of paragraphs', () => {
    const table = renderPostBody({ commentary: '| a | b |\n|---|---|\n| 1 | 2 |', quotes: [] });
    expect(names(wordPressBlocks(table))).toEqual(['core/html']);
    const [quote] = reblogPost().quotes;
    if (!quote) throw new Error('the example post has a quote');
    const quoteback = renderPostBody({ commentary: '', quotes: [quote] }, { attribution: 'quoteback' });
    expect(names(wordPressBlocks(quoteback))).toEqual(['core/html']);
    const tasks = renderPostBody({ commentary: '- [ ] to do\n- [x] done', quotes: [] });
    expect(names(wordPressBlocks(tasks))).toEqual(['core/html']);
    const long = renderPostBody({ commentary: '- first para\n\n  second para\n- two', quotes: [] });
    expect(names(wordPressBlocks(long))).toEqual(['core/html']);
  });

  it('keeps every word and link of any commentary and quote', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 200 }), (commentary, excerpt) => {
        const content = reblogPost();
        const [quote] = content.quotes;
        if (!quote) throw new Error('the example post has a quote');
        const html = renderPostBody({ commentary, quotes: [{ ...quote, excerpt }] });
        const blocks = wordPressBlocks(html, 'commonplace-k3x9q2m1');
        expect(textAndLinks(withoutDelimiters(blocks))).toEqual(textAndLinks(html));
        expect(blocks.match(/<!-- wp:[^>]*[^/]-->/g)?.length).toBe(blocks.match(/<!-- \/wp:/g)?.length);
        expect(identityInBlocks(blocks)).toBe('commonplace-k3x9q2m1');
      }),
      { numRuns: 300 },
    );
  });
});
