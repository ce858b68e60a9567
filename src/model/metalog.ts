/**
 * The 3-term Metalog distribution fitted in closed form to a symmetric percentile triplet (P10, P50,
 * P90 by default), unbounded or bounded below, above or on both sides, and its quantile function.
 *
 * Notes: the 3-term Metalog quantile function is
 *
 *   M(y) = a1 + a2·L(y) + a3·(y − 0.5)·L(y),  L(y) = ln(y / (1 − y)),  0 < y < 1.
 *
 * Fitted to the quantiles q1, q2, q3 at α, 0.5, 1 − α (r = ln((1 − α)/α)), the three equations give
 *
 *   a1 = q2,  a2 = (q3 − q1) / (2r),  a3 = (q1 + q3 − 2·q2) / ((1 − 2α)·r).
 *
 * Bounds work through a transform of the quantiles before the fit and its inverse after: bounded
 * below z = ln(q − lb), x = lb + e^M; above z = −ln(ub − q), x = ub − e^−M; both
 * z = ln((q − lb)/(ub − q)), x = (lb + ub·e^M)/(1 + e^M).
 *
 * The 3-term Metalog is a valid distribution (M increasing on (0, 1)) if and only if a2 > 0 and
 * |a3|/a2 < 1/max|g| = 1.66711…, where g(y) = y(1 − y)·L(y) + y − 0.5: M′(y)·y(1 − y)/a2 = 1 + (a3/a2)·g(y).
 *
 * References: T. W. Keelin, "The Metalog Distributions", Decision Analysis 13(4), 2016, pp. 243-277
 * (equations and the feasibility condition for three terms); metalogdistributions.com (equations);
 * SIPmath 3.0 standard, `Metalog_1_0` (coefficients and bounds of a SIP library).
 */
import { invalid } from './errors';

/** A fitted 3-term Metalog: its coefficients and the bounds it was fitted under. */
export interface Metalog3 {
  readonly a1: number;
  readonly a2: number;
  readonly a3: number;
  readonly lower?: number;
  readonly upper?: number;
}

/**
 * 1 / max over (0, 1) of |y(1 − y)·ln(y/(1 − y)) + y − 0.5|: the largest |a3|/a2 for which a 3-term
 * Metalog is increasing. The maximum is where (1 − 2y)·ln(y/(1 − y)) + 2 = 0, y ≈ 0.0832215
 * (test/model/metalog.test.ts finds it again by bisection).
 */
export const METALOG3_MAX_RATIO = 1.6671131192;

/** The percentile triplet and optional bounds of a fit, by the names Excel shows. */
export interface Triplet {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly lower?: number;
  readonly upper?: number;
}

const show = (x: number): string => String(Number(x.toPrecision(6)));

/** The transform of a quantile under the bounds (the identity when unbounded). */
function toZ(q: number, lower: number | undefined, upper: number | undefined): number {
  if (lower !== undefined && upper !== undefined) return Math.log((q - lower) / (upper - q));
  if (lower !== undefined) return Math.log(q - lower);
  if (upper !== undefined) return -Math.log(upper - q);
  return q;
}

/**
 * Fits the 3-term Metalog to a symmetric triplet.
 * @param t the P10, P50 and P90 (or the quantiles at α, 0.5 and 1 − α), in the variable's unit, and
 *   optional bounds: lower < p10 and p90 < upper
 * @param alpha the lower percentile as a fraction; default 0.1
 * @returns the coefficients a1, a2, a3 and the bounds
 * @throws ModelError `INVALID_ARGUMENT` naming the condition that fails: the triplet not strictly
 *   increasing, a percentile on or beyond a bound, or a triplet too skewed for three terms
 * @example fitMetalog3({ p10: 10, p50: 20, p90: 30 }) // { a1: 20, a2: 10 / ln 9, a3: 0 }
 */
export function fitMetalog3(t: Triplet, alpha = 0.1): Metalog3 {
  const { p10, p50, p90, lower, upper } = t;
  if (!(p10 < p50)) throw invalid('p50', `p50 must be greater than p10: got p10 = ${show(p10)}, p50 = ${show(p50)}`);
  if (!(p50 < p90)) throw invalid('p90', `p90 must be greater than p50: got p50 = ${show(p50)}, p90 = ${show(p90)}`);
  if (lower !== undefined && upper !== undefined && !(lower < upper)) {
    throw invalid('upper_bound', `upper_bound must be greater than lower_bound: got ${show(lower)} and ${show(upper)}`);
  }
  if (lower !== undefined && !(lower < p10))
    throw invalid('lower_bound', `lower_bound must be less than p10: got lower_bound = ${show(lower)}, p10 = ${show(p10)}`);
  if (upper !== undefined && !(p90 < upper))
    throw invalid('upper_bound', `upper_bound must be greater than p90: got upper_bound = ${show(upper)}, p90 = ${show(p90)}`);
  const [z1, z2, z3] = [toZ(p10, lower, upper), toZ(p50, lower, upper), toZ(p90, lower, upper)];
  const r = Math.log((1 - alpha) / alpha);
  const a1 = z2;
  const a2 = (z3 - z1) / (2 * r);
  const a3 = (z1 + z3 - 2 * z2) / ((1 - 2 * alpha) * r);
  const ratio = a3 / a2;
  if (!(Math.abs(ratio) < METALOG3_MAX_RATIO)) {
    const side = ratio > 0 ? 'p50 is too close to p10' : 'p50 is too close to p90';
    const scale = lower !== undefined || upper !== undefined ? ' (on the bounded scale)' : '';
    throw invalid(
      'p50',
      `the triplet is too skewed for a 3-term Metalog: ${side}${scale}; |a3/a2| = ${show(Math.abs(ratio))} must be below ${show(METALOG3_MAX_RATIO)}. Move p50 towards the middle of p10 and p90, or widen the range`,
    );
  }
  return { a1, a2, a3, ...(lower === undefined ? {} : { lower }), ...(upper === undefined ? {} : { upper }) };
}

/** The bounds of a Metalog: none, below, above or both. */
export interface MetalogBounds {
  readonly lower?: number;
  readonly upper?: number;
}

/**
 * The k-th basis function of the Metalog at y (k from 1): 1, L, (y − 0.5)L, y − 0.5, then
 * (y − 0.5)^((k − 1)/2) for odd k ≥ 5 and (y − 0.5)^(k/2 − 1)·L for even k ≥ 6, with L = ln(y/(1 − y))
 * (Keelin 2016, equation 6).
 */
function basis(k: number, y: number, l: number): number {
  const c = y - 0.5;
  if (k === 1) return 1;
  if (k === 2) return l;
  if (k === 3) return c * l;
  if (k === 4) return c;
  return k % 2 === 1 ? c ** ((k - 1) / 2) : c ** (k / 2 - 1) * l;
}

/** The inverse of the bounds' transform: lb + e^z, ub − e^−z, (lb + ub·e^z)/(1 + e^z), or z itself. */
function fromZ(z: number, { lower, upper }: MetalogBounds): number {
  if (lower !== undefined && upper !== undefined) {
    // (lb + ub·e^z) / (1 + e^z), written so that e^z never overflows.
    if (z > 0) {
      const e = Math.exp(-z);
      return (lower * e + upper) / (e + 1);
    }
    const e = Math.exp(z);
    return (lower + upper * e) / (1 + e);
  }
  if (lower !== undefined) return lower + Math.exp(z);
  if (upper !== undefined) return upper - Math.exp(-z);
  return z;
}

/**
 * The quantile of a Metalog with any number of terms (SIPmath's `Metalog_1_0`: its `aCoefficients`
 * and bounds) at cumulative probability y.
 * @param a the coefficients a1 … ak (k ≥ 1)
 * @param y a probability strictly between 0 and 1
 * @param bounds the bounds the coefficients were fitted under
 * @returns the value x with P(X ≤ x) = y, in the variable's unit
 */
export function metalogValue(a: readonly number[], y: number, bounds: MetalogBounds = {}): number {
  const l = Math.log(y / (1 - y));
  let z = 0;
  for (let k = 0; k < a.length; k++) z += a[k]! * basis(k + 1, y, l);
  return fromZ(z, bounds);
}

/**
 * The quantile of a fitted 3-term Metalog at cumulative probability y.
 * @param m the fitted distribution
 * @param y a probability strictly between 0 and 1
 * @returns the value x with P(X ≤ x) = y, in the variable's unit
 */
export function metalogQuantile(m: Metalog3, y: number): number {
  const l = Math.log(y / (1 - y));
  return fromZ(m.a1 + m.a2 * l + m.a3 * (y - 0.5) * l, m);
}
