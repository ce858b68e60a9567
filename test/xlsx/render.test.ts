/**
 * The .xlsx file the writer renders, read back with ExcelJS: formulas with their cached results
 * (live) or values with a note (values), number formats, styles per role, column widths, frozen
 * panes, drop-downs, defined names, notes, colour scales and charts listed instead of dropped.
 * Every expected value is worked out by hand from the small plan below.
 */
import { Workbook, type Worksheet } from 'exceljs';
import type { Constant, WorkbookPlan } from '../../src/workbook/plan';
import { chartListing, fileFormula, formulaSources, renderXlsx, type RenderOptions } from '../../src/xlsx/render';
import { XlsxTarget } from '../../src/xlsx/target';

/**
 * In: 21 in A1 (named line_km, an assumption), Yes/No drop-down in B1, frozen first row. Out (2):
 * =line_km*2 in A1 (named y; shows 42) with the header role, =IFNA(A1,0) in B1; a line chart
 * anchored at D1 and a colour scale over A1:B1.
 */
const PLAN: WorkbookPlan = {
  sheets: [
    {
      name: 'In',
      kind: 'assumptions',
      cells: [
        [
          { content: 21, role: 'input', format: '#,##0', note: 'Typed by hand' },
          { content: 'Yes', role: 'input' },
        ],
      ],
      columnWidths: [10, 20],
      validations: [{ address: 'B1', list: ['Yes', 'No'], prompt: 'Yes or No' }],
      freeze: { rows: 1, columns: 0 },
    },
    {
      name: 'Out (2)',
      kind: 'force',
      cells: [
        [
          { content: '=line_km*2', role: 'header', format: '0.00' },
          { content: '=IFNA(A1,0)', role: 'output' },
        ],
      ],
      columnWidths: [10, 10],
      validations: [],
      colorScales: [{ address: 'A1:B1' }],
      charts: [{ kind: 'line', title: 'Twice', dataAddress: 'A1:B1', anchor: 'D1' }],
    },
  ],
  names: [
    { name: 'line_km', sheet: 'In', address: '$A$1', comment: 'Line of contact' },
    { name: 'y', sheet: 'Out (2)', address: '$A$1', comment: 'twice' },
  ],
};

/** What an engine computed: Out (2)!A1 shows 42 (21 × 2), B1 shows 42 too (IFNA passes A1 through). */
const valueOf = (sheet: string, row: number, col: number): Constant => (sheet === 'Out (2)' && row === 0 && col <= 1 ? 42 : null);

async function rendered(mode: RenderOptions['mode']): Promise<Workbook> {
  const target = new XlsxTarget();
  await target.apply(PLAN, { replace: [] });
  const bytes = await renderXlsx(target.snapshot(), { mode, valueOf });
  const wb = new Workbook();
  // A fresh copy, whose buffer is exactly the file.
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  return wb;
}

function sheet(wb: Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
}

describe('renderXlsx', () => {
  it('live: writes formulas as the file stores them, each with the cached result the engine computed', async () => {
    const out = sheet(await rendered('live'), 'Out (2)');
    expect(out.getCell('A1').value).toEqual({ formula: 'line_km*2', result: 42 });
    expect(out.getCell('B1').value).toEqual({ formula: '_xlfn.IFNA(A1,0)', result: 42 });
  });

  it('values: writes no formula; the value, and a note with the formula and the assumption it reads', async () => {
    const out = sheet(await rendered('values'), 'Out (2)');
    expect(out.getCell('A1').value).toBe(42);
    const note = out.getCell('A1').note;
    const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
    expect(text).toContain('=line_km*2');
    // line_km is the brief's assumption, as of 2024-08: its source is cited (src/data/assumptions.ts).
    expect(text).toMatch(/Sources: line_km \(Line of contact to be covered\): .+, as of 2024-08/);
  });

  it('keeps constants, number formats, notes, styles per role, column widths and frozen panes', async () => {
    const wb = await rendered('live');
    const input = sheet(wb, 'In');
    expect(input.getCell('A1').value).toBe(21);
    expect(input.getCell('A1').numFmt).toBe('#,##0');
    expect(input.getCell('A1').note).toBe('Typed by hand');
    // Inputs: blue on light blue (src/taskpane/excel/styles.ts).
    expect(input.getCell('A1').font.color).toEqual({ argb: 'FF0F6CBD' });
    expect(input.getCell('A1').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF6FC' } });
    // 10 characters: 10 × 7 + 5 = 75 pixels = 75 / 7 characters with the padding.
    expect(input.getColumn(1).width).toBeCloseTo(75 / 7, 6);
    expect(input.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 0 });
    const out = sheet(wb, 'Out (2)');
    expect(out.getCell('A1').numFmt).toBe('0.00');
    expect(out.getCell('A1').font.bold).toBe(true);
    expect(out.getCell('A1').border.bottom?.style).toBe('thin');
  });

  it('writes the drop-down lists and the defined names, a quoted sheet included', async () => {
    const wb = await rendered('live');
    expect(sheet(wb, 'In').getCell('B1').dataValidation).toMatchObject({ type: 'list', formulae: ['"Yes,No"'], prompt: 'Yes or No' });
    const names = wb.definedNames.model.map((n) => [n.name, n.ranges]);
    expect(names).toEqual(
      expect.arrayContaining([
        ['line_km', ['In!$A$1']],
        ['y', ["'Out (2)'!$A$1"]],
      ]),
    );
  });

  it('lists a chart it cannot write at the chart’s anchor instead of dropping it', async () => {
    const out = sheet(await rendered('live'), 'Out (2)');
    expect(out.getCell('D1').value).toBe(
      'Line chart not written (the .xlsx export cannot draw charts): "Twice" of A1:B1. Insert it from that range.',
    );
  });
});

describe('fileFormula', () => {
  it('drops the = and prefixes functions newer than Excel 2007, not inside text or other names', () => {
    expect(fileFormula('=IFNA(DEF.FUND_KEY(A1),"IFNA(")')).toBe('_xlfn.IFNA(DEF.FUND_KEY(A1),"IFNA(")');
    expect(fileFormula('=MYIFNA(1)+SUM(1)')).toBe('MYIFNA(1)+SUM(1)');
  });
});

describe('formulaSources', () => {
  it('cites the assumptions a formula reads by name, a copy’s suffix included, and nothing for other names', () => {
    const names = [
      { name: 'line_km_2', sheet: 'Assumptions (2)', address: '$G$6', comment: '' },
      { name: 'x', sheet: 'In', address: '$A$1', comment: '' },
    ];
    expect(formulaSources('=line_km_2*x', names)).toEqual([expect.stringMatching(/^line_km_2 \(Line of contact to be covered\): /)]);
    expect(formulaSources('="line_km_2"', names)).toEqual([]);
  });
});

describe('chartListing', () => {
  it('names the kind, title and range of the chart', () => {
    expect(chartListing({ kind: 'bar', title: 'T', dataAddress: 'A5:C9', anchor: 'A11' })).toBe(
      'Bar chart not written (the .xlsx export cannot draw charts): "T" of A5:C9. Insert it from that range.',
    );
  });
});
