/**
 * The uncertainty functions: reproducible Monte Carlo trials of a variable given by its P10, P50
 * and P90 on the SIPmath 3.0 standard, and the mean and percentiles of columns of trials.
 */
import { DEFAULT_PERCENTILES, liftTrials, liftTrialStats, TRIAL_STATS_PARAMS, TRIALS_PARAMS } from '../../model/trials';
import { type Argument, declare, type Grid, numberParameter, spillByCount } from '../declare';
import { toExcel, toExcelError } from '../errors';

const ROW = ' A row gives one column per variable.';

const bound = (p: typeof TRIALS_PARAMS.lower_bound | typeof TRIALS_PARAMS.upper_bound, description: string) => ({
  ...numberParameter(p, { description }),
  optional: true,
  default: 'none (unbounded)',
});

export const trials = declare({
  id: 'TRIALS',
  group: 'Uncertainty',
  summary: 'A column of Monte Carlo trials of a variable given by its P10, P50 and P90.',
  lead:
    'A column of Monte Carlo trials of a variable given by its P10, P50 and P90: the 3-term Metalog through the three ' +
    'percentiles at the HDR_2_0 uniforms of the SIPmath 3.0 standard, so any SIPmath tool reproduces the same trials. The ' +
    'same <code>var_id</code> gives the same stream; different ids are independent. A row of triplets gives one column per variable.',
  description: 'A column of trials of a variable with this P10, P50 and P90: the 3-term Metalog at the SIPmath HDR_2_0 uniforms.',
  parameters: [
    numberParameter(TRIALS_PARAMS.p10, { description: `The 10th percentile, in the variable's unit.${ROW}` }),
    numberParameter(TRIALS_PARAMS.p50, { description: 'The median (> p10).' }),
    numberParameter(TRIALS_PARAMS.p90, { description: 'The 90th percentile (> p50).' }),
    numberParameter(TRIALS_PARAMS.var_id, { description: 'SIPmath varId: a whole number ≥ 0; one per variable.' }),
    numberParameter(TRIALS_PARAMS.trials, { description: 'Rows of the result: a whole number of trials (≥ 1). Default 1,000.' }),
    bound(TRIALS_PARAMS.lower_bound, 'Least possible value (< p10). Default none: unbounded below.'),
    bound(TRIALS_PARAMS.upper_bound, 'Greatest possible value (> p90). Default none: unbounded above.'),
    numberParameter(TRIALS_PARAMS.entity, { description: 'SIPmath entity: a whole number ≥ 0. Default 1.' }),
  ],
  method: {
    equation:
      'x<sub>i</sub> = M(u<sub>i</sub>), M(y) = a1 + a2 L(y) + a3 (y − 0.5) L(y), L(y) = ln(y / (1 − y)); a1 = p50, ' +
      'a2 = (p90 − p10) / (2r), a3 = (p10 + p90 − 2 p50) / (0.8 r), r = ln 9; u<sub>i</sub> = HDR_2_0(i, var_id, entity, 0, 0), ' +
      'i = 1 … trials. Bounded: the fit on ln(x − lb), −ln(ub − x) or ln((x − lb)/(ub − x)), back-transformed.',
    notes:
      'A triplet whose Metalog is not increasing is <code>#VALUE!</code> saying which condition fails: p10 &lt; p50 &lt; p90, ' +
      'the bounds outside them, and |a3 / a2| &lt; 1.6671 (p50 not too close to p10 or p90).',
    reference:
      'T. W. Keelin, "The Metalog Distributions", Decision Analysis 13(4), 2016; D. W. Hubbard, HDR generator, Winter ' +
      'Simulation Conference 2019; ProbabilityManagement.org, SIPmath 3.0 standard; reference implementation ' +
      'probability-management/PySIPmath.',
  },
  examples: [
    {
      formula: '=DEF.TRIALS(10, 20, 30, 1, 1)',
      result: '30.52',
      after:
        ': trial 1 of variable 1 (entity 1) is the HDR uniform 0.909736, and the symmetric Metalog through 10, 20, 30 gives ' +
        '20 + 10 / ln 9 × ln(0.909736 / 0.090264).',
    },
  ],
  spill: spillByCount(4, TRIALS_PARAMS.trials.default, [0, 1, 2, 3, 5, 6, 7]),
  call: (p10: Grid, p50: Grid, p90: Grid, var_id: Grid, trials?: Argument, lower_bound?: Argument, upper_bound?: Argument, entity?: Argument) =>
    toExcel(() => liftTrials([p10, p50, p90, var_id, trials, lower_bound, upper_bound, entity], toExcelError)),
});

export const trialStats = declare({
  id: 'TRIAL_STATS',
  group: 'Uncertainty',
  summary: 'The mean and percentiles of a column of trials.',
  lead:
    'The mean and percentiles of a column of trials: a column with the mean, then P10, P50 and P90 (or the percentiles ' +
    'asked), as PERCENTILE.INC gives them. A range of several columns gives the statistics of each.',
  description: 'A column: the mean of the trials, then their P10, P50 and P90 (or the given percentiles), as PERCENTILE.INC.',
  parameters: [
    numberParameter(TRIAL_STATS_PARAMS.trials, {
      description: 'A column of trials, e.g. DEF.TRIALS(...); several columns give a column of statistics each.',
    }),
    {
      ...numberParameter(TRIAL_STATS_PARAMS.percentiles, {
        description: 'Percentiles as fractions from 0 to 1, in a row or column. Default 0.1, 0.5, 0.9.',
      }),
      optional: true,
      default: '0.1, 0.5, 0.9',
    },
  ],
  method: {
    equation: 'mean = Σ x / n; percentile p: with x sorted and h = (n − 1) p, x<sub>⌊h⌋+1</sub> + (h − ⌊h⌋)(x<sub>⌊h⌋+2</sub> − x<sub>⌊h⌋+1</sub>)',
    notes: 'A blank or an error among the trials is an error for its column.',
    reference: 'Microsoft, PERCENTILE.INC function (Excel).',
  },
  examples: [
    {
      formula: '=INDEX(DEF.TRIAL_STATS({1;2;3;4;5}), 2)',
      result: '1.4',
      after: ': the P10 of 1 to 5, h = 4 × 0.1 = 0.4, so 1 + 0.4 × (2 − 1).',
    },
  ],
  // The mean and one row per percentile, a column per column of trials: known from the shapes alone.
  spill: ([trials, percentiles]) => ({
    rows: 1 + (percentiles === undefined || percentiles.omitted ? DEFAULT_PERCENTILES.length : percentiles.rows * percentiles.cols),
    cols: trials?.cols ?? 1,
  }),
  call: (trials: Grid, percentiles?: Argument) => toExcel(() => liftTrialStats([trials, percentiles], toExcelError)),
});
