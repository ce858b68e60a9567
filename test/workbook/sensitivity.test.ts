/**
 * The pure half of sensitivity analysis: axes, sheet names, which formulas can stay live, and the
 * plans of tables, tornadoes and scenario comparisons (what they say, where they highlight, what
 * their colour scales and charts cover). Driving a workbook is in driver.test.ts.
 */
import { ASSUMPTIONS } from '../../src/data/assumptions';
import { assumptionCells, headlineCells } from '../../src/workbook/anchors';
import type { CellPlan, SheetPlan, WorkbookPlan } from '../../src/workbook/plan';
import {
  axisValues,
  comparisonPlan,
  freeSheetName,
  liveNames,
  MAX_STEPS,
  SensitivityError,
  substituteNames,
  type TableResult,
  tablePlan,
  tornadoPlan,
  type TornadoResult,
} from '../../src/workbook/sensitivity';

const AT = new Date(Date.UTC(2026, 10, 24, 16, 50));

function thrown(f: () => unknown): SensitivityError {
  try {
    f();
  } catch (e) {
    if (e instanceof SensitivityError) return e;
    throw e;
  }
  throw new Error('expected a SensitivityError');
}

function only(plan: WorkbookPlan): SheetPlan {
  const [sheet] = plan.sheets;
  if (sheet === undefined || plan.sheets.length !== 1) throw new Error('expected one sheet');
  return sheet;
}

/** The cell at an A1 address of a plan's sheet. */
function at(sheet: SheetPlan, a1: string): CellPlan | undefined {
  const m = /^([A-Z])(\d+)$/.exec(a1);
  if (m === null) throw new Error(a1);
  return sheet.cells[Number(m[2]) - 1]?.[(m[1] ?? 'A').charCodeAt(0) - 65];
}

const text = (sheet: SheetPlan): string =>
  sheet.cells
    .flat()
    .map((c) => `${String(c.content)} ${c.note ?? ''}`)
    .join('\n');

const line = {
  ref: { sheet: 'Assumptions', address: 'D6' },
  label: 'Line of contact',
  name: 'line_km',
  values: axisValues(800, 1300, 11),
  base: 1050,
};
const density = { ref: { sheet: 'Assumptions', address: 'D8' }, label: 'Density', name: 'density_per_km2', values: axisValues(5, 15, 11), base: 10 };
const deployed = { sheet: 'Force', address: 'B13' };

describe('axisValues', () => {
  it('spaces the steps evenly and includes both ends', () => {
    expect(axisValues(1, 2, 3)).toEqual([1, 1.5, 2]);
    // 800 + 50 i for i = 0..10
    expect(axisValues(800, 1300, 11)).toEqual([800, 850, 900, 950, 1000, 1050, 1100, 1150, 1200, 1250, 1300]);
    const v = axisValues(4.59, 14.15, MAX_STEPS);
    expect(v).toHaveLength(50);
    expect(v[49]).toBe(14.15);
  });

  it('refuses fewer than 2 or more than MAX_STEPS steps, non-finite bounds and low >= high, as INVALID', () => {
    expect(thrown(() => axisValues(1, 2, 1))).toMatchObject({ code: 'INVALID', message: expect.stringMatching(/from 2 to 50, not 1/) as unknown });
    expect(thrown(() => axisValues(1, 2, 51)).message).toMatch(/from 2 to 50, not 51/);
    expect(thrown(() => axisValues(1, 2, 2.5)).code).toBe('INVALID');
    expect(thrown(() => axisValues(Number.NaN, 2, 3)).message).toMatch(/finite/);
    expect(thrown(() => axisValues(2, 2, 3)).message).toMatch(/low \(2\) must be below high \(2\)/);
  });

  it('makes errors that are SensitivityErrors and Errors', () => {
    const e = thrown(() => axisValues(3, 2, 3));
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('SensitivityError');
  });
});

describe('freeSheetName', () => {
  it('returns the base when free, else the first free numbered copy, ignoring case', () => {
    expect(freeSheetName(['Force'], 'Sensitivity')).toBe('Sensitivity');
    expect(freeSheetName(['sensitivity', 'Sensitivity (2)'], 'Sensitivity')).toBe('Sensitivity (3)');
  });
});

describe('liveNames', () => {
  it('lists the names of a formula made of DEF calls, arithmetic and names', () => {
    expect(liveNames('=DEF.FORCE_SIZE(line_km*zone_depth_km,density_per_km2)')).toEqual(['line_km', 'zone_depth_km', 'density_per_km2']);
    expect(liveNames('=DEF.FORCE_COST(DEF.FORCE_SIZE(area_2, density), cost)/10^9')).toEqual(['area_2', 'density', 'cost']);
  });

  it('refuses cell references, other functions and formulas without a DEF call', () => {
    expect(liveNames('=DEF.FORCE_COST(B13,cost_per_troop_year)/10^9')).toBeNull();
    expect(liveNames("=DEF.FORCE_SIZE('Force'!B2, x)")).toBeNull();
    expect(liveNames('=MAX(0,DEF.FORCE_SIZE(x,y))')).toBeNull();
    expect(liveNames('=line_km')).toBeNull();
    expect(liveNames('12')).toBeNull();
  });
});

describe('substituteNames', () => {
  it('replaces whole names only, outside text', () => {
    expect(substituteNames('=DEF.F(line_km*line_km_2,"line_km",LINE_KM)', [{ name: 'line_km', range: '$A$6:$A$16' }])).toBe(
      '=DEF.F($A$6:$A$16*line_km_2,"line_km",$A$6:$A$16)',
    );
  });

  it('replaces a name at the start, twice in a row and next to another name, keeping the $ signs of the range', () => {
    const ranges = [
      { name: 'line_km', range: '$A$6:$A$16' },
      { name: 'density_per_km2', range: '$B$5:$L$5' },
    ];
    expect(substituteNames('line_km*line_km+density_per_km2', ranges)).toBe('$A$6:$A$16*$A$6:$A$16+$B$5:$L$5');
    expect(substituteNames('=DEF.FORCE_SIZE(line_km*zone_depth_km,density_per_km2)', ranges)).toBe(
      '=DEF.FORCE_SIZE($A$6:$A$16*zone_depth_km,$B$5:$L$5)',
    );
  });
});

describe('tablePlan', () => {
  const values = line.values.map((l) => density.values.map((d) => l * 4 * d));
  const driven: TableResult = {
    spec: { output: deployed, outputLabel: 'Deployed force', rows: line, cols: density },
    values,
    live: null,
    complete: true,
    computedAt: AT,
  };

  it('lays out a two-way table: column axis from B5, row axis from A6, results from B6, colour scale over the results, no chart', () => {
    const sheet = only(tablePlan(driven, 'Sensitivity'));
    expect(sheet.name).toBe('Sensitivity');
    expect(sheet.kind).toBe('sensitivity');
    expect(at(sheet, 'B5')?.content).toBe(5);
    expect(at(sheet, 'L5')?.content).toBe(15);
    expect(at(sheet, 'A6')?.content).toBe(800);
    expect(at(sheet, 'A16')?.content).toBe(1300);
    expect(at(sheet, 'B6')?.content).toBe(800 * 4 * 5);
    expect(at(sheet, 'L16')?.content).toBe(1300 * 4 * 15);
    expect(sheet.colorScales).toEqual([{ address: 'B6:L16' }]);
    expect(sheet.charts).toEqual([]);
    expect(sheet.freeze).toEqual({ rows: 5, columns: 1 });
  });

  it('highlights the base case (axis values and result) as role check with a note', () => {
    const sheet = only(tablePlan(driven, 'S'));
    // base: line 1050 (row 11, A11), density 10 (column G, G5); their result is G11
    expect(at(sheet, 'A11')).toMatchObject({ content: 1050, role: 'check', note: expect.stringMatching(/^Base case/) as unknown });
    expect(at(sheet, 'G5')).toMatchObject({ content: 10, role: 'check' });
    expect(at(sheet, 'G11')).toMatchObject({ content: 1050 * 4 * 10, role: 'check', note: 'Base case' });
    expect(at(sheet, 'F11')?.role).toBe('output');
  });

  it('says which cells were varied, when it was computed, and cites the assumptions varied', () => {
    const sheet = only(tablePlan(driven, 'S'));
    expect(String(at(sheet, 'A2')?.content)).toMatch(/Rows: Line of contact \('Assumptions'!D6, line_km\) from 800 to 1,300 in 11 steps/);
    expect(String(at(sheet, 'A2')?.content)).toMatch(/Columns: Density \('Assumptions'!D8, density_per_km2\)/);
    expect(String(at(sheet, 'A3')?.content)).toMatch(/^Computed 2026-11-24 16:50 UTC/);
    const lineSource = ASSUMPTIONS.find((a) => a.id === 'line_km')?.source ?? '?';
    expect(at(sheet, 'A4')).toMatchObject({ role: 'source', content: expect.stringContaining(lineSource) as unknown });
    expect(at(sheet, 'B6')?.note).toContain(lineSource);
  });

  it('writes a one-way table with a line chart of the axis and result columns', () => {
    const one: TableResult = {
      spec: { output: deployed, outputLabel: 'Deployed force', rows: line },
      values: line.values.map((l) => [l * 4 * 10]),
      live: null,
      complete: true,
      computedAt: AT,
    };
    const sheet = only(tablePlan(one, 'S'));
    expect(at(sheet, 'B5')?.content).toBe('Deployed force');
    expect(at(sheet, 'B16')?.content).toBe(1300 * 40);
    expect(sheet.colorScales).toEqual([{ address: 'B6:B16' }]);
    expect(sheet.charts).toEqual([expect.objectContaining({ kind: 'line', dataAddress: 'A5:B16', anchor: 'D6' })]);
  });

  it('puts a live table in one formula at B6 reading the axis ranges, and leaves the spill area empty', () => {
    const live: TableResult = { ...driven, values: [], live: '=DEF.FORCE_SIZE(line_km*zone_depth_km,density_per_km2)' };
    const sheet = only(tablePlan(live, 'S'));
    expect(at(sheet, 'B6')?.content).toBe('=DEF.FORCE_SIZE($A$6:$A$16*zone_depth_km,$B$5:$L$5)');
    expect(at(sheet, 'C6')?.content).toBeNull();
    expect(String(at(sheet, 'A3')?.content)).toMatch(/Live: one spilled DEF formula/);
  });

  it('says when a table is incomplete', () => {
    const partial: TableResult = { ...driven, values: values.slice(0, 3), complete: false };
    const sheet = only(tablePlan(partial, 'S'));
    expect(String(at(sheet, 'A3')?.content)).toMatch(/INCOMPLETE/);
    expect(at(sheet, 'B9')?.content).toBeNull();
  });
});

describe('tornadoPlan', () => {
  const result: TornadoResult = {
    output: deployed,
    outputLabel: 'Deployed force',
    base: 100,
    rows: [
      { input: { ref: { sheet: 'Assumptions', address: 'D8' }, label: 'Density', low: 5, high: 15 }, atLow: 50, atHigh: 150, swing: 100 },
      { input: { ref: { sheet: 'Assumptions', address: 'D7' }, label: 'Depth', low: 2, high: 5 }, atLow: 50, atHigh: 125, swing: 75 },
    ],
    unaffected: [{ ref: { sheet: 'Assumptions', address: 'D19' }, label: '155 mm unit cost', low: 2000, high: 8000 }],
    computedAt: AT,
  };

  it('lists the inputs in the order given (largest swing first) with changes from base, and a bar chart of the changes', () => {
    const sheet = only(tornadoPlan(result, 'Tornado'));
    expect(sheet.cells[4]?.map((c) => c.content).slice(0, 6)).toEqual([
      'Input',
      'Change at low',
      'Change at high',
      'Output at low',
      'Output at high',
      'Swing',
    ]);
    expect(sheet.cells[5]?.map((c) => c.content).slice(0, 9)).toEqual(['Density', -50, 50, 50, 150, 100, "'Assumptions'!D8", 5, 15]);
    expect(sheet.cells[6]?.[0]?.content).toBe('Depth');
    expect(sheet.charts).toEqual([expect.objectContaining({ kind: 'bar', dataAddress: 'A5:C7', anchor: 'A9' })]);
  });

  it('highlights the base, stamps the time, names the inputs that do not move the output and cites sources', () => {
    const sheet = only(tornadoPlan(result, 'Tornado'));
    expect(at(sheet, 'B3')).toMatchObject({ content: 100, role: 'check' });
    expect(String(at(sheet, 'C3')?.content)).toMatch(/Computed 2026-11-24 16:50 UTC/);
    expect(String(at(sheet, 'A2')?.content)).toMatch(/do not move it: 155 mm unit cost/);
    const densitySource = ASSUMPTIONS.find((a) => a.id === 'density_per_km2')?.source ?? '?';
    expect(text(sheet)).toContain(densitySource);
  });
});

describe('comparisonPlan', () => {
  it('shows each row under the three scenarios with differences from the first, the time and the scenario definitions', () => {
    const sheet = only(
      comparisonPlan(
        {
          rows: [
            { label: 'Force: Deployed force', unit: 'personnel', values: { peace: 39228.8, collapse: 58864, no_deal: 0 } },
            { label: 'Text', unit: '', values: { peace: 'n/a', collapse: 1, no_deal: 2 } },
          ],
          computedAt: AT,
        },
        'Scenarios',
      ),
    );
    expect(sheet.cells[4]?.map((c) => c.content)).toEqual([
      'Output',
      'Unit',
      'Lasting peace',
      'Truce collapses',
      'No agreement',
      'Truce collapses - Lasting peace',
      'No agreement - Lasting peace',
    ]);
    const row = sheet.cells[5]?.map((c) => c.content);
    expect(row?.slice(0, 5)).toEqual(['Force: Deployed force', 'personnel', 39228.8, 58864, 0]);
    // 58,864 - 39,228.8 and 0 - 39,228.8
    expect(row?.[5]).toBeCloseTo(19635.2, 6);
    expect(row?.[6]).toBeCloseTo(-39228.8, 6);
    expect(sheet.cells[6]?.[5]?.content).toBe('');
    expect(String(at(sheet, 'A3')?.content)).toBe('Computed 2026-11-24 16:50 UTC.');
    expect(text(sheet)).toMatch(/Truce becomes lasting peace\. The ceasefire holds/);
  });
});

describe('assumptionCells', () => {
  it('finds each assumption row with its scenario, active, low and high cells', () => {
    const cells = assumptionCells();
    expect(cells).toHaveLength(ASSUMPTIONS.length);
    expect(cells[0]).toEqual({
      id: 'line_km',
      label: 'Line of contact to be covered',
      unit: 'km',
      row: 6,
      scenario: { peace: 'D6', collapse: 'E6', no_deal: 'F6' },
      active: 'G6',
      low: 'H6',
      high: 'I6',
    });
    expect(assumptionCells(2)[2]?.active).toBe('G8');
  });
});

describe('headlineCells', () => {
  it('finds the headline outputs in the plan, the contributions as a column range', () => {
    expect(headlineCells().map((h) => `${h.ref.sheet}!${h.ref.address} ${h.label}`)).toEqual([
      'Force!B13 Deployed force',
      'Force!B15 Committed force, with rotation',
      'Force!B16 Annual cost of the deployed force',
      'Munitions!B13 Days it lasts, net of deliveries',
      'Munitions!B17 Years to close the gap at EU capacity',
      'Fund!C3 Annual size',
      'Fund!E9:E37 Contribution (EUR bn/yr)',
    ]);
    expect(headlineCells(2)[0]?.ref.sheet).toBe('Force (2)');
  });
});
