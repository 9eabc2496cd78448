/** Walks that once broke an invariant, replayed on every run: the seed, how far, and what it found. */
export interface RegressionSeed {
  readonly seed: number;
  readonly steps: number;
  readonly found: string;
}

export const regressionSeeds: readonly RegressionSeed[] = [];
