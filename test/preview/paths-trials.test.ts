/**
 * The time-path and trial functions in the preview engine (HyperFormula with the DEF plugin), called
 * the way a workbook's formulas call them: nested in INDEX, SUM and each other, and spilled where the
 * engine can size the spill from the arguments' ranges.
 */
import { DetailedCellError, type HyperFormula, type RawCellContent } from 'hyperformula';
import { createEngine } from '../../src/preview/engine';

function sheet(rows: RawCellContent[][]): { hf: HyperFormula; id: number } {
  const hf = createEngine();
  const id = hf.getSheetId(hf.addSheet('S'));
  if (id === undefined) throw new Error('no sheet');
  hf.setCellContents({ sheet: id, row: 0, col: 0 }, rows);
  return { hf, id };
}

function evaluate(formula: string, data: RawCellContent[][] = []): unknown {
  const { hf, id } = sheet([...data, [formula]]);
  return hf.getCellValue({ sheet: id, row: data.length, col: 0 });
}

describe('the time-path functions in the preview engine', () => {
  it("reads a ramp's period through INDEX: RAMP(1, 2, 5, 1, 4) has 1.75 in period 4", () => {
    // 1 + (2 − 1)(4 − 1)/4 = 1.75.
    expect(evaluate('=INDEX(DEF.RAMP(1,2,5,1,4),4)')).toBe(1.75);
  });

  it('sums a munitions path whose inputs are cells', () => {
    // 100 rounds, 10 a day, 5-day periods: 50, 0, 0 → 50.
    expect(evaluate('=SUM(DEF.MUNITION_PATH(A1,A2,0,3,5))', [[100], [10]])).toBe(50);
  });

  it('reads and sums a schedule', () => {
    // 10 a year, 3-year bonds, no coupon, over-guarantee 1, 4 years: issued 40; outstanding 10, 20, 30, 30 = 90;
    // interest 0; redemptions 0, 0, 10, 10 = 20; guarantees 90: 240 in all. Outstanding in year 4: 30.
    expect(evaluate('=SUM(DEF.FUND_SCHEDULE(10,0,3,4,1))')).toBe(240);
    expect(evaluate('=INDEX(DEF.FUND_SCHEDULE(10,0,3,4,1),4,2)')).toBe(30);
  });

  it('spills a top-level RAMP and FUND_SCHEDULE whose counts are written in the formula', () => {
    // RAMP(1, 2, 5, 1, 4) = 1, 1.25, 1.5, 1.75, 2 down A1:A5.
    const { hf, id } = sheet([['=DEF.RAMP(1,2,5,1,4)']]);
    expect([0, 1, 2, 3, 4].map((row) => hf.getCellValue({ sheet: id, row, col: 0 }))).toEqual([1, 1.25, 1.5, 1.75, 2]);
    // 10 a year, 3-year bonds, 4 years: a 4 x 5 table; outstanding in year 4 (B4) is 10 + 10 + 10 = 30.
    const s = sheet([['=DEF.FUND_SCHEDULE(10,0,3,4,1)']]);
    expect(s.hf.getSheetDimensions(s.id)).toEqual({ width: 5, height: 4 });
    expect(s.hf.getCellValue({ sheet: s.id, row: 3, col: 1 })).toBe(30);
  });

  it('deflates a column of amounts against a row of years, spilled', () => {
    const { hf, id } = sheet([[100, 2015, 2024], [200], ['=DEF.DEFLATE(A1:A2,2015,B1:C1)']]);
    // 2015 = 100 and 2024 = 126.07 on the HICP.
    const out = hf.getRangeValues({ start: { sheet: id, row: 2, col: 0 }, end: { sheet: id, row: 3, col: 1 } });
    expect(out[0]?.[0]).toBe(100);
    expect(out[1]?.[1]).toBeCloseTo(252.14, 9);
  });

  it('is #N/A for a year outside the index, with the reason', () => {
    const v = evaluate('=DEF.DEFLATE(100,2010,2024)');
    expect(v).toBeInstanceOf(DetailedCellError);
    expect((v as DetailedCellError).value).toBe('#N/A');
    expect((v as DetailedCellError).message).toMatch(/covers 2011 to 2025/);
  });
});

describe('the trial functions in the preview engine', () => {
  it('gives the first trial the bundle gives (30.5151, from the published formulas)', () => {
    // The engine rounds to 10 significant digits on output.
    expect(evaluate('=DEF.TRIALS(10,20,30,1,1)')).toBeCloseTo(30.515129691850234, 8);
  });

  it('summarises trials drawn inside the formula: P50 of 1,000 trials near 20', () => {
    const p50 = evaluate('=INDEX(DEF.TRIAL_STATS(DEF.TRIALS(10,20,30,1)),3)');
    expect(Math.abs((p50 as number) - 20)).toBeLessThan(1.5);
  });

  it('is #VALUE! for an infeasible triplet, saying which condition fails', () => {
    const v = evaluate('=INDEX(DEF.TRIALS(10,5,30,1),1)');
    expect(v).toBeInstanceOf(DetailedCellError);
    expect((v as DetailedCellError).message).toMatch(/^p50 must be greater than p10/);
  });
});
