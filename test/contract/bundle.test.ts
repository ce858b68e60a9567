/**
 * The production bundle (dist/functions.js) called the way Excel calls it: loaded into a fresh
 * context with a stub `CustomFunctions`, each function reached through its `associate` id, every
 * argument a 2-D array and every omitted optional argument `null` (trailing ones too).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ExcelFunction, helpHtml, loadBundle, loadMetadata, type StubError } from './bundle';

type Range = unknown[][];

const bundle = loadBundle();
const metadata = loadMetadata();
const { ErrorClass } = bundle;
const parameterCount = new Map(metadata.functions.map((f) => [f.id, f.parameters.length]));

/** A single value as Excel passes it to a matrix parameter. */
const v = (x: unknown): Range => [[x]];

/** A column of values, as Excel passes A1:A<n>. */
const column = (xs: readonly unknown[]): Range => xs.map((x) => [x]);

/** Calls `DEF.<id>` as Excel does: the given arguments, then `null` for every omitted one. */
function excel(id: string, ...given: (Range | null)[]): unknown {
  const fn: ExcelFunction | undefined = bundle.functions.get(id);
  const n = parameterCount.get(id);
  if (fn === undefined || n === undefined) throw new Error(`DEF.${id} is not in the bundle and functions.json`);
  if (given.length > n) throw new Error(`DEF.${id} takes ${n} arguments, not ${given.length}`);
  return fn(...Array.from({ length: n }, (_, k) => given[k] ?? null));
}

/** The one value of a 1 x 1 result. */
function single(result: unknown): unknown {
  expect(Array.isArray(result)).toBe(true);
  const rows = result as unknown[][];
  expect(rows).toHaveLength(1);
  expect(rows[0]).toHaveLength(1);
  return rows[0]?.[0];
}

/** The cell at (r, c) of a spilled result, as INDEX(result, r + 1, c + 1) reads it. */
function cellOf(result: unknown, r: number, c: number): unknown {
  expect(Array.isArray(result)).toBe(true);
  return (result as unknown[][])[r]?.[c];
}

/** What `f` throws; fails the test when it returns instead. */
function thrownBy(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw, but it returned');
}

/** Asserts `e` is an instance of the stub CustomFunctions.Error with this code and a matching message. */
function expectExcelError(e: unknown, code: string, message: RegExp | string): StubError {
  expect(e).toBeInstanceOf(ErrorClass);
  const error = e as StubError;
  expect({ code: error.code, message: error.message }).toEqual({
    code,
    message: typeof message === 'string' ? message : (expect.stringMatching(message) as unknown),
  });
  return error;
}

/**
 * `value` as the help page shows it: rounded to as many decimals as `shown` has, thousands
 * separators dropped (`39,245` → `39245`, `9.43` → 2 decimals).
 */
function asShown(value: unknown, shown: string): string {
  if (typeof value !== 'number') return `not a number: ${String(value)}`;
  const decimals = shown.split('.')[1]?.length ?? 0;
  return value.toFixed(decimals);
}

describe('the bundle', () => {
  it('associates every id in functions.json, once each, and nothing else', () => {
    expect([...bundle.ids].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    expect(new Set(bundle.ids).size).toBe(bundle.ids.length);
  });

  it('associates functions that declare as many parameters as functions.json lists', () => {
    const declared = metadata.functions.map((f) => [f.id, bundle.functions.get(f.id)?.length]);
    expect(declared).toEqual(metadata.functions.map((f) => [f.id, f.parameters.length]));
  });
});

describe('the help page examples, run through the bundle', () => {
  // Each case is an Example of the help page (rendered from the registry by src/help/page.ts): the formula as written there and the result in
  // bold beside it. The test checks the page still shows that pair, then that the bundle, called
  // as Excel calls it, gives the shown result at the shown precision.
  const html = helpHtml().replace(/\s+/g, ' ');
  const cases: { formula: string; shown: string; run: () => unknown }[] = [
    {
      // 1,040 km × 4 km at UNIFIL's 10,000 troops / 1,060 km²: 39,245.3 deployed.
      formula: '=DEF.FORCE_SIZE(1040*4, DEF.FORCE_DENSITY("UNIFIL"))',
      shown: '39,245',
      // Excel passes the inner function's spilled result, a 1 x 1 array, as `density`.
      run: () => single(excel('FORCE_SIZE', v(1040 * 4), excel('FORCE_DENSITY', v('UNIFIL')) as Range)),
    },
    { formula: '=DEF.FORCE_DENSITY("UNIFIL")', shown: '9.43', run: () => single(excel('FORCE_DENSITY', v('UNIFIL'))) },
    {
      formula: '=DEF.FORCE_DENSITY("KFOR", "per1000")',
      shown: '22.7',
      run: () => single(excel('FORCE_DENSITY', v('KFOR'), v('per1000'))),
    },
    { formula: '=DEF.FORCE_ROTATION(6, 24)', shown: '5', run: () => single(excel('FORCE_ROTATION', v(6), v(24))) },
    {
      formula: '=DEF.FORCE_COST(40000, 120000)',
      shown: '4,800,000,000',
      run: () => single(excel('FORCE_COST', v(40000), v(120000))),
    },
    { formula: '=DEF.MUNITION_DAYS(90000, 10000)', shown: '9', run: () => single(excel('MUNITION_DAYS', v(90000), v(10000))) },
    {
      formula: '=DEF.MUNITION_STOCK(30, 10000)',
      shown: '300,000',
      run: () => single(excel('MUNITION_STOCK', v(30), v(10000))),
    },
    {
      formula: '=DEF.MUNITION_REGEN_YEARS(230000, 20000, 70000)',
      shown: '3',
      run: () => single(excel('MUNITION_REGEN_YEARS', v(230000), v(20000), v(70000))),
    },
    { formula: '=DEF.FUND_SHARE("DE", 40)', shown: '7.92', run: () => single(excel('FUND_SHARE', v('DE'), v(40))) },
    { formula: '=DEF.FUND_KEY("DE", "EFSF")', shown: '0.2706', run: () => single(excel('FUND_KEY', v('DE'), v('EFSF'))) },
    { formula: '=DEF.FUND_GUARANTEES(440000)', shown: '726,000', run: () => single(excel('FUND_GUARANTEES', v(440000))) },
    {
      formula: '=DEF.ASSUMPTION("density_per_km2", "collapse")',
      shown: '14.15',
      run: () => single(excel('ASSUMPTION', v('density_per_km2'), v('collapse'))),
    },
    {
      // The omitted middle argument arrives as null.
      formula: '=DEF.ASSUMPTION("line_km", , "high")',
      shown: '1,250',
      run: () => single(excel('ASSUMPTION', v('line_km'), null, v('high'))),
    },
    {
      // Month 13 of a ramp from 14,000 to 40,000 over 24 months from month 1: 14,000 + 26,000 × 12/24.
      formula: '=INDEX(DEF.RAMP(14000, 40000, 36, 1, 24), 13)',
      shown: '27,000',
      run: () => cellOf(excel('RAMP', v(14000), v(40000), v(36), v(1), v(24)), 12, 0),
    },
    {
      // 1,000,000 − 6 months × (10,000 − 7,000) a day × 365/12 days = 452,500.
      formula: '=INDEX(DEF.MUNITION_PATH(1000000, 10000, 7000, 12), 6)',
      shown: '452,500',
      run: () => cellOf(excel('MUNITION_PATH', v(1000000), v(10000), v(7000), v(12)), 5, 0),
    },
    {
      // 40 a year in 10-year bonds: outstanding 10 × 40 in year 30.
      formula: '=INDEX(DEF.FUND_SCHEDULE(40, 0.03, 10, 30), 30, 2)',
      shown: '400',
      run: () => cellOf(excel('FUND_SCHEDULE', v(40), v(0.03), v(10), v(30)), 29, 1),
    },
    {
      // 120,000 × 126.07 / 95.66 (HICP, euro area, 2015 = 100).
      formula: '=DEF.DEFLATE(120000, 2011, 2024)',
      shown: '158,147.6',
      run: () => single(excel('DEFLATE', v(120000), v(2011), v(2024))),
    },
    {
      // HDR_2_0(1, 1, 1, 0, 0) = 0.9097355402773246 (Python, published formula); 20 + 10/ln 9 × ln(u/(1 − u)) = 30.5151.
      formula: '=DEF.TRIALS(10, 20, 30, 1, 1)',
      shown: '30.52',
      run: () => single(excel('TRIALS', v(10), v(20), v(30), v(1), v(1))),
    },
    {
      // PERCENTILE.INC({1..5}, 0.1): h = 0.4, 1 + 0.4 × 1.
      formula: '=INDEX(DEF.TRIAL_STATS({1;2;3;4;5}), 2)',
      shown: '1.4',
      run: () => cellOf(excel('TRIAL_STATS', column([1, 2, 3, 4, 5])), 1, 0),
    },
  ];

  it.each(cases)('$formula → $shown', ({ formula, shown, run }) => {
    expect(html).toContain(`<code>${formula}</code> → <b>${shown}</b>`);
    expect(asShown(run(), shown)).toBe(shown.replace(/,/g, ''));
  });

  it('covers every example formula of the README, which gives the same results at its precision', () => {
    // README.md's function table: | `SIGNATURE` | returns | `=DEF.X(...)` | result |.
    const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `[A-Z_]+\(.*\| `(=(?:INDEX\()?DEF\.[^`]+)` \| ([^|]+) \|$/gm)].map((m) => ({
      formula: m[1] ?? '',
      shown: (m[2] ?? '').trim(),
    }));
    // One row per function in the built functions.json (12 when this was written).
    expect(rows.length).toBe(metadata.functions.length);
    for (const row of rows) {
      if (row.formula.startsWith('=DEF.SOURCE(')) {
        expect(row.shown.replace(/^"|…"$/g, '')).toBe((single(excel('SOURCE', v('france_days'))) as string).slice(0, row.shown.length - 3));
        continue;
      }
      const known = cases.find((c) => c.formula === row.formula);
      expect(known).toBeDefined();
      expect([row.formula, asShown(known?.run(), row.shown)]).toEqual([row.formula, row.shown.replace(/,/g, '')]);
    }
  });

  it('=DEF.SOURCE("france_days") → the RAND citation the page quotes', () => {
    const quoted = /<code>=DEF\.SOURCE\("france_days"\)<\/code> → "([^"]+)"/.exec(html)?.[1];
    expect(quoted).toContain('RAND');
    expect(single(excel('SOURCE', v('france_days')))).toBe(quoted);
  });
});

describe('ranges', () => {
  it('spills a 19 x 1 column against a 1 x 10 row into a 19 x 10 grid', () => {
    // =DEF.MUNITION_DAYS(A2:A20, B1:K1), the help page's sensitivity table: days = stock / use.
    const stocks = Array.from({ length: 19 }, (_, i) => 10000 * (i + 1));
    const uses = Array.from({ length: 10 }, (_, j) => 500 * (j + 1));
    const result = excel('MUNITION_DAYS', column(stocks), [uses]);
    expect(result).toEqual(stocks.map((s) => uses.map((u) => s / u)));
  });

  it('combines equal shapes cell by cell and applies a single value to every cell', () => {
    // FORCE_COST = personnel × cost_per_year × years: 2×10×3, 4×20×3 / 6×30×3, 8×40×3.
    const result = excel(
      'FORCE_COST',
      [
        [2, 4],
        [6, 8],
      ],
      [
        [10, 20],
        [30, 40],
      ],
      v(3),
    );
    expect(result).toEqual([
      [60, 240],
      [540, 960],
    ]);
  });

  it('returns per-cell errors, as instances of CustomFunctions.Error, beside numbers elsewhere', () => {
    // 90,000 / 10,000 = 9 days and 30,000 / 10,000 = 3 days; the middle stock is negative.
    const result = excel('MUNITION_DAYS', column([90000, -1, 30000]), v(10000));
    expect(result).toHaveLength(3);
    const [[first], [middle], [last]] = result as [[unknown], [unknown], [unknown]];
    expect([first, last]).toEqual([9, 3]);
    expectExcelError(middle, '#VALUE!', 'stock (row 2, column 1 of the range) must be a number ≥ 0 (rounds); got -1');
  });

  it('marks a cell with no finite answer #N/A and leaves its neighbours alone', () => {
    // 1,000 / (50 − 40) = 100 days; at 60 a day production covers use.
    const result = excel('MUNITION_DAYS', v(1000), v(50), [[40, 60]]) as unknown[][];
    expect(result[0]?.[0]).toBe(100);
    expectExcelError(result[0]?.[1], '#N/A', /the stock never runs out/);
  });
});

describe('bad input is thrown as #VALUE! with a message naming the parameter', () => {
  it('refuses text for a number', () => {
    const e = thrownBy(() => excel('MUNITION_DAYS', v('lots'), v(100)));
    expectExcelError(e, '#VALUE!', 'stock must be a number ≥ 0 (rounds); got the text "lots"');
  });

  it('refuses a negative stock (the help page example)', () => {
    const e = thrownBy(() => excel('MUNITION_DAYS', v(-5), v(100)));
    expectExcelError(e, '#VALUE!', 'stock must be a number ≥ 0 (rounds); got -5');
  });

  it('refuses an enabler_share of 1 (the whole force in support: no finite force)', () => {
    const e = thrownBy(() => excel('FORCE_SIZE', v(100), v(10), null, v(1)));
    expectExcelError(e, '#VALUE!', /^enabler_share must be a number ≥ 0 and < 1 .*; got 1$/);
  });

  it("refuses an unknown country 'XX'", () => {
    const e = thrownBy(() => excel('FUND_SHARE', v('XX'), v(40)));
    expectExcelError(e, '#VALUE!', /^country must be .*EU27 member.*; got the text "XX"$/);
  });

  it('refuses an unknown key, listing the keys', () => {
    const e = thrownBy(() => excel('FUND_KEY', v('DE'), v('NATO')));
    expectExcelError(e, '#VALUE!', /^key must be .*GDP, EFSF, ESM, ECB.*POP; got the text "NATO"$/);
  });

  it('refuses ranges of 3 x 1 and 2 x 1, naming both sizes', () => {
    const e = thrownBy(() => excel('MUNITION_DAYS', column([1, 2, 3]), column([1, 2])));
    expectExcelError(e, '#VALUE!', /^stock \(3 x 1\) and daily_use \(2 x 1\) cannot be combined/);
  });

  it('refuses a 1000 x 1 column against a 1 x 1000 row: 1,000,000 cells is too large', () => {
    const col = column(Array.from({ length: 1000 }, () => 1));
    const row = [Array.from({ length: 1000 }, () => 1)];
    const e = thrownBy(() => excel('MUNITION_DAYS', col, row));
    expectExcelError(e, '#VALUE!', /the result would have 1000000 cells \(1000 x 1000\); .* at most 262144 cells/);
  });

  it('refuses an empty range and a ragged one', () => {
    expectExcelError(
      thrownBy(() => excel('MUNITION_DAYS', [[]], v(1))),
      '#VALUE!',
      /^stock is an empty range/,
    );
    expectExcelError(
      thrownBy(() => excel('FORCE_DENSITY', [['UNIFIL', 'KFOR'], ['IFOR']])),
      '#VALUE!',
      /^precedent is a ragged range/,
    );
  });
});

describe('valid input without a finite answer is thrown as #N/A with the reason', () => {
  it('says a stock never runs out when production covers use (the help page example)', () => {
    const e = thrownBy(() => excel('MUNITION_DAYS', v(1000), v(50), v(60)));
    expectExcelError(e, '#N/A', 'the stock never runs out: daily_production (60) covers daily_use (50)');
  });

  it('says a stock never reaches its target when production does not exceed drawdown', () => {
    const e = thrownBy(() => excel('MUNITION_REGEN_YEARS', v(100), v(0), v(10), v(10)));
    expectExcelError(e, '#N/A', /^the stock never reaches its target/);
  });

  it('says which countries a key covers when it does not cover the one asked (the help page example)', () => {
    const e = thrownBy(() => excel('FUND_KEY', v('PL'), v('EFSF')));
    expectExcelError(e, '#N/A', /^the EFSF key does not cover Poland \(PL\); it covers /);
  });
});

describe('a result beyond the largest double', () => {
  it('is #NUM!, as Excel arithmetic gives (the help page example)', () => {
    const e = thrownBy(() => excel('FORCE_SIZE', v(1e300), v(1e10)));
    expectExcelError(e, '#NUM!', /beyond the largest number Excel holds/);
  });
});

describe('text that names a property of every JavaScript object', () => {
  // A look-up through a plain object literal would find Object.prototype's members (an ASSUMPTION
  // scenario of "constructor" once returned `undefined`); these must be unknown choices.
  const valid: Readonly<Record<string, readonly Range[]>> = {
    FORCE_DENSITY: [v('UNIFIL'), v('km2')],
    FUND_KEY: [v('DE'), v('GDP')],
    ASSUMPTION: [v('line_km'), v('peace'), v('central')],
    SOURCE: [v('UNIFIL')],
  };
  it.each([
    ['FORCE_DENSITY', 0, 'precedent'],
    ['FORCE_DENSITY', 1, 'basis'],
    ['FUND_KEY', 0, 'country'],
    ['FUND_KEY', 1, 'key'],
    ['ASSUMPTION', 0, 'id'],
    ['ASSUMPTION', 1, 'scenario'],
    ['ASSUMPTION', 2, 'bound'],
    ['SOURCE', 0, 'id'],
  ] as const)('DEF.%s argument %i (%s) refuses "constructor" and "__proto__"', (id, k, parameter) => {
    for (const text of ['constructor', '__proto__']) {
      const args = [...(valid[id] ?? [])];
      args[k] = v(text);
      const e = thrownBy(() => excel(id, ...args));
      expectExcelError(e, '#VALUE!', new RegExp(`^${parameter} must be .*; got the text "${text}"$`));
    }
  });
});

describe('the time-path and trial functions in the bundle', () => {
  it('spill a column per scenario from a row: RAMP(1, 2, 5, 1, 4) beside RAMP(0, 4, 5, 1, 4)', () => {
    // v(t) = from + (to − from)(t − 1)/4: 1, 1.25, 1.5, 1.75, 2 and 0, 1, 2, 3, 4.
    expect(excel('RAMP', [[1, 0]], [[2, 4]], v(5), v(1), v(4))).toEqual([
      [1, 0],
      [1.25, 1],
      [1.5, 2],
      [1.75, 3],
      [2, 4],
    ]);
  });

  it('give the same trials on every call', () => {
    const first = excel('TRIALS', v(10), v(20), v(30), v(5));
    expect(first).toHaveLength(1000);
    expect(excel('TRIALS', v(10), v(20), v(30), v(5))).toEqual(first);
  });

  it('name both lengths for a series of the wrong length', () => {
    expectExcelError(
      thrownBy(() => excel('MUNITION_PATH', v(1000), column([1, 2, 3]), v(0), v(4))),
      '#VALUE!',
      'daily_use has 3 values (3 x 1) but periods is 4: give a single value, a row, or a column of 4 values (one per period)',
    );
  });

  it('throw an infeasible triplet as #VALUE! saying which condition fails', () => {
    expectExcelError(
      thrownBy(() => excel('TRIALS', v(10), v(10.5), v(30), v(1))),
      '#VALUE!',
      /^the triplet is too skewed for a 3-term Metalog: p50 is too close to p10/,
    );
  });

  it('throw a year outside the index as #N/A naming the years covered', () => {
    expectExcelError(
      thrownBy(() => excel('DEFLATE', v(100), v(2011), v(2030))),
      '#N/A',
      'to_year 2030 is outside the HICP_EA index, which covers 2011 to 2025',
    );
  });

  it('refuse a count of periods that is not whole', () => {
    expectExcelError(
      thrownBy(() => excel('FUND_SCHEDULE', v(40), v(0.03), v(10), v(2.5))),
      '#VALUE!',
      'years must be a whole number ≥ 1 (years); got 2.5',
    );
  });

  it('give TRIAL_STATS as PERCENTILE.INC: 10, 40, 20, 30 has mean 25, P10 13, P50 25, P90 37', () => {
    // Sorted 10, 20, 30, 40; h = 3p: 10 + 0.3 × 10, 20 + 0.5 × 10, 30 + 0.7 × 10.
    const out = excel('TRIAL_STATS', column([10, 40, 20, 30])) as number[][];
    expect(out.map((r) => r[0])).toEqual([25, 13, 25, 37]);
  });
});
