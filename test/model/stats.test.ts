import { mean, percentileInc } from '../../src/model/stats';

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
