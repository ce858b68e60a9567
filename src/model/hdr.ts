/**
 * The HDR pseudo-random number generator, version 2.0 (`HDR_2_0` in the SIPmath 3.0 standard): a
 * counter-based generator that gives the same uniform for the same (counter, variable, entity,
 * seed3, seed4) in any tool, so any SIPmath tool reproduces the same trials.
 *
 * Notes: with i the trial counter (`PM_Index`, 1, 2, …), v the variable id, e the entity, s3 and s4
 * the extra seeds,
 *
 *   A = ((999999999999989 mod ((i·2499997 + v·1800451 + e·2000371 + s3·1796777 + s4·2299603) mod 7450589 · 4658 + 7450581)) · 383) mod 99991
 *   B = ((999999999999989 mod ((i·2246527 + v·2399993 + e·2100869 + s3·1918303 + s4·1624729) mod 7450987 · 7580 + 7560584)) · 17669) mod 7440893
 *   u = (((A · 7440893 + B) · 1343) mod 2^32 + 0.5) / 2^32
 *
 * Every intermediate is an integer below 2^53, so double arithmetic is exact: each product of a
 * seed and a constant is reduced modulo 7450589 (or 7450987) before it is added, which leaves the
 * sum unchanged modulo that number and keeps it small for seeds up to 2^53.
 *
 * References: D. W. Hubbard, "A multi-dimensional, counter-based pseudo random number generator as
 * a standard for Monte Carlo simulations", Proc. 2019 Winter Simulation Conference; ProbabilityManagement.org,
 * SIPmath 3.0 standard (`HDR_2_0`, arguments counter, varId, entity, seed3, seed4); reference
 * implementation probability-management/PySIPmath (`PySIP/chanceCalc.py`, `hdr`).
 */

/** The seeds of one HDR stream: SIPmath's `varId`, `entity`, `seed3` and `seed4`. */
export interface HdrSeed {
  /** The variable's id: two variables with different ids are independent. */
  readonly varId: number;
  /** The entity (the organisation running the simulation); SIPmath tools default to 1. */
  readonly entity: number;
  readonly seed3: number;
  readonly seed4: number;
}

const TWO_32 = 4294967296;
const BIG = 999999999999989;

/** (x · k) mod m for a non-negative integer x < 2^53 and k, m below 2^23: exact in doubles. */
function term(x: number, k: number, m: number): number {
  return ((x % m) * k) % m;
}

/**
 * The uniform on (0, 1) of one trial of one stream.
 * @param counter the trial, 1-based (`PM_Index`); a non-negative integer below 2^53
 * @param seed the stream's seeds; non-negative integers below 2^53
 * @returns a number in (0, 1): (n + 0.5) / 2^32 for an integer n from 0 to 2^32 − 1
 * @example hdrUniform(1, { varId: 1, entity: 1, seed3: 0, seed4: 0 }) // 0.9097355402773246
 */
export function hdrUniform(counter: number, seed: HdrSeed): number {
  const m1 = 7450589;
  const s1 =
    (term(counter, 2499997, m1) +
      term(seed.varId, 1800451, m1) +
      term(seed.entity, 2000371, m1) +
      term(seed.seed3, 1796777, m1) +
      term(seed.seed4, 2299603, m1)) %
    m1;
  const a = ((BIG % (s1 * 4658 + 7450581)) * 383) % 99991;
  const m2 = 7450987;
  const s2 =
    (term(counter, 2246527, m2) +
      term(seed.varId, 2399993, m2) +
      term(seed.entity, 2100869, m2) +
      term(seed.seed3, 1918303, m2) +
      term(seed.seed4, 1624729, m2)) %
    m2;
  const b = ((BIG % (s2 * 7580 + 7560584)) * 17669) % 7440893;
  return ((((a * 7440893 + b) * 1343) % TWO_32) + 0.5) / TWO_32;
}

/**
 * The uniforms of trials 1 to `trials` of one stream, in order.
 * @param trials how many; a non-negative integer
 * @param seed the stream's seeds
 */
export function hdrUniforms(trials: number, seed: HdrSeed): Float64Array {
  const out = new Float64Array(trials);
  for (let i = 0; i < trials; i++) out[i] = hdrUniform(i + 1, seed);
  return out;
}
