/**
 * Force sizing by analogy: how many personnel a peace-enforcement force needs for a given zone,
 * and what it costs.
 *
 * References: J. T. Quinlivan, "Burden of Victory: The Painful Arithmetic of Stability Operations",
 * RAND Review, Summer 2003 (force requirements scale with what is to be covered); the brief sizes its
 * force by analogy with UNIFIL (Gilli, Gilli and Petrelli, IEP@BU commentary 187, 26 March 2025).
 */
import { findPrecedent, PRECEDENTS } from '../data/precedents';
import type { Precedent } from '../data/types';
import { type ChoiceParam, checkChoice, choices, dimsOf, must, type NumberParam } from './args';
import { ModelError, notCovered } from './errors';
import { broadcast, broadcastShape } from './grid';
import { evaluate, type NumericModel, overflow } from './numeric';

const extent: NumberParam = { name: 'extent', unit: 'km of line, km² of zone or thousands of inhabitants', min: 0 };
const density: NumberParam = { name: 'density', unit: 'personnel per unit of extent', min: 0 };
const rotation: NumberParam = { name: 'rotation', unit: 'units generated per unit deployed', min: 1, default: 1 };
const enablerShare: NumberParam = {
  name: 'enabler_share',
  unit: 'fraction of the whole force in support roles',
  min: 0,
  max: 1,
  maxExclusive: true,
  default: 0,
};

/**
 * Personnel required to cover an extent at a density.
 *
 * Notes: P = E × d × r / (1 − s), with E the extent, d the density per unit of extent, r the
 * force-generation (rotation) multiplier and s the share of enablers in the whole force.
 *
 * @param extent km of line, km² of zone, or thousands of inhabitants: whatever `density` is per; ≥ 0
 * @param density personnel per unit of extent (see {@link forceDensity}); ≥ 0
 * @param rotation units generated per unit deployed; ≥ 1; 1 (default) gives the deployed force
 * @param enablerShare share of the whole force in support roles, in [0, 1); default 0
 * @returns personnel (persons)
 * @example forceSize(1040 * 4, 10000 / 1060) // 39,245 deployed: the brief's line at UNIFIL's density
 */
export function forceSize(extent: number, density: number, rotation?: number, enablerShare?: number): number {
  return evaluate(FORCE_SIZE, [extent, density, rotation, enablerShare]);
}

/**
 * The product of three non-negative factors, multiplied smallest by largest first, so that a
 * product in range is never lost to an intermediate overflow or underflow: 1e200 × 1e200 × 1e-300
 * is 1e100 (in order: Infinity), and 1e-200 × 1e-200 × 1e200 is 1e-200 (in order: 0). Branch-free:
 * the three are ordered with Math.min and Math.max, with no array to sort.
 */
/** The smallest positive normal double (2^−1022): below it a product keeps fewer significant digits. */
const MIN_NORMAL = 2.2250738585072014e-308;

export const ordered = (a: number, b: number, c: number): number => {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return Math.min(lo, c) * Math.max(hi, c) * Math.max(lo, Math.min(hi, c));
};

/**
 * E × d × r, ordered (see {@link ordered}), then divided by 1 − s ∈ (0, 1], which only makes it
 * larger: a tiny extent at a tiny density is no longer lost to 0 when the product is representable.
 */
const size = (e: number, d: number, r: number, s: number): number => ordered(e, d, r) / (1 - s);

export const FORCE_SIZE: NumericModel = {
  params: [extent, density, rotation, enablerShare],
  f: size,
  explain: overflow,
  explainReads: [],
  row: (out, n, [l0, l1, l2, l3]) => {
    const { v: v0, o: o0, s: s0 } = l0!,
      { v: v1, o: o1, s: s1 } = l1!,
      { v: v2, o: o2, s: s2 } = l2!,
      { v: v3, o: o3, s: s3 } = l3!;
    const k0 = v0[o0]!,
      k1 = v1[o1]!,
      k2 = v2[o2]!,
      k3 = v3[o3]!;
    let check = 0;
    for (let j = 0; j < n; j++)
      check +=
        (out[j] = size(s0 === 0 ? k0 : v0[o0 + j]!, s1 === 0 ? k1 : v1[o1 + j]!, s2 === 0 ? k2 : v2[o2 + j]!, s3 === 0 ? k3 : v3[o3 + j]!)) * 0;
    return check === 0;
  },
};

const tourMonths: NumberParam = { name: 'tour_months', unit: 'months deployed per tour', min: 0, minExclusive: true };
const intervalMonths: NumberParam = { name: 'interval_months', unit: 'months between tours', min: 0 };

/**
 * Force-generation multiplier: how many units must exist to keep one deployed.
 *
 * Notes: r = (t + i) / t, with t the tour length and i the interval between tours.
 * References: UK Harmony Guidelines (6-month tours, 24-month interval: r = 5), Iraq Inquiry report,
 * section 16.1.
 *
 * @param tourMonths months deployed per tour; > 0
 * @param intervalMonths months between tours; ≥ 0
 * @returns units per unit deployed (≥ 1)
 * @example forceRotation(6, 24) // 5
 */
export function forceRotation(tourMonths: number, intervalMonths: number): number {
  return evaluate(FORCE_ROTATION, [tourMonths, intervalMonths]);
}

/** 1 + i / t rather than (t + i) / t, which overflows for huge equal inputs. */
const rotationOf = (t: number, i: number): number => 1 + i / t;

export const FORCE_ROTATION: NumericModel = {
  params: [tourMonths, intervalMonths],
  f: rotationOf,
  explain: overflow,
  explainReads: [],
  row: (out, n, [l0, l1]) => {
    const { v: v0, o: o0, s: s0 } = l0!,
      { v: v1, o: o1, s: s1 } = l1!;
    const k0 = v0[o0]!,
      k1 = v1[o1]!;
    let check = 0;
    for (let j = 0; j < n; j++) check += (out[j] = rotationOf(s0 === 0 ? k0 : v0[o0 + j]!, s1 === 0 ? k1 : v1[o1 + j]!)) * 0;
    return check === 0;
  },
};

const personnel: NumberParam = { name: 'personnel', unit: 'persons', min: 0 };
const costPerYear: NumberParam = { name: 'cost_per_year', unit: 'currency per person per year', min: 0 };
const years: NumberParam = { name: 'years', unit: 'years', min: 0, default: 1 };

/**
 * Cost of keeping a force: personnel × cost per person-year × years.
 *
 * @param personnel persons; ≥ 0
 * @param costPerYear cost per person per year, in any currency unit; ≥ 0
 * @param years duration in years; ≥ 0; default 1
 * @returns cost in the currency unit of `costPerYear`
 * @example forceCost(40000, 120000) // 4.8e9: 40,000 troops at EUR 120,000 a year
 */
export function forceCost(personnel: number, costPerYear: number, years?: number): number {
  return evaluate(FORCE_COST, [personnel, costPerYear, years]);
}

/**
 * p × c × y, multiplied smallest by largest first so that a product in range is never lost to an
 * intermediate overflow (1e200 × 1e200 × 0 is 0, and × 1e-300 is 1e100). Inputs are ≥ 0.
 */
const cost = (p: number, c: number, y: number): number => {
  // The plain product where it is exact enough: p × c neither overflows nor leaves the normal
  // range (where it would lose digits), so (p × c) × y is correctly rounded like any product of
  // three. Otherwise the ordered product, which saves what an intermediate would lose.
  const t = p * c;
  return (t >= MIN_NORMAL && t < Infinity) || (t === 0 && (p === 0 || c === 0)) ? t * y : ordered(p, c, y);
};

export const FORCE_COST: NumericModel = {
  params: [personnel, costPerYear, years],
  f: cost,
  explain: overflow,
  explainReads: [],
  row: (out, n, [l0, l1, l2]) => {
    const { v: v0, o: o0, s: s0 } = l0!,
      { v: v1, o: o1, s: s1 } = l1!,
      { v: v2, o: o2, s: s2 } = l2!;
    const k0 = v0[o0]!,
      k1 = v1[o1]!,
      k2 = v2[o2]!;
    let check = 0;
    for (let j = 0; j < n; j++) check += (out[j] = cost(s0 === 0 ? k0 : v0[o0 + j]!, s1 === 0 ? k1 : v1[o1 + j]!, s2 === 0 ? k2 : v2[o2 + j]!)) * 0;
    return check === 0;
  },
};

/** What a density is per: km² of zone, km of line, or thousands of inhabitants. */
export type DensityBasis = 'km2' | 'km' | 'per1000';

const BASES: Readonly<Record<DensityBasis, { what: string; of: (p: Precedent) => number | undefined }>> = {
  km2: { what: 'area (km²)', of: (p) => p.areaKm2 },
  km: { what: 'line length (km)', of: (p) => p.lineKm },
  per1000: { what: 'population', of: (p) => (p.population === undefined ? undefined : p.population / 1000) },
};

export const precedentParam: ChoiceParam<Precedent> = {
  name: 'precedent',
  resolve: findPrecedent,
  accepted: `one of ${PRECEDENTS.map((p) => p.id).join(', ')}`,
};

export const basisParam: ChoiceParam<DensityBasis> = {
  name: 'basis',
  resolve: (t) => {
    const b = t.toLowerCase();
    return b === 'km2' || b === 'km' || b === 'per1000' ? b : undefined;
  },
  accepted: 'km2 (troops per km² of zone), km (per km of line) or per1000 (per thousand inhabitants)',
  default: 'km2',
};

function densityOf(p: Precedent, basis: DensityBasis): number {
  const denominator = BASES[basis].of(p);
  if (denominator === undefined || !(denominator > 0)) {
    const has = (Object.keys(BASES) as DensityBasis[]).filter((b) => BASES[b].of(p) !== undefined);
    throw notCovered('basis', `${p.id} has no ${BASES[basis].what} in the reference data; use basis ${has.join(' or ')}`);
  }
  return p.troops / denominator;
}

/**
 * Troops per unit of a basis for a precedent mission.
 *
 * Notes: d = troops / (area in km², line length in km, or inhabitants / 1000).
 *
 * @param precedent `UNIFIL`, `UNIFIL_AUTHORISED`, `KFOR`, `IFOR`, `UNFICYP` or `KOREA_DMZ`
 * @param basis `km2` (default), `km` or `per1000`, any case
 * @returns troops per km², per km, or per thousand inhabitants
 * @throws ModelError `NOT_COVERED` where the precedent has no figure for the basis
 * @example forceDensity('UNIFIL') // 9.434 = 10,000 / 1,060 km² (UNIFIL press release, 7 Dec 2018)
 */
export function forceDensity(precedent: string, basis: string = 'km2'): number {
  return densityOf(must(checkChoice(precedentParam, precedent)), must(checkChoice(basisParam, basis)));
}

/** {@link forceDensity} broadcast over ranges of precedents and bases. */
export function liftForceDensity<E>(rawPrecedent: unknown, rawBasis: unknown, onError: (e: ModelError) => E): (number | E)[][] {
  broadcastShape([dimsOf(precedentParam.name, rawPrecedent), dimsOf(basisParam.name, rawBasis)]);
  const p = choices(precedentParam, rawPrecedent);
  const b = choices(basisParam, rawBasis);
  return broadcast([p, b], (ix) => densityOf(p.values[ix[0]!]!, b.values[ix[1]!]!), onError);
}
