import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  imageMarkdown,
  imageReferences,
  imageUses,
  missingAltTexts,
  withAltText,
  withImageDestinations,
} from '../../shared/media/references';
import { emptyDraftContent, emptySource } from '../../shared/model/draft';
import type { MediaFile } from '../../shared/model/image';
import { imagesWithoutAddress, withImageAddresses } from '../../shared/render/imageSources';
import { renderPostBody } from '../../shared/render/post';
import { createIncrementalRenderer } from '../../shared/render/incremental';

const photo: MediaFile = `${'a'.repeat(64)}.jpg`;
const chart: MediaFile = `${'b'.repeat(64)}.png`;

describe('image references in markdown', () => {
  it('finds library images with their alt text, caption and place', () => {
    const text = `Intro ![A cat](media:${photo}) and\n\n![](media:${chart} "Figure 1")\n\n![web](https://example.com/x.png)`;
    expect(imageReferences(text).map(({ file, alt, caption }) => ({ file, alt, caption }))).toEqual([
      { file: photo, alt: 'A cat', caption: '' },
      { file: chart, alt: '', caption: 'Figure 1' },
    ]);
  });

  it('gives library images other destinations, keeping every other character, and back again exactly', () => {
    const text = `![A \\] cat](media:${photo} "Its \\"name\\"")\n![](media:${chart})\n![web](https://example.com/x.png)`;
    const out = withImageDestinations(text, 'media:', (file) => (file === photo ? `media/${file}` : null));
    expect(out).toBe(text.replace(`media:${photo}`, `media/${photo}`));
    expect(withImageDestinations(out, 'media/', (file) => `media:${file}`)).toBe(text);
    // A web address that would end a Markdown destination early is percent-encoded.
    expect(withImageDestinations(`![x](media:${photo})`, 'media:', () => 'https://site.example/a (1)<b>.jpg')).toBe(
      '![x](https://site.example/a%20%281%29%3Cb%3E.jpg)',
    );
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (before, alt, caption) => {
        const markdown = `${before}${imageMarkdown(photo, alt, caption)}${before}`;
        const away = withImageDestinations(markdown, 'media:', (file) => `media/${file}`);
        expect(imageReferences(away)).toEqual([]);
        expect(withImageDestinations(away, 'media/', (file) => `media:${file}`)).toBe(markdown);
      }),
    );
  });

  it('writes any alt text and caption so that they read back the same and render as text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (alt, caption) => {
        const markdown = imageMarkdown(photo, alt, caption);
        const [found] = imageReferences(`Before ${markdown} after`);
        expect(found?.alt).toBe(alt.replace(/\s/g, ' '));
        expect(found?.caption).toBe(caption.replace(/\s/g, ' '));
        expect(markdown).not.toContain('\n');
      }),
    );
  });

  it('changes one reference’s alt text and nothing else', () => {
    const text = `![old](media:${photo} "cap") and ![same](media:${photo})`;
    const [first] = imageReferences(text);
    if (!first) throw new Error('found none');
    expect(withAltText(text, first, 'new [alt]')).toBe(
      `![new \\[alt\\]](media:${photo} "cap") and ![same](media:${photo})`,
    );
  });

  it('lists uses in the featured image, commentary and quotes, and counts missing alt texts', () => {
    const content = {
      ...emptyDraftContent(),
      commentary: `![](media:${photo})`,
      quotes: [
        { id: 'quote-0001', excerpt: `![Chart](media:${chart})`, source: emptySource(), note: '', clipboardHtml: null },
      ],
      featuredImage: { file: chart, alt: '' },
    };
    expect(imageUses(content).map((use) => [use.place, use.file, use.quoteId])).toEqual([
      ['featured', chart, null],
      ['commentary', photo, null],
      ['quote', chart, 'quote-0001'],
    ]);
    expect(missingAltTexts(content)).toBe(2);
  });
});

describe('rendering images', () => {
  it('renders an image alone in its paragraph with a caption as a figure, and others inline', () => {
    const html = renderPostBody({
      commentary: `![A cat](media:${photo} "Our <cat>")\n\nSee ![x](media:${chart}).`,
      quotes: [],
    });
    expect(html).toBe(
      `<figure><img src="media:${photo}" alt="A cat" /><figcaption>Our &lt;cat&gt;</figcaption></figure>\n` +
        `<p>See <img src="media:${chart}" alt="x" />.</p>\n`,
    );
  });

  it('keeps media: only on images: a link or a script scheme is dropped', () => {
    const html = renderPostBody({
      commentary: `[a](media:${photo}) ![b](javascript:alert(1)) <img src="data:image/png;base64,AA">`,
      quotes: [],
    });
    expect(html).not.toMatch(/href="media:|javascript:|data:/);
  });

  it('gives the preview and the blog the same HTML but for each image’s address', () => {
    const commentary = `![One](media:${photo})\n\nText.\n\n![Two](media:${chart} "cap") and ![One again](media:${photo})`;
    const body = renderPostBody({ commentary, quotes: [] });
    const preview = withImageAddresses(body, (file) => `/media/${file}`);
    const blog = withImageAddresses(
      body,
      (file) => `https://blog.example/wp-content/uploads/${file === photo ? 'one' : 'two'}.jpg?a=1&b="2"`,
    );
    const unaddressed = (html: string) => html.replace(/ src="[^"]*"/g, ' src=""');
    expect(unaddressed(preview)).toBe(unaddressed(blog));
    expect(blog).toContain('src="https://blog.example/wp-content/uploads/one.jpg?a=1&#38;b=&#34;2&#34;"');
    expect(imagesWithoutAddress(body)).toEqual([photo, chart]);
    expect(imagesWithoutAddress(blog)).toEqual([]);
    expect(
      imagesWithoutAddress(withImageAddresses(body, (file) => (file === photo ? 'https://x.example/1' : null))),
    ).toEqual([chart]);
  });

  it('renders images incrementally exactly as in full', () => {
    const renderer = createIncrementalRenderer();
    const commentary = `Para.\n\n![A](media:${photo} "Caption")\n\nMore ![b](media:${chart}) text.\n`;
    expect(renderer.render({ commentary, quotes: [] }).html).toBe(renderPostBody({ commentary, quotes: [] }));
  });
});
