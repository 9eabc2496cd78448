import { describe, expect, it } from 'vitest';
import { placeholderMarkdown, settlePlaceholder } from '../../../renderer/src/components/desk/imagePlaceholder';

const image = `![A chart](media:${'a'.repeat(64)}.png)`;

describe('an image placeholder, settled when the core answers', () => {
  it('is replaced by the image wherever typing moved it', () => {
    const text = `Before. ${placeholderMarkdown('adding-7', 'chart.png')} typed after`;
    const place = settlePlaceholder(`New first line.\n${text}`, 'adding-7', 'chart.png', image);
    expect(place).not.toBeNull();
    const { from, to, replacement } = place ?? { from: 0, to: 0, replacement: '' };
    const settled = `New first line.\n${text}`.slice(0, from) + replacement + `New first line.\n${text}`.slice(to);
    expect(settled).toBe(`New first line.\nBefore. ${image} typed after`);
  });

  it('keeps what the writer typed inside it (a click put the caret there), after the image', () => {
    // As seen in the dev host: the caret landed after the A of "Adding", and 30 keys went in.
    const text = `![A${'x'.repeat(30)}dding p1.jpg…](media:adding-2)`;
    expect(settlePlaceholder(text, 'adding-2', 'p1.jpg', image)).toEqual({
      from: 0,
      to: text.length,
      replacement: `${image}${'x'.repeat(30)}`,
    });
  });

  it('is gone when the writer deleted it; another image’s placeholder is not it', () => {
    expect(settlePlaceholder('No placeholder here.', 'adding-2', 'p1.jpg', image)).toBeNull();
    expect(settlePlaceholder(placeholderMarkdown('adding-12', 'b.png'), 'adding-1', 'b.png', image)).toBeNull();
  });
});
