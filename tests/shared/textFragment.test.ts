import { describe, expect, it } from 'vitest';
import { passageLink } from '../../shared/render/textFragment';

const PAGE = 'https://example.com/news/story';

describe('passageLink', () => {
  it('opens a short excerpt by its whole text', () => {
    expect(passageLink(PAGE, 'They are strong in Syria.')).toBe(`${PAGE}#:~:text=They%20are%20strong%20in%20Syria.`);
  });

  it('opens a long excerpt from its first words to its last, each term within one paragraph', () => {
    const excerpt =
      'The remaining militants may have seen the writing on the wall.\n\n' +
      'ERBIL, Kurdistan Region — A picture of a diminished Islamic State\n\n' +
      'prepare for a major offensive to retake Mosul [the recent liberation campaign in';
    expect(passageLink(PAGE, excerpt)).toBe(
      `${PAGE}#:~:text=The%20remaining%20militants%20may,recent%20liberation%20campaign%20in`,
    );
  });

  it('reads the words of the markdown, not its marks: links, emphasis, escapes and entities', () => {
    const excerpt = 'A *very* [linked](https://x.example/) claim \\[sic\\] about &lt;tags&gt; &amp; more, said one.';
    expect(passageLink(PAGE, excerpt)).toBe(`${PAGE}#:~:text=A%20very%20linked%20claim,%26%20more%2C%20said%20one.`);
  });

  it('encodes the directive’s own syntax inside a term: dash, comma and ampersand', () => {
    expect(passageLink(PAGE, 'Left-handed, & proud')).toBe(`${PAGE}#:~:text=Left%2Dhanded%2C%20%26%20proud`);
  });

  it('adds to a fragment the address already has, and leaves an existing text directive alone', () => {
    expect(passageLink(`${PAGE}#part-2`, 'Just this.')).toBe(`${PAGE}#part-2:~:text=Just%20this.`);
    expect(passageLink(`${PAGE}#:~:text=chosen`, 'Just this.')).toBe(`${PAGE}#:~:text=chosen`);
  });

  it('gives the address unchanged for an excerpt without words', () => {
    expect(passageLink(PAGE, '![a chart](https://example.com/chart.png)')).toBe(PAGE);
    expect(passageLink(PAGE, '   ')).toBe(PAGE);
  });
});
