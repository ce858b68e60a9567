import { MUNITION_DAYS, MUNITION_REGEN_YEARS, MUNITION_STOCK, munitionDays, munitionRegenYears, munitionStock } from '../../src/model/munitions';
import { expectModelError } from '../helpers/model';

/** A value of the wrong kind, passed where the typed API wants a number (as a JavaScript caller could). */
const raw = (v: unknown): number => v as number;

describe('munitionDays', () => {
  it("returns 9 days for France's stock at 10,000 rounds a day (its doc example)", () => {
    // Hand example: munitions_facts.csv FRANCE_DAYS_2021 = 9 days at UA_155_DAILY_2024_H1 = 10,000
    // rounds a day means a stock of 9 × 10,000 = 90,000 rounds; 90,000 / 10,000 = 9.
    expect(munitionDays(90000, 10000)).toBe(9);
  });

  it('nets production off use', () => {
    // 90,000 / (10,000 − 5,000) = 18
    expect(munitionDays(90000, 10000, 5000)).toBe(18);
  });

  it('returns 0 days for a stock of 0', () => {
    expect(munitionDays(0, 10000)).toBe(0);
    expect(munitionDays(raw(null), 10000)).toBe(0);
  });

  it('gives an omitted or blank production its default of 0', () => {
    expect(munitionDays(90000, 10000, raw(null))).toBe(9);
    expect(munitionDays(90000, 10000, raw(''))).toBe(9);
  });

  it('has no finite answer where production equals use: the stock never runs out', () => {
    expectModelError(
      () => munitionDays(90000, 10000, 10000),
      'NO_FINITE_ANSWER',
      'the stock never runs out: daily_production (10000) covers daily_use (10000)',
      'daily_production',
    );
  });

  it('has no finite answer where production exceeds use, or nothing is used', () => {
    expectModelError(() => munitionDays(90000, 10000, 14600), 'NO_FINITE_ANSWER', /daily_production \(14600\) covers daily_use \(10000\)/);
    expectModelError(() => munitionDays(90000, 0), 'NO_FINITE_ANSWER', /daily_production \(0\) covers daily_use \(0\)/);
  });

  it('rejects negative, NaN, infinite, text, boolean and error inputs, naming the parameter and range', () => {
    expectModelError(() => munitionDays(-1, 10000), 'INVALID_ARGUMENT', 'stock must be a number ≥ 0 (rounds); got -1', 'stock');
    expectModelError(
      () => munitionDays(90000, -10000),
      'INVALID_ARGUMENT',
      'daily_use must be a number ≥ 0 (rounds per day); got -10000',
      'daily_use',
    );
    expectModelError(() => munitionDays(90000, NaN), 'INVALID_ARGUMENT', /daily_use must be a number ≥ 0 .*; got NaN$/);
    expectModelError(() => munitionDays(Infinity, 10000), 'INVALID_ARGUMENT', /stock must be a number ≥ 0 .*; got Infinity$/);
    expectModelError(
      () => munitionDays(90000, 10000, -Infinity),
      'INVALID_ARGUMENT',
      'daily_production must be a number ≥ 0 (rounds per day); got -Infinity',
      'daily_production',
    );
    expectModelError(() => munitionDays(raw('90000'), 10000), 'INVALID_ARGUMENT', /stock must be .*; got the text "90000"$/);
    expectModelError(() => munitionDays(90000, raw(true)), 'INVALID_ARGUMENT', /daily_use must be .*; got TRUE$/);
    expectModelError(() => munitionDays(90000, raw({ code: 'not an Excel error' })), 'INVALID_ARGUMENT', /daily_use must be .*; got an error/);
    // An Excel error value is passed on with its kind (issue 8), no longer read as a wrong kind of value.
    expectModelError(
      () => munitionDays(90000, raw({ code: '#N/A' })),
      'UPSTREAM',
      'daily_use is #N/A: the cell it reads holds that error',
      'daily_use',
    );
  });

  it('returns OVERFLOW, not "never runs out", where a tiny net use makes the days overflow', () => {
    // 1 / 5e-324 ≈ 2e323 > 1.8e308; use (5e-324) still exceeds production (0).
    expectModelError(() => munitionDays(1, 5e-324), 'OVERFLOW', /beyond the largest number/);
    // 1e308 / 0.1 = 1e309
    expectModelError(() => munitionDays(1e308, 0.1), 'OVERFLOW', /beyond the largest number/);
  });

  it('keeps the smallest positive double', () => {
    // 5e-324 / 1 = 5e-324
    expect(munitionDays(5e-324, 1)).toBe(5e-324);
  });

  it('declares its parameters in call order', () => {
    expect(MUNITION_DAYS.params.map((p) => p.name)).toEqual(['stock', 'daily_use', 'daily_production']);
  });
});

describe('munitionStock', () => {
  it("returns 300,000 rounds for NATO's 30-day goal at 10,000 rounds a day (its doc example)", () => {
    // munitions_facts.csv NATO_STOCK_GOAL = 30 days × UA_155_DAILY_2024_H1 = 10,000 rounds a day.
    expect(munitionStock(30, 10000)).toBe(300000);
  });

  it("returns 438,000 rounds for 30 days at Ukraine's August 2024 rate", () => {
    // 30 × munitions_facts.csv UA_155_DAILY_2024_08 = 14,600
    expect(munitionStock(30, 14600)).toBe(438000);
  });

  it('nets production off use', () => {
    // 30 × (10,000 − 4,000) = 180,000
    expect(munitionStock(30, 10000, 4000)).toBe(180000);
  });

  it('needs no stock where production equals or exceeds use, or for 0 days', () => {
    expect(munitionStock(30, 10000, 10000)).toBe(0);
    expect(munitionStock(30, 10000, 20000)).toBe(0);
    expect(munitionStock(0, 10000)).toBe(0);
  });

  it('gives an omitted or blank production its default of 0, and counts blank days as 0', () => {
    expect(munitionStock(30, 10000, raw(null))).toBe(300000);
    expect(munitionStock(raw(''), 10000)).toBe(0);
  });

  it('rejects bad input, naming the parameter and range', () => {
    expectModelError(() => munitionStock(-30, 10000), 'INVALID_ARGUMENT', 'days must be a number ≥ 0 (days); got -30', 'days');
    expectModelError(() => munitionStock(30, NaN), 'INVALID_ARGUMENT', 'daily_use must be a number ≥ 0 (rounds per day); got NaN', 'daily_use');
    expectModelError(() => munitionStock(30, 10000, raw('x')), 'INVALID_ARGUMENT', /daily_production must be .*; got the text "x"$/);
    expectModelError(() => munitionStock(raw(false), 10000), 'INVALID_ARGUMENT', /days must be .*; got FALSE$/);
  });

  it('returns OVERFLOW where the stock is beyond the largest double', () => {
    // 1e308 × 10 = 1e309
    expectModelError(() => munitionStock(1e308, 10), 'OVERFLOW', /beyond the largest number/);
  });

  it('keeps the smallest positive double', () => {
    expect(munitionStock(5e-324, 1)).toBe(5e-324);
  });

  it('declares its parameters in call order', () => {
    expect(MUNITION_STOCK.params.map((p) => p.name)).toEqual(['days', 'daily_use', 'daily_production']);
  });
});

describe('munitionRegenYears', () => {
  it('returns 3 years for Germany to reach its 30-day need from its 2023 stock at 70,000 rounds a year (its doc example)', () => {
    // munitions_facts.csv DE_155_NEED_30D = 230,000, DE_155_STOCK_2023 = 20,000; production 70,000 a
    // year is a hand example: (230,000 − 20,000) / 70,000 = 3.
    expect(munitionRegenYears(230000, 20000, 70000)).toBe(3);
  });

  it('nets the drawdown off production', () => {
    // (230,000 − 20,000) / (70,000 − 35,000) = 6
    expect(munitionRegenYears(230000, 20000, 70000, 35000)).toBe(6);
  });

  it('returns 0 years at the target, even where production does not exceed drawdown', () => {
    expect(munitionRegenYears(230000, 230000, 0)).toBe(0);
    expect(munitionRegenYears(230000, 230000, 70000, 70000)).toBe(0);
    expect(munitionRegenYears(0, 0, 0)).toBe(0);
  });

  it('returns 0 years above the target', () => {
    expect(munitionRegenYears(230000, 300000, 0, 1000)).toBe(0);
  });

  it('gives an omitted or blank drawdown its default of 0', () => {
    expect(munitionRegenYears(230000, 20000, 70000, raw(null))).toBe(3);
  });

  it('has no finite answer below target where production equals drawdown', () => {
    expectModelError(
      () => munitionRegenYears(230000, 20000, 70000, 70000),
      'NO_FINITE_ANSWER',
      'the stock never reaches its target: annual_production (70000) does not exceed annual_drawdown (70000)',
      'annual_production',
    );
  });

  it('has no finite answer below target with no production', () => {
    expectModelError(() => munitionRegenYears(230000, 20000, 0), 'NO_FINITE_ANSWER', /annual_production \(0\) does not exceed annual_drawdown \(0\)/);
  });

  it('rejects bad input, naming the parameter and range', () => {
    expectModelError(() => munitionRegenYears(-1, 0, 1), 'INVALID_ARGUMENT', 'target_stock must be a number ≥ 0 (rounds); got -1', 'target_stock');
    expectModelError(
      () => munitionRegenYears(1, NaN, 1),
      'INVALID_ARGUMENT',
      'current_stock must be a number ≥ 0 (rounds); got NaN',
      'current_stock',
    );
    expectModelError(
      () => munitionRegenYears(1, 0, Infinity),
      'INVALID_ARGUMENT',
      'annual_production must be a number ≥ 0 (rounds per year); got Infinity',
      'annual_production',
    );
    expectModelError(
      () => munitionRegenYears(1, 0, 1, -5),
      'INVALID_ARGUMENT',
      'annual_drawdown must be a number ≥ 0 (rounds per year); got -5',
      'annual_drawdown',
    );
    expectModelError(() => munitionRegenYears(raw('230000'), 0, 1), 'INVALID_ARGUMENT', /target_stock must be .*; got the text "230000"$/);
    expectModelError(() => munitionRegenYears(1, raw(true), 1), 'INVALID_ARGUMENT', /current_stock must be .*; got TRUE$/);
  });

  it('returns OVERFLOW, not "never reaches", where a tiny net production makes the years overflow', () => {
    // 1e308 / 1e-10 = 1e318; production 1e-10 exceeds drawdown 0.
    expectModelError(() => munitionRegenYears(1e308, 0, 1e-10), 'OVERFLOW', /beyond the largest number/);
  });

  it('keeps the smallest positive double', () => {
    // (5e-324 − 0) / 1 = 5e-324
    expect(munitionRegenYears(5e-324, 0, 1)).toBe(5e-324);
  });

  it('declares its parameters in call order', () => {
    expect(MUNITION_REGEN_YEARS.params.map((p) => p.name)).toEqual(['target_stock', 'current_stock', 'annual_production', 'annual_drawdown']);
  });
});
