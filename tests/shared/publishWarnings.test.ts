import { describe, expect, it } from 'vitest';
import { emptySource } from '../../shared/model/draft';
import { describeWarning, publishWarnings } from '../../shared/model/publishWarnings';
import { renderPostBody } from '../../shared/render/post';
import { countWords } from '../../shared/text/words';
import { reblogPost } from '../support/fixtures';

describe('publishWarnings', () => {
  const content = reblogPost();
  const [quote] = content.quotes;
  if (!quote) throw new Error('the example post has a quote');

  it('says nothing of a post with a title, credited quotes of fair length, dates and described images', () => {
    const clean = {
      ...content,
      commentary: `${content.commentary}\n\n![A map of the region](https://example.com/map.png)`,
      quotes: [{ ...quote, source: { ...quote.source, publishedAt: '2016-08-10', publishedAtText: '' } }],
    };
    expect(publishWarnings(clean, { fairExcerptWords: 1_000 })).toEqual([]);
  });

  it('warns of a missing title, a quote without a source, a long quote and images without alt text', () => {
    const words = countWords(quote.excerpt);
    const warnings = publishWarnings(
      {
        ...content,
        title: '  ',
        commentary: '![](https://example.com/a.png) and ![ ](https://example.com/b.png)',
        quotes: [quote, { ...quote, excerpt: 'A short one.', source: emptySource() }],
      },
      { fairExcerptWords: 100 },
    );
    expect(warnings).toEqual([
      { kind: 'untitled' },
      { kind: 'long-quote', quote: 1, words, limit: 100 },
      { kind: 'vague-date', quote: 1, text: 'yesterday at 09:51', resolved: null },
      { kind: 'quote-without-source', quote: 2 },
      { kind: 'image-without-alt', count: 2 },
    ]);
    expect(warnings.map(describeWarning)).toContain(`Quote 1 is ${words} words, more than a fair excerpt (100).`);
  });

  it('resolves a relative source date against the capture time, and says when it cannot', () => {
    const captured = { ...quote, source: { ...quote.source, capturedAt: '2016-08-11T12:00:00.000Z' } };
    const [warning] = publishWarnings({ ...content, quotes: [captured] }, { fairExcerptWords: 1_000 });
    expect(warning).toEqual({ kind: 'vague-date', quote: 1, text: 'yesterday at 09:51', resolved: '2016-08-10' });
    if (!warning) throw new Error('a warning was expected');
    expect(describeWarning(warning)).toBe(
      'Quote 1’s date “yesterday at 09:51” is not a date: it was 2016-08-10 when you copied it.',
    );
    const vague = { ...captured, source: { ...captured.source, publishedAtText: 'a while back' } };
    expect(publishWarnings({ ...content, quotes: [vague] }, { fairExcerptWords: 1_000 })).toEqual([
      { kind: 'vague-date', quote: 1, text: 'a while back', resolved: null },
    ]);
  });

  it('warns when typing broke a library image reference, which would vanish from the post', () => {
    const file = `${'ab12'.repeat(16)}.jpg`;
    const whole = `![A harbour at dawn](media:${file} "Photo: the writer")`;
    const withCommentary = (commentary: string) => ({ ...content, commentary, quotes: [] });
    const intact = withCommentary(`Social media: a study.\n\n${whole}`);
    expect(publishWarnings(intact, { fairExcerptWords: 1_000 })).toEqual([]);

    const lostDigit = withCommentary(whole.replace(file, file.slice(1)));
    const lostBang = withCommentary(whole.slice(1));
    const inQuote = {
      ...content,
      commentary: '',
      quotes: [{ ...quote, excerpt: `${quote.excerpt} ${whole.slice(0, 40)}` }],
    };
    for (const broken of [lostDigit, lostBang]) {
      expect(renderPostBody(broken)).not.toContain('<img');
      expect(publishWarnings(broken, { fairExcerptWords: 1_000 })).toEqual([{ kind: 'broken-image', count: 1 }]);
    }
    expect(publishWarnings(inQuote, { fairExcerptWords: 1_000 })).toContainEqual({ kind: 'broken-image', count: 1 });
    const two = withCommentary(`${whole}\n\n${whole.slice(1)}\n\n${whole.replace('.jpg', '.jp')}`);
    const [warning] = publishWarnings(two, { fairExcerptWords: 1_000 });
    expect(warning).toEqual({ kind: 'broken-image', count: 2 });
    if (!warning) throw new Error('a warning was expected');
    expect(describeWarning(warning)).toMatch(/^2 images’ references were changed by typing/);
  });
});
