/**
 * Test helpers for the model core: assert a ModelError by code, parameter and message, whether it
 * is thrown (scalar API) or held in a cell (broadcast API with `onError = keep`).
 */
import { ModelError, type ModelErrorCode } from '../../src/model/errors';

/** What `f` throws; fails the test when it returns instead. */
export function thrownBy(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw, but it returned');
}

/** Asserts that `v` is a ModelError with this code and a message matching `message`; returns it. */
export function expectModelErrorValue(v: unknown, code: ModelErrorCode, message: RegExp | string, parameter?: string): ModelError {
  expect(v).toBeInstanceOf(ModelError);
  const e = v as ModelError;
  expect(e.code).toBe(code);
  expect(e.message).toMatch(message);
  if (parameter !== undefined) expect(e.parameter).toBe(parameter);
  return e;
}

/** Asserts that `f` throws a ModelError with this code and a message matching `message`. */
export function expectModelError(f: () => unknown, code: ModelErrorCode, message: RegExp | string, parameter?: string): ModelError {
  return expectModelErrorValue(thrownBy(f), code, message, parameter);
}

/** `onError` for the broadcast API that keeps the ModelError itself in the cell. */
export const keep = (e: ModelError): ModelError => e;

/** The cell at (r, c) of a result grid; fails when out of range. */
export function cellAt<T>(grid: readonly (readonly T[])[], r: number, c: number): T {
  const row = grid[r];
  if (row === undefined || c >= row.length) throw new Error(`no cell (${r}, ${c}) in a ${grid.length}-row grid`);
  return row[c] as T;
}

/** Rows x columns of a result grid (checks it is rectangular). */
export function shapeOf(grid: readonly (readonly unknown[])[]): [number, number] {
  const cols = grid[0]?.length ?? 0;
  for (const row of grid) expect(row.length).toBe(cols);
  return [grid.length, cols];
}
