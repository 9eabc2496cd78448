import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderPostBody } from '../../shared/render/post';
import { wordPressBlocks } from '../../shared/render/wordpressBlocks';
import { reblogPost } from '../support/fixtures';

/** What WordPress shows readers of a post made of static blocks: the markup without the delimiters. */
function withoutDelimiters(markup: string): string {
  return markup.replace(/<!-- \/?wp:[a-z][a-z0-9/-]*(?: \{[^]*?\})? \/?-->/g, '');
}

describe('wordPressBlocks', () => {
  it('wraps the example post as paragraph blocks and its credited quote as Custom HTML, around the preview HTML', () => {
    const html = renderPostBody(reblogPost());
    const blocks = wordPressBlocks(html);
    expect(withoutDelimiters(blocks)).toBe(html);
    expect(blocks.startsWith('<!-- wp:paragraph --><p>I think there is a bit of truth')).toBe(true);
    expect(blocks).toContain('<!-- wp:html --><blockquote cite="http://127.0.0.1:8080/isis-in-iraq">');
    expect(blocks).toContain('</blockquote><!-- /wp:html -->');
    expect(blocks).toContain('<!-- wp:paragraph {"className":"quote-via"} --><p class="quote-via">via ');
    expect(blocks.match(/<!-- wp:/g)).toHaveLength(3);
    expect(blocks.match(/<!-- \/wp:/g)).toHaveLength(3);
  });

  it('makes headings heading blocks and keeps anything else as Custom HTML', () => {
    const html = renderPostBody({
      commentary: '## Why\n\n- one\n- two\n\n---\n\n```\n<!-- wp:fake -->\n```\n',
      quotes: [],
    });
    const blocks = wordPressBlocks(html);
    expect(withoutDelimiters(blocks)).toBe(html);
    expect(blocks).toContain('<!-- wp:heading {"level":2} --><h2>Why</h2><!-- /wp:heading -->');
    expect(blocks).toContain('<!-- wp:html --><ul>');
    expect(blocks).toContain('<!-- wp:html --><hr /><!-- /wp:html -->');
    // The writer's text that looks like a delimiter stays escaped text inside a block.
    expect(blocks).toContain('&lt;!-- wp:fake --&gt;');
  });

  it('leaves the readers’ HTML unchanged for any commentary and quote', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 200 }), (commentary, excerpt) => {
        const content = reblogPost();
        const [quote] = content.quotes;
        if (!quote) throw new Error('the example post has a quote');
        const html = renderPostBody({ commentary, quotes: [{ ...quote, excerpt }] });
        const blocks = wordPressBlocks(html);
        expect(withoutDelimiters(blocks)).toBe(html);
        expect(blocks.match(/<!-- wp:/g)?.length).toBe(blocks.match(/<!-- \/wp:/g)?.length);
      }),
      { numRuns: 200 },
    );
  });
});
