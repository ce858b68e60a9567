/**
 * Time paths: a linear ramp between two levels, a munitions stock period by period, a fund's bond
 * schedule, and money converted between price years. Scalar kernels over plain numbers and series;
 * argument checks and broadcasting live with the functions that wrap them.
 *
 * Periods are numbered from 1. A series is one value per period, in order.
 */
import type { PriceIndex } from '../data/deflators';
import { invalid, notCovered } from './errors';

/**
 * A linear ramp: `from` up to period `start`, `to` from period `start + length` on, linear between.
 *
 * Notes: v(t) = from + (to − from)·(t − start)/length for start < t < start + length; v(t) = from for
 * t ≤ start and v(t) = to for t ≥ start + length (so a length of 0 is a step at `start`).
 *
 * @param from the level before the ramp, in the series' unit
 * @param to the level after it
 * @param periods how many periods; a whole number ≥ 1
 * @param start the last period at `from`; ≥ 1
 * @param length periods from `start` to the first at `to`; ≥ 0
 * @returns `periods` values
 * @example ramp(1, 2, 5, 1, 4) // [1, 1.25, 1.5, 1.75, 2]
 */
export function ramp(from: number, to: number, periods: number, start: number, length: number): Float64Array {
  const out = new Float64Array(periods);
  for (let t = 1; t <= periods; t++) {
    out[t - 1] = t >= start + length ? to : t <= start ? from : from + ((to - from) * (t - start)) / length;
  }
  return out;
}

/**
 * End-of-period stocks of munitions drawn down by use and rebuilt by production.
 *
 * Notes: s(0) = stock, s(t) = max(0, s(t − 1) + (p(t) − u(t))·d), with u and p in rounds per day
 * and d the days in a period. A stock cannot go below zero: what is fired beyond it is not fired.
 *
 * @param stock rounds at the start; ≥ 0
 * @param use rounds fired per day in each period; ≥ 0
 * @param production rounds added per day in each period; ≥ 0
 * @param daysPerPeriod days in a period (365/12 for months); > 0
 * @returns one end-of-period stock per period, in rounds
 * @example munitionPath(100, [10, 10, 10], [0, 0, 0], 5) // [50, 0, 0]
 */
export function munitionPath(stock: number, use: ArrayLike<number>, production: ArrayLike<number>, daysPerPeriod: number): Float64Array {
  const out = new Float64Array(use.length);
  let s = stock;
  for (let t = 0; t < use.length; t++) {
    s = Math.max(0, s + (production[t]! - use[t]!) * daysPerPeriod);
    out[t] = s;
  }
  return out;
}

/** The first period (1-based) in which a path is at or below `level`, or `undefined` if never. */
export function firstPeriodAtOrBelow(path: ArrayLike<number>, level: number): number | undefined {
  for (let t = 0; t < path.length; t++) if (path[t]! <= level) return t + 1;
  return undefined;
}

/** The first period (1-based) in which a path is at or above `level`, or `undefined` if never. */
export function firstPeriodAtOrAbove(path: ArrayLike<number>, level: number): number | undefined {
  for (let t = 0; t < path.length; t++) if (path[t]! >= level) return t + 1;
  return undefined;
}

/** The columns of a fund schedule, in order. */
export const SCHEDULE_COLUMNS = ['issued', 'outstanding', 'interest', 'redemptions', 'guarantees'] as const;

/** One year of a fund schedule, in the currency of the amounts. */
export type ScheduleRow = Readonly<Record<(typeof SCHEDULE_COLUMNS)[number], number>>;

/**
 * A fund financed by bonds: what it issues, owes, pays and has guaranteed, year by year.
 *
 * Notes: bonds issued at the start of year t pay a coupon every year they are outstanding and are
 * redeemed at the end of year t + m − 1 (m the maturity in years). With I(t) the issue of year t:
 * outstanding O(t) = Σ I(k) for k from max(1, t − m + 1) to t; interest r·O(t); redemptions
 * I(t − m + 1) (0 before year m); guarantees g·O(t). With a constant issue I, O(t) = min(t, m)·I:
 * the debt levels off at m·I from year m on. The guarantees are a stock (outstanding), not a flow.
 *
 * @param issues the amount issued in each year, in a currency; ≥ 0
 * @param rate the coupon as a fraction a year (0.03 for 3 %)
 * @param maturity years to redemption; a whole number ≥ 1
 * @param overGuarantee guarantees per unit of debt outstanding (the EFSF's 1.65)
 * @returns one row per year of `issues`
 * @example fundSchedule([10, 10, 10], 0.03, 2, 1.65)[2] // { issued: 10, outstanding: 20, interest: 0.6, redemptions: 10, guarantees: 33 }
 */
export function fundSchedule(issues: ArrayLike<number>, rate: number, maturity: number, overGuarantee: number): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  for (let t = 0; t < issues.length; t++) {
    // Summed afresh each year (at most `maturity` terms) rather than carried forward, so a level
    // debt stays exactly level instead of drifting by rounding.
    let outstanding = 0;
    for (let k = Math.max(0, t - maturity + 1); k <= t; k++) outstanding += issues[k]!;
    const redemptions = t - maturity + 1 >= 0 ? issues[t - maturity + 1]! : 0;
    rows.push({ issued: issues[t]!, outstanding, interest: rate * outstanding, redemptions, guarantees: overGuarantee * outstanding });
  }
  return rows;
}

/**
 * An amount converted from the prices of one year to those of another.
 *
 * Notes: amount × index(toYear) / index(fromYear).
 *
 * @param amount money in `fromYear` prices
 * @param fromYear its price year; a year the index covers
 * @param toYear the price year wanted; a year the index covers
 * @param index the price index (the euro-area HICP shipped in `src/data/deflators.ts`)
 * @throws ModelError `NOT_COVERED` for a year the index does not cover, naming the years it does
 * @example deflate(120000, 2011, 2024, HICP_EA) // 158,147.6 (120,000 × 126.07 / 95.66)
 */
export function deflate(amount: number, fromYear: number, toYear: number, index: PriceIndex): number {
  const years = Object.keys(index.values).map(Number);
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  const at = (year: number, parameter: string): number => {
    if (!Number.isInteger(year)) throw invalid(parameter, `${parameter} must be a whole year; got ${year}`);
    const v = index.values[year];
    if (v === undefined) throw notCovered(parameter, `${parameter} ${year} is outside the ${index.id} index, which covers ${lo} to ${hi}`);
    return v;
  };
  // The ratio first: the same year gives exactly 1, so the amount comes back unchanged.
  return amount * (at(toYear, 'to_year') / at(fromYear, 'from_year'));
}
