/**
 * The DEF formulas of the baseline workbook, written through the typed formula builder
 * (src/functions/formula.ts), character for character as the sheets have always had them: a
 * workbook saved before the builder and one loaded after hold the same formulas.
 */
import { baselinePlan, sheetName } from '../../src/workbook/baseline';
import type { WorkbookPlan } from '../../src/workbook/plan';

/** Every formula of a sheet that calls a DEF function, in row order. */
function defFormulas(plan: WorkbookPlan, sheet: string): string[] {
  const s = plan.sheets.find((x) => x.name === sheet);
  if (s === undefined) throw new Error(`no sheet ${sheet}`);
  return s.cells
    .flatMap((row) => row.map((c) => c.content))
    .filter((x): x is string => typeof x === 'string' && x.startsWith('=') && x.includes('DEF.'));
}

describe('baselinePlan DEF formulas', () => {
  const first = baselinePlan({ scenario: 'peace' });
  const second = baselinePlan({ scenario: 'peace', copy: 2 });

  it('sizes and costs the force over the named inputs', () => {
    expect(defFormulas(first, 'Force')).toEqual([
      '=DEF.FORCE_DENSITY("UNIFIL")',
      '=DEF.FORCE_DENSITY("UNIFIL_AUTHORISED")',
      '=DEF.FORCE_SIZE(line_km*zone_depth_km,density_per_km2)',
      '=DEF.FORCE_SIZE(line_km*zone_depth_km,density_per_km2,rotation)',
      '=DEF.FORCE_COST(B13,cost_per_troop_year)/10^9',
      '=DEF.FORCE_SIZE(B22,1,rotation)',
      '=DEF.FORCE_COST(B22,cost_per_troop_year)/10^9',
    ]);
  });

  it("reads a second copy's own names", () => {
    expect(defFormulas(second, sheetName('force', 2))).toEqual([
      '=DEF.FORCE_DENSITY("UNIFIL")',
      '=DEF.FORCE_DENSITY("UNIFIL_AUTHORISED")',
      '=DEF.FORCE_SIZE(line_km_2*zone_depth_km_2,density_per_km2_2)',
      '=DEF.FORCE_SIZE(line_km_2*zone_depth_km_2,density_per_km2_2,rotation_2)',
      '=DEF.FORCE_COST(B13,cost_per_troop_year_2)/10^9',
      '=DEF.FORCE_SIZE(B22,1,rotation_2)',
      '=DEF.FORCE_COST(B22,cost_per_troop_year_2)/10^9',
    ]);
    expect(defFormulas(second, sheetName('munitions', 2))).toEqual([
      '=DEF.MUNITION_STOCK(france_days_2,ua_daily_use_2)',
      '=DEF.MUNITION_DAYS(B12,ua_daily_use_2,B9)',
      '=DEF.MUNITION_STOCK(nato_goal_days_2,ua_daily_use_2)',
      '=DEF.MUNITION_REGEN_YEARS(B15,B12,eu_annual_production_2)',
    ]);
  });

  it('computes days of fire, the goal and regeneration', () => {
    expect(defFormulas(first, 'Munitions')).toEqual([
      '=DEF.MUNITION_STOCK(france_days,ua_daily_use)',
      '=DEF.MUNITION_DAYS(B12,ua_daily_use,B9)',
      '=DEF.MUNITION_STOCK(nato_goal_days,ua_daily_use)',
      '=DEF.MUNITION_REGEN_YEARS(B15,B12,eu_annual_production)',
    ]);
  });

  it('shares the fund over the countries marked Yes, one row per country', () => {
    const fund = defFormulas(first, 'Fund');
    // 1 guarantees formula, then 29 countries (EU27 + United Kingdom + Norway) x 3 formulas.
    expect(fund).toHaveLength(1 + 29 * 3);
    const participants = 'IF($C$9:$C$37="Yes",$A$9:$A$37,"")';
    expect(fund.slice(0, 4)).toEqual([
      '=DEF.FUND_GUARANTEES(C3,C4)',
      `=IFNA(DEF.FUND_KEY(A9,$C$6,${participants}),"not in key")`,
      `=IF(D9="not in key",D9,DEF.FUND_SHARE(A9,$C$3,$C$6,${participants}))`,
      `=IF(D9="not in key",D9,DEF.FUND_SHARE(A9,$C$5,$C$6,${participants}))`,
    ]);
    expect(fund.slice(-3)).toEqual([
      `=IFNA(DEF.FUND_KEY(A37,$C$6,${participants}),"not in key")`,
      `=IF(D37="not in key",D37,DEF.FUND_SHARE(A37,$C$3,$C$6,${participants}))`,
      `=IF(D37="not in key",D37,DEF.FUND_SHARE(A37,$C$5,$C$6,${participants}))`,
    ]);
  });
});
