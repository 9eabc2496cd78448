const markdownSyntax = /[#>*_`~[\]()!|-]+/g;
/** An image, `![alt](destination "caption")`: what it shows is not words of the text. */
const image = /!\[(?:\\[\s\S]|[^\\\]])*\]\([^)]*\)/g;
/** Where a link goes, `(https://…)`, `(mailto:…)`, `(media:…)`: an address, not words. */
const destination = /\((?:https?:\/\/|mailto:|media:)[^)\s]*(?:\s+"[^"]*")?\)/g;

/**
 * Words in a text as a writer counts them: markdown syntax, addresses and images (their alt text
 * and caption too, which readers of the page do not read as the text) are not words.
 */
export function countWords(text: string): number {
  const plain = text.replace(image, ' ').replace(destination, ' ').replace(markdownSyntax, ' ');
  let count = 0;
  for (const word of plain.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(word)) count += 1;
  return count;
}
