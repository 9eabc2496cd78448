const markdownSyntax = /[#>*_`~[\]()!|-]+/g;

/** Words in a text as a writer counts them: markdown syntax and URLs are not words. */
export function countWords(text: string): number {
  const plain = text.replace(/\(https?:\/\/[^)\s]*\)/g, ' ').replace(markdownSyntax, ' ');
  let count = 0;
  for (const word of plain.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(word)) count += 1;
  return count;
}
