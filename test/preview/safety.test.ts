/**
 * Issue 8 in the preview's writer: undo removes only the sheets this write added, by id (defect 5),
 * and a replaced sheet keeps its identity (defect 4).
 */
import { PreviewTarget } from '../../src/preview/target';
import type { WorkbookPlan } from '../../src/workbook/plan';

const PLAN: WorkbookPlan = {
  sheets: [
    { name: 'In', kind: 'force', cells: [[{ content: 21 }]], columnWidths: [10], validations: [] },
    { name: 'Out', kind: 'force', cells: [[{ content: '=x*2' }]], columnWidths: [10], validations: [] },
  ],
  names: [{ name: 'x', sheet: 'In', address: '$A$1', comment: '' }],
  scenarioCell: { sheet: 'In', address: 'A1' },
};

describe('PreviewTarget undo', () => {
  it('removes the sheet it added even under another name, and keeps a sheet someone else made under a planned name', async () => {
    const t = new PreviewTarget();
    const hf = t.engine;
    const before = hf.getSheetNames();
    const write = t.apply(PLAN, {
      replace: [],
      onProgress: (p) => {
        if (p.done !== 1) return;
        // Meanwhile, the write's Out is renamed and someone makes a sheet called Out.
        const ours = hf.getSheetId('Out');
        if (ours !== undefined) hf.renameSheet(ours, 'Renamed');
        hf.addSheet('Out');
        throw new Error('stopped by the test');
      },
    });
    await expect(write).rejects.toMatchObject({ code: 'WRITE_FAILED' });
    expect(hf.getSheetNames()).toEqual([...before, 'Out']);
  });

  it('replaces a sheet in place: its id, and the name pointing at it, survive', async () => {
    const t = new PreviewTarget();
    await t.apply(PLAN, { replace: [] });
    const id = t.engine.getSheetId('In');
    await t.apply({ ...PLAN, sheets: [{ ...PLAN.sheets[0]!, cells: [[{ content: 5 }]] }], names: [] }, { replace: ['In'] });
    expect(t.engine.getSheetId('In')).toBe(id);
    expect(await t.readCells([{ sheet: 'Out', address: 'A1' }])).toEqual([{ formula: '=x*2', value: 10 }]); // 5 × 2
  });
});
