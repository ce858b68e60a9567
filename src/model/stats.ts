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

/** Ranks from 1, ties sharing the mean of the ranks they span (as Excel's RANK.AVG, ascending). */
export function ranks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Float64Array(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]!] = rank;
    i = j + 1;
  }
  return out;
}

/** Pearson's correlation of two samples of equal length; `undefined` where either does not vary. */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number | undefined {
  const n = x.length;
  const mx = mean(x);
  const my = mean(y);
  if (mx === undefined || my === undefined || y.length !== n) return undefined;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? undefined : sxy / Math.sqrt(sxx * syy);
}

/**
 * Spearman's rank correlation: Pearson's correlation of the ranks. Its square is the share of the
 * output's rank variance an input explains on its own, the importance measure beside a tornado.
 *
 * References: C. Spearman, "The proof and measurement of association between two things", American
 * Journal of Psychology 15 (1904); A. Saltelli et al., Global Sensitivity Analysis: The Primer
 * (Wiley, 2008), ch. 1 (rank-based importance measures).
 */
export function rankCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number | undefined {
  return correlation(ranks(x), ranks(y));
}
