/** The .xlsx writer keeps the writer contract (test/workbook/writer-contract.ts); it cannot be driven, so the drive tests do not apply. */
import { XlsxTarget } from '../../src/xlsx/target';
import { writerContract } from '../workbook/writer-contract';

writerContract('XlsxTarget', () => {
  const target = new XlsxTarget();
  return { target, content: (sheet, address) => target.content(sheet, address) };
});
