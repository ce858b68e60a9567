import { ModelError } from '../../src/model/errors';
import { DAYS_PER_MONTH, liftDeflate, liftFundSchedule, liftMunitionPath, liftRamp } from '../../src/model/time';
import { expectModelError, expectModelErrorValue, keep } from '../helpers/model';

/** A column of values, as Excel passes A1:A<n>. */
const column = (xs: readonly unknown[]): unknown[][] => xs.map((x) => [x]);
/** The first column of a result. */
const firstColumn = <T>(grid: readonly (readonly T[])[]): T[] => grid.map((row) => row[0] as T);

describe('liftRamp', () => {
  it("gives the issue's example RAMP(1, 2, 5, 1, 4) = {1; 1.25; 1.5; 1.75; 2}", () => {
    // v(t) = 1 + (2 − 1)(t − 1)/4.
    expect(liftRamp([1, 2, 5, 1, 4], keep)).toEqual([[1], [1.25], [1.5], [1.75], [2]]);
  });

  it('defaults start to 1 and length to periods − start', () => {
    // RAMP(1, 2, 5) is RAMP(1, 2, 5, 1, 4); RAMP(0, 6, 5, 2) has length 3: 0, 0, 2, 4, 6.
    expect(liftRamp([1, 2, 5, null, null], keep)).toEqual([[1], [1.25], [1.5], [1.75], [2]]);
    expect(firstColumn(liftRamp([0, 6, 5, 2, null], keep))).toEqual([0, 0, 2, 4, 6]);
  });

  it('is constant when from = to', () => {
    expect(firstColumn(liftRamp([7, 7, 4, null, null], keep))).toEqual([7, 7, 7, 7]);
  });

  it('gives one column per value of a row, with its own start and length', () => {
    // Column 1: 0 → 4 over 4 periods from 1: 0, 1, 2, 3, 4. Column 2: 10 → 20, start 2, length 2: 10, 10, 15, 20, 20.
    expect(liftRamp([[[0, 10]], [[4, 20]], 5, [[1, 2]], [[4, 2]]], keep)).toEqual([
      [0, 10],
      [1, 10],
      [2, 15],
      [3, 20],
      [4, 20],
    ]);
  });

  it('takes a blank length in a row as its column default', () => {
    // start 1: default length 2 → 0, 1, 2; given length 1 → 0, 2, 2.
    expect(liftRamp([0, 2, 3, 1, [[null, 1]]], keep)).toEqual([
      [0, 0],
      [1, 2],
      [2, 2],
    ]);
  });

  it('refuses periods that are not a whole number ≥ 1, and a range of periods', () => {
    expectModelError(
      () => liftRamp([1, 2, 2.5, null, null], keep),
      'INVALID_ARGUMENT',
      'periods must be a whole number ≥ 1 (periods); got 2.5',
      'periods',
    );
    expectModelError(() => liftRamp([1, 2, 0, null, null], keep), 'INVALID_ARGUMENT', 'periods must be a whole number ≥ 1 (periods); got 0');
    expectModelError(() => liftRamp([1, 2, [[3, 4]], null, null], keep), 'INVALID_ARGUMENT', 'periods must be a single value; got a 1 x 2 range');
  });

  it('refuses a column for a per-scenario level, and rows of different widths', () => {
    expectModelError(
      () => liftRamp([column([1, 2, 3]), 2, 3, null, null], keep),
      'INVALID_ARGUMENT',
      'from must be a single value or a row of values (one per column of the result); got a 3 x 1 range',
    );
    expectModelError(
      () => liftRamp([[[1, 2]], [[1, 2, 3]], 3, null, null], keep),
      'SHAPE_MISMATCH',
      'from (1 x 2) and to (1 x 3) cannot be combined: give each a single value or the same number of columns',
    );
  });

  it('marks the column of a bad level and leaves the others', () => {
    const out = liftRamp([[[0, 'x']], 4, 2, null, null], keep);
    expect(firstColumn(out)).toEqual([0, 4]);
    expectModelErrorValue(out[1]?.[1], 'INVALID_ARGUMENT', /^from \(row 1, column 2 of the range\) must be a number/);
  });
});

describe('liftMunitionPath', () => {
  it('runs a stock out and keeps it at 0 (closed form)', () => {
    // 100 rounds, 10 a day fired, 5-day periods: 100 − 50 = 50, then max(0, 50 − 50) = 0, then 0.
    expect(liftMunitionPath([100, 10, 0, 3, 5], keep)).toEqual([[50], [0], [0]]);
  });

  it('recovers once production exceeds use (a column of use per period)', () => {
    // 30-day periods, use 1,000 a day for two periods then 0, production 500 a day:
    // 60,000 − 15,000 = 45,000; 30,000; then + 15,000 a period: 45,000; 60,000.
    expect(firstColumn(liftMunitionPath([60000, column([1000, 1000, 0, 0]), 500, 4, 30], keep))).toEqual([45000, 30000, 45000, 60000]);
    // Run out, then recover from 0: 10,000 − 30 × 1,000 < 0 → 0; then 0 + 30 × 500 = 15,000.
    expect(firstColumn(liftMunitionPath([10000, column([1000, 0]), 500, 2, 30], keep))).toEqual([0, 15000]);
  });

  it('uses months of 365/12 days by default', () => {
    // 1,000,000 − 6 × 3,000 × 365/12 = 452,500 after six months.
    const out = firstColumn(liftMunitionPath([1000000, 10000, 7000, 6, null], keep)) as number[];
    expect(out[5]).toBeCloseTo(452500, 6);
    expect(DAYS_PER_MONTH).toBe(365 / 12);
  });

  it('broadcasts a row of daily uses into one column per scenario', () => {
    // 1,000 rounds, 1-day periods, use 100 or 300 a day: 900, 800, 700 and 700, 400, 100.
    expect(liftMunitionPath([1000, [[100, 300]], 0, 3, 1], keep)).toEqual([
      [900, 700],
      [800, 400],
      [700, 100],
    ]);
  });

  it('refuses a series of the wrong length, naming both lengths', () => {
    expectModelError(
      () => liftMunitionPath([1000, column([1, 2, 3]), 0, 4, null], keep),
      'SHAPE_MISMATCH',
      'daily_use has 3 values (3 x 1) but periods is 4: give a single value, a row, or a column of 4 values (one per period)',
      'daily_use',
    );
  });

  it('refuses a whole column of daily use from its length alone', () => {
    let reads = 0;
    const row = new Proxy([1], {
      get(target, k, receiver) {
        if (k === '0') reads++;
        return Reflect.get(target, k, receiver) as unknown;
      },
    });
    const whole = new Array<unknown[]>(1_048_576).fill(row);
    expectModelError(() => liftMunitionPath([1000, whole, 0, 240, null], keep), 'SHAPE_MISMATCH', /daily_use has 1048576 values .* periods is 240/);
    expect(reads).toBe(0);
  });

  it('refuses a result over the cell cap before reading a cell', () => {
    expectModelError(() => liftMunitionPath([1000, 1, 0, 300000, null], keep), 'RESULT_TOO_LARGE', /300000 cells \(300000 x 1\)/);
  });

  it('marks a column from the period of a bad series cell on', () => {
    // Use 10 a day, 1-day periods from 100: 90, then the bad cell, then error on.
    const out = firstColumn(liftMunitionPath([100, column([10, -1, 10]), 0, 3, 1], keep));
    expect(out[0]).toBe(90);
    expectModelErrorValue(out[1], 'INVALID_ARGUMENT', /^daily_use \(row 2, column 1 of the range\) must be a number ≥ 0/);
    expect(out[2]).toBe(out[1]);
  });

  it('marks the whole column of a days_per_period of 0', () => {
    const out = firstColumn(liftMunitionPath([100, 1, 0, 2, 0], keep));
    expectModelErrorValue(out[0], 'INVALID_ARGUMENT', 'days_per_period must be a number > 0 (days); got 0', 'days_per_period');
    expect(out[1]).toBe(out[0]);
  });
});

describe('liftFundSchedule', () => {
  it('levels the debt off at maturity × issuance from year m on', () => {
    // 10 a year, 3 % coupon, 3-year bonds, 5 years, over-guarantee 2:
    // outstanding 10, 20, 30, 30, 30; interest 3 % of it; redemptions from year 3: 0, 0, 10, 10, 10.
    expect(liftFundSchedule([10, 0.03, 3, 5, 2], keep)).toEqual([
      [10, 10, 0.3, 0, 20],
      [10, 20, 0.6, 0, 40],
      [10, 30, 0.03 * 30, 10, 60],
      [10, 30, 0.03 * 30, 10, 60],
      [10, 30, 0.03 * 30, 10, 60],
    ]);
  });

  it('defaults the over-guarantee to 1.65 (EFSF after 2011) and takes a column of issues', () => {
    // Issues 10, 0, 5 with 2-year bonds: outstanding 10, 10, 5; redemptions 0, 10, 0; guarantees 1.65 × outstanding.
    const out = liftFundSchedule([column([10, 0, 5]), 0, 2, 3, null], keep);
    expect(out.map((r) => r[1])).toEqual([10, 10, 5]);
    expect(out.map((r) => r[3])).toEqual([0, 10, 0]);
    expect(out.map((r) => r[4])).toEqual([16.5, 16.5, 8.25]);
  });

  it('refuses a column of issues of the wrong length, and a row of them', () => {
    expectModelError(
      () => liftFundSchedule([column([1, 2]), 0.03, 2, 3, null], keep),
      'SHAPE_MISMATCH',
      /^annual_amount has 2 values \(2 x 1\) but years is 3/,
    );
    expectModelError(
      () => liftFundSchedule([[[1, 2, 3]], 0.03, 2, 3, null], keep),
      'SHAPE_MISMATCH',
      /^annual_amount must be a single value or a column of 3 values/,
    );
  });

  it('refuses a rate given in per cent, and a maturity that is not whole', () => {
    expectModelError(
      () => liftFundSchedule([10, 3, 2, 3, null], keep),
      'INVALID_ARGUMENT',
      'rate must be a number > -1 and ≤ 1 (fraction a year: 0.03 for 3 %); got 3',
    );
    expectModelError(
      () => liftFundSchedule([10, 0.03, 2.5, 3, null], keep),
      'INVALID_ARGUMENT',
      'maturity_years must be a whole number ≥ 1 (years); got 2.5',
    );
  });

  it('marks only the cells that read a bad issue', () => {
    // Issues 10, bad, 10 with 1-year bonds: year 2's issued, outstanding, interest, redemption and guarantees are errors.
    const out = liftFundSchedule([column([10, 'x', 10]), 0, 1, 3, 1], keep);
    expect(out[0]).toEqual([10, 10, 0, 10, 10]);
    expect(out[2]).toEqual([10, 10, 0, 10, 10]);
    for (const cell of out[1] ?? []) expect(cell).toBeInstanceOf(ModelError);
  });
});

describe('liftDeflate', () => {
  it('converts 2011 prices to 2024 prices with the HICP', () => {
    // 120,000 × 126.07 / 95.66 = 158,147.606… (Eurostat prc_hicp_aind, EA, 2015 = 100).
    expect(liftDeflate([120000, 2011, 2024], keep)[0]?.[0]).toBeCloseTo(158147.606, 3);
  });

  it('comes back to the amount on a round trip, and is the identity for one year', () => {
    const there = liftDeflate([1000, 2015, 2025], keep)[0]?.[0] as number;
    expect(liftDeflate([there, 2025, 2015], keep)[0]?.[0]).toBeCloseTo(1000, 9);
    expect(liftDeflate([1234.5, 2020, 2020], keep)[0]?.[0]).toBe(1234.5);
  });

  it('broadcasts a column of amounts against a row of years', () => {
    // 100 and 200 in 2015 prices (index 100) to 2015 and 2024 (126.07).
    const out = liftDeflate([column([100, 200]), 2015, [[2015, 2024]]], keep);
    expect(out[0]?.[0]).toBe(100);
    expect(out[1]?.[1]).toBeCloseTo(252.14, 9);
  });

  it('is #N/A for a year the index does not cover, naming the years it does', () => {
    const out = liftDeflate([100, 2010, 2024], keep);
    expectModelErrorValue(out[0]?.[0], 'NOT_COVERED', 'from_year 2010 is outside the HICP_EA index, which covers 2011 to 2025', 'from_year');
  });

  it('refuses a year that is not whole', () => {
    expectModelErrorValue(
      liftDeflate([100, 2011.5, 2024], keep)[0]?.[0],
      'INVALID_ARGUMENT',
      'from_year must be a whole number (calendar year); got 2011.5',
    );
  });
});
