/**
 * Argument parsing: turns what a caller passes (a single value, or a range as a 2-D array, the way
 * Excel passes it) into a validated grid. Constraints are declared as data ({@link NumberParam},
 * {@link ChoiceParam}) so one routine checks them and writes one style of message.
 *
 * Conventions (Excel's):
 * - a blank cell (`null`, `undefined` or `""`) counts as 0 in a required number, and as "omitted"
 *   (the default) in an optional parameter;
 * - text and booleans are never read as numbers;
 * - a cell that already holds an Excel error (`#N/A`, `#DIV/0!`…) is an `UPSTREAM` error, which
 *   the result passes on with its kind;
 * - a problem in one cell marks that cell only; a problem with the range as a whole (empty, ragged)
 *   is an error for the whole call.
 *
 * Size first: {@link dimsOf} reads an argument's size from its length and its first row's length
 * alone, so a call whose result would be too large (a whole column is 1,048,576 rows) is refused
 * before any cell is read (see `grid.ts`).
 */
import { invalid, ModelError, sheetErrorOf, type SheetErrorCode, upstream } from './errors';

/** The name and size of an argument, known before any of its cells is read. */
export interface Dims {
  /** The parameter's name, as Excel shows it. */
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
}

/** A validated argument: `rows x cols` values in row-major order, with per-cell errors if any. */
export interface Arg<T> extends Dims {
  /** The value of each cell; for a cell with an error, `NaN` (numbers) or `undefined` (choices). */
  readonly values: ArrayLike<T>;
  /**
   * `null` when no cell has an error (the common case); otherwise the error of each cell that has
   * one, by its index (row-major), in ascending order. Sparse: one bad cell in a 500 x 500 range
   * costs one entry, not a 250,000-slot array.
   */
  readonly errors: ReadonlyMap<number, ModelError> | null;
}

/** A numeric parameter and the range it accepts. */
export interface NumberParam {
  /** Name as Excel shows it (`daily_use`). */
  readonly name: string;
  /** Unit, for messages (`rounds per day`). */
  readonly unit: string;
  readonly min?: number;
  /** `true`: the value must be strictly greater than `min`. */
  readonly minExclusive?: boolean;
  readonly max?: number;
  /** `true`: the value must be strictly less than `max`. */
  readonly maxExclusive?: boolean;
  /** `true`: the value must be a whole number (a count of periods, a year, a seed). */
  readonly integer?: boolean;
  /** Present for optional parameters: the value an omitted or blank argument takes. */
  readonly default?: number;
}

/** A text parameter whose value must be one of a known set (a key, a country, a scenario). */
export interface ChoiceParam<T> {
  readonly name: string;
  /** Maps trimmed input text to a value, or `undefined` when it is not accepted. Case-insensitive. */
  readonly resolve: (text: string) => T | undefined;
  /** What is accepted, completing "<name> must be …" (`one of GDP, EFSF, ESM, ECB, POP`). */
  readonly accepted: string;
  /** Present for optional parameters. */
  readonly default?: T;
}

/** The accepted range of a numeric parameter, in words: `a number > 0`, `a number from 0 to 1 (1 excluded)`. */
export function describeRange(p: NumberParam): string {
  const lo = p.min === undefined ? '' : `${p.minExclusive === true ? '>' : '≥'} ${p.min}`;
  const hi = p.max === undefined ? '' : `${p.maxExclusive === true ? '<' : '≤'} ${p.max}`;
  const kind = p.integer === true ? 'a whole number' : 'a number';
  if (lo && hi) return `${kind} ${lo} and ${hi}`;
  if (lo || hi) return `${kind} ${lo || hi}`;
  return kind;
}

function show(v: unknown): string {
  if (isBlank(v)) return 'a blank cell';
  if (typeof v === 'string') return `the text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  return 'an error or a value that is not a number or text';
}

function isBlank(v: unknown): v is null | undefined | '' {
  return v === null || v === undefined || v === '';
}

function where(rows: number, cols: number, r: number, c: number): string {
  return rows * cols === 1 ? '' : ` (row ${r + 1}, column ${c + 1} of the range)`;
}

/**
 * The size of an argument from its length and its first row's length, reading no cell: a single
 * value is 1 x 1, a flat array one row. Throws for an empty range. Whether the range is
 * rectangular is checked when its cells are read ({@link numbers}, {@link choices}).
 */
export function dimsOf(name: string, raw: unknown): Dims {
  if (!Array.isArray(raw)) return { name, rows: 1, cols: 1 };
  const items = raw as readonly unknown[];
  const first: unknown = items[0];
  const rows = Array.isArray(first) ? items.length : 1;
  const cols = Array.isArray(first) ? (first as readonly unknown[]).length : items.length;
  if (rows * cols === 0) throw invalid(name, `${name} is an empty range; give a value or a range with at least one cell`);
  return { name, rows, cols };
}

/** The Excel error a cell holds as an `UPSTREAM` model error, or `undefined` when it holds none. */
function upstreamOf(name: string, v: unknown): ModelError | undefined {
  const code = sheetErrorOf(v);
  return code === undefined ? undefined : upstream(name, code);
}

/**
 * The cells of an argument as a rectangular 2-D array. A single value is a 1 x 1 range; a flat
 * array is one row. Throws for an empty or ragged range.
 */
function toRows(name: string, raw: unknown): readonly (readonly unknown[])[] {
  if (!Array.isArray(raw)) return [[raw]];
  const items = raw as readonly unknown[];
  if (items.length === 0) throw invalid(name, `${name} is an empty range; give a value or a range with at least one cell`);
  const nested = items.filter((x) => Array.isArray(x)).length;
  if (nested === 0) return [items];
  if (nested !== items.length) throw invalid(name, `${name} is not a range: it mixes rows and single values`);
  const rows = items as readonly (readonly unknown[])[];
  const width = rows[0]?.length ?? 0;
  if (width === 0) throw invalid(name, `${name} is an empty range; give a value or a range with at least one cell`);
  for (const row of rows) {
    if (row.length !== width) {
      throw invalid(name, `${name} is a ragged range (rows of ${width} and ${row.length} cells); give a rectangular range`);
    }
  }
  return rows;
}

/**
 * Validates one number against its parameter. Returns the number, or a {@link ModelError} naming the
 * parameter and the accepted range. Blank counts as 0, or as the default for optional parameters.
 */
export function checkNumber(p: NumberParam, v: unknown, at = ''): number | ModelError {
  let x: number;
  if (typeof v === 'number') {
    x = v;
  } else if (isBlank(v)) {
    x = p.default ?? 0;
  } else {
    const passed = upstreamOf(p.name, v);
    if (passed !== undefined) return passed;
    return invalid(p.name, `${p.name}${at} must be ${describeRange(p)} (${p.unit}); got ${show(v)}`);
  }
  const ok =
    Number.isFinite(x) &&
    (p.integer !== true || Number.isInteger(x)) &&
    (p.min === undefined || (p.minExclusive === true ? x > p.min : x >= p.min)) &&
    (p.max === undefined || (p.maxExclusive === true ? x < p.max : x <= p.max));
  if (ok) return x;
  const got = isBlank(v) ? 'a blank cell, which counts as 0' : show(x);
  return invalid(p.name, `${p.name}${at} must be ${describeRange(p)} (${p.unit}); got ${got}`);
}

/** The value, or throws the error: for scalar APIs that check one input at a time. */
export function must<T>(x: T | ModelError): T {
  if (x instanceof ModelError) throw x;
  return x;
}

/** Validates one choice. Returns the resolved value, or a {@link ModelError} listing what is accepted. */
export function checkChoice<T>(p: ChoiceParam<T>, v: unknown, at = ''): T | ModelError {
  if (isBlank(v) && p.default !== undefined) return p.default;
  const found = typeof v === 'string' ? p.resolve(v.trim()) : undefined;
  if (found !== undefined) return found;
  const passed = upstreamOf(p.name, v);
  if (passed !== undefined) return passed;
  return invalid(p.name, `${p.name}${at} must be ${p.accepted}; got ${show(v)}`);
}

/**
 * The errors of an argument's cells as they are found, with one shared error per kind of upstream
 * error (every #N/A cell of the argument holds the same object).
 */
class CellErrors {
  errors: Map<number, ModelError> | null = null;
  private passedOn: Map<SheetErrorCode, ModelError> | undefined;
  constructor(private readonly size: number) {}

  /** Records the error of cell `i`; `located` builds it with the cell's position in the message. */
  add(i: number, first: ModelError, located: () => ModelError): void {
    this.errors ??= new Map();
    const up = first.upstream;
    if (up === undefined) {
      this.errors.set(i, this.size === 1 ? first : located());
      return;
    }
    this.passedOn ??= new Map();
    const shared = this.passedOn.get(up) ?? first;
    this.passedOn.set(up, shared);
    this.errors.set(i, shared);
  }
}

function parse<T>(
  name: string,
  rows: readonly (readonly unknown[])[],
  values: { length: number; [i: number]: T },
  bad: T,
  check: (v: unknown, at: string) => T | ModelError,
): Arg<T> {
  const nRows = rows.length;
  const nCols = rows[0]?.length ?? 0;
  const found = new CellErrors(nRows * nCols);
  let i = 0;
  for (let r = 0; r < nRows; r++) {
    const row = rows[r] as readonly unknown[];
    for (let c = 0; c < nCols; c++, i++) {
      const v = row[c];
      const x = check(v, '');
      if (x instanceof ModelError) {
        values[i] = bad;
        found.add(i, x, () => check(v, where(nRows, nCols, r, c)) as ModelError);
      } else {
        values[i] = x;
      }
    }
  }
  return { name, rows: nRows, cols: nCols, values, errors: found.errors };
}

/**
 * Parses a numeric argument (a value or a range). An omitted optional argument (`null`) takes its
 * default. A number inside the parameter's range is taken in one comparison chain; anything else
 * (blank, text, an error value, a number out of range) goes through {@link checkNumber}. The cells
 * that fail are only noted in the loop and explained after it, so the loop stays small and V8
 * keeps it optimised when a few cells fail.
 */
export function numbers(p: NumberParam, raw: unknown): Arg<number> {
  const rows = toRows(p.name, raw);
  const nRows = rows.length;
  const nCols = rows[0]?.length ?? 0;
  const values = new Float64Array(nRows * nCols);
  const bad: number[] = [];
  const lo = p.min ?? -Infinity;
  const hi = p.max ?? Infinity;
  const loOpen = p.minExclusive === true;
  const hiOpen = p.maxExclusive === true;
  const whole = p.integer === true;
  let i = 0;
  for (let r = 0; r < nRows; r++) {
    const row = rows[r] as readonly unknown[];
    for (let c = 0; c < nCols; c++, i++) {
      const v = row[c];
      if (typeof v === 'number' && v - v === 0 && (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi) && (!whole || v % 1 === 0)) {
        values[i] = v;
        continue;
      }
      const x = checkNumber(p, v, '');
      if (typeof x === 'number') values[i] = x;
      else bad.push(i);
    }
  }
  if (bad.length === 0) return { name: p.name, rows: nRows, cols: nCols, values, errors: null };
  const found = new CellErrors(nRows * nCols);
  for (const j of bad) {
    const r = Math.floor(j / nCols);
    const c = j - r * nCols;
    const v = (rows[r] as readonly unknown[])[c];
    values[j] = NaN;
    found.add(j, checkNumber(p, v, '') as ModelError, () => checkNumber(p, v, where(nRows, nCols, r, c)) as ModelError);
  }
  return { name: p.name, rows: nRows, cols: nCols, values, errors: found.errors };
}

/** Parses a choice argument (a value or a range of text). */
export function choices<T>(p: ChoiceParam<T>, raw: unknown): Arg<T> {
  const rows = toRows(p.name, raw);
  const n = rows.length * (rows[0]?.length ?? 0);
  return parse<T | undefined>(p.name, rows, new Array<T | undefined>(n), undefined, (v, at) => checkChoice(p, v, at)) as Arg<T>;
}

/**
 * Every non-blank cell of a range, read as a list (for set-valued parameters such as
 * `participants`). Returns `null` when the argument was omitted (a single blank); throws when a
 * range was given and every cell of it is blank, since an empty set is never what is meant.
 */
export function listOf<T>(p: ChoiceParam<T>, raw: unknown): T[] | null {
  if (isBlank(raw)) return null;
  const rows = toRows(p.name, raw);
  const out: T[] = [];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (isBlank(v)) return;
      const x = checkChoice(p, v, where(rows.length, row.length, r, c));
      if (x instanceof ModelError) throw x;
      out.push(x);
    }),
  );
  if (out.length === 0) throw invalid(p.name, `${p.name} has no entries: every cell of the range is blank`);
  return out;
}
