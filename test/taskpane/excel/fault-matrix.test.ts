/**
 * The fault matrix (issue 8) as a permanent test: a baseline load, a replace, a one-sheet load and a
 * driven sensitivity table, each with every sync failing in turn (before and after it applies), every
 * command failing in turn, and every pair of syncs failing. Every trial must end with the workbook
 * exactly as it was (or as a clean run leaves it, when the operation reports success), or with a
 * message naming every sheet, cell and name that differs. The counts are printed, and recorded in
 * `test-results/fault-matrix.json`, for the closing note.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ExcelTarget } from '../../../src/taskpane/excel';
import { PaneController } from '../../../src/taskpane/controller';
import { SensitivityController } from '../../../src/taskpane/sensitivity-controller';
import { baselinePlan } from '../../../src/workbook/baseline';
import type { WorkbookPlan } from '../../../src/workbook/plan';
import { FakeExcel } from '../mock/excel-mock';
import { type Counts, faultMatrix, mentions, type Prepared, type Scenario } from './fault-matrix';

const BASELINE = baselinePlan({ scenario: 'peace' });

function workbook(): { excel: FakeExcel; target: ExcelTarget } {
  const excel = new FakeExcel(['Sheet1']);
  excel.get('Sheet1').cells.set('A1', { content: 'my own data', kind: 'text', format: 'General' });
  excel.names.push({ name: 'my_cell', formula: '=Sheet1!$A$1', comment: "the user's" });
  return { excel, target: new ExcelTarget({ run: excel.run, isSetSupported: () => true }) };
}

/** The part of a load's message that reports the undo. */
const undoReport = (message: string): string => {
  const i = message.search(/Undoing it|The sheets it had created|Nothing was changed|nothing was changed/);
  return i < 0 ? '' : message.slice(i);
};

/** A scenario over the pane: `setup` runs once, each trial starts from a copy of the workbook it left. */
function paneScenario(
  name: string,
  setup: (target: ExcelTarget, excel: FakeExcel) => Promise<void>,
  act: (pane: PaneController) => Promise<void>,
): Scenario {
  let prepared: FakeExcel | undefined;
  return {
    name,
    async prepare(): Promise<Prepared> {
      if (prepared === undefined) {
        const w = workbook();
        await setup(w.target, w.excel);
        prepared = w.excel;
      }
      const excel = prepared.clone();
      const target = new ExcelTarget({ run: excel.run, isSetSupported: () => true });
      return {
        excel,
        reportOf: undoReport,
        async run() {
          const pane = new PaneController(target);
          await act(pane);
          const s = pane.state.status;
          return { ok: s.kind === 'done', message: s.kind === 'done' || s.kind === 'error' ? s.message : s.kind };
        },
      };
    },
  };
}

const nothing = (): Promise<void> => Promise.resolve();

const SCENARIOS: Scenario[] = [
  paneScenario('baseline load', nothing, (pane) => pane.loadBaseline()),
  paneScenario(
    'replace',
    async (target, excel) => {
      await target.apply(BASELINE, { replace: [] });
      excel.names.push({ name: 'my_line', formula: '=Assumptions!$G$6', comment: "the user's" });
      // The user's own looks on the sheet, which no plan writes: a fill, a border, a wider column, a drop-down.
      excel
        .get('Assumptions')
        .styles.push(
          { address: 'J2', property: 'format.fill.color', value: '#FFFF00' },
          { address: 'J2', property: 'format.borders.EdgeBottom.style', value: 'Continuous' },
          { address: 'J:J', property: 'format.columnWidth', value: 120 },
          { address: 'J3', property: 'dataValidation.rule', value: { list: { inCellDropDown: true, source: 'yes,no' } } },
        );
    },
    // Replacing Assumptions (its notes, the names the baseline repoints, and the user's my_line that refers to it).
    async (pane) => {
      await pane.loadSheet('assumptions');
      if (pane.state.status.kind === 'conflict') await pane.answer('replace');
    },
  ),
  paneScenario(
    'one-sheet load',
    (target) => target.apply(baselinePlan({ scenario: 'peace', kinds: ['assumptions'] }), { replace: [] }),
    (pane) => pane.loadSheet('munitions'),
  ),
];

/** 'Drive input'!A1 = 21, 'Drive output'!A1 = drive_x*2 (drive_x names 'Drive input'!A1): names no message uses by chance. */
const DRIVEN: WorkbookPlan = {
  sheets: [
    { name: 'Drive input', kind: 'force', cells: [[{ content: 21, role: 'input' }]], columnWidths: [10], validations: [] },
    { name: 'Drive output', kind: 'force', cells: [[{ content: '=drive_x*2', role: 'output' }]], columnWidths: [10], validations: [] },
  ],
  names: [{ name: 'drive_x', sheet: 'Drive input', address: '$A$1', comment: '' }],
  scenarioCell: { sheet: 'Drive input', address: 'A1' },
};

const TABLE: Scenario = {
  name: 'driven sensitivity table',
  async prepare(): Promise<Prepared> {
    const { excel, target } = workbook();
    excel.evaluator = (formula, ex) => {
      const x = ex.valueOf(ex.get('Drive input'), 'A1').value;
      return formula === '=drive_x*2' && typeof x === 'number' ? x * 2 : 0;
    };
    await target.apply(DRIVEN, { replace: [] });
    const sens = new SensitivityController(target, { pause: () => Promise.resolve() });
    excel.selection = { sheet: 'Drive output', address: 'A1' };
    await sens.useSelectedOutput();
    excel.selection = { sheet: 'Drive input', address: 'A1' };
    await sens.chooseInput(0, 'selected');
    sens.setSteps(3);
    return {
      excel,
      async run() {
        await sens.runOneWay();
        const s = sens.state.status;
        const message = s.kind === 'done' || s.kind === 'error' || s.kind === 'cancelled' ? s.message : s.kind;
        return { ok: s.kind === 'done', message };
      },
    };
  },
};

const shown = (c: Counts): string =>
  `${c.trials} trials: ${c.exact} rolled back exactly, ${c.honest} reported honestly, ${c.succeeded} succeeded, ${c.wrong.length} wrong`;

/** Each scenario's counts, written to test-results/fault-matrix.json after the runs. */
const recorded: Record<string, unknown> = {};

afterAll(() => {
  const dir = path.join(__dirname, '..', '..', '..', 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'fault-matrix.json'), `${JSON.stringify(recorded, null, 2)}\n`);
});

describe('FakeExcel.fullSnapshot', () => {
  it("tells apart workbooks that differ only in a sheet's looks: fills, widths, drop-downs, panes, colour scales, charts", () => {
    const base = new FakeExcel(['Sheet1']);
    const variants: ((e: FakeExcel) => void)[] = [
      (e) => e.get('Sheet1').styles.push({ address: 'A1', property: 'format.fill.color', value: '#FF0000' }),
      (e) => e.get('Sheet1').styles.push({ address: 'A:A', property: 'format.columnWidth', value: 80 }),
      (e) => e.get('Sheet1').styles.push({ address: 'A1', property: 'dataValidation.rule', value: { list: { source: 'a,b' } } }),
      (e) => (e.get('Sheet1').freeze = { rows: 1, columns: 0 }),
      (e) => e.get('Sheet1').colorScales.push({ address: 'A1:A3', criteria: {} }),
      (e) => e.get('Sheet1').charts.push({ type: 'Line', source: 'A1:B3', seriesBy: 'Columns' }),
    ];
    for (const change of variants) {
      const other = base.clone();
      change(other);
      expect(JSON.stringify(other.fullSnapshot())).not.toBe(JSON.stringify(base.fullSnapshot()));
    }
  });
});

describe('mentions', () => {
  it('finds a quoted sheet name or a cell reference only as a whole', () => {
    expect(mentions('the sheet "Drive input" is gone', '"Drive input"')).toBe(true);
    expect(mentions('Could not put back In!A1 (was 21).', 'In!A1')).toBe(true);
    expect(mentions("Could not put back 'Drive input'!A1.", "'Drive input'!A1")).toBe(true);
    // In!A1 inside In!A10, or In inside "Inputs": not a mention.
    expect(mentions('Could not put back In!A10.', 'In!A1')).toBe(false);
    expect(mentions('Could not put back MyIn!A1.', 'In!A1')).toBe(false);
    expect(mentions('the sheet "Inputs" is gone', '"In"')).toBe(false);
  });
});

describe('the fault matrix', () => {
  it.each([...SCENARIOS, TABLE].map((s) => [s.name, s] as const))(
    '%s: every single and double fault ends exactly as before or is reported exactly',
    async (_name, scenario) => {
      const { single, pairs, syncs, commands } = await faultMatrix(scenario);
      console.log(`fault matrix, ${scenario.name} (${syncs} syncs, ${commands} commands): single faults ${shown(single)}; pairs ${shown(pairs)}`);
      const counts = (c: Counts): object => ({ trials: c.trials, exact: c.exact, honest: c.honest, succeeded: c.succeeded, wrong: c.wrong.length });
      recorded[scenario.name] = { syncs, commands, single: counts(single), pairs: counts(pairs) };
      expect(single.wrong.slice(0, 3)).toEqual([]);
      expect(pairs.wrong.slice(0, 3)).toEqual([]);
      expect(single.trials).toBe(2 * syncs + commands);
    },
  );
});
