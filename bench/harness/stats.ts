/** Summary statistics for benchmark samples (nearest-rank percentiles, no interpolation). */

function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new Error('No samples to summarise.');
  if (values.some((v) => !Number.isFinite(v))) throw new Error(`Not a finite sample: ${values}`);
  return [...values].sort((a, b) => a - b);
}

/** The median; the mean of the two middle samples when their number is even. */
export function median(values: readonly number[]): number {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The nearest-rank p-th percentile: the smallest sample with at least p% at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (p <= 0 || p > 100) throw new Error(`Percentile out of range: ${p}`);
  const s = sorted(values);
  return s[Math.ceil((p / 100) * s.length) - 1]!;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
