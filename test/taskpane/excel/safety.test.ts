/**
 * Issue 8, defects 3 to 5, on the Excel writer over office-addin-mock: replacing keeps the sheet
 * (and so the user's references to it), undo deletes only the sheets this write created (by id),
 * and a failed write whose undo is incomplete says exactly what is left.
 */
import { ExcelTarget } from '../../../src/taskpane/excel';
import { baselinePlan } from '../../../src/workbook/baseline';
import { WorkbookWriteError } from '../../../src/workbook/writer';
import { FakeExcel } from '../mock/excel-mock';

const BASELINE = baselinePlan({ scenario: 'peace' });

function setup(): { excel: FakeExcel; target: ExcelTarget } {
  const excel = new FakeExcel(['Sheet1']);
  excel.addUserSheet('Sheet1b', { A1: 'my notes' });
  return { excel, target: new ExcelTarget({ run: excel.run, isSetSupported: () => true }) };
}

async function failure(promise: Promise<unknown>): Promise<WorkbookWriteError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkbookWriteError) return error;
    throw error;
  }
  throw new Error('expected apply to throw');
}

describe('replacing a sheet (defect 4)', () => {
  it("keeps the user's name that points at it: my_total = Force!$B$13 still points there, not at #REF!", async () => {
    const { excel, target } = setup();
    await target.apply(BASELINE, { replace: [] });
    excel.names.push({ name: 'my_total', formula: '=Force!$B$13', comment: 'mine' });
    const id = excel.get('Force').id;
    await target.apply(BASELINE, { replace: SHEETS() });
    expect(excel.name('my_total')).toEqual({ name: 'my_total', formula: '=Force!$B$13', comment: 'mine' });
    expect(excel.get('Force').id).toBe(id);
  });

  it('puts the old contents back, in place, when the write fails after clearing it', async () => {
    const { excel, target } = setup();
    excel.addUserSheet('Force', { A1: 'old force table', C7: 12, D9: '2024-08' });
    const before = excel.fullSnapshot();
    excel.failWhen = (cmd) => (cmd.location === 'Range.formulas' && cmd.sheet === 'Fund' ? 'Out of memory.' : undefined);
    const error = await failure(target.apply(BASELINE, { replace: ['Force'] }));
    excel.failWhen = undefined;
    expect(error.code).toBe('WRITE_FAILED');
    expect(excel.fullSnapshot()).toEqual(before);
  });
});

function SHEETS(): string[] {
  return BASELINE.sheets.map((s) => s.name);
}

describe('replacing a sheet with notes', () => {
  it("takes the old notes off before writing the plan's, and puts them back when the write fails", async () => {
    const { excel, target } = setup();
    await target.apply(BASELINE, { replace: [] });
    excel.get('Assumptions').notes.set('Z1', "the user's own note");
    const before = excel.fullSnapshot();
    let failed = false; // once: the undo's own writes to Fund go through
    excel.failWhen = (cmd) =>
      !failed && cmd.location === 'Range.formulas' && cmd.sheet === 'Fund' ? ((failed = true), 'Out of memory.') : undefined;
    const error = await failure(target.apply(BASELINE, { replace: SHEETS() }));
    excel.failWhen = undefined;
    expect(error.code).toBe('WRITE_FAILED');
    expect(excel.fullSnapshot()).toEqual(before);
    await target.apply(BASELINE, { replace: SHEETS() });
    expect(excel.get('Assumptions').notes.has('Z1')).toBe(false);
  });
});

describe('undo deletes only what this write created (defect 5)', () => {
  it('keeps a sheet the user made during the load under a planned name', async () => {
    const { excel, target } = setup();
    let made = false;
    // The user adds a sheet named Munitions while Assumptions and Force are being written.
    excel.failWhen = (cmd) => {
      if (!made && cmd.location === 'WorksheetCollection.add' && cmd.sheet === 'Munitions') {
        made = true;
        excel.addUserSheet('Munitions', { A1: "the user's own" });
      }
      return undefined;
    };
    const before = excel.fullSnapshot();
    const error = await failure(target.apply(BASELINE, { replace: [] }));
    excel.failWhen = undefined;
    expect(error.code).toBe('WRITE_FAILED');
    expect(error.message).toMatch(/A sheet named "Munitions" already exists/);
    expect(excel.get('Munitions').content('A1')).toBe("the user's own");
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Sheet1b', 'Munitions']);
    expect(excel.fullSnapshot().names).toEqual(before.names);
  });
});

describe('an undo that is honest (defect 3)', () => {
  it('rolls back exactly when the last sync applies and then reports failure', async () => {
    const { excel, target } = setup();
    await target.apply(BASELINE, { replace: [] });
    const before = excel.fullSnapshot();
    // The check takes 3 syncs when replacing sheets with notes (names, contents, notes), then 5 sheets, then finish.
    const last = excel.syncs + 3 + BASELINE.sheets.length + 1;
    excel.failSync = (i) => (i === last ? 'after' : undefined);
    const error = await failure(target.apply(BASELINE, { replace: SHEETS() }));
    excel.failSync = undefined;
    expect(error.step).toBe('finishing');
    expect(error.code).toBe('WRITE_FAILED');
    expect(excel.fullSnapshot()).toEqual(before);
  });

  it('says exactly which sheets are left when they cannot be deleted, and never that nothing else changed', async () => {
    const { excel, target } = setup();
    excel.failWhen = (cmd) =>
      cmd.location === 'Range.formulas' && cmd.sheet === 'Munitions'
        ? 'Out of memory.'
        : cmd.location === 'Worksheet.delete'
          ? 'Access denied.'
          : undefined;
    const error = await failure(target.apply(BASELINE, { replace: [] }));
    excel.failWhen = undefined;
    expect(error.code).toBe('UNDO_FAILED');
    // Assumptions and Force were confirmed; Munitions was added in the failing sync.
    // The names it added were removed: they are not listed.
    expect(error.message).toMatch(
      /Undoing it was incomplete \(Access denied\. \(at Worksheet\.delete\)\): the new sheets "Assumptions", "Force", "Munitions" could not be removed\.$/,
    );
    expect(excel.names).toEqual([]);
    expect(error.message).not.toMatch(/nothing else changed/);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Sheet1b', 'Assumptions', 'Force', 'Munitions']);
  });
});
