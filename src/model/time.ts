/**
 * The time-path functions over ranges: a ramp between two levels, a munitions stock period by
 * period, a fund's bond schedule, and money between price years. The arithmetic is in the kernels
 * of `paths.ts`; this module checks arguments (constraints as data), sizes results before reading
 * any cell (see `series.ts`) and places each error in the cells it touches.
 *
 * A path's rows are its periods; a row of values in a per-column parameter gives one column per
 * scenario (1,000 daily uses in a row: a periods x 1,000 table).
 */
import { HICP_EA } from '../data/deflators';
import { type Arg, type NumberParam, numbers } from './args';
import { ModelError } from './errors';
import { EFSF_OVER_GUARANTEE } from './fund';
import { errorsFor, OVERFLOW_ERROR, Payload } from './grid';
import { lift, type NumericModel, overflow } from './numeric';
import { deflate, fundSchedule, munitionPath, ramp } from './paths';
import { columnsShape, errorAt, numbersOrNone, rowDims, seriesColumn, seriesDims, singleValue } from './series';

/** Days in a month on average: 365 / 12. */
export const DAYS_PER_MONTH = 365 / 12;

export const RAMP_PARAMS = {
  from: { name: 'from', unit: 'the series’ unit' },
  to: { name: 'to', unit: 'the series’ unit' },
  periods: { name: 'periods', unit: 'periods', min: 1, integer: true },
  start: { name: 'start', unit: 'period', min: 1, default: 1 },
  /** Its default, periods − start, depends on the other arguments: a blank is "none" here. */
  length: { name: 'length', unit: 'periods', min: 0 },
} as const satisfies Record<string, NumberParam>;

/** Rows of a result with every cell `undefined`, to be filled column by column. */
function table<T>(rows: number, cols: number): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols));
}

/** The first error among the arguments' cells at row 0 of column `c` (per-column arguments). */
function firstError(args: readonly Arg<unknown>[], c: number): ModelError | undefined {
  for (const a of args) {
    const e = errorAt(a, 0, c);
    if (e !== undefined) return e;
  }
  return undefined;
}

/**
 * RAMP over ranges: a column of `periods` values per column of from, to, start and length (each a
 * single value or a row). A blank or omitted length is periods − start (0 past the horizon).
 * @throws ModelError for a `periods` that is not a whole number ≥ 1, or shapes that do not combine
 */
export function liftRamp<E>(raws: readonly unknown[], onError: (e: ModelError) => E): (number | E)[][] {
  const P = RAMP_PARAMS;
  const [rawFrom, rawTo, rawPeriods, rawStart, rawLength] = raws;
  const perColumn = [rowDims(P.from.name, rawFrom), rowDims(P.to.name, rawTo), rowDims(P.start.name, rawStart), rowDims(P.length.name, rawLength)];
  const periods = singleValue(P.periods, rawPeriods);
  const shape = columnsShape(periods, P.periods.name, perColumn);
  const [from, to, start, length] = [numbers(P.from, rawFrom), numbers(P.to, rawTo), numbers(P.start, rawStart), numbersOrNone(P.length, rawLength)];
  const fail = errorsFor(onError, new Payload(shape));
  const out = table<number | E>(shape.rows, shape.cols);
  for (let c = 0; c < shape.cols; c++) {
    const e = firstError([from, to, start, length], c);
    if (e !== undefined) {
      const x = fail(e);
      for (let t = 0; t < periods; t++) (out[t] as (number | E)[])[c] = x;
      continue;
    }
    const s = start.values[start.cols === 1 ? 0 : c] as number;
    const given = length.values[length.cols === 1 ? 0 : c] as number;
    const path = ramp(
      from.values[from.cols === 1 ? 0 : c] as number,
      to.values[to.cols === 1 ? 0 : c] as number,
      periods,
      s,
      Number.isNaN(given) ? Math.max(0, periods - s) : given,
    );
    for (let t = 0; t < periods; t++) {
      const y = path[t] as number;
      (out[t] as (number | E)[])[c] = y - y === 0 ? y : fail(OVERFLOW_ERROR);
    }
  }
  return out;
}

export const MUNITION_PATH_PARAMS = {
  stock: { name: 'stock', unit: 'rounds', min: 0 },
  daily_use: { name: 'daily_use', unit: 'rounds per day', min: 0 },
  daily_production: { name: 'daily_production', unit: 'rounds per day', min: 0 },
  periods: { name: 'periods', unit: 'periods', min: 1, integer: true },
  days_per_period: { name: 'days_per_period', unit: 'days', min: 0, minExclusive: true, default: DAYS_PER_MONTH },
} as const satisfies Record<string, NumberParam>;

/**
 * MUNITION_PATH over ranges: end-of-period stocks, a column per scenario. stock and
 * days_per_period are single values or rows; daily_use and daily_production single values, rows,
 * columns of `periods` values or periods x scenarios grids. A bad cell in a series marks its
 * column from that period on; a bad stock or days_per_period the whole column.
 */
export function liftMunitionPath<E>(raws: readonly unknown[], onError: (e: ModelError) => E): (number | E)[][] {
  const P = MUNITION_PATH_PARAMS;
  const periods = singleValue(P.periods, raws[3]);
  const dims = [
    rowDims(P.stock.name, raws[0]),
    seriesDims(P.daily_use.name, raws[1], periods, P.periods.name),
    seriesDims(P.daily_production.name, raws[2], periods, P.periods.name),
    rowDims(P.days_per_period.name, raws[4]),
  ];
  const shape = columnsShape(periods, P.periods.name, dims);
  const [stock, use, production, days] = [
    numbers(P.stock, raws[0]),
    numbers(P.daily_use, raws[1]),
    numbers(P.daily_production, raws[2]),
    numbers(P.days_per_period, raws[4]),
  ];
  const { cols } = shape;
  // Each scenario's path through the kernel, column-major; then rows built in order, as Excel takes them.
  const all = new Float64Array(periods * cols);
  const errorFrom = new Int32Array(cols).fill(periods);
  const errorOf = new Array<ModelError | undefined>(cols);
  let anyError = false;
  const u = new Float64Array(periods);
  const p = new Float64Array(periods);
  for (let c = 0; c < cols; c++) {
    const whole = firstError([stock, days], c);
    const bu = seriesColumn(use, periods, c, u);
    const bp = seriesColumn(production, periods, c, p);
    const [at, bad] = whole !== undefined ? [0, whole] : bp.at < bu.at ? [bp.at, bp.error] : [bu.at, bu.error];
    if (bad !== undefined) {
      errorFrom[c] = at;
      errorOf[c] = bad;
      anyError = true;
    }
    all.set(munitionPath(stock.values[stock.cols === 1 ? 0 : c] as number, u, p, days.values[days.cols === 1 ? 0 : c] as number), c * periods);
  }
  const fail = errorsFor(onError, new Payload(shape));
  const out = new Array<(number | E)[]>(periods);
  for (let t = 0; t < periods; t++) {
    const row = new Array<number | E>(cols);
    let check = 0;
    for (let c = 0, i = t; c < cols; c++, i += periods) check += (row[c] = all[i] as number) * 0;
    if (check !== 0 || anyError) {
      for (let c = 0; c < cols; c++) {
        const y = row[c] as number;
        if (t >= (errorFrom[c] as number)) row[c] = fail(errorOf[c] as ModelError);
        else if (y - y !== 0) row[c] = fail(OVERFLOW_ERROR);
      }
    }
    out[t] = row;
  }
  return out;
}

export const FUND_SCHEDULE_PARAMS = {
  annual_amount: { name: 'annual_amount', unit: 'any currency unit a year', min: 0 },
  // Our bounds, not a source's: a coupon above −100 % (negative yields happen) and at most 100 %, so
  // 3 typed for 3 % is refused rather than read as 300 %.
  rate: { name: 'rate', unit: 'fraction a year: 0.03 for 3 %', min: -1, minExclusive: true, max: 1 },
  maturity_years: { name: 'maturity_years', unit: 'years', min: 1, integer: true },
  years: { name: 'years', unit: 'years', min: 1, integer: true },
  over_guarantee: { name: 'over_guarantee', unit: 'guarantees per unit of debt', min: 1, default: EFSF_OVER_GUARANTEE },
} as const satisfies Record<string, NumberParam>;

/**
 * FUND_SCHEDULE over ranges: a years x 5 table (issued, outstanding, interest, redemptions,
 * guarantees). annual_amount is a single value or a column of `years` values; the others are
 * single values. A bad issue marks the cells that read it: its year's issue, the outstanding,
 * interest and guarantees while it is outstanding, and its redemption.
 */
export function liftFundSchedule<E>(raws: readonly unknown[], onError: (e: ModelError) => E): (number | E)[][] {
  const P = FUND_SCHEDULE_PARAMS;
  const years = singleValue(P.years, raws[3]);
  const amountDims = seriesDims(P.annual_amount.name, raws[0], years, P.years.name);
  if (amountDims.cols !== 1) {
    throw new ModelError(
      'SHAPE_MISMATCH',
      P.annual_amount.name,
      `annual_amount must be a single value or a column of ${years} values (one per year); got a ${amountDims.rows} x ${amountDims.cols} range`,
    );
  }
  const rate = singleValue(P.rate, raws[1]);
  const maturity = singleValue(P.maturity_years, raws[2]);
  const over = singleValue(P.over_guarantee, raws[4] ?? null);
  const shape = columnsShape(years, P.years.name, [{ name: 'schedule', rows: 1, cols: 5 }]);
  const amount = numbers(P.annual_amount, raws[0]);
  const issues = new Float64Array(years);
  seriesColumn(amount, years, 0, issues);
  const rows = fundSchedule(issues, rate, maturity, over);
  const out: (number | E)[][] = rows.map((r) => [r.issued, r.outstanding, r.interest, r.redemptions, r.guarantees]);
  const clean = amount.errors === null && out.every((r) => r.every((y) => (y as number) - (y as number) === 0));
  if (clean) return out;
  const fail = errorsFor(onError, new Payload(shape));
  const bad = Array.from({ length: years }, (_, t) => errorAt(amount, t, 0));
  const inWindow = (t: number): ModelError | undefined => {
    for (let k = Math.max(0, t - maturity + 1); k <= t; k++) if (bad[k] !== undefined) return bad[k];
    return undefined;
  };
  return out.map((cells, t) => {
    const errors = [bad[t], inWindow(t), inWindow(t), t - maturity + 1 >= 0 ? bad[t - maturity + 1] : undefined, inWindow(t)];
    return cells.map((y, k) => {
      const e = errors[k];
      if (e !== undefined) return fail(e);
      return (y as number) - (y as number) === 0 ? y : fail(OVERFLOW_ERROR);
    });
  });
}

const HICP = HICP_EA.values;

/** amount × index(to) / index(from); `NaN` where the index does not cover a year, explained by the kernel. */
const deflated = (a: number, from: number, to: number): number => a * ((HICP[to] ?? NaN) / (HICP[from] ?? NaN));

export const DEFLATE: NumericModel = {
  params: [
    { name: 'amount', unit: 'any currency unit, in from_year prices' },
    { name: 'from_year', unit: 'calendar year', integer: true },
    { name: 'to_year', unit: 'calendar year', integer: true },
  ],
  f: deflated,
  explain: ([a, from, to]) => {
    try {
      deflate(a!, from!, to!, HICP_EA);
    } catch (e) {
      if (e instanceof ModelError) return e;
      throw e;
    }
    return overflow();
  },
  explainReads: [1, 2],
  row: (out, n, [l0, l1, l2]) => {
    const { v: v0, o: o0, s: s0 } = l0!,
      { v: v1, o: o1, s: s1 } = l1!,
      { v: v2, o: o2, s: s2 } = l2!;
    const k0 = v0[o0]!,
      k1 = v1[o1]!,
      k2 = v2[o2]!;
    let check = 0;
    for (let j = 0; j < n; j++)
      check += (out[j] = deflated(s0 === 0 ? k0 : v0[o0 + j]!, s1 === 0 ? k1 : v1[o1 + j]!, s2 === 0 ? k2 : v2[o2 + j]!)) * 0;
    return check === 0;
  },
};

/** DEFLATE over ranges, broadcast as the other functions are (equal shapes, a value, a column against a row). */
export function liftDeflate<E>(raws: readonly unknown[], onError: (e: ModelError) => E): (number | E)[][] {
  return lift(DEFLATE, raws, onError);
}
