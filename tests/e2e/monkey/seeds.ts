/** Walks that once broke an invariant, replayed on every run: the seed, how far, and what it found. */
export interface RegressionSeed {
  readonly seed: number;
  readonly steps: number;
  readonly found: string;
}

export const regressionSeeds: readonly RegressionSeed[] = [
  {
    seed: 1183668014,
    steps: 40,
    found:
      'A title typed, then another draft opened: the page said Saved but the library held the words in another draft. A read of the draft while it was saved wrote its previous copy back, and opening the open draft again remounted the editor without its unsent edits (fixed with theme2).',
  },
];
