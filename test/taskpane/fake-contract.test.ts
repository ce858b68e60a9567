/** The pane's test fake keeps the writer contract (test/workbook/writer-contract.ts), so tests over it mean what they say. */
import { writerContract } from '../workbook/writer-contract';
import { FakeTarget } from './fake-target';

writerContract('FakeTarget', () => {
  const target = new FakeTarget();
  return { target, content: (sheet, address) => target.content(sheet, address) };
});
