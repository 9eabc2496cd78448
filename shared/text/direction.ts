/** The scripts written right to left (their letters are the strong right-to-left characters). */
const rightToLeftLetter =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;
const letter = /\p{L}/u;

/** Whether the text has any letter of a script written right to left. */
export function containsRightToLeft(text: string): boolean {
  return rightToLeftLetter.test(text);
}

/**
 * The direction a text runs in, as a browser decides for dir="auto": that of its first letter
 * (digits, punctuation and symbols have none). Null for a text without letters.
 */
export function textDirection(text: string): 'ltr' | 'rtl' | null {
  for (const character of text) {
    if (!letter.test(character)) continue;
    return rightToLeftLetter.test(character) ? 'rtl' : 'ltr';
  }
  return null;
}
