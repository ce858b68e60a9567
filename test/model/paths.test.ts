import { HICP_EA } from '../../src/data/deflators';
import { ModelError } from '../../src/model/errors';
import { deflate, firstPeriodAtOrAbove, firstPeriodAtOrBelow, fundSchedule, munitionPath, ramp } from '../../src/model/paths';

describe('ramp', () => {
  it("gives the issue's example", () => {
    // RAMP(1, 2, 5, 1, 4) = {1; 1.25; 1.5; 1.75; 2}: v(t) = 1 + (t − 1)/4.
    expect([...ramp(1, 2, 5, 1, 4)]).toEqual([1, 1.25, 1.5, 1.75, 2]);
  });
  it('holds from up to start and to from start + length on', () => {
    // start 3, length 2: v = 10, 10, 10, 15, 20, 20.
    expect([...ramp(10, 20, 6, 3, 2)]).toEqual([10, 10, 10, 15, 20, 20]);
  });
  it('is a step at start when the length is 0, and constant when from = to', () => {
    expect([...ramp(0, 5, 4, 2, 0)]).toEqual([0, 5, 5, 5]);
    expect([...ramp(7, 7, 3, 1, 2)]).toEqual([7, 7, 7]);
  });
  it('ramps down as well as up', () => {
    expect([...ramp(40000, 14000, 3, 1, 2)]).toEqual([40000, 27000, 14000]);
  });
});

describe('munitionPath', () => {
  it('runs a stock down and keeps it at 0', () => {
    // 100 rounds, 10 a day used, 5-day periods: 100 − 50 = 50, then 0, then 0 (never negative).
    expect([...munitionPath(100, [10, 10, 10], [0, 0, 0], 5)]).toEqual([50, 0, 0]);
  });
  it('recovers once production exceeds use', () => {
    // 30-day months, 1,000 a day used then 0; 500 a day produced: 60,000 → 45,000 → 30,000 → 45,000 → 60,000.
    const use = [1000, 1000, 0, 0];
    const prod = [500, 500, 500, 500];
    expect([...munitionPath(60000, use, prod, 30)]).toEqual([45000, 30000, 45000, 60000]);
  });
  it('finds the period a stock runs out and the one it reaches a goal', () => {
    const path = munitionPath(90000, [10000, 10000, 0, 0, 0], [0, 0, 0, 0, 0], 5);
    // 90,000 − 50,000 = 40,000; then 0 in period 2.
    expect(firstPeriodAtOrBelow(path, 0)).toBe(2);
    expect(firstPeriodAtOrAbove(munitionPath(0, [0, 0, 0], [100, 100, 100], 10), 2500)).toBe(3);
    expect(firstPeriodAtOrAbove(munitionPath(0, [0, 0], [100, 100], 10), 2500)).toBeUndefined();
  });
});

describe('fundSchedule', () => {
  it('levels off at maturity × issuance, with coupons, redemptions and guarantees', () => {
    // EUR 10 bn a year, 3 % coupon, 5-year bonds, 1.65 over-guarantee, 7 years:
    // outstanding = 10, 20, 30, 40, 50, 50, 50; redemptions = 0, 0, 0, 0, 10, 10, 10 (first bonds out at the end of year 5).
    const rows = fundSchedule([10, 10, 10, 10, 10, 10, 10], 0.03, 5, 1.65);
    expect(rows.map((r) => r.outstanding)).toEqual([10, 20, 30, 40, 50, 50, 50]);
    expect(rows.map((r) => r.redemptions)).toEqual([0, 0, 0, 0, 10, 10, 10]);
    expect(rows[6]!.interest).toBeCloseTo(1.5, 12); // 3 % of 50
    expect(rows[6]!.guarantees).toBeCloseTo(82.5, 12); // 1.65 × 50
    expect(rows.every((r) => r.issued === 10)).toBe(true);
  });
  it('follows a varying issuance: outstanding is the sum of the last m issues', () => {
    // issues 5, 10, 20, 0; m = 2: outstanding 5, 15, 30, 20; redemptions 0, 5, 10, 20.
    const rows = fundSchedule([5, 10, 20, 0], 0.02, 2, 1);
    expect(rows.map((r) => r.outstanding)).toEqual([5, 15, 30, 20]);
    expect(rows.map((r) => r.redemptions)).toEqual([0, 5, 10, 20]);
  });
  it('redeems one-year bonds in the year they are issued', () => {
    expect(fundSchedule([4, 6], 0.1, 1, 1.2).map((r) => [r.outstanding, r.redemptions])).toEqual([
      [4, 4],
      [6, 6],
    ]);
  });
});

describe('deflate', () => {
  it('converts with the HICP index and round-trips', () => {
    // 120,000 in 2011 prices to 2024: 120,000 × 126.07 / 95.66 = 158,147.6...
    expect(deflate(120000, 2011, 2024, HICP_EA)).toBeCloseTo((120000 * 126.07) / 95.66, 9);
    expect(deflate(deflate(8000, 2023, 2015, HICP_EA), 2015, 2023, HICP_EA)).toBeCloseTo(8000, 9);
    expect(deflate(5, 2024, 2024, HICP_EA)).toBe(5);
  });
  it('refuses years outside the index and fractional years, naming the parameter', () => {
    expect(() => deflate(1, 2010, 2024, HICP_EA)).toThrow(
      new ModelError('NOT_COVERED', 'from_year', 'from_year 2010 is outside the HICP_EA index, which covers 2011 to 2025'),
    );
    expect(() => deflate(1, 2011, 2026, HICP_EA)).toThrow('to_year 2026 is outside the HICP_EA index, which covers 2011 to 2025');
    expect(() => deflate(1, 2011.5, 2024, HICP_EA)).toThrow('from_year must be a whole year; got 2011.5');
  });
});
