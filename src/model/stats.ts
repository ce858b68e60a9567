/**
 * Summary statistics of a sample of trials.
 *
 * References: Microsoft, PERCENTILE.INC function (Excel): for sorted values x1 ≤ … ≤ xn and a
 * fraction p in [0, 1], the rank h = (n − 1)·p, and the percentile x⌊h⌋+1 + (h − ⌊h⌋)(x⌊h⌋+2 − x⌊h⌋+1).
 */

/** The arithmetic mean; `undefined` for no values. */
export function mean(values: ArrayLike<number>): number | undefined {
  if (values.length === 0) return undefined;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s / values.length;
}

/**
 * Excel's PERCENTILE.INC of values already sorted ascending.
 * @param sorted the sample, ascending; at least one value
 * @param p the percentile as a fraction, 0 to 1
 */
export function percentileInc(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const k = Math.floor(h);
  const lo = sorted[k]!;
  const hi = sorted[Math.min(k + 1, sorted.length - 1)]!;
  return lo + (h - k) * (hi - lo);
}
