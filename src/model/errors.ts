/**
 * The model's one error type. Core functions throw it for input outside their domain or where no
 * finite answer exists; they never return `NaN` or `Infinity`. `src/functions/errors.ts` is the one
 * place that turns it into an Excel error.
 *
 * Cost: a grid can hold tens of thousands of errors, so a ModelError is a plain object whose
 * prototype chain runs through `Error.prototype` (`instanceof Error` and `instanceof ModelError`
 * hold, `name` and `toString` work) but which is built without calling `Error`, so it captures no
 * stack trace (a stack made each error cost about 7.6 µs). Being built without `class … extends
 * Error`, it also needs no `Object.setPrototypeOf(this, new.target.prototype)` for `instanceof` to
 * survive down-levelling to ES5 (Office's IE11 webview).
 */

/**
 * - `INVALID_ARGUMENT`: a value outside the parameter's accepted range or of the wrong kind.
 * - `SHAPE_MISMATCH`: ranges whose sizes cannot broadcast together.
 * - `RESULT_TOO_LARGE`: the result would exceed what Excel accepts from a custom function.
 * - `NO_FINITE_ANSWER`: the inputs are valid but the quantity is unbounded (a stock that never runs out).
 * - `NOT_COVERED`: valid input that the data has nothing for (a key that does not cover a country).
 * - `OVERFLOW`: valid inputs whose result exceeds the largest double (about 1.8e308).
 * - `UPSTREAM`: an argument's cell already holds an Excel error (`#N/A`, `#DIV/0!`, …); the result
 *   cell passes it on, its kind in {@link ModelError.upstream}.
 */
export type ModelErrorCode =
  'INVALID_ARGUMENT' | 'SHAPE_MISMATCH' | 'RESULT_TOO_LARGE' | 'NO_FINITE_ANSWER' | 'NOT_COVERED' | 'OVERFLOW' | 'UPSTREAM';

/** The error values a worksheet cell can hold, as Excel spells them (the values of `CustomFunctions.ErrorCode`). */
export type SheetErrorCode = '#N/A' | '#DIV/0!' | '#NUM!' | '#NULL!' | '#VALUE!' | '#REF!' | '#NAME?';

export const SHEET_ERROR_CODES: readonly SheetErrorCode[] = ['#N/A', '#DIV/0!', '#NUM!', '#NULL!', '#VALUE!', '#REF!', '#NAME?'];

/**
 * Declares to TypeScript what the prototype chain set up below makes true at run time: a ModelError
 * is an `Error`. (A class that extends `Error` would capture a stack in its `super` call.)
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface ModelError extends Error {
  readonly name: 'ModelError';
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ModelError {
  /** What went wrong, as a code a caller can branch on. */
  readonly code: ModelErrorCode;
  /** The parameter at fault, as Excel shows it (e.g. `daily_use`); empty when no single one is. */
  readonly parameter: string;
  readonly message: string;
  /** For `UPSTREAM`: the Excel error the argument's cell held; `undefined` otherwise. */
  readonly upstream: SheetErrorCode | undefined;

  constructor(code: ModelErrorCode, parameter: string, message: string, upstream?: SheetErrorCode) {
    this.code = code;
    this.parameter = parameter;
    this.message = message;
    this.upstream = upstream;
  }
}

// Instances are Errors without running Error's constructor: no stack is captured.
Object.setPrototypeOf(ModelError.prototype, Error.prototype);
Object.defineProperty(ModelError.prototype, 'name', { value: 'ModelError', writable: true, configurable: true });

export function invalid(parameter: string, message: string): ModelError {
  return new ModelError('INVALID_ARGUMENT', parameter, message);
}

export function noFiniteAnswer(parameter: string, message: string): ModelError {
  return new ModelError('NO_FINITE_ANSWER', parameter, message);
}

export function notCovered(parameter: string, message: string): ModelError {
  return new ModelError('NOT_COVERED', parameter, message);
}

/**
 * The error for an argument whose cell already holds an Excel error: the result passes it on.
 * The message names the parameter and the error, not the cell, so every cell that reads the same
 * kind of error through the same parameter shares one error (and one message in the payload).
 */
export function upstream(parameter: string, error: SheetErrorCode): ModelError {
  return new ModelError('UPSTREAM', parameter, `${parameter} is ${error}: the cell it reads holds that error`, error);
}

/**
 * The Excel error a value stands for, if it is one: a `CustomFunctions.Error` (`{ code: '#N/A' }`,
 * how Excel hands error cells to a function whose metadata sets `allowErrorForDataTypeAny`), or an
 * error in rich-data form (`{ type: 'Error', basicValue: '#N/A' }`). `undefined` for anything else.
 */
export function sheetErrorOf(v: unknown): SheetErrorCode | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const code = 'code' in v && typeof v.code === 'string' ? v.code : 'basicValue' in v && typeof v.basicValue === 'string' ? v.basicValue : undefined;
  return SHEET_ERROR_CODES.find((c) => c === code);
}
