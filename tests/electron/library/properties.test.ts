import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DraftLibrary } from '../../../electron/core/library/draftLibrary';
import { DraftContentSchema, emptySource, type DraftContent } from '../../../shared/model/draft';
import { uniqueHashtags } from '../../../shared/model/hashtags';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();
const quiet = { logError: () => undefined };

const text = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
const url = fc.option(fc.webUrl({ validSchemes: ['https', 'http'] }), { nil: null });

const quote = fc.record({
  id: fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/),
  excerpt: text(400),
  note: text(40),
  clipboardHtml: fc.option(text(200), { nil: null }),
  source: fc.record({
    url,
    title: text(60),
    author: text(30),
    siteName: text(30),
    publishedAtText: text(20),
    publishedAt: fc.constant(null),
    capturedAt: fc.constant(null),
  }),
});

const draftContent: fc.Arbitrary<DraftContent> = fc
  .record({
    title: text(120),
    commentary: text(2_000),
    quotes: fc.array(quote, { maxLength: 3 }),
    hashtags: fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { maxLength: 5 }),
    featuredImage: fc.option(
      fc.record({
        file: fc
          .tuple(fc.stringMatching(/^[0-9a-f]{64}$/), fc.constantFrom('jpg', 'png', 'webp', 'gif'))
          .map(([hash, ext]) => `${hash}.${ext}`),
        alt: text(80),
      }),
      { nil: null },
    ),
  })
  .map((content) => DraftContentSchema.parse({ ...content, hashtags: [...uniqueHashtags(content.hashtags)] }));

describe('library properties', () => {
  it('any draft content comes back from disk exactly as saved, after a restart', async () => {
    const folder = await newFolder();
    const library = await DraftLibrary.open({ folder, ...quiet });
    const draft = await library.create();
    await fc.assert(
      fc.asyncProperty(draftContent, async (content) => {
        await library.save(draft.id, content);
        const reopened = await DraftLibrary.open({ folder, ...quiet });
        const { title, commentary, quotes, hashtags, featuredImage } = await reopened.get(draft.id);
        expect({ title, commentary, quotes, hashtags, featuredImage }).toEqual(content);
      }),
      { numRuns: 40 },
    );
  });

  it('search finds a draft by any word that was saved in it', async () => {
    const library = await DraftLibrary.open({ folder: await newFolder(), ...quiet });
    const word = fc.stringMatching(/^[a-z]{4,10}$/);
    const place = fc.constantFrom('title', 'commentary', 'excerpt', 'author', 'hashtag');
    await fc.assert(
      fc.asyncProperty(word, place, async (secret, where) => {
        const marker = `zq${secret}`;
        const content: DraftContent = {
          title: where === 'title' ? `About ${marker}` : 'Untitled thoughts',
          commentary: where === 'commentary' ? `Some words, then ${marker}.` : 'Nothing to see.',
          hashtags: where === 'hashtag' ? [marker] : [],
          featuredImage: null,
          quotes: [
            {
              id: 'quote-property',
              excerpt: where === 'excerpt' ? `“${marker}”, she said` : 'A quiet passage.',
              note: '',
              clipboardHtml: null,
              source: { ...emptySource(), author: where === 'author' ? `Ann ${marker}` : 'Ann' },
            },
          ],
        };
        const draft = await library.create(content);
        const found = await library.list({ search: marker });
        expect(found.map((summary) => summary.id)).toContain(draft.id);
        await library.trash(draft.id);
        await library.emptyTrash();
        expect(await library.list({ search: marker })).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
