/** "1 draft", "2 drafts": a count and its noun, for the archive reports' English words. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
