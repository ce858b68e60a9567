/**
 * The preview engine: HyperFormula with the DEF functions. Its table of functions is checked
 * against the metadata Excel reads (dist/functions.json, generated at build time), and the plugin
 * is checked to call the functions the way Excel calls them.
 */
import { DetailedCellError, type HyperFormula, type RawCellContent } from 'hyperformula';
import { createEngine, DEF_FUNCTIONS, formulaName, registerDefFunctions } from '../../src/preview/engine';
import { loadMetadata } from '../contract/bundle';

/** A one-sheet engine holding `rows` from A1; returns the engine and the sheet id. */
function sheet(rows: RawCellContent[][]): { hf: HyperFormula; id: number } {
  const hf = createEngine();
  const name = hf.addSheet('S');
  const id = hf.getSheetId(name);
  if (id === undefined) throw new Error('no sheet');
  hf.setCellContents({ sheet: id, row: 0, col: 0 }, rows);
  return { hf, id };
}

/** The value of a single formula, evaluated on its own sheet below `data`. */
function evaluate(formula: string, data: RawCellContent[][] = []): unknown {
  const { hf, id } = sheet([...data, [formula]]);
  return hf.getCellValue({ sheet: id, row: data.length, col: 0 });
}

function expectError(v: unknown, code: string, message: RegExp): void {
  expect(v).toBeInstanceOf(DetailedCellError);
  const e = v as DetailedCellError;
  expect({ code: e.value, message: e.message }).toEqual({ code, message: expect.stringMatching(message) as unknown });
}

describe('DEF_FUNCTIONS', () => {
  const metadata = loadMetadata();

  it('lists exactly the functions of functions.json', () => {
    expect(DEF_FUNCTIONS.map((f) => f.id).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  it.each(metadata.functions.map((f) => [f.id, f] as const))('gives %s the parameters of functions.json, required first', (id, meta) => {
    const entry = DEF_FUNCTIONS.find((f) => f.id === id);
    expect(entry?.params).toEqual(meta.parameters.map((p) => p.name));
    expect(entry?.required).toBe(meta.parameters.filter((p) => p.optional !== true).length);
    // Required parameters come first, so "required" is a count.
    expect(meta.parameters.slice(0, entry?.required).every((p) => p.optional !== true)).toBe(true);
  });

  it('treats only the participants lists as sets (not broadcast)', () => {
    for (const f of DEF_FUNCTIONS) {
      expect([f.id, f.sets]).toEqual([f.id, f.params.filter((p) => p === 'participants')]);
    }
  });
});

describe('registerDefFunctions', () => {
  it('can be called again without harm', () => {
    registerDefFunctions();
    registerDefFunctions();
    expect(evaluate(`=${formulaName('FORCE_ROTATION')}(6,18)`)).toBe(4);
  });
});

describe('the DEF plugin', () => {
  it('computes a scalar call: 1,040 km x 4 km x 9.43 troops per km2 = 39,228.8 troops', () => {
    expect(evaluate('=DEF.FORCE_SIZE(1040*4,9.43)')).toBeCloseTo(39228.8, 9);
  });

  it('passes an omitted argument between commas as null, so it takes its default', () => {
    // 10 x 2 x rotation 1 (default) / (1 - 0.5) = 40
    expect(evaluate('=DEF.FORCE_SIZE(10,2,,0.5)')).toBe(40);
  });

  it('spills a column against a row as a grid, as Excel broadcasts', () => {
    const { hf, id } = sheet([
      [1, 10, 100],
      [2, null, null],
      ['=DEF.FORCE_SIZE(A1:A2,A1:C1)', null, null],
    ]);
    // extent x density: rows are extents 1, 2; columns densities 1, 10, 100.
    expect(hf.getRangeValues({ start: { sheet: id, row: 2, col: 0 }, end: { sheet: id, row: 3, col: 2 } })).toEqual([
      [1, 10, 100],
      [2, 20, 200],
    ]);
  });

  it('keeps a per-cell error inside a spill, with its message', () => {
    const { hf, id } = sheet([['=DEF.FORCE_SIZE({1,-1},2)']]);
    expect(hf.getCellValue({ sheet: id, row: 0, col: 0 })).toBe(2);
    expectError(hf.getCellValue({ sheet: id, row: 0, col: 1 }), '#VALUE!', /extent.*≥ 0/);
  });

  it('returns bad input as #VALUE! naming the parameter', () => {
    expectError(evaluate('=DEF.FORCE_COST(100,-5)'), '#VALUE!', /cost_per_year/);
  });

  it('returns "no finite answer" as #N/A with the reason', () => {
    // Production (20 a day) covers use (10 a day): the stock never runs out.
    expectError(evaluate('=DEF.MUNITION_DAYS(100,10,20)'), '#N/A', /daily_production/);
  });

  it('passes an error in an argument on, with its kind', () => {
    expectError(evaluate('=DEF.FORCE_SIZE(1/0,2)'), '#DIV/0!', /.*/);
    expectError(evaluate('=DEF.MUNITION_DAYS(NA(),10)'), '#N/A', /.*/);
  });

  it('passes an error in one cell of a range on in that cell only, as Excel does with allowErrorForDataTypeAny', () => {
    // A1:A3 = 1, #DIV/0!, 3 against a density of 2: 2, #DIV/0!, 6 (extent × density).
    const { hf, id } = sheet([[1], ['=1/0'], [3], ['=DEF.FORCE_SIZE(A1:A3,2)']]);
    expect(hf.getCellValue({ sheet: id, row: 3, col: 0 })).toBe(2);
    expectError(hf.getCellValue({ sheet: id, row: 4, col: 0 }), '#DIV/0!', /.*/);
    expect(hf.getCellValue({ sheet: id, row: 5, col: 0 })).toBe(6);
  });

  it('does not broadcast over participants: a list of countries gives one share', () => {
    // Germany's GDP share among DE and FR only, against DE + FR + IT: two participants give a larger share.
    const two = evaluate('=DEF.FUND_KEY("DE","GDP",A1:A2)', [['DE'], ['FR']]);
    const three = evaluate('=DEF.FUND_KEY("DE","GDP",A1:A3)', [['DE'], ['FR'], ['IT']]);
    expect(typeof two).toBe('number');
    expect(two as number).toBeGreaterThan(three as number);
  });

  it('returns text from DEF.SOURCE and DEF.ASSUMPTION', () => {
    expect(evaluate('=DEF.ASSUMPTION("fund_key")')).toBe('GDP');
    expect(evaluate('=DEF.SOURCE("UNIFIL")')).toEqual(expect.stringContaining('UNIFIL'));
  });

  it('refuses a call with too many arguments', () => {
    expectError(evaluate('=DEF.SOURCE("UNIFIL",1)'), '#N/A', /takes 1 to 1 arguments, not 2/);
  });
});
