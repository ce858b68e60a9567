/**
 * Property: whatever Excel hands a DEF function, the function answers in a form Excel can show.
 *
 * Every associated function in the production bundle is called with random arguments: `null`
 * (omitted), single values (numbers including NaN, ±Infinity, -0, 1e308 and 5e-324; valid choices
 * and random text; booleans; objects such as Excel's data-type values), 2-D ranges of such cells
 * in random shapes, ragged and empty ranges. The call must either return a rectangular 2-D array
 * whose cells are finite numbers, text or `CustomFunctions.Error`s with a code and a message, or
 * throw such an error. Never NaN, Infinity, `undefined`, a hole, or any other exception.
 */
import fc from 'fast-check';
import { type ExcelFunction, loadBundle, loadMetadata } from './bundle';

/** Most cells one result may have (src/model/grid.ts MAX_RESULT_CELLS: 512 x 512). */
const MAX_RESULT_CELLS = 262_144;
const CODES = new Set(['#VALUE!', '#N/A', '#NUM!']);
/** Random calls per function in the main property; 18 functions. */
const RUNS = 3000;
/** Calls per function in the large-range property (results up to about 700 x 700 cells). */
const LARGE_RUNS = 12;

fc.configureGlobal({ seed: 20251124 });

const bundle = loadBundle();
const { ErrorClass } = bundle;
const functions: [string, ExcelFunction, number][] = loadMetadata().functions.map((f) => {
  const fn = bundle.functions.get(f.id);
  if (fn === undefined) throw new Error(`DEF.${f.id} is in functions.json but not associated`);
  return [f.id, fn, f.parameters.length];
});

/** Calls made to the bundle, and how many large calls fell each side of the cell limit. */
let calls = 0;
let largeAccepted = 0;
let largeRefused = 0;

/**
 * Valid arguments for each function (from the help page examples), used to fill large ranges:
 * the large-range property is about sizes, and a large grid of valid cells runs in milliseconds
 * where one of per-cell errors takes seconds (each error cell builds two Error objects).
 */
const VALID: Readonly<Record<string, readonly unknown[]>> = {
  FORCE_SIZE: [4160, 9.43],
  FORCE_DENSITY: ['UNIFIL', 'km2'],
  FORCE_ROTATION: [6, 24],
  FORCE_COST: [40000, 120000],
  MUNITION_DAYS: [90000, 10000],
  MUNITION_STOCK: [30, 10000],
  MUNITION_REGEN_YEARS: [230000, 20000, 70000],
  FUND_SHARE: ['DE', 40],
  FUND_KEY: ['DE', 'GDP'],
  FUND_GUARANTEES: [440000, 1.65],
  ASSUMPTION: ['line_km', 'peace'],
  SOURCE: ['UNIFIL'],
  DEFLATE: [120000, 2011, 2024],
};

/**
 * The functions whose rows are periods or trials, not a broadcast: their large call is a count of
 * `rows` and a row of `cols` scenarios, and the result's shape is given here.
 */
const LARGE: Readonly<Record<string, (rows: number, cols: number) => { args: unknown[]; rows: number; cols: number }>> = {
  RAMP: (rows, cols) => ({ args: [[Array.from({ length: cols }, () => 1)], [[2]], [[rows]], null, null], rows, cols }),
  MUNITION_PATH: (rows, cols) => ({ args: [[[1000000]], [Array.from({ length: cols }, (_, c) => 100 + c)], [[50]], [[rows]], null], rows, cols }),
  FUND_SCHEDULE: (rows) => ({ args: [Array.from({ length: rows }, () => [40]), [[0.03]], [[10]], [[rows]], null], rows, cols: 5 }),
  TRIALS: (rows, cols) => ({
    args: [[[10]], [[20]], [[30]], [Array.from({ length: cols }, (_, c) => c + 1)], [[rows]], null, null, null],
    rows,
    cols,
  }),
  // Reads up to MAX_RESULT_CELLS trials (refusing more, from their size) and returns 4 x cols.
  TRIAL_STATS: (rows, cols) => ({ args: [Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, () => r)), null], rows: 4, cols }),
};

// ---------------------------------------------------------------------------------------------
// Arguments

const CHOICES = [
  // precedents and bases
  'UNIFIL',
  'UNIFIL_AUTHORISED',
  'KFOR',
  'IFOR',
  'UNFICYP',
  'KOREA_DMZ',
  'unifil_actual',
  'km2',
  'km',
  'per1000',
  // countries
  'DE',
  'FR',
  'GR',
  'EL',
  'UK',
  'GB',
  'NO',
  'PL',
  'Germany',
  ' de ',
  // keys
  'GDP',
  'EFSF',
  'ESM',
  'ECB',
  'POP',
  // scenarios and bounds
  'peace',
  'collapse',
  'no_deal',
  'lasting_peace',
  'central',
  'low',
  'high',
  // assumption, fact and source ids
  'line_km',
  'density_per_km2',
  'fund_key',
  'over_guarantee',
  'france_days',
  'FRANCE_DAYS_2021',
  'QUINLIVAN_STABILISATION',
  // names every JavaScript object has
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

const SPECIAL_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  0.999999,
  1.65,
  6,
  24,
  1000,
  10000,
  90000,
  NaN,
  Infinity,
  -Infinity,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  5e-324,
  -5e-324,
  Number.EPSILON,
  2 ** 53,
];

const number = fc.oneof(fc.constantFrom(...SPECIAL_NUMBERS), fc.double(), fc.integer({ min: -1_000_000, max: 1_000_000 }));

const text = fc.oneof(fc.constantFrom(...CHOICES), fc.string({ maxLength: 12 }), fc.constant(''));

const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: number },
  { weight: 3, arbitrary: text },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  // What Excel passes for data-type values (functions.json allows custom data for `any`).
  { weight: 1, arbitrary: fc.constantFrom<unknown>({ type: 'Double', basicValue: 5 }, { code: '#N/A' }, [1]) },
);

/** A rows x cols range of cells. */
const grid = (rows: number, cols: number): fc.Arbitrary<unknown[][]> =>
  fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

const side = fc.integer({ min: 1, max: 6 });

/** One argument with no regard to the others' shapes: mostly a mismatch, sometimes malformed. */
const anyArgument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: cell },
  { weight: 4, arbitrary: fc.tuple(side, side).chain(([r, c]) => grid(r, c)) },
  { weight: 1, arbitrary: fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 2, maxLength: 6 }) }, // ragged
  { weight: 1, arbitrary: fc.constantFrom<unknown>([], [[]], [[], []]) },
  { weight: 1, arbitrary: fc.array(cell, { minLength: 1, maxLength: 6 }) }, // a flat list
  { weight: 1, arbitrary: fc.tuple(cell, cell).map(([a, b]) => [[a], b]) }, // rows mixed with values
);

/**
 * Arguments whose shapes broadcast together (each 1 x 1, R x 1, 1 x C or R x C, or omitted), so
 * the call gets past the shape check and exercises the per-cell paths.
 */
const compatibleArguments = (n: number): fc.Arbitrary<unknown[]> =>
  fc
    .tuple(side, side)
    .chain(([rows, cols]) =>
      fc.tuple(...Array.from({ length: n }, () => fc.oneof(fc.constant(null), grid(1, 1), grid(rows, 1), grid(1, cols), grid(rows, cols)))),
    );

const argumentsFor = (n: number): fc.Arbitrary<unknown[]> =>
  fc.oneof(compatibleArguments(n), fc.tuple(...Array.from({ length: n }, () => anyArgument)));

// ---------------------------------------------------------------------------------------------
// What Excel can show

/** Why `e` is not an Excel error DefEcon may return or throw; `null` when it is one. */
function errorProblem(e: unknown): string | null {
  if (!(e instanceof ErrorClass)) {
    return `not a CustomFunctions.Error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
  if (!CODES.has(e.code)) return `error code ${e.code} is not one of ${[...CODES].join(', ')}`;
  if (typeof e.message !== 'string' || e.message.trim() === '') return `${e.code} without a message`;
  return null;
}

/** Why a returned value is not a result Excel can show; `null` when it is one. */
function resultProblem(result: unknown): string | null {
  if (!Array.isArray(result)) return `returned ${typeof result}, not a 2-D array`;
  const rows = result as unknown[];
  if (rows.length === 0) return 'returned no rows';
  const first: unknown = rows[0];
  if (!Array.isArray(first) || first.length === 0) return 'the first row is not a non-empty array';
  const cols = first.length;
  if (rows.length * cols > 1 && rows.length * cols > MAX_RESULT_CELLS) {
    return `returned ${rows.length} x ${cols} cells, more than ${MAX_RESULT_CELLS}`;
  }
  for (let r = 0; r < rows.length; r++) {
    if (!(r in rows)) return `row ${r} is a hole`;
    const row: unknown = rows[r];
    if (!Array.isArray(row) || row.length !== cols) return `row ${r} is not an array of ${cols} cells`;
    for (let c = 0; c < cols; c++) {
      if (!(c in row)) return `cell (${r}, ${c}) is a hole`;
      const x: unknown = row[c];
      if (typeof x === 'number') {
        if (!Number.isFinite(x)) return `cell (${r}, ${c}) is ${x}`;
      } else if (typeof x !== 'string') {
        const problem = errorProblem(x);
        if (problem !== null) return `cell (${r}, ${c}): ${problem}`;
        if (rows.length * cols === 1) return 'a single-cell error was returned instead of thrown';
      }
    }
  }
  return null;
}

/** Calls `fn` and says what is wrong with the outcome, or `null`. */
function outcomeProblem(fn: ExcelFunction, args: readonly unknown[]): string | null {
  calls++;
  let result: unknown;
  try {
    result = fn(...args);
  } catch (e) {
    const problem = errorProblem(e);
    return problem === null ? null : `threw ${problem}`;
  }
  return resultProblem(result);
}

describe.each(functions)('DEF.%s', (id, fn, n) => {
  it('answers any arguments with numbers, text or CustomFunctions.Errors, or throws one', () => {
    fc.assert(
      fc.property(argumentsFor(n), (args) => expect(outcomeProblem(fn, args)).toBeNull()),
      { numRuns: RUNS },
    );
  });

  it(`returns at most ${MAX_RESULT_CELLS} cells and about 5 MB, refusing larger results with #VALUE!`, () => {
    // A column against a row (or, for one parameter, a grid) of up to about 700 x 700 cells.
    const length = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 400, max: 700 }), fc.constant(512));
    const valid = VALID[id] ?? [];
    fc.assert(
      fc.property(length, length, (rows, cols) => {
        // Single values for the other required parameters, null for the optional ones.
        let args: unknown[] = Array.from({ length: n }, (_, k) => (k < valid.length ? [[valid[k]]] : null));
        let [wantRows, wantCols] = [rows, cols];
        const large = LARGE[id];
        if (large !== undefined) {
          const made = large(rows, cols);
          [args, wantRows, wantCols] = [made.args, made.rows, made.cols];
        } else if (n === 1) {
          args[0] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => valid[0]));
        } else {
          args[0] = Array.from({ length: rows }, () => [valid[0]]);
          args[1] = [Array.from({ length: cols }, () => valid[1])];
        }
        calls++;
        let result: unknown;
        let thrown: unknown;
        try {
          result = fn(...args);
        } catch (e) {
          thrown = e;
        }
        const tooLargeAsText =
          thrown !== undefined && errorProblem(thrown) === null && /over 5 MB \(\d+ x \d+ cells, with text/.test((thrown as Error).message);
        const cells = large === undefined || id === 'TRIAL_STATS' ? rows * cols : wantRows * wantCols;
        if (cells <= MAX_RESULT_CELLS && tooLargeAsText) {
          // Within the cell limit, but text results (SOURCE's citations) are also held to about
          // 5 MB of text: refused with #VALUE! naming the size, before Excel would hang.
          largeRefused++;
          expect(thrown).toMatchObject({ code: '#VALUE!', message: expect.stringContaining(`${rows} x ${cols} cells`) as unknown });
        } else if (cells <= MAX_RESULT_CELLS) {
          // Valid cells within the limit: the whole table, nothing thrown.
          largeAccepted++;
          expect(thrown).toBeUndefined();
          expect(resultProblem(result)).toBeNull();
          const table = result as unknown[][];
          expect([table.length, table[0]?.length]).toEqual([wantRows, wantCols]);
        } else {
          largeRefused++;
          expect(errorProblem(thrown)).toBeNull();
          expect(thrown).toMatchObject({ code: '#VALUE!', message: expect.stringContaining(`${cells} cells`) as unknown });
        }
      }),
      { numRuns: LARGE_RUNS },
    );
  });
});

describe('the properties above', () => {
  it(`made at least ${functions.length * (RUNS + LARGE_RUNS)} calls to the bundle`, () => {
    // Jest runs the tests of a file in order, so every property above has run by now.
    expect(calls).toBeGreaterThanOrEqual(functions.length * (RUNS + LARGE_RUNS));
    // Both sides of the cell limit were tried.
    expect(largeAccepted).toBeGreaterThan(0);
    expect(largeRefused).toBeGreaterThan(0);
  });
});
