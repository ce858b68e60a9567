/**
 * Monte Carlo trials over ranges, on the SIPmath 3.0 standard: TRIALS draws a column of trials of
 * a variable given by its P10, P50 and P90 (the 3-term Metalog of `metalog.ts` at the HDR_2_0
 * uniforms of `hdr.ts`), and TRIAL_STATS summarises columns of trials (`stats.ts`).
 *
 * A row of triplets gives one column per variable; the trial counter runs down the rows.
 *
 * References: D. W. Hubbard, HDR generator (Winter Simulation Conference 2019); T. W. Keelin, "The
 * Metalog Distributions", Decision Analysis 13(4), 2016; ProbabilityManagement.org, SIPmath 3.0
 * standard; Microsoft, PERCENTILE.INC.
 */
import { type Arg, dimsOf, type NumberParam, numbers } from './args';
import { invalid, ModelError } from './errors';
import { errorsFor, MAX_RESULT_CELLS, OVERFLOW_ERROR, Payload } from './grid';
import { hdrUniform, type HdrSeed } from './hdr';
import { fitMetalog3, type Metalog3, metalogQuantile } from './metalog';
import { columnsShape, errorAt, numbersOrNone, rowDims, singleValue } from './series';
import { mean, percentileInc } from './stats';

/** The largest seed HDR_2_0 computes exactly in doubles: 2^53 − 1. */
const MAX_SEED = Number.MAX_SAFE_INTEGER;

export const TRIALS_PARAMS = {
  p10: { name: 'p10', unit: 'the variable’s unit' },
  p50: { name: 'p50', unit: 'the variable’s unit' },
  p90: { name: 'p90', unit: 'the variable’s unit' },
  var_id: { name: 'var_id', unit: 'SIPmath varId', min: 0, max: MAX_SEED, integer: true },
  trials: { name: 'trials', unit: 'trials', min: 1, integer: true, default: 1000 },
  /** No default value: blank or omitted means unbounded below. */
  lower_bound: { name: 'lower_bound', unit: 'the variable’s unit' },
  /** No default value: blank or omitted means unbounded above. */
  upper_bound: { name: 'upper_bound', unit: 'the variable’s unit' },
  entity: { name: 'entity', unit: 'SIPmath entity', min: 0, max: MAX_SEED, integer: true, default: 1 },
} as const satisfies Record<string, NumberParam>;

/** The HDR_2_0 seeds of a variable: SIPmath's varId and entity, seed3 = seed4 = 0. */
export function trialSeed(varId: number, entity: number): HdrSeed {
  return { varId, entity, seed3: 0, seed4: 0 };
}

/**
 * Trials 1 to `trials` of one variable: the Metalog's quantile at each HDR uniform, in order.
 * @throws ModelError for a triplet and bounds whose Metalog is not increasing (see {@link fitMetalog3})
 */
export function drawTrials(m: Metalog3, trials: number, seed: HdrSeed): Float64Array {
  const out = new Float64Array(trials);
  for (let i = 0; i < trials; i++) out[i] = metalogQuantile(m, hdrUniform(i + 1, seed));
  return out;
}

/**
 * TRIALS over ranges: `trials` rows, one column per variable (p10, p50, p90, var_id, the bounds and
 * entity each a single value or a row). A column whose arguments are invalid, or whose triplet has
 * no increasing Metalog, holds that error in every trial; a single variable's error is thrown.
 */
export function liftTrials<E>(raws: readonly unknown[], onError: (e: ModelError) => E): (number | E)[][] {
  const P = TRIALS_PARAMS;
  const [rawP10, rawP50, rawP90, rawVar, rawTrials, rawLower, rawUpper, rawEntity] = raws;
  const perColumn = [
    rowDims(P.p10.name, rawP10),
    rowDims(P.p50.name, rawP50),
    rowDims(P.p90.name, rawP90),
    rowDims(P.var_id.name, rawVar),
    rowDims(P.lower_bound.name, rawLower),
    rowDims(P.upper_bound.name, rawUpper),
    rowDims(P.entity.name, rawEntity),
  ];
  const trials = singleValue(P.trials, rawTrials);
  const shape = columnsShape(trials, P.trials.name, perColumn);
  const args: Arg<number>[] = [
    numbers(P.p10, rawP10),
    numbers(P.p50, rawP50),
    numbers(P.p90, rawP90),
    numbers(P.var_id, rawVar),
    numbersOrNone(P.lower_bound, rawLower),
    numbersOrNone(P.upper_bound, rawUpper),
    numbers(P.entity, rawEntity),
  ];
  const fail = errorsFor(onError, new Payload(shape));
  const out = Array.from({ length: trials }, () => new Array<number | E>(shape.cols));
  for (let c = 0; c < shape.cols; c++) {
    const [p10, p50, p90, varId, lower, upper, entity] = args.map((a) => a.values[a.cols === 1 ? 0 : c] as number) as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    let error = args.map((a) => errorAt(a, 0, c)).find((e) => e !== undefined);
    let column: Float64Array | undefined;
    if (error === undefined) {
      try {
        const bounds = { ...(Number.isNaN(lower) ? {} : { lower }), ...(Number.isNaN(upper) ? {} : { upper }) };
        column = drawTrials(fitMetalog3({ p10, p50, p90, ...bounds }), trials, trialSeed(varId, entity));
      } catch (e) {
        if (!(e instanceof ModelError)) throw e;
        error = e;
      }
    }
    if (error !== undefined && shape.cols === 1) throw error;
    const bad = error === undefined ? undefined : fail(error);
    for (let i = 0; i < trials; i++) {
      const y = column === undefined ? NaN : (column[i] as number);
      (out[i] as (number | E)[])[c] = bad ?? (y - y === 0 ? y : fail(OVERFLOW_ERROR));
    }
  }
  return out;
}

/** The percentiles TRIAL_STATS gives when none are asked: P10, P50, P90. */
export const DEFAULT_PERCENTILES: readonly number[] = [0.1, 0.5, 0.9];

export const TRIAL_STATS_PARAMS = {
  /** Every cell a number: a blank is refused rather than read as 0 (see {@link liftTrialStats}). */
  trials: { name: 'trials', unit: 'the variable’s unit' },
  percentiles: { name: 'percentiles', unit: 'fraction: 0.1 for P10', min: 0, max: 1 },
} as const satisfies Record<string, NumberParam>;

/**
 * TRIAL_STATS over ranges: for each column of `trials`, the mean, then each percentile (Excel's
 * PERCENTILE.INC): a (1 + percentiles) x columns table. `percentiles` is omitted (P10, P50, P90),
 * a value, a row or a column. A column of trials with an error or a blank cell holds that error.
 */
export function liftTrialStats<E>(raws: readonly unknown[], onError: (e: ModelError) => E): (number | E)[][] {
  const P = TRIAL_STATS_PARAMS;
  const [rawTrials, rawPercentiles] = raws;
  const d = dimsOf(P.trials.name, rawTrials);
  if (d.rows * d.cols > MAX_RESULT_CELLS) {
    throw invalid(
      P.trials.name,
      `trials has ${d.rows * d.cols} cells (${d.rows} x ${d.cols}); TRIAL_STATS reads at most ${MAX_RESULT_CELLS} (the most a ` +
        'DEF.TRIALS result holds): give the range of the trials themselves',
    );
  }
  const omitted = rawPercentiles === null || rawPercentiles === undefined || rawPercentiles === '';
  let k = DEFAULT_PERCENTILES.length;
  if (!omitted) {
    const pd = dimsOf(P.percentiles.name, rawPercentiles);
    if (pd.rows !== 1 && pd.cols !== 1) {
      throw invalid(P.percentiles.name, `percentiles must be a single value, a row or a column; got a ${pd.rows} x ${pd.cols} range`);
    }
    k = pd.rows * pd.cols;
  }
  const shape = columnsShape(1 + k, 'percentiles', [d]);
  const percentiles: Arg<number> = omitted
    ? { name: P.percentiles.name, rows: k, cols: 1, values: DEFAULT_PERCENTILES, errors: null }
    : numbers(P.percentiles, rawPercentiles);
  const trials = numbersOrNone(P.trials, rawTrials);
  const fail = errorsFor(onError, new Payload(shape));
  const out = Array.from({ length: 1 + k }, () => new Array<number | E>(shape.cols));
  const column = new Float64Array(d.rows);
  for (let c = 0; c < d.cols; c++) {
    let error: ModelError | undefined;
    for (let r = 0; r < d.rows && error === undefined; r++) {
      const x = trials.values[r * d.cols + c] as number;
      column[r] = x;
      error = errorAt(trials, r, c);
      if (error === undefined && Number.isNaN(x)) {
        const at = d.rows * d.cols === 1 ? '' : ` (row ${r + 1}, column ${c + 1} of the range)`;
        error = invalid(P.trials.name, `trials${at} is a blank cell; every cell must be a trial value (a number)`);
      }
    }
    const bad = error === undefined ? undefined : fail(error);
    const put = (row: number, y: number): void => {
      (out[row] as (number | E)[])[c] = bad ?? (y - y === 0 ? y : fail(OVERFLOW_ERROR));
    };
    put(0, mean(column) as number);
    column.sort();
    for (let q = 0; q < k; q++) {
      const pe = percentiles.errors?.get(q);
      if (pe !== undefined) (out[1 + q] as (number | E)[])[c] = bad ?? fail(pe);
      else put(1 + q, percentileInc(column, percentiles.values[q] as number));
    }
  }
  return out;
}
