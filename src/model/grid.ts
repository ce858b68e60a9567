/**
 * Broadcasting: combines validated arguments cell by cell with Excel's array-lifting rules, so one
 * formula over ranges spills a whole table.
 *
 * Rules: along each dimension every argument has either 1 cell or the same number N of cells; the
 * result has N there. Equal shapes combine cell by cell, a single value applies to every cell, and a
 * column against a row makes a grid. Any other pair of sizes is a `SHAPE_MISMATCH` naming both
 * (Excel itself would pad with `#N/A`; we refuse instead, since a padded table reads as data).
 */
import type { Arg, Dims } from './args';
import { ModelError } from './errors';

/**
 * Largest result payload: Excel caps what a custom function returns at about 5 MB
 * (OfficeDev/office-js#4654). Sizes are estimated as Excel serialises results: about 20 bytes a
 * number, and the length of each text or error message on top.
 */
export const MAX_RESULT_BYTES = 5 * 1024 * 1024;
const BYTES_PER_CELL = 20;

/**
 * Most cells one result may have: 262,144 (512 x 512) = 5 MiB / 20 bytes a number. Larger results
 * are refused before any work is done; results with text or errors are also held to
 * {@link MAX_RESULT_BYTES} as they are built (see {@link Payload}).
 */
export const MAX_RESULT_CELLS = MAX_RESULT_BYTES / BYTES_PER_CELL;

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

function size(a: Shape): string {
  return `${a.rows} x ${a.cols}`;
}

/**
 * The shape of the broadcast result; throws `SHAPE_MISMATCH` or `RESULT_TOO_LARGE`. It needs only
 * the arguments' sizes, so callers check it from {@link dimsOf} before reading any cell: a whole
 * column (1,048,576 x 1) is refused from its length alone.
 */
export function broadcastShape(args: readonly Dims[]): Shape {
  let rows = 1;
  let cols = 1;
  let rowsFrom: Dims | undefined;
  let colsFrom: Dims | undefined;
  for (const a of args) {
    if (a.rows !== 1) {
      if (rows !== 1 && a.rows !== rows && rowsFrom) throw mismatch(rowsFrom, a);
      rows = a.rows;
      rowsFrom = a;
    }
    if (a.cols !== 1) {
      if (cols !== 1 && a.cols !== cols && colsFrom) throw mismatch(colsFrom, a);
      cols = a.cols;
      colsFrom = a;
    }
  }
  if (rows * cols > MAX_RESULT_CELLS) {
    throw new ModelError(
      'RESULT_TOO_LARGE',
      '',
      `the result would have ${rows * cols} cells (${rows} x ${cols}); a custom function can return at most ` +
        `${MAX_RESULT_CELLS} cells (about 5 MB): use smaller ranges`,
    );
  }
  return { rows, cols };
}

function mismatch(a: Dims, b: Dims): ModelError {
  return new ModelError(
    'SHAPE_MISMATCH',
    b.name,
    `${a.name} (${size(a)}) and ${b.name} (${size(b)}) cannot be combined: ranges must have the same ` +
      `size, or one of them a single row, column or cell`,
  );
}

/**
 * The estimated size of a result being built: every cell counts {@link BYTES_PER_CELL}, text and
 * error messages their length on top. Throws `RESULT_TOO_LARGE` as soon as it passes the cap, so
 * a huge grid of long texts or errors stops early instead of hanging Excel at #BUSY!.
 */
export class Payload {
  private bytes: number;
  constructor(private readonly shape: Shape) {
    this.bytes = shape.rows * shape.cols * BYTES_PER_CELL;
  }

  /** Counts `extra` bytes of text or error message. */
  add(extra: number): void {
    this.bytes += extra;
    if (this.bytes > MAX_RESULT_BYTES) {
      const { rows, cols } = this.shape;
      throw new ModelError(
        'RESULT_TOO_LARGE',
        '',
        `the result would be over ${(MAX_RESULT_BYTES / 1024 / 1024).toFixed(0)} MB (${rows} x ${cols} cells, with text or ` +
          `error messages); a custom function can return at most about 5 MB: use smaller ranges`,
      );
    }
  }
}

/**
 * `onError` that returns one Excel error per distinct model error (same code, parameter, upstream
 * error and message), so a grid full of the same error builds it once. Its message is counted in
 * `payload` once, when it is first built: every cell holding it holds the same object.
 */
export function errorsFor<E>(onError: (e: ModelError) => E, payload: Payload): (e: ModelError) => E {
  const byObject = new Map<ModelError, E>();
  const byText = new Map<string, E>();
  return (e) => {
    // The same ModelError object (shared by the model) is found without building a key.
    let x = byObject.get(e);
    if (x !== undefined) return x;
    const key = `${e.code}|${e.parameter}|${e.upstream ?? ''}|${e.message}`;
    x = byText.get(key);
    if (x === undefined) {
      payload.add(e.message.length);
      x = onError(e);
      byText.set(key, x);
    }
    byObject.set(e, x);
    return x;
  };
}

/** The one error for a result beyond the largest double: shared by every cell that has it. */
export const OVERFLOW_ERROR = new ModelError('OVERFLOW', '', 'the result is beyond the largest number Excel holds (about 1.8E+308)');

/**
 * Computes `cell` for every cell of the broadcast result.
 *
 * `cell` receives, for each argument in order, the index of its value in `args[k].values` (reused
 * between calls: read it, do not keep it). It may throw a {@link ModelError} for a combination of
 * valid inputs that has no answer; that cell then holds `onError(error)`, as does any cell where an
 * argument's own cell is invalid (the first such argument wins). A non-finite number is an `OVERFLOW`.
 *
 * @returns rows of cells, shaped as {@link broadcastShape}.
 */
export function broadcast<R extends number | string, E>(
  args: readonly Arg<unknown>[],
  cell: (ix: Int32Array) => R,
  onError: (e: ModelError) => E,
): (R | E)[][] {
  const shape = broadcastShape(args);
  const { rows, cols } = shape;
  const payload = new Payload(shape);
  const fail = errorsFor(onError, payload);
  const n = args.length;
  // Index of a's value at (r, c) is r * rowStep + c * colStep; a step is 0 along a dimension of size 1.
  const rowStep = new Int32Array(n);
  const colStep = new Int32Array(n);
  const errors: (ReadonlyMap<number, ModelError> | null)[] = [];
  let anyErrors = false;
  args.forEach((a, k) => {
    rowStep[k] = a.rows === 1 ? 0 : a.cols;
    colStep[k] = a.cols === 1 ? 0 : 1;
    errors.push(a.errors);
    anyErrors ||= a.errors !== null;
  });
  const ix = new Int32Array(n);
  const out: (R | E)[][] = new Array<(R | E)[]>(rows);
  for (let r = 0; r < rows; r++) {
    const row = new Array<R | E>(cols);
    for (let c = 0; c < cols; c++) {
      let bad: ModelError | undefined;
      for (let k = 0; k < n; k++) {
        const i = r * (rowStep[k] as number) + c * (colStep[k] as number);
        ix[k] = i;
        if (anyErrors && bad === undefined) bad = errors[k]?.get(i);
      }
      if (bad !== undefined) {
        row[c] = fail(bad);
        continue;
      }
      let v: R;
      try {
        v = cell(ix);
      } catch (e) {
        if (!(e instanceof ModelError)) throw e;
        row[c] = fail(e);
        continue;
      }
      if (typeof v === 'string') payload.add(v.length);
      row[c] = typeof v === 'number' && v - v !== 0 ? fail(OVERFLOW_ERROR) : v;
    }
    out[r] = row;
  }
  return out;
}
