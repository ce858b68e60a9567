/**
 * Plans carry their anchors: each anchor points at the cell whose content the plan says, checked
 * against formulas and values written out here, against the sourced data, and against the model
 * core evaluated through the preview engine.
 */
import { ASSUMPTIONS, SCENARIOS } from '../../src/data/assumptions';
import { COUNTRIES } from '../../src/data/countries';
import { PreviewTarget } from '../../src/preview/target';
import { blockCells, parseBlock, parseCell, type SheetCell } from '../../src/workbook/a1';
import { baselineSheetOf, rowLabel } from '../../src/workbook/anchors';
import { baselinePlan } from '../../src/workbook/baseline';
import { type CellPlan, planAnchors, type WorkbookPlan } from '../../src/workbook/plan';
import { comparisonPlan, tablePlan, tornadoPlan } from '../../src/workbook/sensitivity';
import { close, headline } from './expected';

/** The plan's cell at a sheet reference. */
function cellAt(plan: WorkbookPlan, ref: SheetCell): CellPlan | undefined {
  const at = parseCell(ref.address);
  const sheet = plan.sheets.find((s) => s.name === ref.sheet);
  return at === undefined ? undefined : sheet?.cells[at.row]?.[at.col];
}

const PLAN = baselinePlan({ scenario: 'peace' });
const ANCHORS = planAnchors(PLAN);

describe('baseline anchors', () => {
  it('put deployed force on the cell of the FORCE_SIZE formula, which the engine evaluates to area x density', async () => {
    const deployed = ANCHORS.headlines.find((h) => h.id === 'deployed');
    expect(deployed).toMatchObject({ label: 'Deployed force', unit: 'personnel', cell: { sheet: 'Force' } });
    if (deployed === undefined) return;
    expect(cellAt(PLAN, deployed.cell)?.content).toBe('=DEF.FORCE_SIZE(line_km*zone_depth_km,density_per_km2)');
    const target = new PreviewTarget();
    await target.apply(PLAN, { replace: [] });
    const [state] = await target.readCells([deployed.cell]);
    // Lasting peace: 1,040 km of line x 4 km of depth = 4,160 km2, x 9.43 troops per km2 = 39,228.8
    expect(state?.value).toBeCloseTo(39228.8, 6);
  });

  it('list the headlines in order, each reading in the engine what the model core computes', async () => {
    expect(ANCHORS.headlines.map((h) => `${h.id} ${h.cell.sheet}`)).toEqual([
      'deployed Force',
      'committed Force',
      'force_cost Force',
      'days Munitions',
      'regen_years Munitions',
      'fund_annual Fund',
    ]);
    const target = new PreviewTarget();
    await target.apply(PLAN, { replace: [] });
    const values = (await target.readCells(ANCHORS.headlines.map((h) => h.cell))).map((s) => s.value);
    const h = headline('peace');
    const expected = [h.deployed, h.committed, h.annualCost, h.days, h.regenYears, h.fundAnnual];
    values.forEach((v, i) => expect(close(v, expected[i] ?? NaN)).toBe(true));
  });

  it('give each line the label in column A of its row and the unit right of its value', () => {
    expect(ANCHORS.lines.length).toBeGreaterThan(ANCHORS.headlines.length);
    for (const line of ANCHORS.lines) {
      const at = parseCell(line.cell.address);
      const row = PLAN.sheets.find((s) => s.name === line.cell.sheet)?.cells[at?.row ?? -1];
      expect(row?.[0]?.content).toBe(line.label);
      expect(row?.[(at?.col ?? -1) + 1]?.content).toBe(line.unit);
      expect(String(row?.[at?.col ?? -1]?.content)).toMatch(/^=/);
    }
  });

  it('put every assumption on its row: name, label, unit, each scenario’s sourced value, Active, Low and High', () => {
    expect(ANCHORS.assumptions.map((a) => a.id)).toEqual(ASSUMPTIONS.map((a) => a.id));
    for (const data of ASSUMPTIONS) {
      const a = ANCHORS.assumptions.find((x) => x.id === data.id);
      if (a === undefined) throw new Error(`no anchor for ${data.id}`);
      expect([a.name, a.label, a.unit]).toEqual([data.id, data.label, data.unit]);
      expect([a.nameCell, a.labelCell, a.unitCell].map((ref) => cellAt(PLAN, ref)?.content)).toEqual([data.id, data.label, data.unit]);
      for (const s of SCENARIOS) expect(cellAt(PLAN, a.scenario[s.id])?.content).toBe(data.values[s.id]);
      expect(cellAt(PLAN, a.low)?.content).toBe(data.low);
      expect(cellAt(PLAN, a.high)?.content).toBe(data.high);
      expect(String(cellAt(PLAN, a.active)?.content)).toMatch(/^=IF\(INDEX\(/);
      // The defined name points at the Active cell.
      const name = PLAN.names.find((n) => n.name === a.name);
      expect(name === undefined ? undefined : { sheet: name.sheet, address: name.address.replace(/\$/g, '') }).toEqual(a.active);
    }
  });

  it('name a later copy’s sheets and defined names', () => {
    const copy = planAnchors(baselinePlan({ scenario: 'peace', copy: 2 }));
    expect(copy.assumptions[2]).toMatchObject({
      id: 'density_per_km2',
      name: 'density_per_km2_2',
      active: { sheet: 'Assumptions (2)', address: 'G8' },
    });
    expect(copy.headlines[0]?.cell).toEqual({ sheet: 'Force (2)', address: 'B13' });
    expect(copy.fundTable?.sheet).toBe('Fund (2)');
  });

  it('give the fund table’s contribution column and, row by row, each country’s name beside its contribution', async () => {
    const table = ANCHORS.fundTable;
    if (table === undefined) throw new Error('no fund table');
    expect(table).toMatchObject({ sheet: 'Fund', label: 'Contribution (EUR bn/yr)', unit: 'EUR bn per year', contributions: 'E9:E37' });
    expect(table.countries.map((c) => c.code)).toEqual(COUNTRIES.map((c) => c.code));
    expect(table.countries.map((c) => cellAt(PLAN, c.name)?.content)).toEqual(COUNTRIES.map((c) => c.name));
    const block = parseBlock(table.contributions);
    expect(table.countries.map((c) => c.contribution.address)).toEqual(block === undefined ? [] : blockCells(block));
    for (const c of table.countries) {
      const row = (parseCell(c.contribution.address)?.row ?? -1) + 1;
      expect(cellAt(PLAN, c.contribution)?.content).toMatch(new RegExp(`^=IF\\(D${row}="not in key",D${row},DEF\\.FUND_SHARE\\(A${row},`));
    }
    // Every country takes part, so the contributions add up to the fund's annual size (EUR 20 bn in lasting peace).
    const target = new PreviewTarget();
    await target.apply(PLAN, { replace: [] });
    const values = (await target.readCells(table.countries.map((c) => c.contribution))).map((s) => s.value);
    expect(values.reduce((acc: number, v) => acc + (typeof v === 'number' ? v : NaN), 0)).toBeCloseTo(20, 9);
  });

  it('come with a single sheet loaded on its own', () => {
    const force = planAnchors(baselinePlan({ scenario: 'peace', copy: 3, names: 1, kinds: ['force'] }));
    expect(force.headlines.map((h) => h.id)).toEqual(['deployed', 'committed', 'force_cost']);
    expect(force.assumptions).toEqual([]);
    expect(force.fundTable).toBeUndefined();
  });
});

describe('sensitivity plans', () => {
  const at = new Date(0);
  const ref = { sheet: 'Force', address: 'B13' };
  it('have no scenario cell and no anchors', () => {
    const plans = [
      tablePlan(
        {
          spec: { output: ref, outputLabel: 'x', rows: { ref, label: 'y', values: [1, 2], base: 1 } },
          values: [[1], [2]],
          live: null,
          complete: true,
          computedAt: at,
        },
        'Sensitivity',
      ),
      tornadoPlan({ output: ref, outputLabel: 'x', base: 1, rows: [], computedAt: at }, 'Tornado'),
      comparisonPlan({ rows: [], computedAt: at }, 'Scenarios'),
    ];
    for (const plan of plans) {
      expect(plan.scenarioCell).toBeUndefined();
      expect(planAnchors(plan)).toEqual({ lines: [], headlines: [], assumptions: [] });
    }
  });
});

describe('baselineSheetOf', () => {
  it('knows each baseline sheet and its copy, ignoring case', () => {
    expect(baselineSheetOf('Force')).toEqual({ kind: 'force', copy: 1 });
    expect(baselineSheetOf('assumptions (12)')).toEqual({ kind: 'assumptions', copy: 12 });
    expect(baselineSheetOf('Sources (2)')).toEqual({ kind: 'sources', copy: 2 });
  });

  it('refuses names that only look like a copy, and anything a pattern would have matched', () => {
    for (const name of [
      'Force (1)',
      'Force (02)',
      'Force ( 2)',
      'Force (2.0)',
      'Force (1e1)',
      'Force (2',
      'Force 2',
      'Forces',
      'Sensitivity',
      'F.rce',
      'Force (\\d+)',
      '',
    ]) {
      expect(baselineSheetOf(name)).toBeUndefined();
    }
  });
});

describe('rowLabel', () => {
  it('labels a cell by its row’s anchor: a line, an assumption, a Fund country', () => {
    expect(rowLabel({ sheet: 'Force', address: 'B13' })).toBe('Deployed force');
    expect(rowLabel({ sheet: 'force', address: '$C$13' })).toBe('Deployed force');
    expect(rowLabel({ sheet: 'Assumptions (2)', address: 'D6' })).toBe(ASSUMPTIONS[0]?.label);
    expect(rowLabel({ sheet: 'Fund', address: 'E9' })).toBe(COUNTRIES[0]?.code);
    expect(rowLabel({ sheet: 'Fund', address: 'C3' })).toBe('Annual size');
  });

  it('has no label for column A, unanchored rows and other sheets', () => {
    expect(rowLabel({ sheet: 'Force', address: 'A13' })).toBeUndefined();
    expect(rowLabel({ sheet: 'Force', address: 'B1' })).toBeUndefined();
    expect(rowLabel({ sheet: 'Other', address: 'B13' })).toBeUndefined();
    expect(rowLabel({ sheet: 'Force', address: 'not a cell' })).toBeUndefined();
  });
});
