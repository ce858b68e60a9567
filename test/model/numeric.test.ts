import fc from 'fast-check';
import type { NumberParam } from '../../src/model/args';
import { ModelError, noFiniteAnswer } from '../../src/model/errors';
import { FORCE_COST, FORCE_ROTATION, FORCE_SIZE } from '../../src/model/force';
import { FUND_GUARANTEES } from '../../src/model/fund';
import { MUNITION_DAYS, MUNITION_REGEN_YEARS, MUNITION_STOCK } from '../../src/model/munitions';
import { at, evaluate, type Lane, lift, type NumericModel, overflow } from '../../src/model/numeric';
import { cellAt, expectModelError, expectModelErrorValue, keep, shapeOf } from '../helpers/model';

/** A two-parameter test model, a / b, whose row loop is a jest mock so calls can be counted. */
function divideModel(): NumericModel & { row: jest.Mock<boolean, [number[], number, readonly Lane[]]> } {
  const num: NumberParam = { name: 'num', unit: 'units', min: 0 };
  const den: NumberParam = { name: 'den', unit: 'units', min: 0, default: 1 };
  const f = (a: number, b: number): number => a / b;
  return {
    params: [num, den],
    f,
    explain: ([, b]) => (b === 0 ? noFiniteAnswer('den', 'den is 0') : overflow()),
    row: jest.fn((out: number[], n: number, lanes: readonly Lane[]) => {
      const [l0, l1] = lanes;
      let ok = true;
      for (let j = 0; j < n; j++) {
        out[j] = f(l0 === undefined ? NaN : at(l0, j), l1 === undefined ? NaN : at(l1, j));
        ok &&= Number.isFinite(out[j]);
      }
      return ok;
    }),
  };
}

describe('at', () => {
  it('reads the value at column j of a lane: v[o + j × s]', () => {
    // v = [1, 2, 3, 4], o = 1, s = 2: column 1 is v[1 + 1 × 2] = v[3] = 4.
    expect(at({ v: [1, 2, 3, 4], o: 1, s: 2 }, 1)).toBe(4);
    // s = 0 (a single column): every column reads v[o].
    expect(at({ v: [1, 2, 3, 4], o: 2, s: 0 }, 3)).toBe(3);
  });
});

describe('overflow', () => {
  it('is an OVERFLOW error that names the largest number Excel holds', () => {
    const e = overflow();
    expect(e).toBeInstanceOf(ModelError);
    expect([e.code, e.parameter]).toEqual(['OVERFLOW', '']);
    expect(e.message).toBe('the result is beyond the largest number Excel holds (about 1.8E+308)');
  });
});

describe('evaluate', () => {
  it('applies the model to checked inputs', () => {
    // 10 / 4 = 2.5
    expect(evaluate(divideModel(), [10, 4])).toBe(2.5);
  });

  it('gives an omitted optional input (undefined) its default', () => {
    // den defaults to 1: 10 / 1 = 10.
    expect(evaluate(divideModel(), [10, undefined])).toBe(10);
    expect(evaluate(divideModel(), [10])).toBe(10);
  });

  it('throws the first invalid input, in parameter order', () => {
    expectModelError(() => evaluate(divideModel(), [-1, -2]), 'INVALID_ARGUMENT', /^num must be a number ≥ 0 \(units\); got -1$/, 'num');
  });

  it('throws what explain says where the result is not finite', () => {
    expectModelError(() => evaluate(divideModel(), [1, 0]), 'NO_FINITE_ANSWER', 'den is 0', 'den');
    // 1e308 / 1e-308 = 1e616: beyond the largest double.
    expectModelError(() => evaluate(divideModel(), [1e308, 1e-308]), 'OVERFLOW', /beyond the largest number/);
  });
});

describe('lift', () => {
  it('combines equal shapes cell by cell', () => {
    // (6 + 24) / 6 = 5, (4 + 8) / 4 = 3, (6 + 0) / 6 = 1, (3 + 9) / 3 = 4
    expect(
      lift(
        FORCE_ROTATION,
        [
          [
            [6, 4],
            [6, 3],
          ],
          [
            [24, 8],
            [0, 9],
          ],
        ],
        keep,
      ),
    ).toEqual([
      [5, 3],
      [1, 4],
    ]);
  });

  it('makes a grid from a column and a row, every cell as by hand', () => {
    // tour_months 3 x 1 [2; 4; 6] against interval_months 1 x 4 [0, 2, 4, 12]: (t + i) / t,
    // computed as 1 + i / t (equal in exact arithmetic; may differ in the last bit).
    const grid = lift(FORCE_ROTATION, [[[2], [4], [6]], [[0, 2, 4, 12]]], keep);
    expect(shapeOf(grid)).toEqual([3, 4]);
    const expected = [
      [(2 + 0) / 2, (2 + 2) / 2, (2 + 4) / 2, (2 + 12) / 2],
      [(4 + 0) / 4, (4 + 2) / 4, (4 + 4) / 4, (4 + 12) / 4],
      [(6 + 0) / 6, (6 + 2) / 6, (6 + 4) / 6, (6 + 12) / 6],
    ];
    expected.forEach((row, r) => row.forEach((v, c) => expect(grid[r]?.[c]).toBeCloseTo(v, 14)));
  });

  it('applies a single value to every cell', () => {
    // 1.65 × each lending capacity (EFSF over-guarantee after 2011)
    expect(lift(FUND_GUARANTEES, [[[100, 200, 440000]], 1.65], keep)).toEqual([[1.65 * 100, 1.65 * 200, 1.65 * 440000]]);
  });

  it('gives omitted optional arguments (null) their defaults', () => {
    // FORCE_SIZE rotation defaults to 1, enabler_share to 0: 10 × 2 × 1 / (1 − 0) = 20.
    expect(lift(FORCE_SIZE, [[[10]], [[2]], null, null], keep)).toEqual([[20]]);
    expect(lift(FORCE_SIZE, [[[10]], [[2]]], keep)).toEqual([[20]]);
  });

  it('throws SHAPE_MISMATCH for a 3 x 1 against a 2 x 1 range, naming both sizes', () => {
    expectModelError(
      () =>
        lift(
          FORCE_ROTATION,
          [
            [[6], [6], [6]],
            [[24], [24]],
          ],
          keep,
        ),
      'SHAPE_MISMATCH',
      'tour_months (3 x 1) and interval_months (2 x 1) cannot be combined',
      'interval_months',
    );
  });

  it('throws INVALID_ARGUMENT for an empty or a ragged range', () => {
    expectModelError(() => lift(FORCE_ROTATION, [[[]], 24], keep), 'INVALID_ARGUMENT', /tour_months is an empty range/);
    expectModelError(
      () => lift(FORCE_ROTATION, [6, [[24, 12], [6]]], keep),
      'INVALID_ARGUMENT',
      'interval_months is a ragged range (rows of 2 and 1 cells)',
    );
  });

  it('refuses a result over MAX_RESULT_CELLS before computing, with the cell count in the message', () => {
    const model = divideModel();
    const column = Array.from({ length: 1000 }, () => [1]);
    const row = [new Array<number>(1000).fill(1)];
    expectModelError(() => lift(model, [column, row], keep), 'RESULT_TOO_LARGE', /1000000 cells \(1000 x 1000\)/);
    expect(model.row).not.toHaveBeenCalled();
  });

  it('marks only the bad cell of a grid, with its row and column', () => {
    const grid = lift(
      FORCE_ROTATION,
      [
        [
          [6, 6],
          [6, 'six'],
        ],
        24,
      ],
      keep,
    );
    // (6 + 24) / 6 = 5 in the three good cells.
    expect([cellAt(grid, 0, 0), cellAt(grid, 0, 1), cellAt(grid, 1, 0)]).toEqual([5, 5, 5]);
    expectModelErrorValue(
      cellAt(grid, 1, 1),
      'INVALID_ARGUMENT',
      'tour_months (row 2, column 2 of the range) must be a number > 0 (months deployed per tour); got the text "six"',
    );
  });

  it('makes a cell with no finite answer an error in that cell only', () => {
    // stock 90,000 against daily_use [10,000, 0, 30,000]: 9 days, never runs out, 3 days.
    const grid = lift(MUNITION_DAYS, [90000, [[10000, 0, 30000]], null], keep);
    expect(cellAt(grid, 0, 0)).toBe(9);
    expectModelErrorValue(cellAt(grid, 0, 1), 'NO_FINITE_ANSWER', /never runs out/);
    expect(cellAt(grid, 0, 2)).toBe(3);
  });

  it('makes an overflowing cell OVERFLOW in that cell only', () => {
    // 1e308 × 10 = 1e309 overflows; 1 × 10 = 10 does not.
    const grid = lift(FORCE_SIZE, [[[1e308], [1]], 10, null, null], keep);
    expectModelErrorValue(cellAt(grid, 0, 0), 'OVERFLOW', /beyond the largest number/);
    expect(cellAt(grid, 1, 0)).toBe(10);
  });

  it('explains a non-finite cell in a grid that also has a bad cell', () => {
    // num [[1, -1, 2]] / den [[0, 1, 4]]: 1/0 has no answer, -1 is invalid, 2/4 = 0.5.
    const grid = lift(divideModel(), [[[1, -1, 2]], [[0, 1, 4]]], keep);
    expectModelErrorValue(cellAt(grid, 0, 0), 'NO_FINITE_ANSWER', 'den is 0');
    expectModelErrorValue(cellAt(grid, 0, 1), 'INVALID_ARGUMENT', /num \(row 1, column 2 of the range\)/);
    expect(cellAt(grid, 0, 2)).toBe(0.5);
  });
});

// ---------------------------------------------------------------------------------------------
// Consistency: every model's hand-written row loop (used by lift) agrees with its scalar f (used
// by evaluate), cell by cell, over random grids of valid and invalid inputs.

const MODELS: Readonly<Record<string, NumericModel>> = {
  FORCE_SIZE,
  FORCE_ROTATION,
  FORCE_COST,
  MUNITION_DAYS,
  MUNITION_STOCK,
  MUNITION_REGEN_YEARS,
  FUND_GUARANTEES,
};

type Kind = 'bare' | 'omitted' | 'cell' | 'column' | 'row' | 'grid';

/** Inputs that hit the edges: zero, equality, the range bounds, overflow, denormals and bad values. */
const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 4 },
  {
    arbitrary: fc.constantFrom<unknown>(0.5, 0.99, 1e308, Number.MAX_VALUE, 5e-324, 1e-300, -0, -1, NaN, Infinity, -Infinity),
    weight: 3,
  },
  { arbitrary: fc.constantFrom<unknown>(null, '', undefined, 'x', '5', true, false), weight: 2 },
  { arbitrary: fc.double(), weight: 2 },
);

const POOL = 16; // at most 4 x 4 cells per argument

const layout = fc.record({
  rows: fc.integer({ min: 1, max: 4 }),
  cols: fc.integer({ min: 1, max: 4 }),
  kinds: fc.array(fc.constantFrom<Kind>('bare', 'omitted', 'cell', 'column', 'row', 'grid'), { minLength: 4, maxLength: 4 }),
  pool: fc.array(cellValue, { minLength: 4 * POOL, maxLength: 4 * POOL }),
});

/** The raw argument for a kind, and the value it has at result cell (r, c). */
function argument(kind: Kind, rows: number, cols: number, pool: readonly unknown[]): { raw: unknown; at: (r: number, c: number) => unknown } {
  const p = (i: number): unknown => pool[i];
  switch (kind) {
    case 'bare':
      return { raw: p(0), at: () => p(0) };
    case 'omitted':
      return { raw: null, at: () => null };
    case 'cell':
      return { raw: [[p(0)]], at: () => p(0) };
    case 'column':
      return { raw: Array.from({ length: rows }, (_, r) => [p(r)]), at: (r) => p(r) };
    case 'row':
      return { raw: [Array.from({ length: cols }, (_, c) => p(c))], at: (_r, c) => p(c) };
    case 'grid':
      return {
        raw: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => p(r * cols + c))),
        at: (r, c) => p(r * cols + c),
      };
  }
}

describe('lift and evaluate', () => {
  it.each(Object.keys(MODELS))('agree cell by cell for %s over random grids (value or error code)', (name) => {
    const model = MODELS[name] as NumericModel;
    fc.assert(
      fc.property(layout, ({ rows, cols, kinds, pool }) => {
        const args = model.params.map((_, k) => argument(kinds[k] ?? 'bare', rows, cols, pool.slice(k * POOL, (k + 1) * POOL)));
        const used = model.params.map((_, k) => kinds[k] ?? 'bare');
        const outRows = used.some((k) => k === 'column' || k === 'grid') ? rows : 1;
        const outCols = used.some((k) => k === 'row' || k === 'grid') ? cols : 1;
        const grid = lift(
          model,
          args.map((a) => a.raw),
          keep,
        );
        expect(shapeOf(grid)).toEqual([outRows, outCols]);
        for (let r = 0; r < outRows; r++) {
          for (let c = 0; c < outCols; c++) {
            const got = cellAt(grid, r, c);
            // evaluate is typed for numbers; it checks whatever it is given, as lift does.
            const xs = args.map((a) => a.at(r, c)) as unknown as readonly (number | undefined)[];
            let want: number | ModelError;
            try {
              want = evaluate(model, xs);
            } catch (e) {
              want = e as ModelError;
            }
            if (want instanceof ModelError) {
              expect(got).toBeInstanceOf(ModelError);
              expect([(got as ModelError).code, (got as ModelError).parameter]).toEqual([want.code, want.parameter]);
            } else {
              expect(typeof got).toBe('number');
              expect(Object.is(got, want)).toBe(true);
            }
          }
        }
      }),
      { seed: 187_2025, numRuns: 300 },
    );
  });

  it('are exercised by the generator on values, errors and non-finite results alike', () => {
    // Guards the property above against a generator that never reaches an error or a value.
    const seen = new Set<string>();
    fc.assert(
      fc.property(layout, ({ rows, cols, kinds, pool }) => {
        const args = MUNITION_DAYS.params.map((_, k) => argument(kinds[k] ?? 'bare', rows, cols, pool.slice(k * POOL, (k + 1) * POOL)));
        for (const row of lift(
          MUNITION_DAYS,
          args.map((a) => a.raw),
          keep,
        )) {
          for (const v of row) seen.add(v instanceof ModelError ? v.code : 'value');
        }
      }),
      { seed: 187_2025, numRuns: 300 },
    );
    expect([...seen].sort()).toEqual(['INVALID_ARGUMENT', 'NO_FINITE_ANSWER', 'OVERFLOW', 'value']);
  });
});
