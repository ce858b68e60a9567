/**
 * Arguments of the functions that return a table by period (RAMP, MUNITION_PATH, FUND_SCHEDULE)
 * or by trial (TRIALS, TRIAL_STATS): their rows are periods or trials, not a broadcast.
 *
 * Conventions, on top of `args.ts`:
 * - a count that sets the number of rows (`periods`, `years`, `trials`) is a single value;
 * - a per-column parameter is a single value or a row: a row of n values gives n columns, one per
 *   scenario or variable;
 * - a series is a single value (the same every period), a row (one constant per column), a column
 *   of one value per period, or a grid of periods x columns. A series of another length is a
 *   `SHAPE_MISMATCH` naming both lengths.
 *
 * Every size is checked from {@link dimsOf} before any cell is read, so a whole column is refused
 * from its length alone.
 */
import { type Arg, checkNumber, type Dims, dimsOf, type NumberParam } from './args';
import { invalid, ModelError } from './errors';
import { broadcastShape, type Shape } from './grid';

/** `3 x 1`. */
const size = (d: Dims): string => `${d.rows} x ${d.cols}`;

/** The size of a per-column parameter: a single value or a row. */
export function rowDims(name: string, raw: unknown): Dims {
  const d = dimsOf(name, raw);
  if (d.rows !== 1) {
    throw invalid(name, `${name} must be a single value or a row of values (one per column of the result); got a ${size(d)} range`);
  }
  return d;
}

/** The size of a series over `periods` rows: 1 or `periods` rows. */
export function seriesDims(name: string, raw: unknown, periods: number, periodsName: string): Dims {
  const d = dimsOf(name, raw);
  if (d.rows !== 1 && d.rows !== periods) {
    throw new ModelError(
      'SHAPE_MISMATCH',
      name,
      `${name} has ${d.rows} values (${size(d)}) but ${periodsName} is ${periods}: give a single value, a row, or a column of ` +
        `${periods} values (one per period)`,
    );
  }
  return d;
}

/**
 * A parameter read as one number, such as a count of periods: a 1 x 1 range. Throws its error
 * (an Excel error in the cell is passed on).
 */
export function singleValue(p: NumberParam, raw: unknown): number {
  const d = dimsOf(p.name, raw);
  if (d.rows * d.cols !== 1) throw invalid(p.name, `${p.name} must be a single value; got a ${size(d)} range`);
  const cell: unknown = Array.isArray(raw) ? (Array.isArray(raw[0]) ? (raw[0] as unknown[])[0] : (raw as unknown[])[0]) : raw;
  const x = checkNumber(p, cell);
  if (x instanceof ModelError) throw x;
  return x;
}

/**
 * The shape of a result of `rows` rows whose columns come from the arguments' columns: each has 1
 * or the same n columns. Throws `SHAPE_MISMATCH` naming both sizes, or `RESULT_TOO_LARGE`.
 */
export function columnsShape(rows: number, rowsName: string, args: readonly Dims[]): Shape {
  let cols = 1;
  let from: Dims | undefined;
  for (const a of args) {
    if (a.cols === 1) continue;
    if (from !== undefined && a.cols !== cols) {
      throw new ModelError(
        'SHAPE_MISMATCH',
        a.name,
        `${from.name} (${size(from)}) and ${a.name} (${size(a)}) cannot be combined: give each a single value or the same number of columns`,
      );
    }
    cols = a.cols;
    from = a;
  }
  return broadcastShape([{ name: rowsName, rows, cols }]);
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

/**
 * Parses a numeric argument whose blank cells mean "none" (`NaN`): an omitted bound, a length
 * left to its default. Other cells are checked against `p`; an omitted argument is one blank.
 */
export function numbersOrNone(p: NumberParam, raw: unknown): Arg<number> {
  const { rows, cols } = dimsOf(p.name, raw);
  const grid: readonly unknown[] = !Array.isArray(raw) ? [[raw]] : Array.isArray(raw[0]) ? (raw as unknown[]) : [raw];
  const values = new Float64Array(rows * cols);
  let errors: Map<number, ModelError> | null = null;
  for (let r = 0, i = 0; r < rows; r++) {
    const row = grid[r];
    if (!Array.isArray(row) || row.length !== cols) {
      throw invalid(
        p.name,
        `${p.name} is a ragged range (rows of ${cols} and ${Array.isArray(row) ? row.length : 1} cells); give a rectangular range`,
      );
    }
    for (let c = 0; c < cols; c++, i++) {
      const v: unknown = row[c];
      if (isBlank(v)) {
        values[i] = NaN;
        continue;
      }
      const x = checkNumber(p, v, rows * cols === 1 ? '' : ` (row ${r + 1}, column ${c + 1} of the range)`);
      if (x instanceof ModelError) {
        values[i] = NaN;
        errors ??= new Map();
        errors.set(i, x);
      } else {
        values[i] = x;
      }
    }
  }
  return { name: p.name, rows, cols, values, errors };
}

/** The index of an argument's value at row `r`, column `c` of the result (a dimension of 1 repeats). */
export function indexAt(a: Dims, r: number, c: number): number {
  return (a.rows === 1 ? 0 : r * a.cols) + (a.cols === 1 ? 0 : c);
}

/** The error of an argument's cell at row `r`, column `c` of the result, if it has one. */
export function errorAt(a: Arg<unknown>, r: number, c: number): ModelError | undefined {
  return a.errors?.get(indexAt(a, r, c));
}

/** A column of a series argument as `rows` numbers (`NaN` where a cell has an error) and its first error row. */
export function seriesColumn(a: Arg<number>, rows: number, c: number, out: Float64Array): { at: number; error: ModelError | undefined } {
  if (a.rows === 1) {
    // The same value every period.
    const i = a.cols === 1 ? 0 : c;
    out.fill(a.values[i] as number);
    const error = a.errors?.get(i);
    return { at: error === undefined ? rows : 0, error };
  }
  const step = a.cols;
  const first = a.cols === 1 ? 0 : c;
  for (let t = 0, i = first; t < rows; t++, i += step) out[t] = a.values[i] as number;
  if (a.errors === null) return { at: rows, error: undefined };
  for (let t = 0, i = first; t < rows; t++, i += step) {
    const error = a.errors.get(i);
    if (error !== undefined) return { at: t, error };
  }
  return { at: rows, error: undefined };
}
