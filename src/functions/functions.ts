/**
 * The DEF custom functions: the Excel face of the registry (`./registry.ts`). Each is one line that
 * calls its declaration; this file exists because the metadata generator reads only JSDoc on
 * top-level function declarations. The ids after `@customfunction` are permanent (workbooks store
 * them) and must never change; test/functions/registry.test.ts checks the generated functions.json
 * (ids, parameters, optional ones, descriptions, help links) against the registry.
 *
 * Every parameter accepts a single value or a range; ranges broadcast (equal shapes cell by cell, a
 * single value against every cell, a column against a row makes a grid) and the result spills.
 * Omitted optional arguments arrive as `null` and take their defaults. Errors follow
 * `./errors.ts`: `#VALUE!` for bad input, `#N/A` where there is no finite answer or no data.
 *
 * The metadata (functions.json) is generated from this file at build time by
 * CustomFunctionsMetadataPlugin, which also appends the `CustomFunctions.associate` calls, so
 * importing this module has no side effects. Nothing else in src/ imports it.
 */
import type { ExcelError } from './errors';
import { REGISTRY } from './registry';

/**
 * Personnel required to cover a zone or line: extent × density × rotation / (1 − enabler_share).
 * @customfunction FORCE_SIZE
 * @helpurl https://localhost:3000/help.html#force_size
 * @param extent What density is per: km of line, km² of zone or thousands of inhabitants (≥ 0).
 * @param density Personnel per unit of extent (≥ 0), e.g. DEF.FORCE_DENSITY("UNIFIL").
 * @param [rotation] Units generated per unit deployed (≥ 1), e.g. 5 under UK Harmony rules. Default 1: the deployed force.
 * @param [enabler_share] Share of the whole force in support roles, from 0 up to (not including) 1. Default 0.
 * @returns Personnel (persons).
 */
export function forceSize(
  extent: unknown[][],
  density: unknown[][],
  rotation?: unknown[][],
  enabler_share?: unknown[][],
): Array<Array<number | ExcelError>> {
  return REGISTRY.FORCE_SIZE.call(extent, density, rotation, enabler_share);
}

/**
 * Troops per km² of zone, per km of line or per thousand inhabitants in a precedent mission.
 * @customfunction FORCE_DENSITY
 * @helpurl https://localhost:3000/help.html#force_density
 * @param precedent UNIFIL, UNIFIL_AUTHORISED, KFOR, IFOR, UNFICYP or KOREA_DMZ.
 * @param [basis] "km2" (default), "km" (of line) or "per1000" (inhabitants).
 * @returns Troops per unit of basis.
 */
export function forceDensity(precedent: unknown[][], basis?: unknown[][]): Array<Array<number | ExcelError>> {
  return REGISTRY.FORCE_DENSITY.call(precedent, basis);
}

/**
 * Force-generation multiplier (tour + interval) / tour: units needed to keep one deployed.
 * @customfunction FORCE_ROTATION
 * @helpurl https://localhost:3000/help.html#force_rotation
 * @param tour_months Months deployed per tour (> 0).
 * @param interval_months Months at home between tours (≥ 0).
 * @returns Units per unit deployed.
 */
export function forceRotation(tour_months: unknown[][], interval_months: unknown[][]): Array<Array<number | ExcelError>> {
  return REGISTRY.FORCE_ROTATION.call(tour_months, interval_months);
}

/**
 * Cost of a force: personnel × cost per person-year × years.
 * @customfunction FORCE_COST
 * @helpurl https://localhost:3000/help.html#force_cost
 * @param personnel Persons (≥ 0).
 * @param cost_per_year Cost per person per year in any currency (≥ 0); the result is in the same currency.
 * @param [years] Years (≥ 0). Default 1.
 * @returns Cost, in the currency of cost_per_year.
 */
export function forceCost(personnel: unknown[][], cost_per_year: unknown[][], years?: unknown[][]): Array<Array<number | ExcelError>> {
  return REGISTRY.FORCE_COST.call(personnel, cost_per_year, years);
}

/**
 * Days until a munitions stock runs out: stock / (daily_use − daily_production).
 * @customfunction MUNITION_DAYS
 * @helpurl https://localhost:3000/help.html#munition_days
 * @param stock Rounds on hand (≥ 0).
 * @param daily_use Rounds fired per day (≥ 0).
 * @param [daily_production] Rounds delivered per day (≥ 0). Default 0. #N/A if it covers daily_use.
 * @returns Days.
 */
export function munitionDays(stock: unknown[][], daily_use: unknown[][], daily_production?: unknown[][]): Array<Array<number | ExcelError>> {
  return REGISTRY.MUNITION_DAYS.call(stock, daily_use, daily_production);
}

/**
 * Stock needed to sustain fire for a number of days: days × (daily_use − daily_production), at least 0.
 * @customfunction MUNITION_STOCK
 * @helpurl https://localhost:3000/help.html#munition_stock
 * @param days Days to sustain (≥ 0), e.g. 30 for NATO's stockpile goal.
 * @param daily_use Rounds fired per day (≥ 0).
 * @param [daily_production] Rounds delivered per day (≥ 0). Default 0.
 * @returns Rounds.
 */
export function munitionStock(days: unknown[][], daily_use: unknown[][], daily_production?: unknown[][]): Array<Array<number | ExcelError>> {
  return REGISTRY.MUNITION_STOCK.call(days, daily_use, daily_production);
}

/**
 * Years to rebuild a stock: (target − current) / (production − drawdown); 0 when already at target.
 * @customfunction MUNITION_REGEN_YEARS
 * @helpurl https://localhost:3000/help.html#munition_regen_years
 * @param target_stock Rounds wanted (≥ 0).
 * @param current_stock Rounds on hand (≥ 0).
 * @param annual_production Rounds produced per year (≥ 0).
 * @param [annual_drawdown] Rounds used or given away per year (≥ 0). Default 0. #N/A if production does not exceed it.
 * @returns Years.
 */
export function munitionRegenYears(
  target_stock: unknown[][],
  current_stock: unknown[][],
  annual_production: unknown[][],
  annual_drawdown?: unknown[][],
): Array<Array<number | ExcelError>> {
  return REGISTRY.MUNITION_REGEN_YEARS.call(target_stock, current_stock, annual_production, annual_drawdown);
}

/**
 * A country's part of an amount under a contribution key, renormalised over the participants.
 * @customfunction FUND_SHARE
 * @helpurl https://localhost:3000/help.html#fund_share
 * @param country ISO code (DE, GR, GB), Eurostat code (EL, UK) or English name; EU27, United Kingdom or Norway.
 * @param amount Amount to share, in any currency (≥ 0); the result is in the same currency.
 * @param [key] "GDP" (default, 2024), "EFSF" (2011 guarantees), "ESM", "ECB" (euro area 2024) or "POP" (2024).
 * @param [participants] Range of participating countries. Default: every country the key covers. Others pay 0.
 * @returns The country's part, in the currency of amount.
 */
export function fundShare(
  country: unknown[][],
  amount: unknown[][],
  key?: unknown[][],
  participants?: unknown[][],
): Array<Array<number | ExcelError>> {
  return REGISTRY.FUND_SHARE.call(country, amount, key, participants);
}

/**
 * A country's share of a contribution key, as a fraction, renormalised over the participants.
 * @customfunction FUND_KEY
 * @helpurl https://localhost:3000/help.html#fund_key
 * @param country ISO code (DE, GR, GB), Eurostat code (EL, UK) or English name; EU27, United Kingdom or Norway.
 * @param [key] "GDP" (default, 2024), "EFSF" (2011 guarantees), "ESM", "ECB" (euro area 2024) or "POP" (2024).
 * @param [participants] Range of participating countries. Default: every country the key covers. Others get 0.
 * @returns Share, a fraction from 0 to 1.
 */
export function fundKey(country: unknown[][], key?: unknown[][], participants?: unknown[][]): Array<Array<number | ExcelError>> {
  return REGISTRY.FUND_KEY.call(country, key, participants);
}

/**
 * Guarantees a fund needs for a lending capacity: lending_capacity × over_guarantee.
 * @customfunction FUND_GUARANTEES
 * @helpurl https://localhost:3000/help.html#fund_guarantees
 * @param lending_capacity Amount the fund must be able to lend, in any currency (≥ 0).
 * @param [over_guarantee] Guarantees per unit lent (≥ 1). Default 1.65, the EFSF after 2011.
 * @returns Guarantees, in the currency of lending_capacity.
 */
export function fundGuarantees(lending_capacity: unknown[][], over_guarantee?: unknown[][]): Array<Array<number | ExcelError>> {
  return REGISTRY.FUND_GUARANTEES.call(lending_capacity, over_guarantee);
}

/**
 * A column of periods values: from up to period start, to from period start + length on, linear in between.
 * @customfunction RAMP
 * @helpurl https://localhost:3000/help.html#ramp
 * @param from Level up to period start, in any unit; a row gives one column per scenario.
 * @param to Level from period start + length on, in the unit of from.
 * @param periods Rows of the result: a whole number of periods (≥ 1), e.g. 60 months.
 * @param [start] The last period at from (≥ 1). Default 1.
 * @param [length] Periods from start to the first period at to (≥ 0). Default periods − start.
 * @returns A column of levels, one per period.
 */
export function ramp(
  from: unknown[][],
  to: unknown[][],
  periods: unknown[][],
  start?: unknown[][],
  length?: unknown[][],
): Array<Array<number | ExcelError>> {
  return REGISTRY.RAMP.call(from, to, periods, start, length);
}

/**
 * End-of-period munitions stocks: s(t) = max(0, s(t−1) + (daily_production − daily_use) × days_per_period).
 * @customfunction MUNITION_PATH
 * @helpurl https://localhost:3000/help.html#munition_path
 * @param stock Rounds at the start (≥ 0). A row of values gives one column per scenario.
 * @param daily_use Rounds fired per day (≥ 0): a value, or a column of one per period.
 * @param daily_production Rounds delivered per day (≥ 0): a value, or a column of one per period.
 * @param periods Rows of the result: a whole number of periods (≥ 1).
 * @param [days_per_period] Days in a period (> 0). Default 365/12: months.
 * @returns Rounds at the end of each period.
 */
export function munitionPath(
  stock: unknown[][],
  daily_use: unknown[][],
  daily_production: unknown[][],
  periods: unknown[][],
  days_per_period?: unknown[][],
): Array<Array<number | ExcelError>> {
  return REGISTRY.MUNITION_PATH.call(stock, daily_use, daily_production, periods, days_per_period);
}

/**
 * A years x 5 table of a fund financed by bonds: issued, outstanding, interest, redemptions, guarantees outstanding.
 * @customfunction FUND_SCHEDULE
 * @helpurl https://localhost:3000/help.html#fund_schedule
 * @param annual_amount Amount issued each year (≥ 0), in any currency: a value, or a column of one per year.
 * @param rate Coupon as a fraction a year (> −1 and ≤ 1), e.g. 0.03 for 3 %.
 * @param maturity_years Years to redemption: a whole number ≥ 1.
 * @param years Rows of the result: a whole number of years (≥ 1).
 * @param [over_guarantee] Guarantees per unit of debt outstanding (≥ 1). Default 1.65, the EFSF after 2011.
 * @returns One row a year, in the currency of annual_amount.
 */
export function fundSchedule(
  annual_amount: unknown[][],
  rate: unknown[][],
  maturity_years: unknown[][],
  years: unknown[][],
  over_guarantee?: unknown[][],
): Array<Array<number | ExcelError>> {
  return REGISTRY.FUND_SCHEDULE.call(annual_amount, rate, maturity_years, years, over_guarantee);
}

/**
 * An amount converted between price years with the euro-area HICP: amount × index(to_year) / index(from_year).
 * @customfunction DEFLATE
 * @helpurl https://localhost:3000/help.html#deflate
 * @param amount Amount in from_year prices, in any currency.
 * @param from_year Its price year, 2011 to 2025.
 * @param to_year The price year wanted, 2011 to 2025.
 * @returns The amount in to_year prices.
 */
export function deflate(amount: unknown[][], from_year: unknown[][], to_year: unknown[][]): Array<Array<number | ExcelError>> {
  return REGISTRY.DEFLATE.call(amount, from_year, to_year);
}

/**
 * A column of trials of a variable with this P10, P50 and P90: the 3-term Metalog at the SIPmath HDR_2_0 uniforms.
 * @customfunction TRIALS
 * @helpurl https://localhost:3000/help.html#trials
 * @param p10 The 10th percentile, in the variable's unit. A row gives one column per variable.
 * @param p50 The median (> p10).
 * @param p90 The 90th percentile (> p50).
 * @param var_id SIPmath varId: a whole number ≥ 0; one per variable.
 * @param [trials] Rows of the result: a whole number of trials (≥ 1). Default 1,000.
 * @param [lower_bound] Least possible value (< p10). Default none: unbounded below.
 * @param [upper_bound] Greatest possible value (> p90). Default none: unbounded above.
 * @param [entity] SIPmath entity: a whole number ≥ 0. Default 1.
 * @returns Trials 1 to trials, in the variable's unit.
 */
export function trials(
  p10: unknown[][],
  p50: unknown[][],
  p90: unknown[][],
  var_id: unknown[][],
  trials?: unknown[][],
  lower_bound?: unknown[][],
  upper_bound?: unknown[][],
  entity?: unknown[][],
): Array<Array<number | ExcelError>> {
  return REGISTRY.TRIALS.call(p10, p50, p90, var_id, trials, lower_bound, upper_bound, entity);
}

/**
 * A column: the mean of the trials, then their P10, P50 and P90 (or the given percentiles), as PERCENTILE.INC.
 * @customfunction TRIAL_STATS
 * @helpurl https://localhost:3000/help.html#trial_stats
 * @param trials A column of trials, e.g. DEF.TRIALS(...); several columns give a column of statistics each.
 * @param [percentiles] Percentiles as fractions from 0 to 1, in a row or column. Default 0.1, 0.5, 0.9.
 * @returns The mean, then each percentile, in the unit of the trials.
 */
export function trialStats(trials: unknown[][], percentiles?: unknown[][]): Array<Array<number | ExcelError>> {
  return REGISTRY.TRIAL_STATS.call(trials, percentiles);
}

/**
 * A baseline assumption of the brief (IEP@BU commentary 187) for a scenario.
 * @customfunction ASSUMPTION
 * @helpurl https://localhost:3000/help.html#assumption
 * @param id Assumption id, e.g. "line_km", "density_per_km2", "fund_annual" (see DEF.SOURCE for each one's basis).
 * @param [scenario] "peace" (default: truce becomes lasting peace), "collapse" (truce collapses) or "no_deal" (no agreement).
 * @param [bound] "central" (default: the scenario's value), "low" or "high".
 * @returns The value, in the assumption's unit.
 */
export function assumption(id: unknown[][], scenario?: unknown[][], bound?: unknown[][]): Array<Array<number | string | ExcelError>> {
  return REGISTRY.ASSUMPTION.call(id, scenario, bound);
}

/**
 * The citation behind an assumption, precedent, contribution key or fact, as text.
 * @customfunction SOURCE
 * @helpurl https://localhost:3000/help.html#source
 * @param id An assumption id ("line_km"), precedent ("UNIFIL"), key ("EFSF") or fact id ("FRANCE_DAYS_2021").
 * @returns The citation: source, date, whether read or derived, confidence and caveats.
 */
export function source(id: unknown[][]): Array<Array<string | ExcelError>> {
  return REGISTRY.SOURCE.call(id);
}
