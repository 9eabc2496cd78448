/** A hashtag as the writer typed it, without '#'; `key` is what makes two tags the same tag. */
export interface Hashtag {
  readonly display: string;
  readonly key: string;
}

/** Made when first needed: it costs ~10 ms (ICU's break rules), which a command that shows one draft would pay at load. */
let graphemes: Intl.Segmenter | null = null;
/** Only letters, digits and "_": such a tag is its own display form, character by character. */
const onlyTagCharacters = /^[\p{L}\p{N}_]*$/u;
/** A character a tag is made of: a letter or digit (with the marks on it), or "_". */
const startsWithTagCharacter = /^[\p{L}\p{N}_]/u;
/** Within a kept character: its letters, digits and marks, less the selectors that make an emoji of it. */
const keptInCharacter = /[\p{L}\p{N}\p{M}_]/gu;
const emojiSelectors = /[\uFE0E\uFE0F\u20E3]/g;
/** A '#' followed by tag characters, emoji among them ("#🕊️peace"), not inside a word, URL or entity. */
const hashtagInText =
  /(^|[^\p{L}\p{N}\p{M}_&/#])#((?:[\p{L}\p{N}\p{M}_]|\p{Extended_Pictographic}|\u200D|\uFE0F)*[\p{L}\p{N}_][\p{L}\p{N}\p{M}_]*)/gu;

/**
 * The display form of a tag: '#' and anything that is not a letter, digit or underscore dropped,
 * a whole user-perceived character at a time, keeping the writer's casing ("#ISIS" → "ISIS",
 * "New York" → "NewYork", "#🕊️peace" → "peace": the emoji goes with its variation selector, never
 * leaving the selector behind).
 */
export function cleanHashtag(raw: string): string {
  const text = raw.normalize('NFC');
  // Most tags: every character is a letter, digit or "_" and is kept whole (no marks, emoji or
  // selectors to look at), so the tag is itself; every draft read checks its tags through here.
  if (onlyTagCharacters.test(text)) return text;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let tag = '';
  for (const { segment } of graphemes.segment(text)) {
    if (!startsWithTagCharacter.test(segment)) continue;
    tag += (segment.match(keptInCharacter) ?? []).join('').replace(emojiSelectors, '');
  }
  return tag;
}

/** The identity of a tag: case-insensitive and Unicode-normalised, so "Iraq" and "IRAQ" are one tag. */
export function hashtagKey(raw: string): string {
  return cleanHashtag(raw).normalize('NFKC').toLocaleLowerCase('und');
}

/** Adds `raw` to `tags` unless it is empty or already there by key; the first spelling wins. */
export function addHashtag(tags: readonly string[], raw: string): readonly string[] {
  const display = cleanHashtag(raw);
  if (display === '') return tags;
  const key = hashtagKey(display);
  return tags.some((tag) => hashtagKey(tag) === key) ? tags : [...tags, display];
}

/** The tags of a list, unique by key, in first-seen order. */
export function uniqueHashtags(raw: readonly string[]): readonly string[] {
  return raw.reduce<readonly string[]>(addHashtag, []);
}

/**
 * Splits '#hashtags' out of a line such as a post title: "Can this be true? #ISIS #Iraq"
 * gives the text "Can this be true?" and the tags ISIS and Iraq. '#' inside a word or URL
 * (C#, example.com/#top, &#39;) is not a tag.
 */
export function extractHashtags(line: string): { readonly text: string; readonly hashtags: readonly string[] } {
  const found: string[] = [];
  const text = line
    .replace(hashtagInText, (_match, before: string, tag: string) => {
      found.push(tag);
      return before;
    })
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
  return { text, hashtags: uniqueHashtags(found) };
}

/**
 * A stored document's hashtags, cleaned again by today's rule: versions before it kept part of an
 * emoji ("#🕊️peace" became U+FE0F + "peace"), which a draft read now must not be refused for.
 */
export function withCleanHashtags(document: unknown): unknown {
  if (typeof document !== 'object' || document === null || !('hashtags' in document)) return document;
  const { hashtags } = document;
  if (!Array.isArray(hashtags) || !hashtags.every((tag): tag is string => typeof tag === 'string')) return document;
  return { ...document, hashtags: [...uniqueHashtags(hashtags)] };
}
