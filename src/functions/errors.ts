/**
 * The one place where model errors become Excel errors.
 *
 * Only `#VALUE!` and `#N/A` reliably show a custom message in Excel (office-js#2885), so:
 * - bad input (wrong kind, out of range, shapes that cannot combine, a result too large) is `#VALUE!`
 *   with a message naming the parameter and what it accepts;
 * - valid input with no finite answer, or that the data does not cover, is `#N/A` with the reason;
 * - a result beyond the largest double is `#NUM!`, as Excel's own arithmetic gives;
 * - an argument cell that already holds an Excel error passes it on with its kind (`#N/A`,
 *   `#DIV/0!`, `#NUM!`, `#NULL!`, `#VALUE!`), as Excel's own functions do; `#REF!` and `#NAME?`,
 *   which a custom function may receive but not return (learn.microsoft.com, "Handle and return
 *   errors from your custom function"), become `#VALUE!` with a message naming them.
 * Anything else thrown is a bug in DefEcon; it still reaches the cell as `#VALUE!` with a message
 * rather than as an unexplained error.
 */
import { ModelError, type ModelErrorCode, type SheetErrorCode } from '../model/errors';

/** The Excel error values DefEcon returns (the values of `CustomFunctions.ErrorCode`). */
export type ExcelErrorCode = '#VALUE!' | '#N/A' | '#NUM!' | '#DIV/0!' | '#NULL!';

/**
 * An Excel error: a `CustomFunctions.Error` inside Excel; where the Custom Functions runtime is
 * absent (unit tests, the browser preview), a plain object of the same shape.
 */
export interface ExcelError {
  /** An {@link ExcelErrorCode}; typed as `string` so `CustomFunctions.Error` fits. */
  readonly code: string;
  readonly message?: string | undefined;
}

const CODES: Readonly<Record<ModelErrorCode, ExcelErrorCode>> = {
  INVALID_ARGUMENT: '#VALUE!',
  SHAPE_MISMATCH: '#VALUE!',
  RESULT_TOO_LARGE: '#VALUE!',
  NO_FINITE_ANSWER: '#N/A',
  NOT_COVERED: '#N/A',
  OVERFLOW: '#NUM!',
  UPSTREAM: '#VALUE!',
};

/** The error a result cell shows for an argument cell holding `e`: the same, where a custom function may return it. */
const PASSED_ON: Readonly<Record<SheetErrorCode, ExcelErrorCode>> = {
  '#N/A': '#N/A',
  '#DIV/0!': '#DIV/0!',
  '#NUM!': '#NUM!',
  '#NULL!': '#NULL!',
  '#VALUE!': '#VALUE!',
  '#REF!': '#VALUE!',
  '#NAME?': '#VALUE!',
};

function excelError(code: ExcelErrorCode, message: string): ExcelError {
  if (typeof CustomFunctions !== 'undefined') {
    return new CustomFunctions.Error(code as CustomFunctions.ErrorCode, message);
  }
  return { code, message };
}

/** The Excel error for a model error. */
export function toExcelError(e: ModelError): ExcelError {
  if (e.upstream !== undefined) return excelError(PASSED_ON[e.upstream], e.message);
  return excelError(CODES[e.code], e.message);
}

/** The Excel error for anything thrown while computing a function. */
export function anyToExcelError(e: unknown): ExcelError {
  if (e instanceof ModelError) return toExcelError(e);
  const what = e instanceof Error ? e.message : String(e);
  return excelError('#VALUE!', `DefEcon could not compute this (internal error: ${what}); please report it`);
}

/**
 * Runs a function body and hands Excel its result: a grid of values and per-cell errors. A
 * whole-call problem, or a single-cell result that is an error, is thrown as that Excel error,
 * which is how Excel shows its message.
 */
export function toExcel<T>(compute: () => (T | ExcelError)[][]): (T | ExcelError)[][] {
  let result: (T | ExcelError)[][];
  try {
    result = compute();
  } catch (e) {
    throw anyToExcelError(e);
  }
  const only = result.length === 1 && result[0]?.length === 1 ? result[0][0] : undefined;
  if (only !== undefined && isExcelError(only)) throw only;
  return result;
}

export function isExcelError(v: unknown): v is ExcelError {
  return typeof v === 'object' && v !== null && 'code' in v && typeof v.code === 'string';
}
