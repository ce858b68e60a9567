/**
 * The model's one error type. Core functions throw it for input outside their domain or where no
 * finite answer exists; they never return `NaN` or `Infinity`. `src/functions/errors.ts` is the one
 * place that turns it into an Excel error.
 */

/**
 * - `INVALID_ARGUMENT`: a value outside the parameter's accepted range or of the wrong kind.
 * - `SHAPE_MISMATCH`: ranges whose sizes cannot broadcast together.
 * - `RESULT_TOO_LARGE`: the result would exceed what Excel accepts from a custom function.
 * - `NO_FINITE_ANSWER`: the inputs are valid but the quantity is unbounded (a stock that never runs out).
 * - `NOT_COVERED`: valid input that the data has nothing for (a key that does not cover a country).
 * - `OVERFLOW`: valid inputs whose result exceeds the largest double (about 1.8e308).
 */
export type ModelErrorCode =
  | 'INVALID_ARGUMENT'
  | 'SHAPE_MISMATCH'
  | 'RESULT_TOO_LARGE'
  | 'NO_FINITE_ANSWER'
  | 'NOT_COVERED'
  | 'OVERFLOW';

export class ModelError extends Error {
  /** What went wrong, as a code a caller can branch on. */
  readonly code: ModelErrorCode;
  /** The parameter at fault, as Excel shows it (e.g. `daily_use`); empty when no single one is. */
  readonly parameter: string;

  constructor(code: ModelErrorCode, parameter: string, message: string) {
    super(message);
    // Keeps `instanceof` working where the runtime down-levels classes (Office's IE11 webview).
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ModelError';
    this.code = code;
    this.parameter = parameter;
  }
}

export function invalid(parameter: string, message: string): ModelError {
  return new ModelError('INVALID_ARGUMENT', parameter, message);
}

export function noFiniteAnswer(parameter: string, message: string): ModelError {
  return new ModelError('NO_FINITE_ANSWER', parameter, message);
}

export function notCovered(parameter: string, message: string): ModelError {
  return new ModelError('NOT_COVERED', parameter, message);
}
