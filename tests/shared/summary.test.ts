import { describe, expect, it } from 'vitest';
import { emptyDraftContent } from '../../shared/model/draft';
import { firstWordsOf } from '../../shared/model/summary';

describe('firstWordsOf', () => {
  it('keeps the words of links and drops images and markdown marks', () => {
    expect(firstWordsOf('## A *bold* [claim](https://example.com) ![chart](c.png)\n\n> quoted')).toBe(
      'A bold claim quoted',
    );
  });

  it('cuts a long commentary at 160 characters with an ellipsis', () => {
    const words = firstWordsOf('word '.repeat(100));
    expect(words.endsWith('\u2026')).toBe(true);
    expect(words.length).toBeLessThanOrEqual(161);
  });

  it('gives nothing for an empty draft', () => {
    expect(firstWordsOf(emptyDraftContent().commentary)).toBe('');
  });
});
