import { baselinePlan } from '../../src/workbook/baseline';
import { type Progress, progressReporter, progressSequence, progressSteps, WorkbookWriteError } from '../../src/workbook/writer';

const BASELINE = baselinePlan({ scenario: 'peace' }); // Assumptions, Force, Munitions, Fund, Sources

describe('progressSteps and progressSequence', () => {
  it('list one step per sheet, then Finishing; the sequence ends with Done at the total', () => {
    expect(progressSteps(BASELINE)).toEqual([
      'Writing sheet "Assumptions"',
      'Writing sheet "Force"',
      'Writing sheet "Munitions"',
      'Writing sheet "Fund"',
      'Writing sheet "Sources"',
      'Finishing',
    ]);
    // 5 sheets + Finishing = 6 steps; done runs 0..6.
    const sequence = progressSequence(BASELINE);
    expect(sequence.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(sequence.every((p) => p.total === 6)).toBe(true);
    expect(sequence.at(-1)).toEqual({ done: 6, total: 6, step: 'Done' });
  });
});

describe('progressReporter', () => {
  it('reports the step asked for, nothing out of range, and nothing without a listener', () => {
    const seen: Progress[] = [];
    const report = progressReporter(BASELINE, (p) => seen.push(p));
    report(1);
    report(6);
    report(7);
    report(-1);
    expect(seen).toEqual([
      { done: 1, total: 6, step: 'Writing sheet "Force"' },
      { done: 6, total: 6, step: 'Done' },
    ]);
    expect(() => progressReporter(BASELINE, undefined)(0)).not.toThrow();
  });
});

describe('WorkbookWriteError', () => {
  it('is an Error with its code, sheet and step', () => {
    const e = new WorkbookWriteError('SHEET_EXISTS', 'Force', 'checking the workbook', 'The workbook already has a sheet "Force"');
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(WorkbookWriteError);
    expect(e).toMatchObject({
      name: 'WorkbookWriteError',
      code: 'SHEET_EXISTS',
      sheet: 'Force',
      step: 'checking the workbook',
      message: 'The workbook already has a sheet "Force"',
    });
  });
});
