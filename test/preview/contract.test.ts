/** The preview's engine writer keeps the writer contract (test/workbook/writer-contract.ts). */
import { PreviewTarget } from '../../src/preview/target';
import { parseCell } from '../../src/workbook/a1';
import type { Constant } from '../../src/workbook/plan';
import { writerContract } from '../workbook/writer-contract';

writerContract('PreviewTarget', () => {
  const target = new PreviewTarget();
  const content = (sheet: string, address: string): Constant => {
    const id = target.engine.getSheetId(sheet);
    const at = parseCell(address);
    if (id === undefined || at === undefined) throw new Error(`no cell ${sheet}!${address}`);
    const raw = target.engine.getCellSerialized({ sheet: id, row: at.row, col: at.col });
    return raw === undefined || raw instanceof Date ? null : raw;
  };
  return { target, drivable: target, content };
});
