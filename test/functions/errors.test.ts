import { anyToExcelError, type ExcelError, type ExcelErrorCode, isExcelError, toExcel, toExcelError } from '../../src/functions/errors';
import { ModelError, type ModelErrorCode, type SheetErrorCode, upstream } from '../../src/model/errors';
import { thrownBy } from '../helpers/model';

/** The one mapping of src/functions/errors.ts, spelled out: bad input #VALUE!, no answer or data #N/A, overflow #NUM!. */
const MAPPING: readonly [ModelErrorCode, ExcelErrorCode][] = [
  ['INVALID_ARGUMENT', '#VALUE!'],
  ['SHAPE_MISMATCH', '#VALUE!'],
  ['RESULT_TOO_LARGE', '#VALUE!'],
  ['NO_FINITE_ANSWER', '#N/A'],
  ['NOT_COVERED', '#N/A'],
  ['OVERFLOW', '#NUM!'],
];

describe('toExcelError', () => {
  it.each(MAPPING)('maps %s to %s, keeping the message', (code, excel) => {
    expect(toExcelError(new ModelError(code, 'p', `a ${code} message`))).toEqual({ code: excel, message: `a ${code} message` });
  });

  it('returns a plain { code, message } object outside Excel', () => {
    const e = toExcelError(new ModelError('INVALID_ARGUMENT', 'p', 'm'));
    expect(Object.keys(e).sort()).toEqual(['code', 'message']);
    expect(e).not.toBeInstanceOf(Error);
  });

  it('returns a CustomFunctions.Error inside Excel', () => {
    // Stands in for the Custom Functions runtime, which defines CustomFunctions.Error globally; set
    // for this call only (errors.ts looks it up when it builds each error, not at import).
    class RuntimeError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    const g = globalThis as unknown as { CustomFunctions?: unknown };
    g.CustomFunctions = { Error: RuntimeError };
    try {
      const e = toExcelError(new ModelError('NO_FINITE_ANSWER', 'daily_production', 'the stock never runs out'));
      expect(e).toBeInstanceOf(RuntimeError);
      expect([e.code, e.message]).toEqual(['#N/A', 'the stock never runs out']);
    } finally {
      delete g.CustomFunctions;
    }
  });
});

describe('toExcelError for an upstream error (issue 8, defect 8)', () => {
  // Passed on with its kind where a custom function may return it; #REF! and #NAME? may be received
  // but not returned (learn.microsoft.com, "Handle and return errors from your custom function").
  const PASSED: readonly [SheetErrorCode, ExcelErrorCode][] = [
    ['#N/A', '#N/A'],
    ['#DIV/0!', '#DIV/0!'],
    ['#NUM!', '#NUM!'],
    ['#NULL!', '#NULL!'],
    ['#VALUE!', '#VALUE!'],
    ['#REF!', '#VALUE!'],
    ['#NAME?', '#VALUE!'],
  ];

  it.each(PASSED)('gives %s in the argument as %s in the result, with the message naming the parameter', (sheet, excel) => {
    expect(toExcelError(upstream('stock', sheet))).toEqual({ code: excel, message: `stock is ${sheet}: the cell it reads holds that error` });
  });
});

describe('anyToExcelError', () => {
  it('maps a ModelError as toExcelError does', () => {
    expect(anyToExcelError(new ModelError('OVERFLOW', '', 'too big'))).toEqual({ code: '#NUM!', message: 'too big' });
  });

  it('makes any other Error #VALUE! with "internal error" and its message', () => {
    expect(anyToExcelError(new TypeError('x is undefined'))).toEqual({
      code: '#VALUE!',
      message: 'DefEcon could not compute this (internal error: x is undefined); please report it',
    });
  });

  it('makes a thrown non-Error #VALUE! with "internal error" and its text', () => {
    expect(anyToExcelError('oops')).toEqual({ code: '#VALUE!', message: 'DefEcon could not compute this (internal error: oops); please report it' });
  });
});

describe('toExcel', () => {
  it('returns the grid computed', () => {
    expect(
      toExcel(() => [
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('throws a 1 x 1 result that is an error, so Excel shows its message', () => {
    const e: ExcelError = { code: '#N/A', message: 'no answer' };
    expect(thrownBy(() => toExcel(() => [[e]]))).toBe(e);
  });

  it('returns a larger grid with its errors in their cells, even when every cell is an error', () => {
    const e: ExcelError = { code: '#N/A', message: 'no answer' };
    expect(toExcel<number>(() => [[1, e]])).toEqual([[1, e]]);
    expect(toExcel<number>(() => [[e], [e]])).toEqual([[e], [e]]);
  });

  it('returns a 1 x 1 value that is not an error', () => {
    expect(toExcel(() => [['text']])).toEqual([['text']]);
    expect(toExcel(() => [[0]])).toEqual([[0]]);
  });

  it('throws a ModelError from the computation as its Excel error', () => {
    const e = thrownBy(() =>
      toExcel(() => {
        throw new ModelError('SHAPE_MISMATCH', 'b', 'a (3 x 1) and b (2 x 1) cannot be combined');
      }),
    );
    expect(e).toEqual({ code: '#VALUE!', message: 'a (3 x 1) and b (2 x 1) cannot be combined' });
  });

  it('throws an unexpected exception as #VALUE! with "internal error" in the message', () => {
    const e = thrownBy(() =>
      toExcel(() => {
        throw new RangeError('boom');
      }),
    );
    expect(e).toEqual({ code: '#VALUE!', message: expect.stringContaining('internal error: boom') as unknown });
  });
});

describe('isExcelError', () => {
  it('recognises an object with a text code', () => {
    expect(isExcelError({ code: '#N/A', message: 'm' })).toBe(true);
    expect(isExcelError({ code: '#VALUE!' })).toBe(true);
  });

  it('rejects numbers, text, null and objects without a text code', () => {
    for (const v of [0, 'code', null, undefined, {}, { code: 7 }, { message: '#N/A' }, [['#N/A']]]) expect(isExcelError(v)).toBe(false);
  });
});
