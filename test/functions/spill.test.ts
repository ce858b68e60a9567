/**
 * The declarations' `spill`: the size of a result set by an argument's value, for an engine that
 * must size a spill before computing it. Checked against the size the function itself returns.
 */
import type { SpillArgument } from '../../src/functions/declare';
import { REGISTRY } from '../../src/functions/registry';

/** A literal number argument. */
const n = (value: number): SpillArgument => ({ rows: 1, cols: 1, value, omitted: false });
/** A range reference of this size (its values unknown before evaluation). */
const range = (rows: number, cols: number): SpillArgument => ({ rows, cols, omitted: false });
const omitted: SpillArgument = { rows: 1, cols: 1, omitted: true };

const sizeOf = (grid: readonly (readonly unknown[])[]): { rows: number; cols: number } => ({ rows: grid.length, cols: grid[0]?.length ?? 0 });

describe('spill', () => {
  it('sizes RAMP from periods and the widest per-scenario row', () => {
    expect(REGISTRY.RAMP.spill?.([range(1, 3), n(2), n(5), omitted, omitted])).toEqual({ rows: 5, cols: 3 });
    expect(sizeOf(REGISTRY.RAMP.call([[1, 2, 3]], [[2]], [[5]], null, null))).toEqual({ rows: 5, cols: 3 });
  });

  it('cannot size a RAMP whose periods is a reference', () => {
    expect(REGISTRY.RAMP.spill?.([n(1), n(2), range(1, 1), omitted, omitted])).toBeUndefined();
  });

  it('sizes MUNITION_PATH from periods and a row of daily uses: 240 x 1,000', () => {
    expect(REGISTRY.MUNITION_PATH.spill?.([n(1e6), range(1, 1000), n(0), n(240), omitted])).toEqual({ rows: 240, cols: 1000 });
  });

  it('sizes FUND_SCHEDULE as years x 5', () => {
    expect(REGISTRY.FUND_SCHEDULE.spill?.([n(40), n(0.03), n(10), n(30), omitted])).toEqual({ rows: 30, cols: 5 });
    expect(sizeOf(REGISTRY.FUND_SCHEDULE.call([[40]], [[0.03]], [[10]], [[30]], null))).toEqual({ rows: 30, cols: 5 });
  });

  it('sizes TRIALS as 1,000 trials when omitted, a column per variable', () => {
    const args = [range(1, 2), range(1, 2), range(1, 2), range(1, 2), omitted, omitted, omitted, omitted];
    expect(REGISTRY.TRIALS.spill?.(args)).toEqual({ rows: 1000, cols: 2 });
    expect(sizeOf(REGISTRY.TRIALS.call([[10, 1]], [[20, 2]], [[30, 3]], [[1, 2]], null, null, null, null))).toEqual({ rows: 1000, cols: 2 });
  });

  it('sizes TRIAL_STATS from the shapes alone: the mean and each percentile, a column per column of trials', () => {
    expect(REGISTRY.TRIAL_STATS.spill?.([range(1000, 3), omitted])).toEqual({ rows: 4, cols: 3 });
    expect(REGISTRY.TRIAL_STATS.spill?.([range(1000, 1), range(1, 5)])).toEqual({ rows: 6, cols: 1 });
  });

  it('is absent where the shapes broadcast, as for DEFLATE', () => {
    expect(REGISTRY.DEFLATE.spill).toBeUndefined();
  });
});
