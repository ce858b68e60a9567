/**
 * What the pane needs from a workbook, whichever holds it: Excel (Office.js, `src/taskpane/excel.ts`)
 * or the browser preview's engine (`src/preview/`). Both apply the same {@link WorkbookPlan}s.
 */
import type { Constant, WorkbookPlan } from './plan';

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

/** One cell of a workbook. */
export interface CellRef {
  readonly sheet: string;
  /** A single cell, A1 style without `$` (e.g. `B13`). */
  readonly address: string;
}

/** What a cell holds: its formula (or `null` for a constant) and its current value. */
export interface CellState {
  readonly formula: string | null;
  /** The value shown: a number, text, boolean, `null` when empty, or an error code such as `#N/A`. */
  readonly value: Constant;
}

/**
 * What sensitivity analysis needs on top of writing plans: reading cells, and driving inputs while
 * reading outputs. Excel and the preview implement it; `src/session/driver.ts` uses it.
 */
export interface DrivableTarget extends WorkbookTarget {
  /** The cell a workbook-level defined name points at, or `null` if it is not one cell. */
  resolveName(name: string): Promise<CellRef | null>;
  /** The cell the user has selected, or `null` if none (or several). */
  selectedCell(): Promise<CellRef | null>;
  /** Reads cells in one round trip. */
  readCells(refs: readonly CellRef[]): Promise<CellState[]>;
  /**
   * Sets each input to its value, lets the workbook recalculate (custom functions included), and
   * reads the outputs' values, in one round trip: the unit of work of a driven table.
   */
  evaluate(inputs: readonly { readonly ref: CellRef; readonly value: number }[], outputs: readonly CellRef[]): Promise<Constant[]>;
  /** Puts cells back exactly as they were: the formula where there was one, else the value. */
  restore(cells: readonly { readonly ref: CellRef; readonly state: CellState }[]): Promise<void>;
}
