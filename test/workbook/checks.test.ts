import { baselinePlan } from '../../src/workbook/baseline';
import { SheetBuilder } from '../../src/workbook/builder';
import { danglingName, findClash, planProblems, planRefusal, workbookRefusal } from '../../src/workbook/checks';
import { WorkbookWriteError } from '../../src/workbook/writer';

const BASELINE = baselinePlan({ scenario: 'peace' });

describe('planProblems', () => {
  it('finds nothing wrong with the baseline', () => {
    expect(planProblems(BASELINE)).toEqual([]);
  });

  it('names a drop-down item with a comma and a sheet name Excel refuses', () => {
    const s = new SheetBuilder('Bad/Name', 'force', [10]);
    s.row(['x']);
    s.validate({ address: 'A1', list: ['a,b', 'c'], prompt: '?' });
    expect(planProblems({ ...BASELINE, sheets: [s.build()], names: [] })).toEqual([
      'sheet name "Bad/Name" has a character Excel does not allow ([]:*?/\\ or a leading or trailing \')',
      'sheet "Bad/Name" A1: a drop-down item contains a comma',
    ]);
  });

  it('refuses a name over 31 characters and a sheet that appears twice', () => {
    const long = new SheetBuilder('A'.repeat(32), 'force', [10]);
    long.row(['x']);
    const twice = new SheetBuilder('force', 'force', [10]);
    twice.row(['x']);
    expect(planProblems({ ...BASELINE, sheets: [long.build(), twice.build(), twice.build()], names: [] })).toEqual([
      `sheet name "${'A'.repeat(32)}" must have 1 to 31 characters`,
      'sheet "force" appears twice',
    ]);
  });
});

describe('findClash', () => {
  it('lets a plan into an empty workbook', () => {
    expect(findClash(BASELINE, [], [], [])).toBeNull();
  });

  it('refuses sheets that exist, ignoring case, unless the user agreed to replace them', () => {
    // Named as the workbook names them.
    expect(findClash(BASELINE, ['force', 'Fund', 'Other'], [], [])).toEqual({ kind: 'sheets', sheets: ['force', 'Fund'] });
    expect(findClash(BASELINE, ['force', 'Fund', 'Other'], [], ['Force'])).toEqual({ kind: 'sheets', sheets: ['Fund'] });
    expect(findClash(BASELINE, ['force', 'Fund'], [], ['FORCE', 'fund'])).toBeNull();
  });

  it('refuses a defined name that exists unless it points at a sheet being replaced', () => {
    const onAssumptions = { name: 'LINE_KM', sheet: 'Assumptions' };
    expect(findClash(BASELINE, ['Assumptions'], [onAssumptions], [])).toEqual({ kind: 'sheets', sheets: ['Assumptions'] });
    expect(findClash(BASELINE, ['Assumptions'], [onAssumptions], ['Assumptions'])).toBeNull();
    // The same name pointing elsewhere, at nothing, or at a sheet that is not being replaced.
    expect(findClash(BASELINE, ['Inputs'], [{ name: 'line_km', sheet: 'Inputs' }], ['Inputs'])).toEqual({
      kind: 'name',
      name: { name: 'line_km', sheet: 'Inputs' },
    });
    expect(findClash(BASELINE, [], [{ name: 'line_km', sheet: undefined }], [])).toEqual({
      kind: 'name',
      name: { name: 'line_km', sheet: undefined },
    });
  });
});

describe('danglingName', () => {
  it('finds a name on a sheet neither the plan nor the workbook has, ignoring case, and nothing otherwise', () => {
    const plan = { ...BASELINE, names: [...BASELINE.names, { name: 'elsewhere', sheet: 'Inputs', address: '$A$1', comment: '' }] };
    expect(danglingName(plan, [])?.name).toBe('elsewhere');
    expect(danglingName(plan, ['INPUTS'])).toBeUndefined();
    expect(danglingName(BASELINE, [])).toBeUndefined();
  });
});

describe('planRefusal and workbookRefusal', () => {
  it('word each refusal once, as a WorkbookWriteError with its code, sheet and step', () => {
    const s = new SheetBuilder('Bad/Name', 'force', [10]);
    s.row(['x']);
    const invalid = planRefusal({ ...BASELINE, sheets: [s.build()], names: [] });
    expect(invalid).toBeInstanceOf(WorkbookWriteError);
    expect(invalid).toMatchObject({ code: 'INVALID_PLAN', sheet: '', step: 'checking the plan' });
    expect(invalid?.message).toBe(
      'The plan cannot be written: sheet name "Bad/Name" has a character Excel does not allow ([]:*?/\\ or a leading or trailing \').',
    );
    expect(planRefusal(BASELINE)).toBeNull();

    const sheets = workbookRefusal(BASELINE, ['Force', 'Fund'], [], []);
    expect(sheets).toMatchObject({ code: 'SHEET_EXISTS', sheet: 'Force', step: 'checking the workbook' });
    expect(sheets?.message).toBe('The workbook already has sheets "Force", "Fund"; nothing was changed. Load a new copy, or choose to replace them.');

    const name = workbookRefusal(BASELINE, [], [{ name: 'LINE_KM', sheet: 'Inputs', formula: '=Inputs!$A$1' }], []);
    expect(name).toMatchObject({ code: 'NAME_EXISTS', sheet: 'Inputs' });
    expect(name?.message).toBe(
      'The workbook already defines the name "LINE_KM" (=Inputs!$A$1); nothing was changed. Load a new copy, whose names do not clash.',
    );

    const dangling = workbookRefusal({ ...BASELINE, names: [{ name: 'z', sheet: 'Nowhere', address: '$A$1', comment: '' }] }, [], [], []);
    expect(dangling).toMatchObject({ code: 'DANGLING_NAME', sheet: 'Nowhere' });
    expect(dangling?.message).toBe('The name "z" refers to a sheet "Nowhere" that neither the plan nor the workbook has; nothing was changed.');

    expect(workbookRefusal(BASELINE, ['Sheet1'], [], [])).toBeNull();
  });
});
