/**
 * The pane's short function reference: every DEF function with one example, as help.html gives
 * them. test/taskpane/help.test.ts checks this table against src/help/help.html (signature, first
 * sentence, example formula and result) and against the `@customfunction` ids, so they cannot drift.
 */

export type FunctionGroup = 'Force' | 'Munitions' | 'Fund' | 'Reference data';

export interface FunctionHelp {
  /** The permanent id after `@customfunction`; Excel shows it as `DEF.<id>`. */
  readonly id: string;
  /** The function's section on the help page: `help.html#<anchor>`. */
  readonly anchor: string;
  readonly group: FunctionGroup;
  /** The heading of its help section, e.g. `DEF.FORCE_COST(personnel, cost_per_year, [years])`. */
  readonly signature: string;
  /** What it gives: the start of the first sentence of its help section. */
  readonly summary: string;
  /**
   * The help page's example: the formula as written there and the result after the arrow. A result
   * ending in `…` is the start of a longer text.
   */
  readonly example: { readonly formula: string; readonly result: string };
}

export const FUNCTION_HELP: readonly FunctionHelp[] = [
  {
    id: 'FORCE_SIZE',
    anchor: 'force_size',
    group: 'Force',
    signature: 'DEF.FORCE_SIZE(extent, density, [rotation], [enabler_share])',
    summary: 'Personnel required to cover a line, a zone or a population at a given density.',
    example: { formula: '=DEF.FORCE_SIZE(1040*4, DEF.FORCE_DENSITY("UNIFIL"))', result: '39,245 personnel deployed' },
  },
  {
    id: 'FORCE_DENSITY',
    anchor: 'force_density',
    group: 'Force',
    signature: 'DEF.FORCE_DENSITY(precedent, [basis])',
    summary: 'Troops per unit of a basis in a precedent mission: troops / area, troops / line length, or troops per thousand inhabitants.',
    example: { formula: '=DEF.FORCE_DENSITY("UNIFIL")', result: '9.43 troops per km²' },
  },
  {
    id: 'FORCE_ROTATION',
    anchor: 'force_rotation',
    group: 'Force',
    signature: 'DEF.FORCE_ROTATION(tour_months, interval_months)',
    summary: 'Force-generation multiplier: how many units must exist to keep one deployed.',
    example: { formula: '=DEF.FORCE_ROTATION(6, 24)', result: '5 (UK Harmony Guidelines)' },
  },
  {
    id: 'FORCE_COST',
    anchor: 'force_cost',
    group: 'Force',
    signature: 'DEF.FORCE_COST(personnel, cost_per_year, [years])',
    summary: 'Cost of keeping a force: personnel × cost per person-year × years.',
    example: { formula: '=DEF.FORCE_COST(40000, 120000)', result: '4,800,000,000' },
  },
  {
    id: 'MUNITION_DAYS',
    anchor: 'munition_days',
    group: 'Munitions',
    signature: 'DEF.MUNITION_DAYS(stock, daily_use, [daily_production])',
    summary: 'Days until a stock runs out under net consumption.',
    example: { formula: '=DEF.MUNITION_DAYS(90000, 10000)', result: '9 days' },
  },
  {
    id: 'MUNITION_STOCK',
    anchor: 'munition_stock',
    group: 'Munitions',
    signature: 'DEF.MUNITION_STOCK(days, daily_use, [daily_production])',
    summary: 'Stock needed to sustain fire for a number of days.',
    example: { formula: '=DEF.MUNITION_STOCK(30, 10000)', result: '300,000 rounds' },
  },
  {
    id: 'MUNITION_REGEN_YEARS',
    anchor: 'munition_regen_years',
    group: 'Munitions',
    signature: 'DEF.MUNITION_REGEN_YEARS(target_stock, current_stock, annual_production, [annual_drawdown])',
    summary: 'Years to rebuild a stock to a target.',
    example: { formula: '=DEF.MUNITION_REGEN_YEARS(230000, 20000, 70000)', result: '3 years' },
  },
  {
    id: 'FUND_SHARE',
    anchor: 'fund_share',
    group: 'Fund',
    signature: 'DEF.FUND_SHARE(country, amount, [key], [participants])',
    summary: "A country's part of an amount under a contribution key, renormalised over the countries that take part.",
    example: { formula: '=DEF.FUND_SHARE("DE", 40)', result: '7.92' },
  },
  {
    id: 'FUND_KEY',
    anchor: 'fund_key',
    group: 'Fund',
    signature: 'DEF.FUND_KEY(country, [key], [participants])',
    summary: 'The share itself, as a fraction from 0 to 1.',
    example: { formula: '=DEF.FUND_KEY("DE", "EFSF")', result: '0.2706' },
  },
  {
    id: 'FUND_GUARANTEES',
    anchor: 'fund_guarantees',
    group: 'Fund',
    signature: 'DEF.FUND_GUARANTEES(lending_capacity, [over_guarantee])',
    summary: 'Guarantees a fund needs for a lending capacity: lending_capacity × over_guarantee.',
    example: { formula: '=DEF.FUND_GUARANTEES(440000)', result: '726,000 (EUR m)' },
  },
  {
    id: 'ASSUMPTION',
    anchor: 'assumption',
    group: 'Reference data',
    signature: 'DEF.ASSUMPTION(id, [scenario], [bound])',
    summary: 'A baseline assumption of the brief for one of its three scenarios.',
    example: { formula: '=DEF.ASSUMPTION("density_per_km2", "collapse")', result: '14.15 troops per km²' },
  },
  {
    id: 'SOURCE',
    anchor: 'source',
    group: 'Reference data',
    signature: 'DEF.SOURCE(id)',
    summary: 'The citation behind an assumption, precedent, contribution key or fact, as text.',
    example: { formula: '=DEF.SOURCE("france_days")', result: '"Brief, citing RAND 2021 (Pezard, Shurkin, Ochmanek, RR-A231-1). As of 2021. …' },
  },
];
