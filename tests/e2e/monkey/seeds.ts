/** Walks that once broke an invariant, replayed on every run: the seed, how far, and what it found. */
export interface RegressionSeed {
  readonly seed: number;
  readonly steps: number;
  /** How many of the monkey's actions there were when it was found: its walk draws from those alone. */
  readonly actions: number;
  readonly found: string;
}

export const regressionSeeds: readonly RegressionSeed[] = [
  {
    seed: 1183668014,
    steps: 40,
    actions: 21,
    found:
      'A title typed, then another draft opened: the page said Saved but the library held the words in another draft. A read of the draft while it was saved wrote its previous copy back, and opening the open draft again remounted the editor without its unsent edits (fixed with theme2).',
  },
];
