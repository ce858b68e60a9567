/**
 * The Excel writer keeps the writer contract (test/workbook/writer-contract.ts), over
 * office-addin-mock. The mock's evaluator knows the one formula the contract's plans hold: =x*2.
 */
import { ExcelTarget } from '../../../src/taskpane/excel';
import { writerContract } from '../../workbook/writer-contract';
import { FakeExcel } from '../mock/excel-mock';

writerContract('ExcelTarget', () => {
  const excel = new FakeExcel(['Sheet1']);
  excel.evaluator = (formula, ex) => {
    const x = ex.valueOf(ex.get('In'), 'A1').value;
    return formula === '=x*2' && typeof x === 'number' ? x * 2 : '#NAME?';
  };
  const target = new ExcelTarget({ run: excel.run, isSetSupported: () => true });
  const content = (sheet: string, address: string): string | number | boolean | null => {
    const c = excel.get(sheet).content(address);
    return c === '' ? null : c;
  };
  return { target, drivable: target, content };
});
