/**
 * Munitions: how long a stockpile lasts under net consumption, the stock a goal in days requires,
 * and how long regeneration takes.
 *
 * References: the brief's France figure (nine days of munitions for high-intensity combat, RAND 2021
 * via Gilli, Gilli and Petrelli 2025); NATO's 30-day stockpile guideline (Reuters, 6 Jul 2016).
 */
import type { NumberParam } from './args';
import { noFiniteAnswer } from './errors';
import { evaluate, type NumericModel, overflow } from './numeric';

const stock: NumberParam = { name: 'stock', unit: 'rounds', min: 0 };
const dailyUse: NumberParam = { name: 'daily_use', unit: 'rounds per day', min: 0 };
const dailyProduction: NumberParam = { name: 'daily_production', unit: 'rounds per day', min: 0, default: 0 };

/**
 * Days until a stock runs out.
 *
 * Notes: D = S / (u − p), with S the stock, u the daily use and p the daily production. Where
 * p ≥ u the stock never runs out: no finite answer.
 *
 * @param stock rounds on hand; ≥ 0
 * @param dailyUse rounds fired per day; ≥ 0
 * @param dailyProduction rounds delivered per day; ≥ 0; default 0
 * @returns days
 * @throws ModelError `NO_FINITE_ANSWER` where production covers use
 * @example munitionDays(90000, 10000) // 9
 */
export function munitionDays(stock: number, dailyUse: number, dailyProduction?: number): number {
  return evaluate(MUNITION_DAYS, [stock, dailyUse, dailyProduction]);
}

/** Not finite where production covers use (s / 0, or 0 / 0): the stock never runs out. */
const daysOf = (s: number, u: number, p: number): number => s / Math.max(u - p, 0);

export const MUNITION_DAYS: NumericModel = {
  params: [stock, dailyUse, dailyProduction],
  f: daysOf,
  explain: ([, u, p]) =>
    p! >= u! ? noFiniteAnswer('daily_production', `the stock never runs out: daily_production (${p}) covers daily_use (${u})`) : overflow(),
  explainReads: [1, 2],
  row: (out, n, [l0, l1, l2]) => {
    const { v: v0, o: o0, s: s0 } = l0!,
      { v: v1, o: o1, s: s1 } = l1!,
      { v: v2, o: o2, s: s2 } = l2!;
    const k0 = v0[o0]!,
      k1 = v1[o1]!,
      k2 = v2[o2]!;
    let check = 0;
    for (let j = 0; j < n; j++) check += (out[j] = daysOf(s0 === 0 ? k0 : v0[o0 + j]!, s1 === 0 ? k1 : v1[o1 + j]!, s2 === 0 ? k2 : v2[o2 + j]!)) * 0;
    return check === 0;
  },
};

const days: NumberParam = { name: 'days', unit: 'days', min: 0 };

/**
 * Stock needed to sustain a rate of fire for a number of days.
 *
 * Notes: S = D × max(0, u − p).
 *
 * @param days days to sustain; ≥ 0
 * @param dailyUse rounds fired per day; ≥ 0
 * @param dailyProduction rounds delivered per day; ≥ 0; default 0
 * @returns rounds
 * @example munitionStock(30, 10000) // 300,000: NATO's 30-day goal at 10,000 rounds a day
 */
export function munitionStock(days: number, dailyUse: number, dailyProduction?: number): number {
  return evaluate(MUNITION_STOCK, [days, dailyUse, dailyProduction]);
}

const stockFor = (d: number, u: number, p: number): number => d * Math.max(0, u - p);

export const MUNITION_STOCK: NumericModel = {
  params: [days, dailyUse, dailyProduction],
  f: stockFor,
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
    for (let j = 0; j < n; j++)
      check += (out[j] = stockFor(s0 === 0 ? k0 : v0[o0 + j]!, s1 === 0 ? k1 : v1[o1 + j]!, s2 === 0 ? k2 : v2[o2 + j]!)) * 0;
    return check === 0;
  },
};

const targetStock: NumberParam = { name: 'target_stock', unit: 'rounds', min: 0 };
const currentStock: NumberParam = { name: 'current_stock', unit: 'rounds', min: 0 };
const annualProduction: NumberParam = { name: 'annual_production', unit: 'rounds per year', min: 0 };
const annualDrawdown: NumberParam = { name: 'annual_drawdown', unit: 'rounds per year', min: 0, default: 0 };

/**
 * Years to rebuild a stock to a target.
 *
 * Notes: Y = (T − C) / (P − W) where C < T, with T the target, C the current stock, P the annual
 * production and W the annual drawdown; 0 where C ≥ T. Where P ≤ W the stock never grows.
 *
 * @param targetStock rounds; ≥ 0
 * @param currentStock rounds; ≥ 0
 * @param annualProduction rounds per year; ≥ 0
 * @param annualDrawdown rounds drawn per year (use, transfers); ≥ 0; default 0
 * @returns years
 * @throws ModelError `NO_FINITE_ANSWER` below target where production does not exceed drawdown
 * @example munitionRegenYears(230000, 20000, 70000) // 3: Germany's 30-day need from its 2023 stock
 */
export function munitionRegenYears(targetStock: number, currentStock: number, annualProduction: number, annualDrawdown?: number): number {
  return evaluate(MUNITION_REGEN_YEARS, [targetStock, currentStock, annualProduction, annualDrawdown]);
}

/** Not finite below target where production does not exceed drawdown: the stock never grows. */
const regenYears = (t: number, c: number, p: number, w: number): number => (c >= t ? 0 : (t - c) / Math.max(p - w, 0));

export const MUNITION_REGEN_YEARS: NumericModel = {
  params: [targetStock, currentStock, annualProduction, annualDrawdown],
  f: regenYears,
  explain: ([, , p, w]) =>
    p! <= w!
      ? noFiniteAnswer('annual_production', `the stock never reaches its target: annual_production (${p}) does not exceed annual_drawdown (${w})`)
      : overflow(),
  explainReads: [2, 3],
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
        (out[j] = regenYears(s0 === 0 ? k0 : v0[o0 + j]!, s1 === 0 ? k1 : v1[o1 + j]!, s2 === 0 ? k2 : v2[o2 + j]!, s3 === 0 ? k3 : v3[o3 + j]!)) * 0;
    return check === 0;
  },
};
