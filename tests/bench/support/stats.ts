/** Median and 95th percentile of a sample, in the sample's unit. */
export function summarizeSample(sample: readonly number[]): { median: number; p95: number } {
  const sorted = [...sample].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

export async function timeEach(times: number, run: (index: number) => Promise<unknown>): Promise<number[]> {
  const sample: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const start = performance.now();
    await run(index);
    sample.push(performance.now() - start);
  }
  return sample;
}

export function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}
