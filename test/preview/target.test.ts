/**
 * PreviewTarget keeps the WorkbookTarget contract (src/workbook/writer.ts) that the Excel writer
 * keeps: existing sheets are never touched unless listed in `replace`, a failed write leaves the
 * workbook as it was, progress is reported per sheet; and it gives the view what the engine lacks.
 */
import { PreviewTarget, isPreviewError, type PreviewChange } from '../../src/preview/target';
import { baselinePlan } from '../../src/workbook/baseline';
import { EMPTY, type SheetPlan, type WorkbookPlan } from '../../src/workbook/plan';
import { type Progress, WorkbookWriteError } from '../../src/workbook/writer';

/** A small plan: sheet In with x in A1 (named x), sheet Out with =x*2. */
function smallPlan(x = 21, names = ['In', 'Out']): WorkbookPlan {
  const [inName = 'In', outName = 'Out'] = names;
  const input: SheetPlan = {
    name: inName,
    kind: 'assumptions',
    cells: [[{ content: x, role: 'input', format: '#,##0', note: 'typed by hand' }, EMPTY]],
    columnWidths: [10, 12],
    validations: [{ address: 'B1', list: ['Yes', 'No'], prompt: 'Yes or No' }],
  };
  const output: SheetPlan = {
    name: outName,
    kind: 'force',
    cells: [[{ content: '=x*2', role: 'output', format: '0.00' }]],
    columnWidths: [10],
    validations: [],
    freeze: { rows: 1, columns: 0 },
  };
  return {
    sheets: [input, output],
    names: [{ name: 'x', sheet: inName, address: '$A$1', comment: 'x' }],
    scenarioCell: { sheet: inName, address: 'A1' },
  };
}

/** A sheet the engine cannot hold (wider than its column limit), to make a write fail halfway. */
function tooWide(name: string): SheetPlan {
  return { name, kind: 'sources', cells: [Array.from({ length: 20_000 }, () => ({ content: 1 }))], columnWidths: [], validations: [] };
}

async function rejection(p: Promise<unknown>): Promise<WorkbookWriteError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkbookWriteError) return e;
    throw new Error(`rejected with something other than a WorkbookWriteError: ${String(e)}`);
  }
  throw new Error('expected the promise to reject');
}

describe('PreviewTarget.apply', () => {
  it('writes sheets, names, values and formulas, and keeps formats, roles, notes, drop-downs and widths for the view', async () => {
    const target = new PreviewTarget();
    await target.apply(smallPlan(), { replace: [] });
    expect(await target.sheetNames()).toEqual(['In', 'Out']);
    expect(await target.definedNames()).toEqual(['x']);
    expect(target.cellAt('Out', 'A1')).toEqual({ value: 42, formula: '=x*2', format: '0.00', role: 'output' });
    expect(target.cellAt('In', 'A1')).toEqual({ value: 21, format: '#,##0', role: 'input', note: 'typed by hand' });
    expect(target.cellAt('In', 'B1').validation?.list).toEqual(['Yes', 'No']);
    expect(target.sheet('In')).toEqual({ name: 'In', kind: 'assumptions', rows: 1, columns: 2, columnWidths: [10, 12] });
    expect(target.sheet('Out')?.freeze).toEqual({ rows: 1, columns: 0 });
  });

  it('reports progress before each step, one per sheet, then done', async () => {
    const target = new PreviewTarget();
    const steps: Progress[] = [];
    await target.apply(smallPlan(), { replace: [], onProgress: (p) => steps.push(p) });
    // The steps Excel reports (src/workbook/writer.ts): sheets + 1 (was sheets + 2 here, with
    // "Adding sheets" and "Defining names" as steps of their own).
    expect(steps.map((p) => [p.done, p.total, p.step])).toEqual([
      [0, 3, 'Writing sheet "In"'],
      [1, 3, 'Writing sheet "Out"'],
      [2, 3, 'Finishing'],
      [3, 3, 'Done'],
    ]);
  });

  it('refuses a plan whose sheet already exists, before changing anything', async () => {
    const target = new PreviewTarget();
    await target.apply(smallPlan(21), { replace: [] });
    const second: WorkbookPlan = { ...smallPlan(5, ['New', 'Out']), names: [] };
    const error = await rejection(target.apply(second, { replace: [] }));
    // The Excel writer's wording, now every writer's (src/workbook/checks.ts); was 'Nothing was written: the workbook already has a sheet named "Out".'
    expect(error.code).toBe('SHEET_EXISTS');
    expect(error.message).toBe('The workbook already has a sheet "Out"; nothing was changed. Load a new copy, or choose to replace it.');
    expect(await target.sheetNames()).toEqual(['In', 'Out']);
  });

  it('compares sheet names as Excel does, ignoring case', async () => {
    const target = new PreviewTarget();
    await target.apply(smallPlan(), { replace: [] });
    const error = await rejection(target.apply({ ...smallPlan(1, ['A', 'OUT']), names: [] }, { replace: [] }));
    expect(error.message).toMatch(/already has a sheet "Out"/);
  });

  it('refuses a defined name that is already there and not on a replaced sheet', async () => {
    const target = new PreviewTarget();
    await target.apply(smallPlan(), { replace: [] });
    const error = await rejection(target.apply(smallPlan(1, ['In2', 'Out2']), { replace: [] }));
    // Was 'Nothing was written: the workbook already has a defined name x.'
    expect(error.code).toBe('NAME_EXISTS');
    expect(error.message).toBe(
      'The workbook already defines the name "x" (=In!$A$1); nothing was changed. Load a new copy, whose names do not clash.',
    );
    expect(await target.sheetNames()).toEqual(['In', 'Out']);
  });

  it('refuses sheet names Excel refuses', async () => {
    const target = new PreviewTarget();
    const error = await rejection(target.apply(smallPlan(1, ['A/B', 'Out']), { replace: [] }));
    expect(error.code).toBe('INVALID_PLAN');
    expect(error.message).toMatch(/sheet name "A\/B" has a character Excel does not allow/);
    const long = await rejection(target.apply(smallPlan(1, ['x'.repeat(32), 'Out']), { replace: [] }));
    expect(long.message).toMatch(/must have 1 to 31 characters/);
    expect(await target.sheetNames()).toEqual([]);
  });

  it('replaces the sheets listed in replace, and the names on them', async () => {
    const target = new PreviewTarget();
    await target.apply(smallPlan(21), { replace: [] });
    await target.apply(smallPlan(50), { replace: ['In', 'Out'] });
    expect(await target.sheetNames()).toEqual(['In', 'Out']);
    expect(target.cellAt('Out', 'A1').value).toBe(100);
  });

  it('removes the sheets it created and restores replaced ones when a write fails', async () => {
    const target = new PreviewTarget();
    await target.apply(smallPlan(21), { replace: [] });
    const failing: WorkbookPlan = { ...smallPlan(7), sheets: [...smallPlan(7).sheets, tooWide('Wide')] };
    const error = await rejection(target.apply(failing, { replace: ['In', 'Out'] }));
    expect(error.code).toBe('WRITE_FAILED');
    expect(error.message).toMatch(/Sheet size limit exceeded/);
    expect(await target.sheetNames()).toEqual(['In', 'Out']);
    expect(await target.definedNames()).toEqual(['x']);
    expect(target.cellAt('In', 'A1')).toMatchObject({ value: 21, note: 'typed by hand' });
    expect(target.cellAt('Out', 'A1').value).toBe(42);
  });

  it('leaves an empty workbook empty when the first write fails, and tells listeners to redraw', async () => {
    const target = new PreviewTarget();
    const changes: PreviewChange[] = [];
    target.subscribe((c) => changes.push(c));
    const failing: WorkbookPlan = { ...smallPlan(), sheets: [...smallPlan().sheets, tooWide('Wide')] };
    await rejection(target.apply(failing, { replace: [] }));
    expect(await target.sheetNames()).toEqual([]);
    expect(await target.definedNames()).toEqual([]);
    expect(changes).toEqual([{ type: 'sheets' }]);
  });

  it('tells listeners which sheet to show after a write', async () => {
    const target = new PreviewTarget();
    const changes: PreviewChange[] = [];
    target.subscribe((c) => changes.push(c));
    await target.apply(smallPlan(), { replace: [] });
    expect(changes).toEqual([{ type: 'sheets', activate: 'In' }]);
  });
});

describe('PreviewTarget.setValue', () => {
  it('types a value as a user would: numbers become numbers and dependents recalculate', async () => {
    const target = new PreviewTarget();
    await target.apply(smallPlan(), { replace: [] });
    const changes: PreviewChange[] = [];
    target.subscribe((c) => changes.push(c));
    await target.setValue('In', 'A1', '4.5');
    expect(target.cellAt('Out', 'A1').value).toBe(9);
    expect(changes).toEqual([{ type: 'values' }]);
  });

  it('puts text that is not a number into formulas that need a number as #VALUE!', async () => {
    const target = new PreviewTarget();
    await target.apply(smallPlan(), { replace: [] });
    await target.setValue('In', 'A1', 'many');
    const v = target.cellAt('Out', 'A1').value;
    expect(isPreviewError(v) && v.code).toBe('#VALUE!');
  });

  it('refuses an unknown sheet or an address that is not a cell', async () => {
    const target = new PreviewTarget();
    await target.apply(smallPlan(), { replace: [] });
    expect((await rejection(target.setValue('Nope', 'A1', '1'))).message).toBe('there is no sheet "Nope" in the workbook');
    expect((await rejection(target.setValue('In', 'A1:B2', '1'))).message).toBe('"A1:B2" is not a cell address like B3');
  });
});

describe('PreviewTarget with the baseline', () => {
  it('switches the scenario through the plan’s scenario cell', async () => {
    const target = new PreviewTarget();
    const plan = baselinePlan({ scenario: 'peace' });
    await target.apply(plan, { replace: [] });
    await target.setValue(plan.scenarioCell.sheet, plan.scenarioCell.address, 'No agreement');
    expect(target.cellAt(plan.scenarioCell.sheet, plan.scenarioCell.address).validation?.list).toContain('No agreement');
    expect(target.formulaValues('Force').filter(([, v]) => isPreviewError(v))).toEqual([]);
  });
});
