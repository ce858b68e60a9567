import { ModelError } from '../../src/model/errors';
import { correlation } from '../../src/model/stats';
import { liftTrials, liftTrialStats } from '../../src/model/trials';
import { expectModelError, expectModelErrorValue, keep } from '../helpers/model';

const column = (xs: readonly unknown[]): unknown[][] => xs.map((x) => [x]);
const columnOf = (grid: readonly (readonly unknown[])[], c = 0): number[] => grid.map((row) => row[c] as number);

/**
 * Expected trials: Python 3 (math module) from the published formulas, written out independently of
 * src/: HDR_2_0 as in Hubbard (2019) / PySIPmath `hdr` with seed3 = seed4 = 0, and the 3-term
 * Metalog a1 = z50, a2 = (z90 − z10)/(2 ln 9), a3 = (z10 + z90 − 2 z50)/(0.8 ln 9) (Keelin 2016),
 * z the identity, ln(x − lb), −ln(ub − x) or ln((x − lb)/(ub − x)).
 * Uniforms of variable 1, entity 1, trials 1..3: 0.9097355402773246, 0.7586898015579209, 0.07985927711706609.
 * Variable 2: 0.7737086588749662, 0.35970707901287824, 0.020871832384727895.
 */
const PY = {
  symmetric: [30.515129691850234, 25.213439608132354, 8.875690753250458], // 10, 20, 30; var 1
  skewed: [30.900657623570723, 21.89926918020981, 9.717909913878781], // 10, 15, 30; var 1
  lower: [8.189708371984507, 3.9449886548544564, 0.9975596853934292], // 2, 5, 12, lb 0; var 2
  upper: [9.023510922969091, 3.6550272606247347, 0.8929006273977471], // 2, 5, 12, ub 20; var 2
  both: [8.545991862778411, 3.8886112971869657, 0.9923666773117403], // 2, 5, 12, lb 0, ub 20; var 2
};

const close = (got: readonly number[], want: readonly number[]): void => {
  expect(got).toHaveLength(want.length);
  got.forEach((x, i) => expect(x).toBeCloseTo(want[i] as number, 10));
};

describe('liftTrials', () => {
  it('gives the Metalog quantiles at the HDR uniforms (Python values from the published formulas)', () => {
    close(columnOf(liftTrials([10, 20, 30, 1, 3, null, null, null], keep)), PY.symmetric);
    close(columnOf(liftTrials([10, 15, 30, 1, 3, null, null, null], keep)), PY.skewed);
  });

  it('bounds below, above and on both sides through the log and logit transforms', () => {
    close(columnOf(liftTrials([2, 5, 12, 2, 3, 0, null, 1], keep)), PY.lower);
    close(columnOf(liftTrials([2, 5, 12, 2, 3, null, 20, 1], keep)), PY.upper);
    close(columnOf(liftTrials([2, 5, 12, 2, 3, 0, 20, 1], keep)), PY.both);
  });

  it('gives 1,000 trials by default, the same on every call', () => {
    const a = liftTrials([10, 20, 30, 7, null, null, null, null], keep);
    const b = liftTrials([10, 20, 30, 7, null, null, null, null], keep);
    expect(a).toHaveLength(1000);
    expect(a).toEqual(b);
  });

  it('gives one column per variable of a row, each its own stream', () => {
    const out = liftTrials([[[10, 2]], [[20, 5]], [[30, 12]], [[1, 2]], 3, [[null, 0]], null, 1], keep);
    close(columnOf(out, 0), PY.symmetric);
    close(columnOf(out, 1), PY.lower);
  });

  it('gives independent streams for different var_ids and the same stream for the same one', () => {
    const out = liftTrials([10, 20, 30, [[1, 2, 1]], 1000, null, null, null], keep);
    expect(Math.abs(correlation(columnOf(out, 0), columnOf(out, 1)) as number)).toBeLessThan(0.1);
    expect(columnOf(out, 2)).toEqual(columnOf(out, 0));
  });

  it('is an infeasible triplet as #VALUE! saying which condition fails', () => {
    expectModelError(() => liftTrials([10, 5, 30, 1, 10, null, null, null], keep), 'INVALID_ARGUMENT', /^p50 must be greater than p10/, 'p50');
    expectModelError(
      () => liftTrials([10, 10.5, 30, 1, 10, null, null, null], keep),
      'INVALID_ARGUMENT',
      /too skewed for a 3-term Metalog: p50 is too close to p10/,
    );
    expectModelError(() => liftTrials([10, 20, 30, 1, 10, 12, null, null], keep), 'INVALID_ARGUMENT', /^lower_bound must be less than p10/);
  });

  it('marks only the column of an infeasible triplet when there are several', () => {
    const out = liftTrials([10, [[20, 29.9]], 30, 1, 2, null, null, null], keep);
    expect(typeof out[0]?.[0]).toBe('number');
    expectModelErrorValue(out[0]?.[1], 'INVALID_ARGUMENT', /p50 is too close to p90/);
    expect(out[1]?.[1]).toBe(out[0]?.[1]);
  });

  it('refuses a var_id that is not a whole number ≥ 0, and a column of triplets', () => {
    expectModelError(
      () => liftTrials([10, 20, 30, 1.5, 2, null, null, null], keep),
      'INVALID_ARGUMENT',
      /^var_id must be a whole number ≥ 0 and ≤ 9007199254740991/,
    );
    expectModelError(
      () => liftTrials([column([1, 2]), 20, 30, 1, 2, null, null, null], keep),
      'INVALID_ARGUMENT',
      'p10 must be a single value or a row of values (one per column of the result); got a 2 x 1 range',
    );
  });

  it('refuses more trials than a result may hold, before drawing any', () => {
    expectModelError(() => liftTrials([10, 20, 30, [[1, 2]], 200000, null, null, null], keep), 'RESULT_TOO_LARGE', /400000 cells \(200000 x 2\)/);
  });

  it('has sample percentiles within Monte Carlo tolerance of the inputs', () => {
    // Sorted 1,000 trials: PERCENTILE.INC at 0.1, 0.5, 0.9 against 10, 20, 30. The logistic scale is
    // 10 / ln 9 = 4.55, so a sample P10's standard error is about √(0.09/1000) / (0.09/4.55) ≈ 0.48.
    const stats = columnOf(liftTrialStats([liftTrials([10, 20, 30, 3, 1000, null, null, null], keep), null], keep));
    expect(Math.abs((stats[1] as number) - 10)).toBeLessThan(1.5);
    expect(Math.abs((stats[2] as number) - 20)).toBeLessThan(1.5);
    expect(Math.abs((stats[3] as number) - 30)).toBeLessThan(1.5);
    // The mean of a symmetric triplet's Metalog (a3 = 0, a logistic) is p50 = 20; its sd 4.55 π/√3 ≈ 8.25, se ≈ 0.26.
    expect(Math.abs((stats[0] as number) - 20)).toBeLessThan(0.8);
  });

  it('gives the mean of a product of independent variables within tolerance of the product of means', () => {
    // Two symmetric (logistic) variables with means 20 and 5: E[XY] = 20 × 5 = 100 when independent.
    const out = liftTrials([[[10, 4]], [[20, 5]], [[30, 6]], [[11, 12]], 1000, null, null, null], keep);
    const product = out.map((r) => [(r[0] as number) * (r[1] as number)]);
    const mean = columnOf(liftTrialStats([product, null], keep))[0] as number;
    // sd of the product ≈ √(20² × 0.455² ... ) ≈ 42; se ≈ 1.3: within 4.
    expect(Math.abs(mean - 100)).toBeLessThan(4);
  });
});

describe('liftTrialStats', () => {
  it('gives the mean, P10, P50 and P90 with PERCENTILE.INC', () => {
    // 1..5: mean 3; h = 4p: P10 = 1 + 0.4 = 1.4, P50 = 3, P90 = 4 + 0.6 = 4.6.
    const out = columnOf(liftTrialStats([column([1, 2, 3, 4, 5]), null], keep));
    close(out, [3, 1.4, 3, 4.6]);
  });

  it('sorts the trials and takes the given percentiles', () => {
    // 10, 40, 20, 30 sorted 10, 20, 30, 40; mean 25; h = 3p: P0 = 10, P10 = 10 + 0.3 × 10 = 13, P100 = 40.
    const out = columnOf(liftTrialStats([column([10, 40, 20, 30]), [[0, 0.1, 1]]], keep));
    close(out, [25, 10, 13, 40]);
  });

  it('gives a column of statistics per column of trials', () => {
    const out = liftTrialStats(
      [
        [
          [1, 10],
          [2, 20],
          [3, 30],
        ],
        0.5,
      ],
      keep,
    );
    expect(out).toEqual([
      [2, 20],
      [2, 20],
    ]);
  });

  it('marks a column with a blank or a text cell, and keeps the others', () => {
    const out = liftTrialStats(
      [
        [
          [1, 1],
          [null, 'x'],
          [3, 3],
        ],
        0.5,
      ],
      keep,
    );
    expectModelErrorValue(
      out[0]?.[0],
      'INVALID_ARGUMENT',
      'trials (row 2, column 1 of the range) is a blank cell; every cell must be a trial value (a number)',
    );
    expectModelErrorValue(out[1]?.[1], 'INVALID_ARGUMENT', /^trials \(row 2, column 2 of the range\) must be a number/);
  });

  it('refuses a percentile outside 0 to 1 in its row only', () => {
    const out = liftTrialStats([column([1, 2, 3]), column([0.5, 50])], keep);
    expect(out[1]?.[0]).toBe(2);
    expectModelErrorValue(out[2]?.[0], 'INVALID_ARGUMENT', /^percentiles \(row 2, column 1 of the range\) must be a number ≥ 0 and ≤ 1/);
  });

  it('refuses a whole column of trials from its size alone', () => {
    const whole = new Array<unknown[]>(1_048_576).fill(['x']);
    expectModelError(
      () => liftTrialStats([whole, null], keep),
      'INVALID_ARGUMENT',
      /^trials has 1048576 cells \(1048576 x 1\); TRIAL_STATS reads at most 262144/,
    );
  });

  it('is an Excel error object in every cell that reads a bad trial', () => {
    const out = liftTrialStats([column([1, 'x']), null], keep);
    for (const row of out) expect(row[0]).toBeInstanceOf(ModelError);
  });
});
