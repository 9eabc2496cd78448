import { describe, expect, it } from 'vitest';
import { caretAcrossVersions } from '../../../renderer/src/components/desk/caretAcrossVersions';

/** The caret marked `|` in `before` lands where `|` is in `after`. */
function lands(before: string, after: string): void {
  const at = before.indexOf('|');
  const text = before.replace('|', '');
  const expected = after.indexOf('|');
  expect(caretAcrossVersions(text, after.replace('|', ''), at)).toBe(expected);
}

describe('the caret across versions of a text', () => {
  it('stays by its words when text is added or removed before it', () => {
    lands('One two| three.', 'Added. One two| three.');
    lands('Added. One two| three.', 'One two| three.');
  });

  it('stays put when the text changed after it', () => {
    lands('One two| three.', 'One two| three. Four.');
    lands('One| two three.', 'One| two.');
  });

  it('goes to the end of what replaced the words it was in', () => {
    lands('One tw|o three.', 'One 2|three.');
  });

  it('stays within the text when the new version is empty or the same', () => {
    lands('Words|', '|');
    lands('Sa|me', 'Sa|me');
  });
});
