/**
 * Munitions: how long a stockpile lasts under net consumption, the stock a goal in days requires,
 * and how long regeneration takes.
 *
 * References: the brief's France figure (nine days of munitions for high-intensity combat, RAND 2021
 * via Gilli, Gilli and Petrelli 2025); NATO's 30-day stockpile guideline (Reuters, 6 Jul 2016).
 */
import type { NumberParam } from './args';
import { noFiniteAnswer } from './errors';
import { evaluate, type NumericModel } from './numeric';

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

export const MUNITION_DAYS: NumericModel = {
  params: [stock, dailyUse, dailyProduction],
  kernel: (s, u, p) => {
    if (p >= u) {
      throw noFiniteAnswer(
        'daily_production',
        `the stock never runs out: daily_production (${p}) covers daily_use (${u})`,
      );
    }
    return s / (u - p);
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

export const MUNITION_STOCK: NumericModel = {
  params: [days, dailyUse, dailyProduction],
  kernel: (d, u, p) => d * Math.max(0, u - p),
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
export function munitionRegenYears(
  targetStock: number,
  currentStock: number,
  annualProduction: number,
  annualDrawdown?: number,
): number {
  return evaluate(MUNITION_REGEN_YEARS, [targetStock, currentStock, annualProduction, annualDrawdown]);
}

export const MUNITION_REGEN_YEARS: NumericModel = {
  params: [targetStock, currentStock, annualProduction, annualDrawdown],
  kernel: (t, c, p, w) => {
    if (c >= t) return 0;
    if (p <= w) {
      throw noFiniteAnswer(
        'annual_production',
        `the stock never reaches its target: annual_production (${p}) does not exceed annual_drawdown (${w})`,
      );
    }
    return (t - c) / (p - w);
  },
};
