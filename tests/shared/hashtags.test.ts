import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addHashtag, cleanHashtag, extractHashtags, hashtagKey, uniqueHashtags } from '../../shared/model/hashtags';

describe('hashtags', () => {
  it('keeps the writer’s casing and drops the #', () => {
    expect(cleanHashtag('#ISIS')).toBe('ISIS');
    expect(cleanHashtag('New York')).toBe('NewYork');
    expect(cleanHashtag('#Zürich')).toBe('Zürich');
  });

  it('treats tags that differ only in case or Unicode form as one', () => {
    expect(hashtagKey('Iraq')).toBe(hashtagKey('IRAQ'));
    expect(hashtagKey('Zu\u0308rich')).toBe(hashtagKey('Z\u00fcrich'));
    expect(uniqueHashtags(['ISIS', '#isis', 'Iraq', 'IRAQ'])).toEqual(['ISIS', 'Iraq']);
  });

  it('keeps whole characters: an emoji goes with its variation selector, never leaving it behind', () => {
    expect(cleanHashtag('#🕊️peace')).toBe('peace');
    expect(cleanHashtag('🕊️')).toBe('');
    expect(cleanHashtag('👨‍👩‍👧family')).toBe('family');
    expect(cleanHashtag('\uFE0Fpeace')).toBe('peace');
    expect(cleanHashtag('नमस्ते')).toBe('नमस्ते');
    expect(cleanHashtag('سلام')).toBe('سلام');
    expect(extractHashtags('Peace now #🕊️peace #Iraq').hashtags).toEqual(['peace', 'Iraq']);
  });

  it('refuses empty tags and keeps the first spelling of a duplicate', () => {
    expect(addHashtag(['ISIS'], '#')).toEqual(['ISIS']);
    expect(addHashtag(['ISIS'], 'isis')).toEqual(['ISIS']);
    expect(addHashtag(['ISIS'], 'Iraq')).toEqual(['ISIS', 'Iraq']);
  });

  it('splits hashtags out of the example post’s title', () => {
    const { text, hashtags } = extractHashtags(
      'ISIS in Iraq: A shadow of its former self – Can this be really true? #ISIS #Iraq',
    );
    expect(text).toBe('ISIS in Iraq: A shadow of its former self – Can this be really true?');
    expect(hashtags).toEqual(['ISIS', 'Iraq']);
  });

  it('does not take # inside words, URLs or entities for a tag', () => {
    expect(extractHashtags('I write C# at example.com/#top &#39;').hashtags).toEqual([]);
  });

  it('normalises idempotently and never yields two tags with one key (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 })), (raw) => {
        const tags = uniqueHashtags(raw);
        expect(new Set(tags.map(hashtagKey)).size).toBe(tags.length);
        for (const tag of tags) {
          expect(tag).not.toBe('');
          expect(cleanHashtag(tag)).toBe(tag);
          // Never a tag that starts with a mark, and never an emoji's selector.
          expect(tag).toMatch(/^[\p{L}\p{N}_]/u);
          expect(tag).not.toMatch(/[\uFE0E\uFE0F\u20E3]/);
        }
        expect(uniqueHashtags(tags)).toEqual(tags);
      }),
    );
  });
});
