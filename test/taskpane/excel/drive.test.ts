import { ExcelTarget } from '../../../src/taskpane/excel';
import { colorScaleCriteria } from '../../../src/taskpane/excel/styles';
import { baselinePlan } from '../../../src/workbook/baseline';
import type { Constant, WorkbookPlan } from '../../../src/workbook/plan';
import type { CellRef, CellState } from '../../../src/workbook/writer';
import { FakeExcel, FakeSheet, type FakeCell } from '../mock/excel-mock';

const LINE_KM: CellRef = { sheet: 'Assumptions', address: 'G6' };
const RATE: CellRef = { sheet: 'Assumptions', address: 'G7' }; // an input holding a formula, =10+5
const ERROR_INPUT: CellRef = { sheet: 'Assumptions', address: 'G8' }; // a typed #N/A
const EMPTY_CELL: CellRef = { sheet: 'Assumptions', address: 'G9' };
const FORCE: CellRef = { sheet: 'Force', address: 'B13' }; // =Assumptions!G6*Assumptions!G7
const CHECK: CellRef = { sheet: 'Force', address: 'B14' }; // #N/A when G6 > 500

function cell(content: string | number, format = 'General'): FakeCell {
  return FakeExcel.store(content, format);
}

/**
 * A small workbook with a tiny calculation engine: Force!B13 = G6 × G7 and Force!B14 = #N/A when
 * G6 > 500, else 1. `line_km` names G6; `band` names three cells; `half` is a constant.
 */
function setup(): { excel: FakeExcel; target: ExcelTarget } {
  const excel = new FakeExcel(['Assumptions', 'Force']);
  const assumptions = excel.get('Assumptions');
  assumptions.cells.set('G6', cell(400, '#,##0'));
  assumptions.cells.set('G7', cell('=10+5'));
  assumptions.cells.set('G8', cell('#N/A'));
  const force = excel.get('Force');
  force.cells.set('B13', cell('=Assumptions!G6*Assumptions!G7', '#,##0'));
  force.cells.set('B14', cell('=IF(Assumptions!G6>500,NA(),1)'));
  excel.names.push(
    { name: 'line_km', formula: "='Assumptions'!$G$6", comment: '' },
    { name: 'band', formula: '=Assumptions!$G$6:$G$8', comment: '' },
    { name: 'half', formula: '=0.5', comment: '' },
  );
  const num = (sheet: string, at: string): number => {
    const v = excel.valueOf(excel.get(sheet), at).value;
    return typeof v === 'number' ? v : Number.NaN;
  };
  const engine: Record<string, () => string | number> = {
    '=10+5': () => 15,
    '=Assumptions!G6*Assumptions!G7': () => num('Assumptions', 'G6') * num('Assumptions', 'G7'),
    '=IF(Assumptions!G6>500,NA(),1)': () => (num('Assumptions', 'G6') > 500 ? '#N/A' : 1),
  };
  excel.evaluator = (formula) => engine[formula]?.() ?? '#NAME?';
  excel.recalculate();
  const target = new ExcelTarget({ run: excel.run, isSetSupported: () => true });
  return { excel, target };
}

/** The input cells as stored (content, kind, format), to compare before and after a run. */
function inputsOf(excel: FakeExcel): unknown {
  return [LINE_KM, RATE, ERROR_INPUT, EMPTY_CELL].map((ref) => {
    const c = excel.get(ref.sheet).cells.get(ref.address);
    return c === undefined ? undefined : { content: c.content, kind: c.kind, format: c.format };
  });
}

/** Syncs that `f` takes. */
async function syncsOf(excel: FakeExcel, f: () => Promise<unknown>): Promise<number> {
  const before = excel.syncs;
  await f();
  return excel.syncs - before;
}

/**
 * What the driver does: read the inputs, evaluate each point, restore in `finally`. `cancelAfter`
 * breaks out after that many points, as a cancel would.
 */
async function drive(target: ExcelTarget, points: readonly number[], cancelAfter?: number): Promise<Constant[][]> {
  const inputs = [LINE_KM, RATE];
  const states = await target.readCells(inputs);
  const results: Constant[][] = [];
  try {
    for (const [i, p] of points.entries()) {
      if (cancelAfter !== undefined && i >= cancelAfter) break;
      results.push(
        await target.evaluate(
          [
            { ref: LINE_KM, value: p },
            { ref: RATE, value: 20 },
          ],
          [FORCE, CHECK],
        ),
      );
    }
  } finally {
    await target.restore(inputs.map((ref, i) => ({ ref, state: states[i] as CellState })));
  }
  return results;
}

describe('ExcelTarget as a DrivableTarget', () => {
  describe('resolveName', () => {
    it('gives the cell a one-cell name points at, in one sync', async () => {
      const { excel, target } = setup();
      expect(await syncsOf(excel, async () => expect(await target.resolveName('line_km')).toEqual({ sheet: 'Assumptions', address: 'G6' }))).toBe(1);
    });

    it('unquotes a sheet name with spaces', async () => {
      const { excel, target } = setup();
      excel.sheets.push(new FakeSheet('Force (2)', excel.newSheetId()));
      excel.names.push({ name: 'line_km_2', formula: "='Force (2)'!$G$6", comment: '' });
      expect(await target.resolveName('line_km_2')).toEqual({ sheet: 'Force (2)', address: 'G6' });
    });

    it('gives null for a name over several cells, a constant name and a name that does not exist', async () => {
      const { target } = setup();
      expect(await target.resolveName('band')).toBeNull();
      expect(await target.resolveName('half')).toBeNull();
      expect(await target.resolveName('nowhere')).toBeNull();
    });
  });

  describe('selectedCell', () => {
    it('gives the selected cell, and null for a block or when no cell is selected', async () => {
      const { excel, target } = setup();
      excel.selection = { sheet: 'Force', address: 'B13' };
      expect(await target.selectedCell()).toEqual(FORCE);
      excel.selection = { sheet: 'Force', address: 'B13:C14' };
      expect(await target.selectedCell()).toBeNull();
      excel.selection = undefined;
      expect(await target.selectedCell()).toBeNull();
    });
  });

  describe('readCells', () => {
    it('tells a formula from a constant, and reports an error value as its code and an empty cell as null', async () => {
      const { target } = setup();
      expect(await target.readCells([LINE_KM, RATE, ERROR_INPUT, EMPTY_CELL, FORCE])).toEqual([
        { formula: null, value: 400 },
        { formula: '=10+5', value: 15 },
        { formula: null, value: '#N/A' },
        { formula: null, value: null },
        { formula: '=Assumptions!G6*Assumptions!G7', value: 6000 }, // 400 × 15
      ]);
    });

    it('reads any number of cells in one sync', async () => {
      const { excel, target } = setup();
      expect(await syncsOf(excel, () => target.readCells([LINE_KM]))).toBe(1);
      const many = Array.from({ length: 40 }, (_, i) => ({ sheet: 'Force', address: `C${i + 1}` }));
      expect(await syncsOf(excel, () => target.readCells(many))).toBe(1);
    });
  });

  describe('evaluate', () => {
    it('sets the inputs and reads the recalculated outputs, errors as their code', async () => {
      const { target } = setup();
      // 450 × 20 = 9,000; the check is 1 while line_km ≤ 500.
      expect(
        await target.evaluate(
          [
            { ref: LINE_KM, value: 450 },
            { ref: RATE, value: 20 },
          ],
          [FORCE, CHECK],
        ),
      ).toEqual([9000, 1]);
      expect(await target.evaluate([{ ref: LINE_KM, value: 600 }], [FORCE, CHECK])).toEqual([12000, '#N/A']);
    });

    it('takes one sync per point, however many inputs and outputs', async () => {
      const { excel, target } = setup();
      expect(await syncsOf(excel, () => target.evaluate([{ ref: LINE_KM, value: 1 }], [FORCE]))).toBe(1);
      const outputs = Array.from({ length: 30 }, (_, i) => ({ sheet: 'Force', address: `D${i + 1}` }));
      expect(
        await syncsOf(excel, () =>
          target.evaluate(
            [
              { ref: LINE_KM, value: 2 },
              { ref: RATE, value: 3 },
            ],
            [FORCE, ...outputs],
          ),
        ),
      ).toBe(1);
    });

    it('calculates a workbook in manual mode: two syncs the first time, then one, and the values are current', async () => {
      const { excel, target } = setup();
      excel.calculationMode = 'Manual';
      let syncs = await syncsOf(excel, async () => expect(await target.evaluate([{ ref: LINE_KM, value: 100 }], [FORCE])).toEqual([1500]));
      expect(syncs).toBe(2);
      syncs = await syncsOf(excel, async () => expect(await target.evaluate([{ ref: LINE_KM, value: 200 }], [FORCE])).toEqual([3000]));
      expect(syncs).toBe(1);
    });
  });

  describe('restore', () => {
    it('puts back the formula where there was one and the value elsewhere, in one sync', async () => {
      const { excel, target } = setup();
      const before = inputsOf(excel);
      const refs = [LINE_KM, RATE, ERROR_INPUT, EMPTY_CELL];
      const states = await target.readCells(refs);
      await target.evaluate(
        refs.map((ref) => ({ ref, value: 1 })),
        [FORCE],
      );
      expect(inputsOf(excel)).not.toEqual(before);
      expect(await syncsOf(excel, () => target.restore(refs.map((ref, i) => ({ ref, state: states[i] as CellState }))))).toBe(1);
      expect(inputsOf(excel)).toEqual(before);
    });

    it('puts text back as text: "2024-08", "001", "=x", "TRUE" and "\'quoted" stay as they were, in General and in text-formatted cells', async () => {
      const excel = new FakeExcel(['Inputs']);
      const texts = ['2024-08', '001', '=x', 'TRUE', "'quoted"];
      const sheet = excel.get('Inputs');
      // A1:A5 in General, B1:B5 formatted as text (@); each holds the text as text.
      texts.forEach((t, i) => {
        sheet.cells.set(`A${i + 1}`, { content: t, kind: 'text', format: 'General' });
        sheet.cells.set(`B${i + 1}`, { content: t, kind: 'text', format: '@' });
      });
      const before = excel.fullSnapshot();
      const target = new ExcelTarget({ run: excel.run, isSetSupported: () => true });
      const refs = texts.flatMap((_, i) => [`A${i + 1}`, `B${i + 1}`]).map((address) => ({ sheet: 'Inputs', address }));
      const states = await target.readCells(refs);
      await target.evaluate(
        refs.map((ref) => ({ ref, value: 7 })),
        [],
      );
      await target.restore(refs.map((ref, i) => ({ ref, state: states[i] as CellState })));
      expect(excel.fullSnapshot()).toEqual(before);
      // Read back, each holds exactly the text it held.
      expect((await target.readCells(refs)).map((c) => c.value)).toEqual(texts.flatMap((t) => [t, t]));
    });
  });

  describe('a driven run (read, evaluate each point, restore in finally)', () => {
    const POINTS = [100, 200, 300, 400, 500, 600];

    it('leaves the inputs as they were after it completes, with one sync per point', async () => {
      const { excel, target } = setup();
      const before = inputsOf(excel);
      const syncs = await syncsOf(excel, async () => {
        const results = await drive(target, POINTS);
        expect(results.map((r) => r[0])).toEqual(POINTS.map((p) => p * 20));
        expect(results.at(-1)?.[1]).toBe('#N/A');
      });
      expect(syncs).toBe(POINTS.length + 2); // read + one per point + restore
      expect(inputsOf(excel)).toEqual(before);
      excel.recalculate();
      expect(excel.valueOf(excel.get('Force'), 'B13').value).toBe(6000);
    });

    it('leaves the inputs as they were after a cancel part-way', async () => {
      const { excel, target } = setup();
      const before = inputsOf(excel);
      expect(await drive(target, POINTS, 2)).toHaveLength(2);
      expect(inputsOf(excel)).toEqual(before);
    });

    it("still restores the inputs when the third point's sync fails, and rethrows", async () => {
      const { excel, target } = setup();
      const before = inputsOf(excel);
      let writes = 0;
      excel.failWhen = (cmd) =>
        cmd.location === 'Range.values' && cmd.sheet === 'Assumptions' && ++writes === 5 ? 'Calculation was interrupted.' : undefined;
      // Each point writes two inputs: the 5th write is the 3rd point's first.
      await expect(drive(target, POINTS)).rejects.toThrow(/Calculation was interrupted/);
      excel.failWhen = undefined;
      expect(inputsOf(excel)).toEqual(before);
      expect(excel.get('Assumptions').content('G7')).toBe('=10+5');
    });
  });
});

describe('apply with colour scales and charts', () => {
  const BASELINE = baselinePlan({ scenario: 'peace' });
  const withExtras: WorkbookPlan = {
    ...BASELINE,
    sheets: BASELINE.sheets.map((s) =>
      s.kind === 'force'
        ? {
            ...s,
            colorScales: [{ address: 'B6:D8' }, { address: 'E6:E8', reverse: true }],
            charts: [
              { kind: 'line', title: 'Force by line length', dataAddress: 'A5:B16', anchor: 'H5', xTitle: 'Line (km)', yTitle: 'Troops' },
              { kind: 'bar', title: 'Tornado', dataAddress: 'A20:C25', anchor: 'H25' },
            ],
          }
        : s,
    ),
  };

  function target(supported: (version: string) => boolean = () => true): { excel: FakeExcel; target: ExcelTarget } {
    const excel = new FakeExcel(['Sheet1']);
    return { excel, target: new ExcelTarget({ run: excel.run, isSetSupported: (_set, version) => supported(version) }) };
  }

  it('adds each colour scale over its block, red-yellow-green or reversed', async () => {
    const { excel, target: t } = target();
    await t.apply(withExtras, { replace: [] });
    const force = excel.get('Force');
    expect(force.colorScales).toEqual([
      {
        address: 'B6:D8',
        criteria: {
          minimum: { type: 'LowestValue', color: '#F8696B' },
          midpoint: { type: 'Percentile', formula: '50', color: '#FFEB84' },
          maximum: { type: 'HighestValue', color: '#63BE7B' },
        },
      },
      { address: 'E6:E8', criteria: colorScaleCriteria({ address: 'E6:E8', reverse: true }) },
    ]);
    expect(colorScaleCriteria({ address: 'A1', reverse: true }).minimum.color).toBe('#63BE7B');
    expect(colorScaleCriteria({ address: 'A1', reverse: true }).maximum.color).toBe('#F8696B');
  });

  it('adds each chart of its type over its data, series by column, titled and placed at its anchor', async () => {
    const { excel, target: t } = target();
    await t.apply(withExtras, { replace: [] });
    expect(excel.get('Force').charts).toEqual([
      { type: 'Line', source: 'A5:B16', seriesBy: 'Columns', title: 'Force by line length', xTitle: 'Line (km)', yTitle: 'Troops', position: 'H5' },
      { type: 'BarClustered', source: 'A20:C25', seriesBy: 'Columns', title: 'Tornado', position: 'H25' },
    ]);
    expect(excel.get('Fund').charts).toEqual([]);
  });

  it('takes no more syncs than the same plan without them', async () => {
    const plain = target();
    await plain.target.apply(BASELINE, { replace: [] });
    const extras = target();
    await extras.target.apply(withExtras, { replace: [] });
    expect(extras.excel.syncs).toBe(plain.excel.syncs);
  });

  it('leaves colour scales out where ExcelApi 1.6 is missing, and still adds the charts', async () => {
    const { excel, target: t } = target((version) => version !== '1.6');
    await t.apply(withExtras, { replace: [] });
    expect(excel.get('Force').colorScales).toEqual([]);
    expect(excel.get('Force').charts).toHaveLength(2);
  });

  it('still refuses to write over an existing sheet', async () => {
    const { excel, target: t } = target();
    excel.addUserSheet('Force', { A1: 'mine' });
    await expect(t.apply(withExtras, { replace: [] })).rejects.toMatchObject({ code: 'SHEET_EXISTS' });
    expect(excel.get('Force').charts).toEqual([]);
  });
});
