/**
 * The writer contract: what the pane and the session need from a workbook, whichever holds it
 * (Excel through Office.js in `src/taskpane/excel/`, the browser preview's engine in
 * `src/preview/target.ts`, a test fake). Every writer applies the same {@link WorkbookPlan}s, makes
 * the same checks before it changes anything (`checks.ts`), fails with the one typed
 * {@link WorkbookWriteError}, and reports progress as {@link progressSteps} lists it. One test suite
 * (`test/workbook/writer-contract.ts`) holds every writer to it.
 */
import type { SheetCell } from './a1';
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
   * formulas, formats, notes, drop-downs, column widths and defined names. Refuses, before it
   * changes anything, what `checks.ts` refuses. A replaced sheet keeps its identity (it is cleared
   * and rewritten in place), so the user's names and formulas that refer to it keep working. If
   * anything fails part-way, the sheets it created are removed (only those: never a sheet someone
   * else made meanwhile), replaced ones get their contents back, and a {@link WorkbookWriteError} is
   * thrown: WRITE_FAILED when the workbook is as it was, UNDO_FAILED with a message listing exactly
   * what is not. Reports each step of {@link progressSteps} before it takes it, then `Done`.
   */
  apply(plan: WorkbookPlan, options: WriteOptions): Promise<void>;
  /** Sets a cell's value (the scenario selector), as a user typing it would. */
  setValue(sheet: string, address: string, value: string): Promise<void>;
}

/** One cell of a workbook: `address` is a single cell, A1 style without `$` (e.g. `B13`). */
export type CellRef = SheetCell;

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
  /**
   * Puts cells back exactly as they were: the formula where there was one, else the value, in one
   * round trip. The session (`src/session/restore.ts`) calls it one cell at a time, reads each back
   * and retries; a writer need not check or retry anything itself.
   */
  restore(cells: readonly { readonly ref: CellRef; readonly state: CellState }[]): Promise<void>;
  /** Deletes a sheet by name (the session's recovery sheet, once dismissed). */
  deleteSheet(name: string): Promise<void>;
}

/**
 * Why a writer failed:
 * - `INVALID_PLAN`: the plan cannot be written as it is (a bad sheet name, ragged rows, a drop-down
 *   item with a comma); found before anything changes.
 * - `SHEET_EXISTS`: a plan sheet exists in the workbook and is not to be replaced; nothing changed.
 * - `NAME_EXISTS`: a plan name is defined in the workbook and does not point at a sheet being
 *   replaced; nothing changed.
 * - `DANGLING_NAME`: a plan name points at a sheet that neither the plan nor the workbook has;
 *   nothing changed.
 * - `READ_FAILED`: the workbook could not be read; nothing changed.
 * - `WRITE_FAILED`: writing failed part-way; what had been written was undone.
 * - `UNDO_FAILED`: writing failed part-way and undoing it failed too; the message says what to check.
 */
export type WriteErrorCode = 'INVALID_PLAN' | 'SHEET_EXISTS' | 'NAME_EXISTS' | 'DANGLING_NAME' | 'READ_FAILED' | 'WRITE_FAILED' | 'UNDO_FAILED';

/** The one error every writer throws. */
export class WorkbookWriteError extends Error {
  readonly code: WriteErrorCode;
  /** The sheet being written when it failed (or that clashes); empty when no single one. */
  readonly sheet: string;
  /** The step that failed, as shown in the message, e.g. `writing sheet "Fund" (4 of 5)`. */
  readonly step: string;

  constructor(code: WriteErrorCode, sheet: string, step: string, message: string) {
    super(message);
    // Keeps `instanceof` working where the runtime down-levels classes (Office's IE11 webview).
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'WorkbookWriteError';
    this.code = code;
    this.sheet = sheet;
    this.step = step;
  }
}

/** The step every writer reports last, with `done` equal to `total`. */
export const DONE_STEP = 'Done';

/**
 * The steps of applying a plan, in order, as every writer reports them: one per plan sheet
 * (`Writing sheet "Force"`: the sheet with its contents, formats and the names that point at it),
 * then `Finishing` (showing the first sheet, recalculating). A sheet being replaced is cleared and
 * rewritten in place, so references to it survive.
 */
export function progressSteps(plan: WorkbookPlan): string[] {
  return [...plan.sheets.map((s) => `Writing sheet "${s.name}"`), 'Finishing'];
}

/**
 * Everything a writer reports while applying `plan`: step `i` of {@link progressSteps} as
 * `done: i`, reported before it is taken, then {@link DONE_STEP} with `done` = `total`.
 */
export function progressSequence(plan: WorkbookPlan): Progress[] {
  const steps = progressSteps(plan);
  const total = steps.length;
  return [...steps.map((step, done) => ({ done, total, step })), { done: total, total, step: DONE_STEP }];
}

/**
 * A reporter of the write's progress: `report(i)` reports step `i` of {@link progressSequence}
 * (`report(total)` is `Done`); out-of-range steps and a missing listener report nothing.
 */
export function progressReporter(plan: WorkbookPlan, onProgress: ((p: Progress) => void) | undefined): (step: number) => void {
  const sequence = progressSequence(plan);
  return (step) => {
    const p = sequence[step];
    if (p !== undefined) onProgress?.(p);
  };
}
