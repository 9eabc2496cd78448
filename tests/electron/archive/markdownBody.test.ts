import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownBody, splitMarkdownBody } from '../../../electron/core/archive/markdownBody';
import { emptySource } from '../../../shared/model/draft';

const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '>', '—', '-', '#', 'é', '\t', '*'), maxLength: 60 });

describe('a draft as Markdown and back', () => {
  it('gives back exactly the commentary and every excerpt, whatever they hold', () => {
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 4 }), (commentary, excerpts) => {
        const quotes = excerpts.map((excerpt, index) => ({
          id: `quote-${String(index).padStart(4, '0')}`,
          excerpt,
          source: { ...emptySource(), title: `Source ${index}` },
          note: '',
          clipboardHtml: null,
        }));
        const body = markdownBody({ commentary, quotes });
        expect(splitMarkdownBody(body, quotes.length, 'test.md')).toEqual({ commentary, excerpts });
      }),
      { numRuns: 500 },
    );
  });

  it('says so when the text no longer ends with the quotes its front matter lists', () => {
    expect(() => splitMarkdownBody('Just text.\n', 1, 'post.md')).toThrow(
      'post.md: its front matter lists 1 quote, but its text does not end with that many quoted excerpts',
    );
  });
});
