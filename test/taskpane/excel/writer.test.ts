import { OfficeMockObject } from 'office-addin-mock';
import { ExcelTarget } from '../../../src/taskpane/excel';
import { baselinePlan, nameReference } from '../../../src/workbook/baseline';
import { SheetBuilder } from '../../../src/workbook/builder';
import { columnPoints } from '../../../src/workbook/look';
import { address, type CellRole, type SheetPlan, type WorkbookPlan } from '../../../src/workbook/plan';
import { type Progress, WorkbookWriteError } from '../../../src/workbook/writer';
import { FakeExcel, onSheet } from '../mock/excel-mock';

const BASELINE = baselinePlan({ scenario: 'peace' });
const SHEETS = BASELINE.sheets.map((s) => s.name); // Assumptions, Force, Munitions, Fund, Sources

/** A target over a fake workbook; notes and getRanges supported unless told otherwise. */
function setup(sheets: readonly string[] = ['Sheet1'], supported: readonly string[] = ['1.9', '1.18']): { excel: FakeExcel; target: ExcelTarget } {
  const excel = new FakeExcel(sheets);
  const target = new ExcelTarget({ run: excel.run, isSetSupported: (set, version) => set === 'ExcelApi' && supported.includes(version) });
  return { excel, target };
}

/** The same plan with every sheet's rows repeated `times` times (validations and names unchanged). */
function longer(plan: WorkbookPlan, times: number): WorkbookPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({ ...s, cells: Array.from({ length: times }, () => s.cells).flat() })),
  };
}

/** What `apply` throws, as a WorkbookWriteError. */
async function failure(promise: Promise<unknown>): Promise<WorkbookWriteError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkbookWriteError) return error;
    throw error;
  }
  throw new Error('expected apply to throw');
}

function cellsWithRole(sheet: SheetPlan, role: CellRole): string[] {
  return sheet.cells.flatMap((row, r) => row.flatMap((cell, col) => (cell.role === role ? [address(r, col)] : [])));
}

describe('the mock', () => {
  it("returns office-addin-mock's 'not loaded' string for a property read without load and sync", async () => {
    // The trap TOOLCHAIN.md warns of: this is why ExcelTarget's reads are checked through the mock.
    const excel = new FakeExcel(['Sheet1']);
    const item = new OfficeMockObject({ name: 'Sheet1' });
    expect(item.name).toBe('Error, property was not loaded');
    item.load('name');
    await item.sync();
    expect(item.name).toBe('Sheet1');
    const names = await excel.run((context) => Promise.resolve(context.workbook.worksheets.items));
    expect(names).toBe('Error, property was not loaded');
  });
});

describe('ExcelTarget', () => {
  describe('apply', () => {
    it("writes each sheet's formulas as one array over its block, equal to the plan's contents with empty cells as ''", async () => {
      const { excel, target } = setup();
      await target.apply(BASELINE, { replace: [] });
      for (const sheet of BASELINE.sheets) {
        const writes = excel.get(sheet.name).arrays.filter((a) => a.property === 'formulas');
        expect(writes).toHaveLength(1);
        expect(writes[0]?.address).toBe(`A1:${address(sheet.cells.length - 1, (sheet.cells[0]?.length ?? 0) - 1)}`);
        expect(writes[0]?.value).toEqual(sheet.cells.map((row) => row.map((cell) => cell.content ?? '')));
      }
    });

    it("leaves every sheet with the plan's number formats, General where none, set as whole arrays", async () => {
      const { excel, target } = setup();
      await target.apply(BASELINE, { replace: [] });
      for (const sheet of BASELINE.sheets) {
        const formats = excel.get(sheet.name).arrays.filter((a) => a.property === 'numberFormat');
        expect(formats.length).toBeLessThanOrEqual(2); // the text mask, then the plan's formats
        expect(formats.at(-1)?.value).toEqual(sheet.cells.map((row) => row.map((cell) => cell.format ?? 'General')));
      }
    });

    it('stores text constants as text, so as-of dates such as 2024-08 and years such as 2018 stay as the plan has them', async () => {
      const { excel, target } = setup();
      await target.apply(BASELINE, { replace: [] });
      let checked = 0;
      for (const sheet of BASELINE.sheets) {
        const fake = excel.get(sheet.name);
        sheet.cells.forEach((row, r) =>
          row.forEach((cell, col) => {
            if (typeof cell.content !== 'string' || cell.content === '' || cell.content.startsWith('=')) return;
            expect(fake.cells.get(address(r, col))).toMatchObject({ content: cell.content, kind: 'text' });
            checked++;
          }),
        );
      }
      // Without the text mask the fake, like Excel, reads "2024-08" as a date:
      expect(FakeExcel.store('2024-08', 'General').kind).toBe('date');
      expect(checked).toBeGreaterThan(100);
    });

    it("adds every defined name with the plan's reference and comment", async () => {
      const { excel, target } = setup();
      await target.apply(BASELINE, { replace: [] });
      expect(excel.names).toEqual(BASELINE.names.map((n) => ({ name: n.name, formula: nameReference(n), comment: n.comment })));
      expect(excel.name('line_km')?.formula).toBe("='Assumptions'!$G$6");
    });

    it('styles cells by role: inputs blue on light blue, headers bold on grey with a bottom border, titles bold 14 pt', async () => {
      const { excel, target } = setup();
      await target.apply(BASELINE, { replace: [] });
      for (const sheet of BASELINE.sheets) {
        const fake = excel.get(sheet.name);
        for (const cell of cellsWithRole(sheet, 'input')) {
          expect(fake.style(cell, 'format.font.color')).toBe('#0F6CBD');
          expect(fake.style(cell, 'format.fill.color')).toBe('#EFF6FC');
        }
        for (const cell of cellsWithRole(sheet, 'header')) {
          expect(fake.style(cell, 'format.font.bold')).toBe(true);
          expect(fake.style(cell, 'format.fill.color')).toBe('#F3F2F1');
          expect(fake.style(cell, 'format.borders.EdgeBottom.style')).toBe('Continuous');
        }
        for (const cell of cellsWithRole(sheet, 'title')) expect(fake.style(cell, 'format.font.size')).toBe(14);
        for (const cell of cellsWithRole(sheet, 'source')) expect(fake.style(cell, 'format.wrapText')).toBe(false);
        for (const cell of cellsWithRole(sheet, 'text')) expect(fake.style(cell, 'format.font.bold')).toBeUndefined();
      }
    });

    it('styles with one getRanges call per role on a sheet, however many cells have that role', async () => {
      const { excel, target } = setup();
      await target.apply(BASELINE, { replace: [] });
      const assumptions = BASELINE.sheets[0];
      if (assumptions === undefined) throw new Error('no sheet');
      const styleCalls = excel.get('Assumptions').styles.filter((w) => w.property === 'format.fill.color').length;
      // Fills: one call for the headers and one for the inputs (91 input cells on this sheet).
      expect(styleCalls).toBe(2);
      expect(cellsWithRole(assumptions, 'input').length).toBe(91);
    });

    it('styles each area on its own where getRanges (ExcelApi 1.9) is missing, to the same effect', async () => {
      const { excel, target } = setup(['Sheet1'], ['1.18']);
      await target.apply(BASELINE, { replace: [] });
      const sheet = BASELINE.sheets[0];
      if (sheet === undefined) throw new Error('no sheet');
      const fake = excel.get(sheet.name);
      for (const cell of cellsWithRole(sheet, 'input')) expect(fake.style(cell, 'format.fill.color')).toBe('#EFF6FC');
      expect(excel.commands.some((cmd) => cmd.location.startsWith('RangeAreas.'))).toBe(false);
    });

    it('sets column widths in points, freeze panes and drop-downs with their prompts', async () => {
      const { excel, target } = setup();
      await target.apply(BASELINE, { replace: [] });
      const plan = BASELINE.sheets[0];
      if (plan === undefined) throw new Error('no sheet');
      const fake = excel.get(plan.name);
      expect(fake.style('A1', 'format.columnWidth')).toBe(columnPoints(24)); // column A: 24 characters
      expect(fake.style('K1', 'format.columnWidth')).toBe(columnPoints(90));
      expect(fake.freeze).toEqual(plan.freeze);
      expect(fake.style('B3', 'dataValidation.rule')).toEqual({
        list: { inCellDropDown: true, source: 'Lasting peace,Truce collapses,No agreement' },
      });
      expect(fake.style('B3', 'dataValidation.prompt')).toEqual({
        showPrompt: true,
        title: '',
        message: 'Lasting peace, Truce collapses or No agreement',
      });
      const fund = BASELINE.sheets.find((s) => s.kind === 'fund');
      if (fund === undefined) throw new Error('no fund sheet');
      for (const v of fund.validations) {
        expect(excel.get(fund.name).style(v.address, 'dataValidation.rule')).toEqual({ list: { inCellDropDown: true, source: v.list.join(',') } });
      }
    });

    it('adds a note on every cell the plan notes where ExcelApi 1.18 is supported, and none where it is not', async () => {
      const withNotes = setup();
      await withNotes.target.apply(BASELINE, { replace: [] });
      for (const sheet of BASELINE.sheets) {
        const expected = new Map(
          sheet.cells.flatMap((row, r) => row.flatMap((cell, col) => (cell.note === undefined ? [] : [[address(r, col), cell.note] as const]))),
        );
        expect(withNotes.excel.get(sheet.name).notes).toEqual(expected);
      }
      expect(withNotes.excel.get('Fund').notes.size).toBe(30);

      const without = setup(['Sheet1'], ['1.9']);
      await without.target.apply(BASELINE, { replace: [] });
      expect(without.excel.commands.filter((cmd) => cmd.location === 'NoteCollection.add')).toHaveLength(0);
    });

    it('uses a fixed number of syncs however long the sheets: the full baseline takes sheets + 2', async () => {
      const base = setup();
      await base.target.apply(BASELINE, { replace: [] });
      const tenfold = setup();
      await tenfold.target.apply(longer(BASELINE, 10), { replace: [] });

      const sheets = BASELINE.sheets.length;
      console.log(`context.sync() calls for the full baseline (${sheets} sheets): ${base.excel.syncs}; with 10x the rows: ${tenfold.excel.syncs}`);
      expect(base.excel.syncs).toBe(tenfold.excel.syncs);
      expect(base.excel.syncs).toBe(sheets + 2); // 1 check + 1 per sheet + 1 finish
      expect(base.excel.syncs).toBeLessThanOrEqual(2 * sheets + 3);
      expect(base.excel.runs).toBe(2);
    });

    it('refuses to write over an existing sheet that is not to be replaced, and changes nothing', async () => {
      const { excel, target } = setup();
      excel.addUserSheet('Force', { A1: 'my own force table', B2: 42 });
      const before = excel.snapshot();
      const error = await failure(target.apply(BASELINE, { replace: [] }));
      expect(error.code).toBe('SHEET_EXISTS');
      expect(error.sheet).toBe('Force');
      expect(error.message).toMatch(/already has a sheet "Force"; nothing was changed/);
      expect(excel.snapshot()).toEqual(before);
      expect(excel.syncs).toBe(1); // the check only
    });

    it('compares sheet names as Excel does, ignoring case', async () => {
      const { excel, target } = setup();
      excel.addUserSheet('FORCE', { A1: 'mine' });
      const error = await failure(target.apply(BASELINE, { replace: [] }));
      expect(error.code).toBe('SHEET_EXISTS');
      expect(excel.get('FORCE').content('A1')).toBe('mine');
    });

    it("replaces a sheet listed in replace in place, leaving no temporary sheet and the user's other sheets as they were", async () => {
      const { excel, target } = setup();
      const old = excel.addUserSheet('Force', { A1: 'old force table', Z99: 1 });
      const sheet1 = excel.get('Sheet1');
      await target.apply(BASELINE, { replace: ['Force'] });
      // Issue 8: the replaced sheet keeps its place and identity; the new sheets follow it.
      expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Force', ...SHEETS.filter((n) => n !== 'Force')]);
      expect(excel.sheet('Force')).toBe(old);
      expect(excel.sheet('Sheet1')).toBe(sheet1);
      expect(excel.get('Force').content('A1')).toBe(BASELINE.sheets[1]?.cells[0]?.[0]?.content);
      expect(excel.get('Force').content('Z99')).toBe('');
      expect(excel.active?.name).toBe('Assumptions');
    });

    it('refuses a defined name that already exists and points elsewhere, and changes nothing', async () => {
      const { excel, target } = setup();
      excel.names.push({ name: 'line_km', formula: '=Sheet1!$A$1', comment: 'mine' });
      const before = excel.snapshot();
      const error = await failure(target.apply(BASELINE, { replace: [] }));
      expect(error.code).toBe('NAME_EXISTS');
      expect(error.message).toMatch(/already defines the name "line_km" \(=Sheet1!\$A\$1\); nothing was changed/);
      expect(excel.snapshot()).toEqual(before);
    });

    it('repoints an existing name at the new sheet when the sheet it points at is being replaced', async () => {
      const { excel, target } = setup();
      excel.addUserSheet('Assumptions', { G6: 999 });
      excel.names.push({ name: 'line_km', formula: '=Assumptions!$G$6', comment: 'old' });
      await target.apply(BASELINE, { replace: ['Assumptions'] });
      expect(excel.name('line_km')).toEqual({ name: 'line_km', formula: "='Assumptions'!$G$6", comment: 'Line of contact to be covered' });
      expect(excel.names.filter((n) => n.name === 'line_km')).toHaveLength(1);
      expect(excel.get('Assumptions').content('G6')).not.toBe(999);
    });

    it("rolls back when the third sheet's write fails: the sheets it created are gone, the error names sheet and step", async () => {
      const { excel, target } = setup();
      excel.addUserSheet('Notes', { A1: 'keep me' });
      const before = excel.snapshot();
      excel.failWhen = (cmd) =>
        cmd.location === 'Range.formulas' && onSheet(cmd, 'Munitions', BASELINE.sheets) ? 'The argument is invalid or missing.' : undefined;
      const error = await failure(target.apply(BASELINE, { replace: [] }));
      expect(error.code).toBe('WRITE_FAILED');
      expect(error.sheet).toBe('Munitions');
      expect(error.step).toBe('writing sheet "Munitions" (3 of 5)');
      expect(error.message).toBe(
        'Loading failed while writing sheet "Munitions" (3 of 5): The argument is invalid or missing. (at Range.formulas). ' +
          'The sheets it had created were removed and any replaced sheets restored; nothing else changed.',
      );
      excel.failWhen = undefined;
      expect(excel.snapshot()).toEqual(before);
      expect(excel.names).toEqual([]);
    });

    it('rolls back a replacement: the old sheet comes back under its name with its data, and no temporary sheet remains', async () => {
      const { excel, target } = setup();
      const old = excel.addUserSheet('Force', { A1: 'old force table' });
      excel.addUserSheet('Fund', { B2: 7 });
      excel.names.push({ name: 'scenario', formula: "='Assumptions'!$B$3", comment: 'not ours' });
      excel.addUserSheet('Assumptions', { B3: 'Lasting peace' });
      const before = excel.snapshot();
      excel.failWhen = (cmd) => (cmd.location === 'Range.formulas' && onSheet(cmd, 'Munitions', BASELINE.sheets) ? 'Out of memory.' : undefined);
      const error = await failure(target.apply(BASELINE, { replace: ['Force', 'Fund', 'Assumptions'] }));
      excel.failWhen = undefined;
      expect(error.code).toBe('WRITE_FAILED');
      expect(excel.snapshot()).toEqual(before);
      expect(excel.sheet('Force')).toBe(old);
      expect(excel.sheets.some((s) => s.name.startsWith('~'))).toBe(false);
      expect(excel.name('scenario')).toEqual({ name: 'scenario', formula: "='Assumptions'!$B$3", comment: 'not ours' });
    });

    it('rolls back when adding a defined name fails, restoring names it had repointed', async () => {
      const { excel, target } = setup();
      excel.addUserSheet('Assumptions', { G6: 1 });
      excel.names.push({ name: 'line_km', formula: "='Assumptions'!$G$6", comment: 'old' });
      const before = excel.snapshot();
      excel.failWhen = (cmd) => (cmd.location === 'NamedItemCollection.add' && excel.names.length >= 3 ? 'The name is not valid.' : undefined);
      const error = await failure(target.apply(BASELINE, { replace: ['Assumptions'] }));
      excel.failWhen = undefined;
      expect(error.step).toBe('writing sheet "Assumptions" (1 of 5)');
      expect(error.message).toMatch(/The name is not valid\. \(at NamedItemCollection\.add\)/);
      expect(excel.snapshot()).toEqual(before);
    });

    // Issue 8: replacing no longer renames and deletes the old sheet, so the last step is showing
    // the first sheet; the same rollback is asserted when that step fails.
    it('rolls back when the finishing step fails, with the step named', async () => {
      const { excel, target } = setup();
      excel.addUserSheet('Sources', { A1: 'old' });
      const before = excel.snapshot();
      excel.failWhen = (cmd) => (cmd.location === 'Worksheet.activate' ? 'Access denied.' : undefined);
      const error = await failure(target.apply(BASELINE, { replace: ['Sources'] }));
      excel.failWhen = undefined;
      expect(error.step).toBe('finishing');
      expect(excel.snapshot()).toEqual(before);
    });

    it('loads a second copy beside the first without touching it', async () => {
      const { excel, target } = setup();
      await target.apply(BASELINE, { replace: [] });
      const first = excel.snapshot();
      const second = baselinePlan({ scenario: 'peace', copy: 2 });
      await target.apply(second, { replace: [] });
      const after = excel.snapshot() as { sheets: { name: string }[]; names: { name: string }[] };
      const firstSheets = (first as { sheets: { name: string }[] }).sheets;
      expect(after.sheets.slice(0, firstSheets.length)).toEqual(firstSheets);
      expect(after.sheets.map((s) => s.name).slice(firstSheets.length)).toEqual(second.sheets.map((s) => s.name));
      expect(excel.name('line_km_2')?.formula).toBe("='Assumptions (2)'!$G$6");
      expect(excel.name('line_km')?.formula).toBe("='Assumptions'!$G$6");
    });

    it('refuses to load the same copy twice', async () => {
      const { target } = setup();
      await target.apply(BASELINE, { replace: [] });
      const error = await failure(target.apply(BASELINE, { replace: [] }));
      expect(error.code).toBe('SHEET_EXISTS');
      expect(error.message).toMatch(/sheets "Assumptions", "Force", "Munitions", "Fund", "Sources"/);
    });

    it('reports progress out of sheets + 1 steps, never going back, ending at the total', async () => {
      const { target } = setup();
      const seen: Progress[] = [];
      await target.apply(BASELINE, { replace: [], onProgress: (p) => seen.push(p) });
      const total = BASELINE.sheets.length + 1;
      expect(seen.every((p) => p.total === total)).toBe(true);
      expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      // The last step before Done was "Removing replaced sheets"; every writer now calls it "Finishing" (src/workbook/writer.ts).
      expect(seen.map((p) => p.step)).toEqual([...SHEETS.map((s) => `Writing sheet "${s}"`), 'Finishing', 'Done']);
    });

    it('rejects a plan Excel cannot take before touching the workbook', async () => {
      const { excel, target } = setup();
      const s = new SheetBuilder('Odd', 'force', [10]);
      s.row(['x']);
      s.validate({ address: 'A1', list: ['1,000', '2,000'], prompt: '?' });
      const error = await failure(target.apply({ ...BASELINE, sheets: [s.build()], names: [] }, { replace: [] }));
      expect(error.code).toBe('INVALID_PLAN');
      expect(excel.syncs).toBe(0);
    });
  });

  describe('setValue', () => {
    it("sets one cell's value in one sync", async () => {
      const { excel, target } = setup();
      await target.apply(BASELINE, { replace: [] });
      const syncs = excel.syncs;
      await target.setValue('Assumptions', 'B3', 'No agreement');
      expect(excel.syncs - syncs).toBe(1);
      expect(excel.get('Assumptions').content('B3')).toBe('No agreement');
      expect(excel.get('Assumptions').arrays.at(-1)).toEqual({ property: 'values', address: 'B3', value: [['No agreement']] });
    });

    it('names the cell when the sheet is not there', async () => {
      const { target } = setup();
      const error = await failure(target.setValue('Nowhere', 'B3', 'x'));
      expect(error.message).toBe('Could not set Nowhere!B3: There is no sheet "Nowhere". (at WorksheetCollection.getItem)');
    });
  });

  describe('sheetNames and definedNames', () => {
    it("read the workbook's sheets and names in one sync each", async () => {
      const { excel, target } = setup(['Sheet1', 'Data']);
      excel.names.push({ name: 'rate', formula: '=Data!$A$1', comment: '' });
      expect(await target.sheetNames()).toEqual(['Sheet1', 'Data']);
      expect(await target.definedNames()).toEqual(['rate']);
      expect(excel.syncs).toBe(2);
    });
  });
});
