import { baselinePlan } from '../../src/workbook/baseline';
import { SheetBuilder } from '../../src/workbook/builder';
import { findClash, planProblems } from '../../src/workbook/checks';

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
    expect(findClash(BASELINE, [], [{ name: 'line_km', sheet: undefined }], [])).toEqual({ kind: 'name', name: { name: 'line_km', sheet: undefined } });
  });
});
