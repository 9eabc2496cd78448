/** A hashtag as the writer typed it, without '#'; `key` is what makes two tags the same tag. */
export interface Hashtag {
  readonly display: string;
  readonly key: string;
}

const tagCharacters = /[\p{L}\p{N}\p{M}_]+/gu;
const hashtagInText = /(^|[^\p{L}\p{N}\p{M}_&/#])#([\p{L}\p{N}\p{M}_]+)/gu;

/**
 * The display form of a tag: '#' and anything that is not a letter, digit, mark or underscore
 * dropped, keeping the writer's casing ("#ISIS" → "ISIS", "New York" → "NewYork").
 */
export function cleanHashtag(raw: string): string {
  return (raw.normalize('NFC').match(tagCharacters) ?? []).join('');
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
