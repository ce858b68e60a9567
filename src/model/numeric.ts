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
import { checkNumber, type NumberParam, numbers } from './args';
import { ModelError } from './errors';
import { broadcastShape, errorsFor, Payload } from './grid';

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
  return new ModelError('OVERFLOW', '', 'the result is beyond the largest number Excel holds (about 1.8E+308)');
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
 */
export function lift<E>(model: NumericModel, raws: readonly unknown[], onError: (e: ModelError) => E): (number | E)[][] {
  const args = model.params.map((p, k) => numbers(p, raws[k]));
  const shape = broadcastShape(args);
  const { rows, cols } = shape;
  const fail = errorsFor(onError, new Payload(shape));
  const lanes: Lane[] = args.map((a) => ({ v: a.values, o: 0, s: a.cols === 1 ? 0 : 1 }));
  const rowStep = args.map((a) => (a.rows === 1 ? 0 : a.cols));
  const withErrors = args.some((a) => a.errors !== null);
  const out = new Array<(number | E)[]>(rows);
  for (let r = 0; r < rows; r++) {
    lanes.forEach((l, k) => (l.o = r * (rowStep[k] as number)));
    const row = new Array<number>(cols);
    const finite = model.row(row, cols, lanes);
    // The common case checks each cell with one subtraction; the rest runs only where a cell failed.
    const failed = withErrors ? Array.from({ length: cols }, (_, c) => c) : finite ? [] : nonFinite(row);
    const cells: (number | E)[] = row;
    for (const c of failed) {
      const bad = args.map((a, k) => a.errors?.[(lanes[k] as Lane).o + c * (lanes[k] as Lane).s]).find((e) => e);
      if (bad !== undefined) cells[c] = fail(bad);
      else if (!Number.isFinite(row[c])) cells[c] = fail(model.explain(lanes.map((l) => at(l, c))));
    }
    out[r] = cells;
  }
  return out;
}

/** Columns of a row whose value is `NaN` or `±Infinity`. */
function nonFinite(row: readonly number[]): number[] {
  const found: number[] = [];
  for (let c = 0; c < row.length; c++) {
    const y = row[c] as number;
    if (y - y !== 0) found.push(c);
  }
  return found;
}
