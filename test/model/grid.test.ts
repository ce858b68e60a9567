import { type NumberParam, numbers } from '../../src/model/args';
import { ModelError, noFiniteAnswer } from '../../src/model/errors';
import { broadcast, broadcastShape, errorsFor, MAX_RESULT_CELLS, Payload } from '../../src/model/grid';
import { liftSource } from '../../src/model/reference';
import { cellAt, expectModelError, expectModelErrorValue, keep, shapeOf } from '../helpers/model';

const A: NumberParam = { name: 'a', unit: 'units', min: 0 };
const B: NumberParam = { name: 'b', unit: 'units', min: 0 };
const C: NumberParam = { name: 'c', unit: 'units', min: 0 };

/** A rows x cols range of zeros. */
const zeros = (rows: number, cols: number): number[][] => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));

/** a + b, cell by cell, over two broadcast arguments. */
function add(rawA: unknown, rawB: unknown): (number | ModelError)[][] {
  const a = numbers(A, rawA);
  const b = numbers(B, rawB);
  return broadcast([a, b], (ix) => (a.values[ix[0] ?? -1] ?? NaN) + (b.values[ix[1] ?? -1] ?? NaN), keep);
}

describe('MAX_RESULT_CELLS', () => {
  it('is 262,144 cells, a 512 x 512 grid', () => {
    // grid.ts: 5 MB payload / about 20 bytes a number ≈ 262,144 = 512 × 512.
    expect(MAX_RESULT_CELLS).toBe(262_144);
    expect(MAX_RESULT_CELLS).toBe(512 * 512);
  });
});

describe('broadcastShape', () => {
  it('keeps equal shapes', () => {
    expect(broadcastShape([numbers(A, zeros(2, 3)), numbers(B, zeros(2, 3))])).toEqual({ rows: 2, cols: 3 });
  });

  it('stretches a single value to the shape of a range', () => {
    expect(broadcastShape([numbers(A, 5), numbers(B, zeros(2, 3))])).toEqual({ rows: 2, cols: 3 });
    expect(broadcastShape([numbers(A, zeros(2, 3)), numbers(B, 5)])).toEqual({ rows: 2, cols: 3 });
  });

  it('makes a grid from a column and a row', () => {
    // 3 x 1 against 1 x 4: rows from the column, columns from the row.
    expect(broadcastShape([numbers(A, zeros(3, 1)), numbers(B, zeros(1, 4))])).toEqual({ rows: 3, cols: 4 });
  });

  it('is 1 x 1 for single values only', () => {
    expect(broadcastShape([numbers(A, 1), numbers(B, 2), numbers(C, 3)])).toEqual({ rows: 1, cols: 1 });
  });

  it('refuses columns of different lengths, naming both arguments and sizes', () => {
    expectModelError(
      () => broadcastShape([numbers(A, zeros(3, 1)), numbers(B, zeros(2, 1))]),
      'SHAPE_MISMATCH',
      /^a \(3 x 1\) and b \(2 x 1\) cannot be combined: ranges must have the same size, or one of them a single row, column or cell$/,
      'b',
    );
  });

  it('refuses rows of different lengths', () => {
    expectModelError(
      () => broadcastShape([numbers(A, zeros(1, 2)), numbers(B, zeros(1, 3))]),
      'SHAPE_MISMATCH',
      /a \(1 x 2\) and b \(1 x 3\) cannot be combined/,
    );
  });

  it('refuses a 2 x 3 against a 3 x 2 range', () => {
    expectModelError(
      () => broadcastShape([numbers(A, zeros(2, 3)), numbers(B, zeros(3, 2))]),
      'SHAPE_MISMATCH',
      /a \(2 x 3\) and b \(3 x 2\) cannot be combined/,
    );
  });

  it('names the first argument that set the size when a third one disagrees', () => {
    // a 3 x 1 sets the rows; b 1 x 4 sets the columns; c 2 x 4 disagrees with a on rows.
    expectModelError(
      () => broadcastShape([numbers(A, zeros(3, 1)), numbers(B, zeros(1, 4)), numbers(C, zeros(2, 4))]),
      'SHAPE_MISMATCH',
      /a \(3 x 1\) and c \(2 x 4\) cannot be combined/,
      'c',
    );
  });

  it('accepts a result of exactly MAX_RESULT_CELLS cells', () => {
    // 512 x 1 against 1 x 512: 512 × 512 = 262,144 cells, the limit itself.
    expect(broadcastShape([numbers(A, zeros(512, 1)), numbers(B, zeros(1, 512))])).toEqual({ rows: 512, cols: 512 });
  });

  it('refuses a result one row over the limit, with the cell count in the message', () => {
    // 513 × 512 = 262,656 cells > 262,144.
    expectModelError(
      () => broadcastShape([numbers(A, zeros(513, 1)), numbers(B, zeros(1, 512))]),
      'RESULT_TOO_LARGE',
      /the result would have 262656 cells \(513 x 512\); a custom function can return at most 262144 cells/,
    );
  });

  it('refuses a 1000 x 1 column against a 1 x 1000 row (1,000,000 cells)', () => {
    expectModelError(
      () => broadcastShape([numbers(A, zeros(1000, 1)), numbers(B, zeros(1, 1000))]),
      'RESULT_TOO_LARGE',
      /1000000 cells \(1000 x 1000\)/,
    );
  });
});

describe('broadcast', () => {
  it('combines equal shapes cell by cell', () => {
    // [[1, 2], [3, 4]] + [[10, 20], [30, 40]], by hand.
    expect(
      add(
        [
          [1, 2],
          [3, 4],
        ],
        [
          [10, 20],
          [30, 40],
        ],
      ),
    ).toEqual([
      [11, 22],
      [33, 44],
    ]);
  });

  it('applies a single value to every cell of a range', () => {
    // 100 + each of [[1, 2, 3]].
    expect(add(100, [[1, 2, 3]])).toEqual([[101, 102, 103]]);
    expect(add([[1], [2]], 100)).toEqual([[101], [102]]);
  });

  it('makes a grid from a 3 x 1 column and a 1 x 4 row', () => {
    const grid = add([[1], [2], [3]], [[10, 20, 30, 40]]);
    expect(shapeOf(grid)).toEqual([3, 4]);
    // Row r is column[r] + each of the row, by hand:
    expect(grid).toEqual([
      [1 + 10, 1 + 20, 1 + 30, 1 + 40],
      [2 + 10, 2 + 20, 2 + 30, 2 + 40],
      [3 + 10, 3 + 20, 3 + 30, 3 + 40],
    ]);
  });

  it('throws SHAPE_MISMATCH for the whole call', () => {
    expectModelError(() => add([[1], [2], [3]], [[1], [2]]), 'SHAPE_MISMATCH', /a \(3 x 1\) and b \(2 x 1\)/);
  });

  it('refuses a result over MAX_RESULT_CELLS before computing any cell', () => {
    const a = numbers(A, zeros(1000, 1));
    const b = numbers(B, zeros(1, 1000));
    const cell = jest.fn((): number => 0);
    expectModelError(() => broadcast([a, b], cell, keep), 'RESULT_TOO_LARGE', /1000000 cells/);
    expect(cell).not.toHaveBeenCalled();
  });

  it('marks only the bad cell of a grid, with its row and column in the message', () => {
    const grid = add(
      [
        [1, 2],
        [3, -4],
      ],
      10,
    );
    expect([cellAt(grid, 0, 0), cellAt(grid, 0, 1), cellAt(grid, 1, 0)]).toEqual([11, 12, 13]);
    expectModelErrorValue(cellAt(grid, 1, 1), 'INVALID_ARGUMENT', 'a (row 2, column 2 of the range) must be a number ≥ 0 (units); got -4');
  });

  it('repeats a bad single value in every cell it reaches', () => {
    const grid = add('x', [[1, 2]]);
    for (const c of [0, 1]) expectModelErrorValue(cellAt(grid, 0, c), 'INVALID_ARGUMENT', /^a must be a number ≥ 0 \(units\); got the text "x"$/);
  });

  it('reports the first argument with a bad cell where two are bad in the same cell', () => {
    const grid = add([[-1]], [[-2]]);
    expectModelErrorValue(cellAt(grid, 0, 0), 'INVALID_ARGUMENT', /^a must be/, 'a');
  });

  it('marks a broadcast bad cell of a row in every row of the grid', () => {
    // b is 1 x 2 with a bad second cell; a is a 2 x 1 column: column 2 is bad in both rows.
    const grid = add([[1], [2]], [[10, 'bad']]);
    expect([cellAt(grid, 0, 0), cellAt(grid, 1, 0)]).toEqual([11, 12]);
    for (const r of [0, 1]) {
      expectModelErrorValue(cellAt(grid, r, 1), 'INVALID_ARGUMENT', 'b (row 1, column 2 of the range) must be a number');
    }
  });

  it('holds a ModelError thrown by the cell function in that cell only', () => {
    const a = numbers(A, [[1, 0, 2]]);
    const grid = broadcast(
      [a],
      (ix) => {
        const x = a.values[ix[0] ?? -1] ?? NaN;
        if (x === 0) throw noFiniteAnswer('a', 'no answer at 0');
        return 1 / x;
      },
      keep,
    );
    expect(cellAt(grid, 0, 0)).toBe(1);
    expectModelErrorValue(cellAt(grid, 0, 1), 'NO_FINITE_ANSWER', 'no answer at 0');
    expect(cellAt(grid, 0, 2)).toBe(0.5);
  });

  it('turns a non-finite number from the cell function into OVERFLOW', () => {
    const a = numbers(A, [[1e308, 1]]);
    const grid = broadcast([a], (ix) => (a.values[ix[0] ?? -1] ?? NaN) * 10, keep);
    // 1e308 × 10 = 1e309 > Number.MAX_VALUE (about 1.8e308): Infinity.
    expectModelErrorValue(cellAt(grid, 0, 0), 'OVERFLOW', /beyond the largest number Excel holds/);
    expect(cellAt(grid, 0, 1)).toBe(10);
  });

  it('passes text results through', () => {
    const a = numbers(A, [[1, 2]]);
    expect(broadcast([a], (ix) => `cell ${ix[0] ?? -1}`, keep)).toEqual([['cell 0', 'cell 1']]);
  });

  it('lets an exception that is not a ModelError propagate (a bug, not a cell error)', () => {
    const a = numbers(A, 1);
    expect(() =>
      broadcast(
        [a],
        () => {
          throw new TypeError('boom');
        },
        keep,
      ),
    ).toThrow(TypeError);
  });

  it('hands onError each error and stores what it returns', () => {
    const grid = broadcast(
      [numbers(A, [[1, -1]])],
      () => 5,
      (e) => `#${e.code}`,
    );
    expect(grid).toEqual([[5, '#INVALID_ARGUMENT']]);
  });
});

describe('Payload', () => {
  it('refuses text results over about 5 MB even within the cell limit, saying the size and shape', () => {
    // 300 x 300 = 90,000 cells (under 262,144); each citation of a GDP key is over 900 characters,
    // so the text alone is about 80 MB: refused while it is built.
    const ids = Array.from({ length: 300 }, () => new Array<string>(300).fill('GDP'));
    expectModelError(() => liftSource(ids, keep), 'RESULT_TOO_LARGE', /over 5 MB \(300 x 300 cells, with text or error messages\)/);
  });

  it('counts 20 bytes a cell, so the cell limit is 5 MiB / 20 bytes', () => {
    // 5 * 1024 * 1024 / 20 = 262,144.
    expect(MAX_RESULT_CELLS).toBe((5 * 1024 * 1024) / 20);
  });
});

describe('errorsFor', () => {
  it('makes one Excel error per distinct model error, however many cells show it', () => {
    let made = 0;
    const fail = errorsFor(() => ({ made: ++made }), new Payload({ rows: 10, cols: 10 }));
    const a = fail(new ModelError('NOT_COVERED', 'x', 'same reason'));
    const b = fail(new ModelError('NOT_COVERED', 'x', 'same reason'));
    const c = fail(new ModelError('NOT_COVERED', 'x', 'another reason'));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(made).toBe(2);
  });
});
