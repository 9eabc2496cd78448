import { describe, expect, it } from 'vitest';
import { countWords } from '../../shared/text/words';

describe('countWords', () => {
  it('counts words as a writer does, whatever the markdown around them', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('One two  three\nfour.')).toBe(4);
    expect(countWords('# A heading\n\n> a **quoted** line — with `code`')).toBe(7);
    expect(countWords('Numbers count: 1,000 and 2026.')).toBe(5);
  });

  it('leaves out addresses: a link counts its words, not where it goes', () => {
    expect(countWords('Read [the whole piece](https://example.com/a-long-address?x=1) today.')).toBe(5);
    expect(countWords('Write to [me](mailto:ann@example.com "my address").')).toBe(3);
  });

  it('leaves out images, their alt text and caption included: a library image or one on the web', () => {
    const file = `${'ab12'.repeat(16)}.png`;
    expect(countWords(`Before. ![A chart of rainfall](media:${file} "Rain, 2024") After.`)).toBe(2);
    expect(countWords('Before. ![A map \\] of things](https://example.com/map.png) After.')).toBe(2);
  });
});
