/**
 * Turning a thrown value into words for the user: the one place that does it. Office.js errors are
 * `Error`s with a `debugInfo.errorLocation` (`Range.formulas`) worth showing; other code throws
 * `Error`s, objects with a `message`, or strings.
 */

/** A thrown value's message, never empty: Office.js errors, plain `Error`s, objects with a message, strings. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' && error.message !== '') {
    return error.message;
  }
  if (typeof error === 'string' && error !== '') return error;
  return 'unknown error';
}

/** {@link errorMessage}, followed by where in an Office.js batch it failed when Office says (`... (at Range.formulas)`). */
export function errorDetail(error: unknown): string {
  const text = errorMessage(error);
  const debugInfo: unknown = typeof error === 'object' && error !== null && 'debugInfo' in error ? error.debugInfo : undefined;
  const location = typeof debugInfo === 'object' && debugInfo !== null && 'errorLocation' in debugInfo ? debugInfo.errorLocation : undefined;
  return typeof location === 'string' && location !== '' ? `${text} (at ${location})` : text;
}
