/**
 * Issue 8, function side: hostile arguments are refused before any work, errors are cheap and
 * shared, upstream Excel errors pass through, and the per-cell paths do no per-cell allocation or
 * re-summing. Costs are asserted structurally (cells read, explanations built, sorts and sums run),
 * never with a timer; `npm run bench` prints the times.
 */
import { KEYS } from '../../src/data/keys';
import { dimsOf } from '../../src/model/args';
import { ModelError, sheetErrorOf, upstream } from '../../src/model/errors';
import { FORCE_COST, FORCE_SIZE, forceCost, forceSize, liftForceDensity } from '../../src/model/force';
import { fundShare, liftFundKey, liftFundShare } from '../../src/model/fund';
import { MAX_RESULT_CELLS } from '../../src/model/grid';
import { MUNITION_DAYS } from '../../src/model/munitions';
import { lift, type NumericModel } from '../../src/model/numeric';
import { liftAssumption, liftSource } from '../../src/model/reference';
import { cellAt, expectModelError, expectModelErrorValue, keep, shapeOf } from '../helpers/model';

/** Excel's row count: `A:A` reaches a function as a 1,048,576 x 1 array. */
const WHOLE_COLUMN = 1_048_576;

/**
 * A whole column as Excel hands it (1,048,576 rows of one cell each, every cell `value`), with
 * counters: `rows` counts reads of a row of the column, `cells` reads of a cell inside a row.
 */
function countedColumn(value: unknown): { column: unknown[][]; reads: { rows: number; cells: number } } {
  const reads = { rows: 0, cells: 0 };
  const isIndex = (k: string | symbol): boolean => typeof k === 'string' && /^\d+$/.test(k);
  const row = new Proxy([value], {
    get(target, k, receiver) {
      if (isIndex(k)) reads.cells++;
      return Reflect.get(target, k, receiver) as unknown;
    },
  });
  const column = new Proxy(new Array<unknown[]>(WHOLE_COLUMN).fill(row), {
    get(target, k, receiver) {
      if (isIndex(k)) reads.rows++;
      return Reflect.get(target, k, receiver) as unknown;
    },
  });
  return { column, reads };
}

const TOO_LARGE = `the result would have ${WHOLE_COLUMN} cells (${WHOLE_COLUMN} x 1); a custom function can return at most 262144 cells`;

describe('a whole-column argument (issue 8, defect 6: 16.8 s and 1.2 GB before it was refused)', () => {
  const cases: [string, (column: unknown[][]) => unknown][] = [
    ['FORCE_SIZE extent', (col) => lift(FORCE_SIZE, [col, [[1]], null, null], keep)],
    ['FORCE_COST cost_per_year', (col) => lift(FORCE_COST, [[[1]], col, null], keep)],
    ['SOURCE id', (col) => liftSource(col, keep)],
    ['ASSUMPTION scenario', (col) => liftAssumption([['line_km']], col, null, keep)],
    ['FORCE_DENSITY basis', (col) => liftForceDensity([['UNIFIL']], col, keep)],
    ['FUND_SHARE amount', (col) => liftFundShare([['DE']], col, [['GDP']], null, keep)],
    ['FUND_KEY country', (col) => liftFundKey(col, null, null, keep)],
  ];

  it.each(cases)('is refused by %s from its length alone: no cell read, at most its first row', (_, call) => {
    const { column, reads } = countedColumn('text');
    expectModelError(() => call(column), 'RESULT_TOO_LARGE', TOO_LARGE);
    // The old code read every row (to check the range was rectangular) and every cell before refusing.
    expect(reads.cells).toBe(0);
    expect(reads.rows).toBeLessThanOrEqual(1);
  });

  it('is sized by dimsOf from its length and first row only', () => {
    const { column, reads } = countedColumn(1);
    expect(dimsOf('extent', column)).toEqual({ name: 'extent', rows: WHOLE_COLUMN, cols: 1 });
    expect(reads).toEqual({ rows: 1, cells: 0 });
  });
});

describe('ModelError (issue 8, defect 7: each error cost about 7.6 µs, mostly its stack)', () => {
  it('captures no stack trace, yet is an Error and a ModelError named ModelError', () => {
    const e = new ModelError('NO_FINITE_ANSWER', 'daily_production', 'the stock never runs out');
    expect(Object.prototype.hasOwnProperty.call(e, 'stack')).toBe(false);
    expect(e.stack).toBeUndefined();
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(ModelError);
    expect(e.name).toBe('ModelError');
    expect(String(e)).toBe('ModelError: the stock never runs out');
  });
});

describe('errors in a grid (issue 8, defect 7)', () => {
  /** MUNITION_DAYS with a counter on its explanation. */
  function counted(): { model: NumericModel; calls: () => number } {
    let n = 0;
    return {
      model: {
        ...MUNITION_DAYS,
        explain: (xs) => {
          n++;
          return MUNITION_DAYS.explain(xs);
        },
      },
      calls: () => n,
    };
  }

  // 500 stocks down, 500 daily uses across; production 1,000 a day. Every 10th use (columns 0, 10,
  // ..., 490: 50 columns) is exactly 1,000, so those 50 x 500 = 25,000 cells have no finite answer.
  const stock = Array.from({ length: 500 }, (_, r) => [100000 + 1000 * r]);
  const use = [Array.from({ length: 500 }, (_, c) => (c % 10 === 0 ? 1000 : 2000 + 10 * c))];

  it('explains a column of cells with no finite answer once, not once per cell', () => {
    const { model, calls } = counted();
    const grid = lift(model, [stock, use, [[1000]]], keep);
    expect(shapeOf(grid)).toEqual([500, 500]);
    // The old code explained each of the 25,000 cells.
    expect(calls()).toBe(50);
    expectModelErrorValue(cellAt(grid, 499, 490), 'NO_FINITE_ANSWER', 'the stock never runs out: daily_production (1000) covers daily_use (1000)');
    // Row 0, column 1: 100,000 / (2,010 − 1,000) = 99.0099…
    expect(cellAt(grid, 0, 1)).toBeCloseTo(100000 / 1010, 12);
  });

  it('shares one error object among the cells with the same explanation', () => {
    const grid = lift(MUNITION_DAYS, [stock, use, [[1000]]], keep);
    expect(cellAt(grid, 499, 10)).toBe(cellAt(grid, 0, 10));
  });

  it('counts a shared message once against the 5 MB payload: a 500 x 500 table with 1.4 % #N/A cells is returned', () => {
    // 7 of the 500 use columns at production: 7 x 500 = 3,500 #N/A cells (1.4 %). Numbers: 250,000 x
    // 20 bytes = 5,000,000; the cap is 5 x 1024 x 1024 = 5,242,880, leaving 242,880 bytes for
    // messages. The old code counted each cell's message (3,500 x about 80 = 280,000) and refused
    // the table; counted once per distinct message (7 x about 80) it fits.
    const use7 = [Array.from({ length: 500 }, (_, c) => (c < 7 ? 1000 : 2000 + 10 * c))];
    const grid = lift(MUNITION_DAYS, [stock, use7, [[1000]]], keep);
    expect(shapeOf(grid)).toEqual([500, 500]);
    expectModelErrorValue(cellAt(grid, 250, 6), 'NO_FINITE_ANSWER', /never runs out/);
  });

  it('marks only the cell that reads one text cell in a 500 x 500 grid argument', () => {
    const grid500 = Array.from({ length: 500 }, (_, r) => Array.from({ length: 500 }, (_, c): number | string => 100000 + r + c));
    grid500[123]![321] = 'n/a';
    const out = lift(MUNITION_DAYS, [grid500, use, [[1000]]], keep);
    let errors = 0;
    for (const row of out) for (const x of row) if (typeof x !== 'number') errors++;
    // 25,000 cells without a finite answer (the 50 columns above) plus the text cell, which is in
    // column 321 (not one of them).
    expect(errors).toBe(25_001);
    expectModelErrorValue(
      cellAt(out, 123, 321),
      'INVALID_ARGUMENT',
      'stock (row 124, column 322 of the range) must be a number ≥ 0 (rounds); got the text "n/a"',
    );
  });
});

describe('upstream Excel errors (issue 8, defect 8: they became #VALUE! "got an error or a value that is not a number or text")', () => {
  it("recognises the runtime's error objects and the rich-data form", () => {
    expect(sheetErrorOf({ code: '#DIV/0!' })).toBe('#DIV/0!');
    expect(sheetErrorOf({ type: 'Error', basicValue: '#N/A', errorType: 'NotAvailable' })).toBe('#N/A');
    for (const v of [null, 0, '#N/A', { code: 'x' }, {}, [['#N/A']]]) expect(sheetErrorOf(v)).toBeUndefined();
  });

  it("passes each cell's error on with its kind, only in the cells that read it", () => {
    // stock 90,000 / 10,000 a day = 9 days; 45,000 / 10,000 = 4.5 days.
    const out = lift(MUNITION_DAYS, [[[90000], [{ code: '#DIV/0!' }], [45000], [{ code: '#N/A' }]], [[10000]], null], keep);
    expect(cellAt(out, 0, 0)).toBe(9);
    expect(cellAt(out, 2, 0)).toBe(4.5);
    const div = expectModelErrorValue(cellAt(out, 1, 0), 'UPSTREAM', 'stock is #DIV/0!: the cell it reads holds that error', 'stock');
    expect(div.upstream).toBe('#DIV/0!');
    expect(expectModelErrorValue(cellAt(out, 3, 0), 'UPSTREAM', /stock is #N\/A/).upstream).toBe('#N/A');
  });

  it('shares one error per parameter and kind, so a column of #N/A cells costs one message', () => {
    const col = Array.from({ length: 1000 }, () => [{ code: '#N/A' }]);
    const out = lift(MUNITION_DAYS, [col, [[10000]], null], keep);
    expect(cellAt(out, 999, 0)).toBe(cellAt(out, 0, 0));
    expect(cellAt(out, 0, 0)).toEqual(upstream('stock', '#N/A'));
  });

  it('passes on an error in a text argument too', () => {
    expectModelErrorValue(cellAt(liftSource([[{ code: '#REF!' }]], keep), 0, 0), 'UPSTREAM', 'id is #REF!: the cell it reads holds that error', 'id');
  });
});

describe('FUND_SHARE with no participant covered by the key (issue 8, defect 9: it gave 0 silently)', () => {
  const NONE_COVERED =
    'participants must include a country the EFSF key covers (BE, DE, EE, IE, GR, ES, FR, IT, CY, LU, MT, NL, AT, PT, SI, SK, FI); ' +
    'it covers none of BG, so nothing would be shared out';

  it('is INVALID_ARGUMENT naming participants (#VALUE!), in the scalar API', () => {
    // Bulgaria was never an EFSF guarantor (EFSF Framework Agreement, annex 1): the EFSF key's
    // total over {BG} is 0, so no country's share is defined.
    expectModelError(() => fundShare('DE', 100, 'EFSF', ['BG']), 'INVALID_ARGUMENT', NONE_COVERED, 'participants');
  });

  it('is that error in every cell of the broadcast API', () => {
    const out = liftFundShare([['DE'], ['FR']], [[100]], [['EFSF']], [['BG']], keep);
    expectModelErrorValue(cellAt(out, 0, 0), 'INVALID_ARGUMENT', NONE_COVERED, 'participants');
    expect(cellAt(out, 1, 0)).toBe(cellAt(out, 0, 0));
  });

  it('sums a key over a participant set once, however many calls and cells use it', () => {
    const gdp = KEYS.get('GDP');
    if (gdp === undefined) throw new Error('no GDP key');
    const spy = jest.spyOn(gdp.weights, 'forEach');
    try {
      // A set no other test uses, so the first call here is the first to need its total.
      const participants = [['LV'], ['LT'], ['EE']];
      const countries = Array.from({ length: 30 }, (_, r) => [['LV', 'LT', 'EE'][r % 3]]);
      for (let i = 0; i < 3; i++) liftFundShare(countries, [[1, 2, 3]], [['GDP']], participants, keep);
      // The old code summed the key once per call (3 here).
      expect(spy.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('FORCE_SIZE and FORCE_COST arithmetic (issue 8, defect 9)', () => {
  it('does not underflow where the product is representable', () => {
    // 1e-200 km × 1e-200 personnel/km × rotation 1e200 = 1e-200 persons; in order, 1e-200 × 1e-200
    // is 0 (below the smallest double, about 5e-324) and the old code returned 0.
    expect(forceSize(1e-200, 1e-200, 1e200)).toBeCloseTo(1e-200, 214);
    expect(forceSize(1e-200, 1e-200, 1e200) / 1e-200).toBeCloseTo(1, 14);
    // With the enabler share: 1e-200 / (1 − 0.5) = 2e-200.
    expect(forceSize(1e-200, 1e-200, 1e200, 0.5) / 2e-200).toBeCloseTo(1, 14);
  });

  it('still returns 0 for a product below the smallest double', () => {
    // 1e-300 × 1e-300 = 1e-600: no double is closer to it than 0.
    expect(forceSize(1e-300, 1e-300)).toBe(0);
  });

  it('computes FORCE_COST without sorting an array per cell', () => {
    const spy = jest.spyOn(Array.prototype, 'sort');
    try {
      const out = lift(FORCE_COST, [Array.from({ length: 50 }, (_, r) => [1000 + r]), [[120000, 1e-300]], [[1e200]]], keep);
      // 1000 × 120,000 × 1e200 = 1.2e208; 1000 × 1e-300 × 1e200 = 1e-97.
      expect(cellAt(out, 0, 0) as number).toBeCloseTo(1.2e208, -194);
      expect((cellAt(out, 0, 1) as number) / 1e-97).toBeCloseTo(1, 14);
      // The old code sorted [p, c, y] in every one of the 100 cells.
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('keeps FORCE_COST safe from intermediate overflow', () => {
    // 1e200 × 1e200 × 1e-300 = 1e100 (in order, 1e200 × 1e200 is Infinity).
    expect(forceCost(1e200, 1e200, 1e-300) / 1e100).toBeCloseTo(1, 14);
  });

  it('keeps FORCE_COST exact where p × c would fall below the normal range', () => {
    // 1e-200 × 1e-120 = 1e-320 is subnormal (about 3 significant digits); the ordered product
    // 1e-200 × 1e300 × 1e-120 = 1e-20 keeps all of them.
    expect(forceCost(1e-200, 1e-120, 1e300) / 1e-20).toBeCloseTo(1, 14);
    // 1e-200 × 1e-200 underflows to 0: the result 1e-100 (× 1e300) is not lost.
    expect(forceCost(1e-200, 1e-200, 1e300) / 1e-100).toBeCloseTo(1, 14);
    // A true zero stays zero.
    expect(forceCost(0, 1e300, 1e300)).toBe(0);
  });
});

describe('MAX_RESULT_CELLS', () => {
  it('is still the cap the whole-column message quotes', () => {
    expect(MAX_RESULT_CELLS).toBe(262_144);
  });
});
