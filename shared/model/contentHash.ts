import type { DraftContent } from './draft';

function hasOptions(content: DraftContent): boolean {
  const options = content.options;
  if (options === undefined) return false;
  return (
    options.slug !== '' || options.summary !== '' || Object.values(options.categories).some((names) => names.length > 0)
  );
}

/**
 * A fingerprint of what the writer wrote (title, commentary, quotes, hashtags, featured image, post
 * options), the same in the
 * renderer and in Node: cyrb53 (two 32-bit multiply-xorshift lanes) over the UTF-16 code units of
 * its JSON. It tells whether a draft still matches what was published; it is not a security
 * measure, and it is cheap enough to run on every save.
 */
export function contentHash(content: DraftContent): string {
  // The featured image and the options join the list only when there are some, so that drafts
  // without them keep the hash they were published with.
  const fields: unknown[] = [content.title, content.commentary, content.quotes, content.hashtags];
  if (content.featuredImage !== null) fields.push(content.featuredImage);
  if (hasOptions(content)) fields.push(content.options);
  const text = JSON.stringify(fields);
  let first = 0xdeadbeef;
  let second = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 2654435761);
    second = Math.imul(second ^ code, 1597334677);
  }
  first = Math.imul(first ^ (first >>> 16), 2246822507) ^ Math.imul(second ^ (second >>> 13), 3266489909);
  second = Math.imul(second ^ (second >>> 16), 2246822507) ^ Math.imul(first ^ (first >>> 13), 3266489909);
  return `${(second >>> 0).toString(16).padStart(8, '0')}${(first >>> 0).toString(16).padStart(8, '0')}`;
}
