/**
 * The DEF custom functions, called the way Excel calls them: every argument a 2-D array, an omitted
 * optional argument `null`. Outside Excel their errors are plain `{ code, message }` objects; a
 * 1 x 1 error is thrown, a larger result holds its errors in their cells.
 */
import * as F from '../../src/functions/functions';
import { type ExcelError, type ExcelErrorCode, isExcelError } from '../../src/functions/errors';
import * as force from '../../src/model/force';
import * as fund from '../../src/model/fund';
import * as numeric from '../../src/model/numeric';
import * as reference from '../../src/model/reference';
import * as time from '../../src/model/time';
import * as trialsModel from '../../src/model/trials';
import { cellAt, shapeOf, thrownBy } from '../helpers/model';

/** An omitted optional argument, as Excel passes it. */
const OMITTED = null as unknown as unknown[][];

/** Asserts that `v` is an Excel error with this code and a message matching `message`. */
function expectExcelError(v: unknown, code: ExcelErrorCode, message: RegExp | string): void {
  expect(isExcelError(v)).toBe(true);
  const e = v as ExcelError;
  expect(e.code).toBe(code);
  expect(e.message ?? '').toMatch(message);
}

/** Asserts that `f` throws an Excel error with this code and a message matching `message`. */
function expectThrownExcelError(f: () => unknown, code: ExcelErrorCode, message: RegExp | string): void {
  expectExcelError(thrownBy(f), code, message);
}

/** A column of 2-D rows from a list. */
const column = (xs: readonly unknown[]): unknown[][] => xs.map((x) => [x]);

describe('forceSize', () => {
  it("sizes the brief's peace force: 1,040 km × 4 km at 9.43 troops per km² is 39,228.8", () => {
    // baseline_assumptions.csv line_km 1,040, zone_depth_km 4, density_per_km2 9.43: 4,160 × 9.43.
    expect(F.forceSize([[4160]], [[9.43]], OMITTED, OMITTED)).toEqual([[expect.closeTo(39228.8, 6)]]);
  });

  it('spills a row of results for a row of densities', () => {
    // 4,160 × 9.43 = 39,228.8 (lasting peace); 4,160 × 14.15 = 58,864 (truce collapses).
    expect(F.forceSize([[4160]], [[9.43, 14.15]], OMITTED, OMITTED)).toEqual([[expect.closeTo(39228.8, 6), expect.closeTo(58864, 6)]]);
  });

  it('throws #VALUE! naming extent for text', () => {
    expectThrownExcelError(
      () => F.forceSize([['4160']], [[9.43]], OMITTED, OMITTED),
      '#VALUE!',
      /^extent must be a number ≥ 0 .*; got the text "4160"$/,
    );
  });

  it('throws #VALUE! naming enabler_share for a share of 1', () => {
    expectThrownExcelError(() => F.forceSize([[4160]], [[9.43]], [[1]], [[1]]), '#VALUE!', /^enabler_share must be a number ≥ 0 and < 1/);
  });

  it('throws #NUM! where the result overflows', () => {
    // 1e308 × 10 = 1e309
    expectThrownExcelError(() => F.forceSize([[1e308]], [[10]], OMITTED, OMITTED), '#NUM!', /beyond the largest number Excel holds/);
  });

  it('throws #VALUE! for ranges that cannot combine, naming both sizes', () => {
    expectThrownExcelError(
      () => F.forceSize(column([1, 2, 3]), column([1, 2]), OMITTED, OMITTED),
      '#VALUE!',
      'extent (3 x 1) and density (2 x 1) cannot be combined',
    );
  });

  it('throws #VALUE! for a result over 262,144 cells, with its cell count', () => {
    const extents = column(new Array<number>(1000).fill(1));
    const densities = [new Array<number>(1000).fill(1)];
    expectThrownExcelError(() => F.forceSize(extents, densities, OMITTED, OMITTED), '#VALUE!', /1000000 cells \(1000 x 1000\)/);
  });

  it('throws #VALUE! for a ragged range', () => {
    expectThrownExcelError(() => F.forceSize([[1, 2], [3]], [[1]], OMITTED, OMITTED), '#VALUE!', /extent is a ragged range/);
  });
});

describe('forceDensity', () => {
  it('gives UNIFIL 9.43 troops per km² by default', () => {
    // force_precedents.csv UNIFIL_ACTUAL: 10,000 / 1,060 km²
    expect(F.forceDensity([['UNIFIL']], OMITTED)).toEqual([[10000 / 1060]]);
  });

  it('spills a grid for a column of precedents and a row of bases, with #N/A where data is missing', () => {
    const grid = F.forceDensity([['UNIFIL'], ['KFOR']], [['km2', 'km', 'per1000']]);
    expect(shapeOf(grid)).toEqual([2, 3]);
    // force_precedents.csv UNIFIL_ACTUAL 10,000 / 1,060 km², 10,000 / 120 km, no population;
    // KFOR_1999 50,000 / 10,887 km², no line, 50,000 / 2,200 thousand inhabitants.
    expect([cellAt(grid, 0, 0), cellAt(grid, 0, 1)]).toEqual([10000 / 1060, 10000 / 120]);
    expectExcelError(cellAt(grid, 0, 2), '#N/A', /UNIFIL has no population in the reference data/);
    expect(cellAt(grid, 1, 0)).toBe(50000 / 10887);
    expectExcelError(cellAt(grid, 1, 1), '#N/A', /KFOR has no line length \(km\) in the reference data; use basis km2 or per1000/);
    expect(cellAt(grid, 1, 2)).toBe(50000 / 2200);
  });

  it('throws #VALUE! naming precedent for an unknown one', () => {
    expectThrownExcelError(() => F.forceDensity([['MINUSMA']], OMITTED), '#VALUE!', /^precedent must be one of UNIFIL, .*; got the text "MINUSMA"$/);
  });

  it('throws #N/A where the precedent has no figure for the basis', () => {
    expectThrownExcelError(() => F.forceDensity([['IFOR']], [['km']]), '#N/A', /IFOR has no line length/);
  });
});

describe('forceRotation', () => {
  it('gives 5 under the UK Harmony Guidelines', () => {
    // ratios.csv ROTATION_UK_HARMONY: (6 + 24) / 6 = 5
    expect(F.forceRotation([[6]], [[24]])).toEqual([[5]]);
  });

  it('spills a column for columns of tours and intervals', () => {
    // ratios.csv ROTATION_UK_HARMONY (6, 24) = 5; ROTATION_US_1_2 (1, 2) = 3.
    expect(F.forceRotation(column([6, 1]), column([24, 2]))).toEqual([[5], [3]]);
  });

  it('throws #VALUE! naming tour_months for a tour of 0', () => {
    expectThrownExcelError(() => F.forceRotation([[0]], [[24]]), '#VALUE!', /^tour_months must be a number > 0 \(months deployed per tour\); got 0$/);
  });

  it('says which cell of a range is bad', () => {
    const grid = F.forceRotation([[6, -6]], [[24]]);
    expect(cellAt(grid, 0, 0)).toBe(5);
    expectExcelError(cellAt(grid, 0, 1), '#VALUE!', /^tour_months \(row 1, column 2 of the range\) must be a number > 0/);
  });
});

describe('forceCost', () => {
  it('costs 40,000 troops at EUR 120,000 a year at EUR 4.8 bn', () => {
    // 40,000 × 120,000 (baseline_assumptions.csv cost_per_troop_year) × 1 year
    expect(F.forceCost([[40000]], [[120000]], OMITTED)).toEqual([[4.8e9]]);
  });

  it('spills a row for a row of durations', () => {
    // 40,000 × 120,000 × 1, 2 and 5 years
    expect(F.forceCost([[40000]], [[120000]], [[1, 2, 5]])).toEqual([[4.8e9, 9.6e9, 2.4e10]]);
  });

  it('throws #VALUE! naming cost_per_year for a negative cost', () => {
    expectThrownExcelError(() => F.forceCost([[1]], [[-1]], OMITTED), '#VALUE!', /^cost_per_year must be a number ≥ 0/);
  });
});

describe('munitionDays', () => {
  it("returns 9 days for France's stock at 10,000 rounds a day", () => {
    // Hand example: munitions_facts.csv FRANCE_DAYS_2021 (9 days) at UA_155_DAILY_2024_H1
    // (10,000 rounds a day) is a stock of 90,000; 90,000 / 10,000 = 9.
    expect(F.munitionDays([[90000]], [[10000]], OMITTED)).toEqual([[9]]);
  });

  it('spills a row with #N/A only where production covers use', () => {
    // 90,000 / (10,000 − [0, 10,000, 5,000]) = 9, never, 18
    const grid = F.munitionDays([[90000]], [[10000]], [[0, 10000, 5000]]);
    expect(cellAt(grid, 0, 0)).toBe(9);
    expectExcelError(cellAt(grid, 0, 1), '#N/A', 'the stock never runs out: daily_production (10000) covers daily_use (10000)');
    expect(cellAt(grid, 0, 2)).toBe(18);
  });

  it('throws #N/A where production equals use', () => {
    expectThrownExcelError(() => F.munitionDays([[90000]], [[10000]], [[10000]]), '#N/A', /the stock never runs out/);
  });

  it('returns a grid of errors, not a thrown one, when every cell of a larger result has no answer', () => {
    const grid = F.munitionDays([[90000]], [[0, 0]], OMITTED);
    expect(shapeOf(grid)).toEqual([1, 2]);
    for (const c of [0, 1]) expectExcelError(cellAt(grid, 0, c), '#N/A', /never runs out/);
  });

  it('throws #VALUE! naming daily_use for a negative rate', () => {
    expectThrownExcelError(() => F.munitionDays([[90000]], [[-1]], OMITTED), '#VALUE!', 'daily_use must be a number ≥ 0 (rounds per day); got -1');
  });

  it('counts blank cells as 0, and a blank optional cell as its default', () => {
    // stock blank = 0: 0 / 10,000 = 0 days; production blank = default 0: 90,000 / 10,000 = 9.
    expect(F.munitionDays([[null]], [[10000]], OMITTED)).toEqual([[0]]);
    expect(F.munitionDays([[90000]], [[10000]], [['']])).toEqual([[9]]);
  });
});

describe('munitionStock', () => {
  it("returns 300,000 rounds for NATO's 30 days at 10,000 rounds a day", () => {
    // munitions_facts.csv NATO_STOCK_GOAL 30 × UA_155_DAILY_2024_H1 10,000
    expect(F.munitionStock([[30]], [[10000]], OMITTED)).toEqual([[300000]]);
  });

  it('spills a column for a column of rates', () => {
    // 30 × munitions_facts.csv UA_155_DAILY_2024_H1 10,000, UA_155_DAILY_2024_08 14,600, UA_155_DAILY_2024_01_LOW 2,000
    expect(F.munitionStock([[30]], column([10000, 14600, 2000]), OMITTED)).toEqual([[300000], [438000], [60000]]);
  });

  it('throws #VALUE! naming daily_use for a boolean', () => {
    expectThrownExcelError(() => F.munitionStock([[30]], [[true]], OMITTED), '#VALUE!', /^daily_use must be a number ≥ 0 .*; got TRUE$/);
  });
});

describe('munitionRegenYears', () => {
  it("returns 3 years for Germany's 30-day need from its 2023 stock at 70,000 a year", () => {
    // munitions_facts.csv DE_155_NEED_30D 230,000, DE_155_STOCK_2023 20,000; 70,000 a year by hand:
    // (230,000 − 20,000) / 70,000 = 3.
    expect(F.munitionRegenYears([[230000]], [[20000]], [[70000]], OMITTED)).toEqual([[3]]);
  });

  it('spills a row with #N/A only where production does not exceed drawdown', () => {
    // 210,000 / (70,000 − [0, 35,000, 70,000]) = 3, 6, never
    const grid = F.munitionRegenYears([[230000]], [[20000]], [[70000]], [[0, 35000, 70000]]);
    expect([cellAt(grid, 0, 0), cellAt(grid, 0, 1)]).toEqual([3, 6]);
    expectExcelError(
      cellAt(grid, 0, 2),
      '#N/A',
      /the stock never reaches its target: annual_production \(70000\) does not exceed annual_drawdown \(70000\)/,
    );
  });

  it('throws #N/A below target with no production', () => {
    expectThrownExcelError(() => F.munitionRegenYears([[230000]], [[20000]], [[0]], OMITTED), '#N/A', /never reaches its target/);
  });

  it('throws #VALUE! naming annual_production for NaN', () => {
    expectThrownExcelError(
      () => F.munitionRegenYears([[1]], [[0]], [[NaN]], OMITTED),
      '#VALUE!',
      /^annual_production must be a number ≥ 0 .*; got NaN$/,
    );
  });
});

describe('fundShare', () => {
  it('gives Germany EUR 7.9 bn of EUR 40 bn by GDP', () => {
    // gdp_2024.csv: 40 × 4,305,260 / 21,755,924.8 = 7.9156
    expect(F.fundShare([['DE']], [[40]], OMITTED, OMITTED)).toEqual([[expect.closeTo(7.915563, 6)]]);
  });

  it('spills the EFSF commitments for a row of guarantors over the remaining 14', () => {
    // efsf_guarantees_2011.csv: DE 211,045.90, FR 158,487.53; GR stepped out. 726,000 = 1.65 × 440,000,
    // shared by commitment over the 14 guarantors left (726,000.01).
    const remaining = [['BE', 'DE', 'EE', 'ES', 'FR', 'IT', 'CY', 'LU', 'MT', 'NL', 'AT', 'SI', 'SK', 'FI']];
    const grid = F.fundShare([['DE', 'FR', 'GR']], [[726000]], [['EFSF']], remaining);
    expect(Math.abs((cellAt(grid, 0, 0) as number) - 211045.9)).toBeLessThan(0.01);
    expect(Math.abs((cellAt(grid, 0, 1) as number) - 158487.53)).toBeLessThan(0.01);
    expect(cellAt(grid, 0, 2)).toBe(0);
  });

  it('throws #VALUE! naming amount for a negative amount', () => {
    expectThrownExcelError(() => F.fundShare([['DE']], [[-40]], OMITTED, OMITTED), '#VALUE!', /^amount must be a number ≥ 0/);
  });

  it('throws #VALUE! naming participants for an unknown participant, for the whole call', () => {
    expectThrownExcelError(
      () => F.fundShare(column(['DE', 'FR']), [[40]], OMITTED, [['DE', 'Texas']]),
      '#VALUE!',
      /^participants \(row 1, column 2 of the range\) must be .*; got the text "Texas"$/,
    );
  });

  it('throws #N/A for a country the key does not cover', () => {
    expectThrownExcelError(() => F.fundShare([['PL']], [[40]], [['EFSF']], OMITTED), '#N/A', /the EFSF key does not cover Poland \(PL\)/);
  });
});

describe('fundKey', () => {
  it('gives Germany 21.7749 / 81.7681 of the ECB key', () => {
    // ecb_capital_key_2024.csv DE 21.7749 %, EA20 total 81.7681 %
    expect(F.fundKey([['DE']], [['ECB']], OMITTED)).toEqual([[expect.closeTo(21.7749 / 81.7681, 12)]]);
  });

  it('spills a column with #N/A for a country the key does not cover', () => {
    // esm_contribution_key.csv DE 26.9616 of 100.0001; Croatia is not in the ESM key.
    const grid = F.fundKey(column(['DE', 'HR']), [['ESM']], OMITTED);
    expect(cellAt(grid, 0, 0)).toBeCloseTo(26.9616 / 100.0001, 12);
    expectExcelError(cellAt(grid, 1, 0), '#N/A', /the ESM key does not cover Croatia \(HR\)/);
  });

  it('throws #VALUE! naming country for an unknown one', () => {
    expectThrownExcelError(
      () => F.fundKey([['Atlantis']], OMITTED, OMITTED),
      '#VALUE!',
      /^country must be .*an EU27 member.*; got the text "Atlantis"$/,
    );
  });

  it('throws #VALUE! naming key for an unknown key', () => {
    expectThrownExcelError(
      () => F.fundKey([['DE']], [['IMF']], OMITTED),
      '#VALUE!',
      'key must be one of GDP, EFSF, ESM, ECB, POP; got the text "IMF"',
    );
  });
});

describe('fundGuarantees', () => {
  it('needs EUR 726,000 m of guarantees to lend EUR 440,000 m (EFSF after 2011)', () => {
    // 1.65 × 440,000 = 726,000 (baseline_assumptions.csv over_guarantee)
    expect(F.fundGuarantees([[440000]], OMITTED)).toEqual([[expect.closeTo(726000, 6)]]);
  });

  it('spills a row for a row of over-guarantees', () => {
    // EFSF 2010: 1.2 × 440,000 = 528,000; after 2011: 1.65 × 440,000 = 726,000.
    expect(F.fundGuarantees([[440000]], [[1.2, 1.65]])).toEqual([[expect.closeTo(528000, 6), expect.closeTo(726000, 6)]]);
  });

  it('throws #VALUE! naming over_guarantee below 1', () => {
    expectThrownExcelError(
      () => F.fundGuarantees([[440000]], [[0.99]]),
      '#VALUE!',
      'over_guarantee must be a number ≥ 1 (guarantees per unit lent); got 0.99',
    );
  });
});

describe('assumption', () => {
  it('gives the line as 1,040 km', () => {
    // baseline_assumptions.csv line_km
    expect(F.assumption([['line_km']], OMITTED, OMITTED)).toEqual([[1040]]);
  });

  it('spills a row for a row of scenarios, with #N/A where the brief gives no value', () => {
    // baseline_assumptions.csv brief_force_high: 60,000, 60,000, (empty)
    const grid = F.assumption([['brief_force_high']], [['peace', 'collapse', 'no_deal']], OMITTED);
    expect([cellAt(grid, 0, 0), cellAt(grid, 0, 1)]).toEqual([60000, 60000]);
    expectExcelError(cellAt(grid, 0, 2), '#N/A', 'brief_force_high has no value in scenario no_deal: the brief gives none');
  });

  it('returns text for the contribution key', () => {
    expect(F.assumption([['fund_key']], OMITTED, OMITTED)).toEqual([['GDP']]);
  });

  it('throws #VALUE! naming scenario for an unknown one', () => {
    expectThrownExcelError(
      () => F.assumption([['line_km']], [['war']], OMITTED),
      '#VALUE!',
      /^scenario must be one of peace .*; got the text "war"$/,
    );
  });

  it('throws #N/A for a missing bound', () => {
    expectThrownExcelError(() => F.assumption([['line_km']], OMITTED, [['low']]), '#N/A', 'line_km has no low bound in the baseline');
  });
});

describe('source', () => {
  it("cites UNIFIL's press release", () => {
    // force_precedents.csv UNIFIL_ACTUAL source column
    const grid = F.source([['UNIFIL']]);
    expect(cellAt(grid, 0, 0)).toEqual(expect.stringContaining('UNIFIL press release 7 Dec 2018'));
  });

  it('spills a column of citations, with #VALUE! only for the unknown id', () => {
    const grid = F.source(column(['EFSF', 'nope', 'ROTATION_UK_HARMONY']));
    expect(cellAt(grid, 0, 0)).toEqual(expect.stringContaining('EFSF Framework Agreement as amended'));
    expectExcelError(cellAt(grid, 1, 0), '#VALUE!', /^id \(row 2, column 1 of the range\) must be /);
    // ratios.csv ROTATION_UK_HARMONY source column
    expect(cellAt(grid, 2, 0)).toEqual(expect.stringContaining('Iraq Inquiry (Chilcot) report, section 16.1'));
  });

  it('throws #VALUE! naming id for an unknown one', () => {
    expectThrownExcelError(() => F.source([['nope']]), '#VALUE!', /^id must be .*; got the text "nope"$/);
  });
});

describe('every DEF function', () => {
  afterEach(() => jest.restoreAllMocks());

  /** Each wrapper, a valid call, the core function it hands its work to, and its result's shape for single values where not 1 x 1. */
  const CASES: readonly [string, () => unknown, () => jest.SpyInstance, [number, number]?][] = [
    ['forceSize', () => F.forceSize([[1]], [[1]], OMITTED, OMITTED), () => jest.spyOn(numeric, 'lift')],
    ['forceDensity', () => F.forceDensity([['UNIFIL']], OMITTED), () => jest.spyOn(force, 'liftForceDensity')],
    ['forceRotation', () => F.forceRotation([[6]], [[24]]), () => jest.spyOn(numeric, 'lift')],
    ['forceCost', () => F.forceCost([[1]], [[1]], OMITTED), () => jest.spyOn(numeric, 'lift')],
    ['munitionDays', () => F.munitionDays([[1]], [[1]], OMITTED), () => jest.spyOn(numeric, 'lift')],
    ['munitionStock', () => F.munitionStock([[1]], [[1]], OMITTED), () => jest.spyOn(numeric, 'lift')],
    ['munitionRegenYears', () => F.munitionRegenYears([[1]], [[0]], [[1]], OMITTED), () => jest.spyOn(numeric, 'lift')],
    ['fundShare', () => F.fundShare([['DE']], [[1]], OMITTED, OMITTED), () => jest.spyOn(fund, 'liftFundShare')],
    ['fundKey', () => F.fundKey([['DE']], OMITTED, OMITTED), () => jest.spyOn(fund, 'liftFundKey')],
    ['fundGuarantees', () => F.fundGuarantees([[1]], OMITTED), () => jest.spyOn(numeric, 'lift')],
    ['assumption', () => F.assumption([['line_km']], OMITTED, OMITTED), () => jest.spyOn(reference, 'liftAssumption')],
    ['source', () => F.source([['UNIFIL']]), () => jest.spyOn(reference, 'liftSource')],
    ['ramp', () => F.ramp([[1]], [[2]], [[1]], OMITTED, OMITTED), () => jest.spyOn(time, 'liftRamp')],
    ['munitionPath', () => F.munitionPath([[1]], [[1]], [[0]], [[1]], OMITTED), () => jest.spyOn(time, 'liftMunitionPath')],
    // A schedule is one row of five columns a year.
    ['fundSchedule', () => F.fundSchedule([[1]], [[0.03]], [[1]], [[1]], OMITTED), () => jest.spyOn(time, 'liftFundSchedule'), [1, 5]],
    ['deflate', () => F.deflate([[1]], [[2015]], [[2024]]), () => jest.spyOn(time, 'liftDeflate')],
    ['trials', () => F.trials([[1]], [[2]], [[3]], [[1]], [[1]], OMITTED, OMITTED, OMITTED), () => jest.spyOn(trialsModel, 'liftTrials')],
    // The mean, then P10, P50, P90.
    ['trialStats', () => F.trialStats([[1]], OMITTED), () => jest.spyOn(trialsModel, 'liftTrialStats'), [4, 1]],
  ];

  it('has a case here for each exported function', () => {
    expect(CASES.map(([name]) => name).sort()).toEqual(Object.keys(F).sort());
  });

  it.each(CASES)('%s returns a 1 x 1 result for single values (a schedule one row, statistics one column)', (_name, call, _spy, shape = [1, 1]) => {
    const grid = call() as unknown[][];
    expect(shapeOf(grid)).toEqual(shape);
    expect(isExcelError(cellAt(grid, 0, 0))).toBe(false);
  });

  it.each(CASES)('%s turns an unexpected exception into #VALUE! with "internal error" in the message', (_name, call, spy) => {
    spy().mockImplementation(() => {
      throw new TypeError('boom');
    });
    expectThrownExcelError(call, '#VALUE!', 'DefEcon could not compute this (internal error: boom); please report it');
  });
});
