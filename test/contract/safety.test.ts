/**
 * Issue 8 through the production bundle, called as Excel calls it (see bundle.test.ts): argument
 * cells holding Excel errors (the runtime hands them as CustomFunctions.Error objects), a whole
 * column, and a participant set the key does not cover.
 */
import { type ExcelFunction, loadBundle, loadMetadata, type StubError } from './bundle';

const bundle = loadBundle();
const { ErrorClass } = bundle;
const parameterCount = new Map(loadMetadata().functions.map((f) => [f.id, f.parameters.length]));

/** Calls `DEF.<id>` as Excel does: the given arguments, then `null` for every omitted one. */
function excel(id: string, ...given: (unknown[][] | null)[]): unknown {
  const fn: ExcelFunction | undefined = bundle.functions.get(id);
  const n = parameterCount.get(id);
  if (fn === undefined || n === undefined) throw new Error(`DEF.${id} is not in the bundle and functions.json`);
  return fn(...Array.from({ length: n }, (_, k) => given[k] ?? null));
}

function thrownBy(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw, but it returned');
}

function expectExcelError(e: unknown, code: string, message?: string | RegExp): void {
  expect(e).toBeInstanceOf(ErrorClass);
  const error = e as StubError;
  expect(error.code).toBe(code);
  if (message !== undefined) expect(error.message).toMatch(message);
}

describe('upstream Excel errors in the bundle (issue 8, defect 8)', () => {
  it('passes #DIV/0! and #N/A on in the cells that read them, and computes the others', () => {
    // MUNITION_DAYS(stock, 10,000): 90,000 → 9 days, 45,000 → 4.5 days.
    const out = excel('MUNITION_DAYS', [[90000], [new ErrorClass('#DIV/0!')], [45000], [new ErrorClass('#N/A')]], [[10000]]) as unknown[][];
    expect(out[0]?.[0]).toBe(9);
    expect(out[2]?.[0]).toBe(4.5);
    // The old bundle gave #VALUE! "... got an error or a value that is not a number or text" here.
    expectExcelError(out[1]?.[0], '#DIV/0!');
    expectExcelError(out[3]?.[0], '#N/A', 'stock is #N/A: the cell it reads holds that error');
  });

  it('throws the passed-on error for a single cell, as Excel shows it', () => {
    expectExcelError(
      thrownBy(() => excel('FORCE_SIZE', [[new ErrorClass('#NUM!')]], [[1]])),
      '#NUM!',
    );
  });

  it('turns #REF! and #NAME?, which a custom function cannot return, into #VALUE! naming them', () => {
    expectExcelError(
      thrownBy(() => excel('SOURCE', [[new ErrorClass('#REF!')]])),
      '#VALUE!',
      'id is #REF!: the cell it reads holds that error',
    );
    expectExcelError(
      thrownBy(() => excel('FUND_KEY', [[new ErrorClass('#NAME?')]])),
      '#VALUE!',
      /country is #NAME\?/,
    );
  });
});

describe('a whole column in the bundle (issue 8, defect 6)', () => {
  it('is refused by FORCE_SIZE before any cell is read', () => {
    let cellReads = 0;
    const row = new Proxy(['text'], {
      get(target, k, receiver) {
        if (k === '0') cellReads++;
        return Reflect.get(target, k, receiver) as unknown;
      },
    });
    const column = new Array<unknown[]>(1_048_576).fill(row);
    expectExcelError(
      thrownBy(() => excel('FORCE_SIZE', column, [[1]])),
      '#VALUE!',
      'the result would have 1048576 cells (1048576 x 1); a custom function can return at most 262144 cells (about 5 MB): use smaller ranges',
    );
    expect(cellReads).toBe(0);
  });
});

describe('a whole column given to the time-path and trial functions (refused from its length)', () => {
  /** A whole column (1,048,576 rows) whose cells count their reads. */
  function countedColumn(): { column: unknown[][]; reads: () => number } {
    let reads = 0;
    const row = new Proxy([1], {
      get(target, k, receiver) {
        if (k === '0') reads++;
        return Reflect.get(target, k, receiver) as unknown;
      },
    });
    return { column: new Array<unknown[]>(1_048_576).fill(row), reads: () => reads };
  }

  it.each([
    ['MUNITION_PATH', (col: unknown[][]) => excel('MUNITION_PATH', [[1000]], col, [[0]], [[240]]), /^daily_use has 1048576 values .* periods is 240/],
    [
      'FUND_SCHEDULE',
      (col: unknown[][]) => excel('FUND_SCHEDULE', col, [[0.03]], [[10]], [[30]]),
      /^annual_amount has 1048576 values .* years is 30/,
    ],
    ['RAMP', (col: unknown[][]) => excel('RAMP', col, [[2]], [[12]]), /^from must be a single value or a row/],
    ['TRIALS', (col: unknown[][]) => excel('TRIALS', col, [[20]], [[30]], [[1]]), /^p10 must be a single value or a row/],
    ['TRIAL_STATS', (col: unknown[][]) => excel('TRIAL_STATS', col), /^trials has 1048576 cells .* at most 262144/],
  ] as const)('%s reads none of its cells', (_id, call, message) => {
    const { column, reads } = countedColumn();
    expectExcelError(
      thrownBy(() => call(column)),
      '#VALUE!',
      message,
    );
    expect(reads()).toBe(0);
  });
});

describe('FUND_SHARE with no participant covered in the bundle (issue 8, defect 9)', () => {
  it('is #VALUE! naming participants, not 0', () => {
    // Bulgaria is not in the EFSF key (EFSF Framework Agreement, annex 1), so nothing can be shared out.
    expectExcelError(
      thrownBy(() => excel('FUND_SHARE', [['DE']], [[100]], [['EFSF']], [['BG']])),
      '#VALUE!',
      /^participants must include a country the EFSF key covers/,
    );
  });
});
