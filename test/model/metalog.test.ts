import { ModelError } from '../../src/model/errors';
import { fitMetalog3, METALOG3_MAX_RATIO, metalogQuantile, metalogValue } from '../../src/model/metalog';

const LN9 = Math.log(9);

describe('fitMetalog3', () => {
  it('fits a symmetric triplet with no skew term', () => {
    // a1 = P50 = 20; a2 = (30 − 10) / (2 ln 9) = 10 / ln 9; a3 = (10 + 30 − 40) / (0.8 ln 9) = 0.
    const m = fitMetalog3({ p10: 10, p50: 20, p90: 30 });
    expect(m.a1).toBe(20);
    expect(m.a2).toBeCloseTo(10 / LN9, 14);
    expect(m.a3).toBe(0);
  });

  it('fits a right-skewed triplet in closed form', () => {
    // (10, 15, 30): a2 = 20 / (2 ln 9) = 5 / ln 3; a3 = (10 + 30 − 30) / (0.8 · 2 ln 3) = 6.25 / ln 3.
    const m = fitMetalog3({ p10: 10, p50: 15, p90: 30 });
    expect(m.a2).toBeCloseTo(5 / Math.log(3), 12);
    expect(m.a3).toBeCloseTo(6.25 / Math.log(3), 12);
  });

  it('refuses a triplet that is not strictly increasing, naming the percentile', () => {
    expect(() => fitMetalog3({ p10: 10, p50: 10, p90: 30 })).toThrow(
      new ModelError('INVALID_ARGUMENT', 'p50', 'p50 must be greater than p10: got p10 = 10, p50 = 10'),
    );
    expect(() => fitMetalog3({ p10: 10, p50: 40, p90: 30 })).toThrow('p90 must be greater than p50: got p50 = 40, p90 = 30');
  });

  it('refuses percentiles on or beyond a bound', () => {
    expect(() => fitMetalog3({ p10: 0, p50: 5, p90: 12, lower: 0 })).toThrow('lower_bound must be less than p10: got lower_bound = 0, p10 = 0');
    expect(() => fitMetalog3({ p10: 60, p50: 80, p90: 100, upper: 100 })).toThrow(
      'upper_bound must be greater than p90: got upper_bound = 100, p90 = 100',
    );
    expect(() => fitMetalog3({ p10: 2, p50: 3, p90: 4, lower: 5, upper: 1 })).toThrow('upper_bound must be greater than lower_bound: got 5 and 1');
  });

  it('refuses a triplet too skewed for three terms, saying which side', () => {
    // (10, 12, 30): a3/a2 = 2 (10 + 30 − 24) / (0.8 · 20) = 2.0 > 1.667; (10, 28, 30): −2.0.
    expect(() => fitMetalog3({ p10: 10, p50: 12, p90: 30 })).toThrow(
      /too skewed for a 3-term Metalog: p50 is too close to p10; \|a3\/a2\| = 2 must be below 1\.66711/,
    );
    expect(() => fitMetalog3({ p10: 10, p50: 28, p90: 30 })).toThrow(/p50 is too close to p90/);
  });

  it('accepts a triplet just inside the feasibility limit', () => {
    // a3/a2 = 2.5 (q1 + q3 − 2 q2) / (q3 − q1) for α = 0.1; q2 = 13.4 gives 2.5 · 12.8 / 20 = 1.6 < 1.667.
    expect(() => fitMetalog3({ p10: 10, p50: 13.4, p90: 30 })).not.toThrow();
  });
});

describe('METALOG3_MAX_RATIO', () => {
  it('is 1 / max |y(1 − y) ln(y/(1 − y)) + y − 0.5| over (0, 1)', () => {
    // The maximum of |g| on (0, 0.5) is where g′(y) = (1 − 2y) ln(y/(1 − y)) + 2 = 0; bisect for it.
    const dg = (y: number): number => (1 - 2 * y) * Math.log(y / (1 - y)) + 2;
    let [lo, hi] = [1e-9, 0.5 - 1e-9]; // dg(lo) < 0 < dg(hi)
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (dg(mid) < 0) lo = mid;
      else hi = mid;
    }
    const g = lo * (1 - lo) * Math.log(lo / (1 - lo)) + lo - 0.5;
    expect(1 / Math.abs(g)).toBeCloseTo(METALOG3_MAX_RATIO, 9);
  });
});

describe('metalogQuantile', () => {
  it('gives back the triplet at 0.1, 0.5 and 0.9, bounded or not', () => {
    const cases = [
      { p10: 10, p50: 15, p90: 30 },
      { p10: 2, p50: 5, p90: 12, lower: 0 },
      { p10: 60, p50: 80, p90: 90, upper: 100 },
      { p10: 0.2, p50: 0.5, p90: 0.7, lower: 0, upper: 1 },
      { p10: 35000, p50: 45000, p90: 58000, lower: 20000, upper: 80000 },
    ];
    for (const t of cases) {
      const m = fitMetalog3(t);
      expect(metalogQuantile(m, 0.1)).toBeCloseTo(t.p10, 9);
      expect(metalogQuantile(m, 0.5)).toBeCloseTo(t.p50, 9);
      expect(metalogQuantile(m, 0.9)).toBeCloseTo(t.p90, 9);
    }
  });

  it('interpolates as the closed form says between the fitted points', () => {
    // (10, 15, 30) at y = 0.25: L = −ln 3, so M = 15 + (5/ln 3)(−ln 3) + (6.25/ln 3)(−0.25)(−ln 3) = 15 − 5 + 1.5625.
    expect(metalogQuantile(fitMetalog3({ p10: 10, p50: 15, p90: 30 }), 0.25)).toBeCloseTo(11.5625, 12);
    // Bounded below at 0, (2, 5, 12): z = ln of each; at y = 0.25 Python gives 3.1744030803595136.
    expect(metalogQuantile(fitMetalog3({ p10: 2, p50: 5, p90: 12, lower: 0 }), 0.25)).toBeCloseTo(3.1744030803595136, 10);
    // Bounded above at 100, (60, 80, 90): z = −ln(100 − q) = −ln 40, −ln 20, −ln 10, so a1 = −ln 20,
    // a2 = (ln 40 − ln 10) / (2 ln 9) = ln 2 / (2 ln 3), a3 = (−ln 40 − ln 10 + 2 ln 20) / (0.8 ln 9) = 0.
    // At y = 0.25 (L = −ln 3): M = −ln 20 − (ln 2)/2 = −ln(20√2), x = 100 − e^−M = 100 − 20√2.
    expect(metalogQuantile(fitMetalog3({ p10: 60, p50: 80, p90: 90, upper: 100 }), 0.25)).toBeCloseTo(100 - 20 * Math.SQRT2, 9);
    // Bounded on both sides, force-like triplet: Python gives 40687.3600111286 at y = 0.3.
    expect(metalogQuantile(fitMetalog3({ p10: 35000, p50: 45000, p90: 58000, lower: 20000, upper: 80000 }), 0.3)).toBeCloseTo(40687.3600111286, 6);
  });

  it('stays inside the bounds and finite at the extreme uniforms of HDR', () => {
    // HDR's uniforms lie in [0.5 / 2^32, 1 − 0.5 / 2^32].
    const m = fitMetalog3({ p10: 0.2, p50: 0.5, p90: 0.7, lower: 0, upper: 1 });
    for (const y of [0.5 / 2 ** 32, 1 - 0.5 / 2 ** 32]) {
      const x = metalogQuantile(m, y);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
  });

  it('is increasing for a feasible fit', () => {
    const m = fitMetalog3({ p10: 10, p50: 13.4, p90: 30 });
    let prev = -Infinity;
    for (let i = 1; i < 1000; i++) {
      const x = metalogQuantile(m, i / 1000);
      expect(x).toBeGreaterThan(prev);
      prev = x;
    }
  });
});

describe('metalogValue', () => {
  it('agrees with the 3-term quantile for three coefficients', () => {
    const m = fitMetalog3({ p10: 2, p50: 5, p90: 12, lower: 0 });
    for (const y of [0.01, 0.25, 0.5, 0.8, 0.99]) expect(metalogValue([m.a1, m.a2, m.a3], y, { lower: 0 })).toBeCloseTo(metalogQuantile(m, y), 12);
  });

  it('uses the higher basis terms of Keelin (2016)', () => {
    // a = (1, 0, 0, 2, 3, 4): M(y) = 1 + 2(y − 0.5) + 3(y − 0.5)² + 4(y − 0.5)² ln(y/(1 − y)).
    // At y = 0.75: 1 + 0.5 + 0.1875 + 0.25 ln 3 = 1.6875 + 0.274653... = 1.962153...
    expect(metalogValue([1, 0, 0, 2, 3, 4], 0.75)).toBeCloseTo(1.6875 + 0.25 * Math.log(3), 12);
    // Term 7 is (y − 0.5)³: a = (0,0,0,0,0,0,8) at y = 0.75 gives 8 · 0.015625 = 0.125.
    expect(metalogValue([0, 0, 0, 0, 0, 0, 8], 0.75)).toBeCloseTo(0.125, 14);
  });
});
