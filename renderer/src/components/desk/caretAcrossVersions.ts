/**
 * Where a caret at `offset` in `before` belongs in `after`, another version of the same text: by
 * the same words. The text both share at their start keeps it in place; in the text they share at
 * their end it moves with that text; inside what changed it goes to the end of the new part.
 */
export function caretAcrossVersions(before: string, after: string, offset: number): number {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) start += 1;
  if (offset <= start) return offset;
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end += 1;
  if (offset >= before.length - end) return Math.min(offset + after.length - before.length, after.length);
  return after.length - end;
}
