/**
 * What the pane needs from a workbook, whichever holds it: Excel (Office.js, `src/taskpane/excel.ts`)
 * or the browser preview's engine (`src/preview/`). Both apply the same {@link WorkbookPlan}s.
 */
import type { WorkbookPlan } from './plan';

/** Progress of a write: `done` of `total` steps, and what is being written. */
export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly step: string;
}

export interface WriteOptions {
  /**
   * Sheets of the plan that already exist and that the user agreed to replace. Any other existing
   * sheet of the same name makes `apply` fail before it changes anything.
   */
  readonly replace: readonly string[];
  readonly onProgress?: (p: Progress) => void;
}

export interface WorkbookTarget {
  /** Names of the sheets in the workbook. */
  sheetNames(): Promise<string[]>;
  /** Workbook-level defined names. */
  definedNames(): Promise<string[]>;
  /**
   * Writes the plan: creates its sheets (replacing only those listed in `replace`), values,
   * formulas, formats, notes, drop-downs, column widths and defined names. If anything fails, the
   * sheets it created are removed and the error is rethrown; nothing else is changed.
   */
  apply(plan: WorkbookPlan, options: WriteOptions): Promise<void>;
  /** Sets a cell's value (the scenario selector), as a user typing it would. */
  setValue(sheet: string, address: string, value: string): Promise<void>;
}
