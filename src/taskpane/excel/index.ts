/**
 * The Excel writer: the one place that calls `Excel.run`. {@link ExcelTarget} keeps the writer
 * contract (`src/workbook/writer.ts`) over the open workbook by composing the plan writer
 * (`writer.ts`: applying plans with undo) and the driver (`drive.ts`: reading and driving cells).
 */
import type { Constant, WorkbookPlan } from '../../workbook/plan';
import type { CellRef, CellState, DrivableTarget, WriteOptions } from '../../workbook/writer';
import { ExcelDriver } from './drive';
import { ExcelPlanWriter, type ExcelRun, type SetSupported } from './writer';

export type { ExcelRun, SetSupported } from './writer';

export interface ExcelTargetOptions {
  /** Default: `Excel.run`. */
  readonly run?: ExcelRun;
  /** Default: `Office.context.requirements.isSetSupported`. */
  readonly isSetSupported?: SetSupported;
}

export class ExcelTarget implements DrivableTarget {
  private readonly run: ExcelRun;
  private readonly writer: ExcelPlanWriter;
  private readonly driver: ExcelDriver;

  constructor(options: ExcelTargetOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.writer = new ExcelPlanWriter(
      this.run,
      options.isSetSupported ?? ((set, version) => Office.context.requirements.isSetSupported(set, version)),
    );
    this.driver = new ExcelDriver(this.run);
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async definedNames(): Promise<string[]> {
    return this.run(async (context) => {
      const names = context.workbook.names.load('items/name');
      await context.sync();
      return names.items.map((n) => n.name);
    });
  }

  apply(plan: WorkbookPlan, options: WriteOptions): Promise<void> {
    return this.writer.apply(plan, options);
  }

  setValue(sheet: string, address: string, value: string): Promise<void> {
    return this.driver.setValue(sheet, address, value);
  }

  resolveName(name: string): Promise<CellRef | null> {
    return this.driver.resolveName(name);
  }

  selectedCell(): Promise<CellRef | null> {
    return this.driver.selectedCell();
  }

  readCells(refs: readonly CellRef[]): Promise<CellState[]> {
    return this.driver.readCells(refs);
  }

  evaluate(inputs: readonly { readonly ref: CellRef; readonly value: number }[], outputs: readonly CellRef[]): Promise<Constant[]> {
    return this.driver.evaluate(inputs, outputs);
  }

  restore(cells: readonly { readonly ref: CellRef; readonly state: CellState }[]): Promise<void> {
    return this.driver.restore(cells);
  }

  deleteSheet(name: string): Promise<void> {
    return this.driver.deleteSheet(name);
  }
}
