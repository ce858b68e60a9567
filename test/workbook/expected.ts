/**
 * The baseline workbook's headline numbers computed directly by the model core from the sourced
 * assumptions, with no spreadsheet in between: what every sheet must show. Not a test; shared by
 * test/workbook/baseline.test.ts and the browser test (test/e2e/preview.e2e.ts).
 */
import { findAssumption, SCENARIOS } from '../../src/data/assumptions';
import type { ScenarioId } from '../../src/data/types';
import { forceCost, forceSize } from '../../src/model/force';
import { fundGuarantees, fundShare } from '../../src/model/fund';
import { munitionDays, munitionRegenYears, munitionStock } from '../../src/model/munitions';

/** An assumption's central value in a scenario, as a number (the Active column of the sheet). */
export function num(id: string, scenario: ScenarioId): number {
  const v = findAssumption(id)?.values[scenario];
  if (typeof v !== 'number') throw new Error(`assumption ${id} has no number in scenario ${scenario}`);
  return v;
}

/** An assumption's central value in a scenario, as text (the contribution key). */
export function text(id: string, scenario: ScenarioId): string {
  const v = findAssumption(id)?.values[scenario];
  if (typeof v !== 'string') throw new Error(`assumption ${id} has no text in scenario ${scenario}`);
  return v;
}

/** The selector's label for a scenario ("Lasting peace"). */
export function scenarioLabel(scenario: ScenarioId): string {
  const s = SCENARIOS.find((x) => x.id === scenario);
  if (s === undefined) throw new Error(`no scenario ${scenario}`);
  return s.short;
}

export const SCENARIO_IDS: readonly ScenarioId[] = SCENARIOS.map((s) => s.id);

export interface Headline {
  /** Force sheet, persons: area × density (DEF.FORCE_SIZE). */
  readonly deployed: number;
  /** Force sheet, persons: with the rotation multiplier. */
  readonly committed: number;
  /** Force sheet, EUR bn per year: deployed × cost per soldier-year / 10^9. */
  readonly annualCost: number;
  /** Munitions sheet, days: a France-level stock (france_days of fire) net of deliveries. */
  readonly days: number;
  /** Munitions sheet, rounds: NATO's 30-day goal at Ukraine's rate of fire. */
  readonly goalStock: number;
  /** Munitions sheet, years: closing the gap from the France-level stock at EU capacity. */
  readonly regenYears: number;
  /** Fund sheet, EUR bn per year. */
  readonly fundAnnual: number;
  /** Fund sheet, EUR bn: fund_annual × over_guarantee. */
  readonly guarantees: number;
  /** Fund sheet, EUR bn per year: Germany's part under the scenario's key, every country taking part. */
  readonly contributionDE: number;
}

/** The headline numbers of a scenario, from the model core (the sheet's formulas, restated in TypeScript). */
export function headline(scenario: ScenarioId): Headline {
  const a = (id: string): number => num(id, scenario);
  const area = a('line_km') * a('zone_depth_km');
  const deployed = forceSize(area, a('density_per_km2'));
  const france = munitionStock(a('france_days'), a('ua_daily_use'));
  // Deliveries as the Munitions sheet states them: EU production, plus US production while US aid continues.
  const deliveries = a('eu_annual_production') / 365 + (a('us_military_aid') > 0 ? (a('us_monthly_production') * 12) / 365 : 0);
  const goalStock = munitionStock(a('nato_goal_days'), a('ua_daily_use'));
  return {
    deployed,
    committed: forceSize(area, a('density_per_km2'), a('rotation')),
    annualCost: forceCost(deployed, a('cost_per_troop_year')) / 10 ** 9,
    days: munitionDays(france, a('ua_daily_use'), deliveries),
    goalStock,
    regenYears: munitionRegenYears(goalStock, france, a('eu_annual_production')),
    fundAnnual: a('fund_annual'),
    guarantees: fundGuarantees(a('fund_annual'), a('over_guarantee')),
    contributionDE: fundShare('DE', a('fund_annual'), text('fund_key', scenario)),
  };
}

/** True when `actual` equals `expected` to about 12 significant digits (the engine rounds its output). */
export function close(actual: unknown, expected: number): boolean {
  return typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}
