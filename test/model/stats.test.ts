import { correlation, mean, percentileInc, rankCorrelation, ranks } from '../../src/model/stats';

describe('percentileInc', () => {
  it("matches Excel's PERCENTILE.INC", () => {
    // Excel's documentation example: PERCENTILE.INC({1,3,2,4}, 0.3) = 1.9 (sorted 1,2,3,4; h = 0.9).
    expect(percentileInc([1, 2, 3, 4], 0.3)).toBeCloseTo(1.9, 14);
    expect(percentileInc([1, 2, 3, 4], 0)).toBe(1);
    expect(percentileInc([1, 2, 3, 4], 1)).toBe(4);
    expect(percentileInc([5], 0.9)).toBe(5);
    // 1..10 at 0.9: h = 8.1 → 9 + 0.1 · (10 − 9) = 9.1.
    expect(percentileInc([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 14);
  });
});

describe('mean', () => {
  it('averages and is undefined for no values', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([])).toBeUndefined();
  });
});

describe('ranks', () => {
  it('ranks ascending from 1, ties sharing their mean rank', () => {
    // 10, 30, 20, 30 → 1, 3.5, 2, 3.5 (the two 30s share ranks 3 and 4).
    expect([...ranks([10, 30, 20, 30])]).toEqual([1, 3.5, 2, 3.5]);
  });
});

describe('correlation and rankCorrelation', () => {
  it('is 1 and −1 for monotone samples, whatever their shape', () => {
    expect(rankCorrelation([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 14);
    expect(rankCorrelation([1, 2, 3, 4], [9, 4, 1, 0])).toBeCloseTo(-1, 14);
    expect(correlation([1, 2, 3, 4], [1, 8, 27, 64])).toBeLessThan(1);
  });
  it("matches Spearman's formula without ties", () => {
    // x ranks 1..5, y ranks 2, 1, 4, 3, 5: d² = 1 + 1 + 1 + 1 + 0 = 4; ρ = 1 − 6·4 / (5·24) = 0.8.
    expect(rankCorrelation([1, 2, 3, 4, 5], [20, 10, 40, 30, 50])).toBeCloseTo(0.8, 14);
  });
  it('is undefined when a sample does not vary or lengths differ', () => {
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeUndefined();
    expect(correlation([1, 2], [1, 2, 3])).toBeUndefined();
  });
});
