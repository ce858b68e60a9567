/**
 * Numeric models: a function of numbers declared as its parameters (constraints as data) and its
 * arithmetic. One declaration serves the checked scalar API used from TypeScript and the broadcast
 * path used by the Excel functions.
 *
 * Speed: a custom function over a 500 x 500 grid runs the arithmetic 250,000 times. Each model
 * therefore spells out its own one-line row loop (`row`), so V8 sees one call target there and
 * inlines `f`; a loop shared by every model would call `f` through a megamorphic site and box every
 * double. `bench/` measures the result against a plain loop.
 */
import { type Arg, checkNumber, dimsOf, type NumberParam, numbers } from './args';
import { ModelError } from './errors';
import { broadcastShape, errorsFor, OVERFLOW_ERROR, Payload } from './grid';

/** A view of one argument along one row of the result: the value at column j is `v[o + j * s]`. */
export interface Lane {
  readonly v: ArrayLike<number>;
  /** Offset of the row's first value. */
  o: number;
  /** Step between columns: 1, or 0 where the argument is a single column. */
  readonly s: number;
}

/** The value of a lane at column `j`. */
export function at(l: Lane, j: number): number {
  return l.v[l.o + j * l.s] as number;
}

export interface NumericModel {
  /** The parameters, in call order; optional ones carry a `default`. */
  readonly params: readonly NumberParam[];
  /**
   * The arithmetic, for inputs that passed their parameter's checks. Its result is not finite
   * (`NaN` or `±Infinity`) exactly where no finite answer exists or the result overflows; `explain`
   * then says which. Written without branches where it can be: a branch that yields a constant
   * makes V8 box every result, which triples the cost of a large grid.
   */
  readonly f: (...xs: number[]) => number;
  /** The error for inputs where `f` is not finite: no finite answer, or {@link overflow}. */
  readonly explain: (xs: readonly number[]) => ModelError;
  /**
   * The parameters (indices) `explain` reads; cells that agree on them share one explanation.
   * Default: all of them. `[]` for an explanation that reads none (an overflow).
   */
  readonly explainReads?: readonly number[];
  /**
   * Writes `f` over one row, `out[j] = f(at(lanes[0], j), at(lanes[1], j), ...)` for j < n, and
   * returns whether every value written is finite. Each model spells this loop out, with the lane
   * fields in locals, a lane of step 0 read once before the loop (`s === 0 ? k : v[o + j]`), and
   * the check as `Σ out[j] × 0` (zero unless some value is NaN or ±Infinity) rather than a second
   * pass. `npm run bench` measures the whole path against a bare loop.
   */
  readonly row: (out: number[], n: number, lanes: readonly Lane[]) => boolean;
}

/** The error for a result beyond the largest double; `explain` for models that are finite wherever they do not overflow. */
export function overflow(): ModelError {
  return OVERFLOW_ERROR;
}

/**
 * Checks each input against its parameter, then applies the model.
 * `undefined` for an optional input means "omitted" and takes the default.
 * @throws ModelError for input outside a parameter's range, or where no finite answer exists.
 */
export function evaluate(model: NumericModel, xs: readonly (number | undefined)[]): number {
  const checked = model.params.map((p, k) => {
    const x = checkNumber(p, xs[k]);
    if (x instanceof ModelError) throw x;
    return x;
  });
  const y = model.f(...checked);
  if (y - y !== 0) throw model.explain(checked);
  return y;
}

/**
 * Applies the model over arguments that may be ranges (2-D arrays), broadcasting them (see
 * `grid.ts`). An omitted optional argument is `null`, as Excel passes it, and takes its default.
 * A cell whose inputs are invalid, or that has no finite answer, holds `onError(error)`.
 *
 * The result's shape and size are checked from the arguments' sizes before any cell is read.
 */
export function lift<E>(model: NumericModel, raws: readonly unknown[], onError: (e: ModelError) => E): (number | E)[][] {
  broadcastShape(model.params.map((p, k) => dimsOf(p.name, raws[k])));
  return liftArgs(
    model,
    model.params.map((p, k) => numbers(p, raws[k])),
    onError,
  );
}

/** For each argument with errors, the columns of its error cells by the argument's row; `null` where it has none. */
function errorsByRow(a: Arg<number>): Map<number, number[]> | null {
  if (a.errors === null) return null;
  const rows = new Map<number, number[]>();
  for (const i of a.errors.keys()) {
    const r = Math.floor(i / a.cols);
    const list = rows.get(r);
    if (list === undefined) rows.set(r, [i - r * a.cols]);
    else list.push(i - r * a.cols);
  }
  return rows;
}

/**
 * {@link lift} over arguments already parsed, one per parameter of `model` in order (for callers
 * that derive an argument, such as FUND_SHARE's shares).
 *
 * Cost: the model's row loop runs over every row; only the cells that fail cost more. An argument
 * cell with an error marks only the result cells that read it (a whole row where the argument is a
 * single column), and a cell without a finite answer is explained once per column for as long as
 * the inputs {@link NumericModel.explainReads} names stay the same.
 *
 * A row with an error cell holds objects as well as numbers, so its numbers are boxed: in V8 that
 * costs several times a row of numbers alone whatever computes it (`npm run bench` shows a bare
 * loop writing the same cells beside this).
 */
export function liftArgs<E>(model: NumericModel, args: readonly Arg<number>[], onError: (e: ModelError) => E): (number | E)[][] {
  const shape = broadcastShape(args);
  const { rows, cols } = shape;
  const fail = errorsFor(onError, new Payload(shape));
  const lanes: Lane[] = args.map((a) => ({ v: a.values, o: 0, s: a.cols === 1 ? 0 : 1 }));
  const rowStep = args.map((a) => (a.rows === 1 ? 0 : a.cols));
  const withErrors = args.map((a, k) => [k, errorsByRow(a)] as const).filter((x): x is readonly [number, Map<number, number[]>] => x[1] !== null);
  const explainer = new Explainer(model, lanes, cols, fail);
  // The error of each cell of the current row, if any (reset after each row that has one).
  const errAt = new Array<E | undefined>(cols).fill(undefined);
  const out = new Array<(number | E)[]>(rows);
  for (let r = 0; r < rows; r++) {
    lanes.forEach((l, k) => (l.o = r * (rowStep[k] as number)));
    const row = new Array<number>(cols);
    const finite = model.row(row, cols, lanes);
    let first: E | undefined;
    // Argument errors first, in argument order: the first argument with an error in a cell wins it.
    for (const [k, byRow] of withErrors) {
      const a = args[k] as Arg<number>;
      const ar = a.rows === 1 ? 0 : r;
      const bad = byRow.get(ar);
      if (bad === undefined) continue;
      if (a.cols === 1) {
        // A single column: every cell of the row reads this cell.
        const e = fail(a.errors?.get(ar) as ModelError);
        first ??= e;
        for (let c = 0; c < cols; c++) if (errAt[c] === undefined) errAt[c] = e;
        break;
      }
      for (const c of bad) {
        if (errAt[c] !== undefined) continue;
        const e = fail(a.errors?.get(ar * a.cols + c) as ModelError);
        first ??= e;
        errAt[c] = e;
      }
    }
    if (!finite) first = explainer.explain(row, errAt) ?? first;
    if (first === undefined) {
      out[r] = row;
      continue;
    }
    // Errors written into the row of numbers: V8 converts the row once, in place (cheaper, measured,
    // than building a second array of values and errors).
    const cells: (number | E)[] = row;
    for (let c = 0; c < cols; c++) {
      const e = errAt[c];
      if (e === undefined) continue;
      cells[c] = e;
      errAt[c] = undefined;
    }
    out[r] = cells;
  }
  return out;
}

/**
 * Explains the cells of a row whose value is not finite, remembering per column the inputs that
 * the explanation reads and the error it gave, so a column of such cells is explained once.
 */
class Explainer<E> {
  private readonly reads: readonly number[];
  private readonly seen: Float64Array;
  private readonly made: (E | undefined)[];

  constructor(
    private readonly model: NumericModel,
    private readonly lanes: readonly Lane[],
    cols: number,
    private readonly fail: (e: ModelError) => E,
  ) {
    this.reads = model.explainReads ?? model.params.map((_, k) => k);
    this.seen = new Float64Array(this.reads.length * cols);
    this.made = new Array<E | undefined>(cols).fill(undefined);
  }

  /**
   * Sets `errAt[c]` for each cell of `row` whose value is not finite and that has no error yet;
   * returns one of the errors set, or `undefined` when it set none.
   */
  explain(row: readonly number[], errAt: (E | undefined)[]): E | undefined {
    const { reads, seen, made, lanes } = this;
    const n = reads.length;
    let some: E | undefined;
    for (let c = 0; c < row.length; c++) {
      const y = row[c] as number;
      if (y - y === 0 || errAt[c] !== undefined) continue;
      let same = made[c] !== undefined;
      for (let q = 0; q < n; q++) {
        const x = at(lanes[reads[q] as number] as Lane, c);
        if (seen[c * n + q] !== x) same = false;
        seen[c * n + q] = x;
      }
      if (!same) made[c] = this.fail(this.model.explain(lanes.map((l) => at(l, c))));
      errAt[c] = some = made[c];
    }
    return some;
  }
}
