import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DraftContentSchema, emptySource, type DraftContent, type Quote } from '../../shared/model/draft';
import { limits } from '../../shared/model/limits';
import { saveableContent } from '../../shared/model/saveableContent';
import { fieldName } from '../../shared/model/validationMessages';
import { reblogPost } from '../support/fixtures';

function quote(id: string, change: Partial<Quote> = {}): Quote {
  return { id, excerpt: 'Words.', source: emptySource(), note: '', clipboardHtml: null, ...change };
}

describe('what of a draft can be saved when one field cannot', () => {
  it('saves a too-long title up to its limit, and the rest of the draft as typed', () => {
    const saved = reblogPost();
    const typed: DraftContent = { ...saved, title: 'x'.repeat(2_000), commentary: 'Typed after the long title.' };
    const { content, withheld } = saveableContent(typed, saved);
    expect(content.title).toBe('x'.repeat(limits.titleCharacters));
    expect(content.commentary).toBe('Typed after the long title.');
    expect(content.quotes).toEqual(saved.quotes);
    expect(withheld).toEqual(['The title is longer than 1,000 characters. Only its first 1,000 are saved.']);
  });

  it('keeps the last saved value of a field in a refused form, per quote, and saves the others', () => {
    const saved: DraftContent = {
      ...reblogPost(),
      quotes: [quote('quote-aaaa', { source: { ...emptySource(), publishedAt: '2016-08-10' } })],
    };
    const typed: DraftContent = {
      ...saved,
      quotes: [
        quote('quote-aaaa', { excerpt: 'Edited.', source: { ...emptySource(), publishedAt: '2016-13-45' } }),
        quote('quote-bbbb', { source: { ...emptySource(), url: 'javascript:alert(1)' } }),
      ],
      hashtags: ['Iraq', 'iraq', 'bad tag'],
    };
    const { content, withheld } = saveableContent(typed, saved);
    expect(content.quotes).toEqual([
      quote('quote-aaaa', { excerpt: 'Edited.', source: { ...emptySource(), publishedAt: '2016-08-10' } }),
      quote('quote-bbbb'),
    ]);
    expect(content.hashtags).toEqual(['Iraq']);
    expect(withheld).toEqual([
      'The date of quote 1 is not a date. Its last saved value is kept until it is fixed.',
      'The source address of quote 2 is not a web address (http:// or https://). Its last saved value is kept until it is fixed.',
      '#iraq is already a tag of this post; it is saved once.',
      'Hashtag 3: a hashtag holds only letters, digits and "_", without "#". It is not saved.',
    ]);
  });

  it('passes valid content through untouched, the same object', () => {
    const content = reblogPost();
    expect(saveableContent(content, content)).toEqual({ content, withheld: [] });
    expect(saveableContent(content, content).content).toBe(content);
  });

  it('always gives content the library accepts, keeping every field that was valid as typed', () => {
    const text = (max: number) =>
      fc.oneof(fc.string({ maxLength: 20 }), fc.string({ minLength: max - 2, maxLength: max + 3 }));
    const source = fc.record({
      url: fc.oneof(fc.constant(null), fc.constant('https://example.com/a'), fc.constant('not an address')),
      title: text(limits.sourceFieldCharacters),
      author: fc.string({ maxLength: 10 }),
      siteName: fc.string({ maxLength: 10 }),
      publishedAt: fc.oneof(fc.constant(null), fc.constant('2016-08-10'), fc.constant('yesterday')),
      publishedAtText: fc.string({ maxLength: 10 }),
      capturedAt: fc.constant(null),
    });
    const quotes = fc.array(
      fc.record({
        id: fc.constantFrom('quote-aaaa', 'quote-bbbb', 'quote-cccc'),
        excerpt: fc.string({ maxLength: 30 }),
        source,
        note: fc.string({ maxLength: 5 }),
        clipboardHtml: fc.constant(null),
      }),
      { maxLength: 4 },
    );
    const content = fc.record({
      title: text(limits.titleCharacters),
      commentary: fc.string({ maxLength: 50 }),
      quotes,
      hashtags: fc.array(fc.oneof(fc.constantFrom('Iraq', 'iraq', 'ISIS', '#x', ''), fc.string({ maxLength: 4 })), {
        maxLength: 6,
      }),
      featuredImage: fc.constant(null),
    });
    fc.assert(
      fc.property(content, (typed) => {
        const { content: saveable } = saveableContent(typed, reblogPost());
        expect(DraftContentSchema.safeParse(saveable).success).toBe(true);
        if (DraftContentSchema.shape.title.safeParse(typed.title).success) expect(saveable.title).toBe(typed.title);
        expect(saveable.commentary).toBe(typed.commentary);
      }),
    );
  });
});

describe('fields in words', () => {
  it.each([
    [['content', 'title'], 'the title'],
    [['content', 'quotes', 1, 'source', 'title'], 'the source title of quote 2'],
    [['quotes', 0, 'source', 'url'], 'the source address of quote 1'],
    [['quotes', 0, 'source', 'author'], 'the author of quote 1'],
    [['quotes', 2], 'quote 3'],
    [['hashtags', 0], 'hashtag 1'],
    [['accountIds', 0], 'item 1 of the blogs'],
    [['secret'], 'the password or key'],
    [['someNewField'], 'the some new field'],
    [[], 'the request'],
  ] as const)('%j is %s', (path, words) => {
    expect(fieldName(path)).toBe(words);
  });
});
