/**
 * Putting driven inputs back, so that a failure cannot pass unnoticed: each cell is restored on its
 * own (one `restore` of one cell, so one bad cell cannot stop the others), read back to check it
 * holds what it held before, and tried again when it does not. What still cannot be put back is
 * returned with its original formula or value, and kept in the workbook on a recovery sheet
 * ({@link RECOVERY_SHEET}) until the user dismisses it, so the old values are never only in memory.
 *
 * Written once against the writer contract (`src/workbook/writer.ts`): the hosts only provide
 * `restore`, `readCells` and `apply`.
 */
import { cellReference } from '../workbook/a1';
import { errorMessage } from '../workbook/messages';
import type { SheetPlan, WorkbookPlan } from '../workbook/plan';
import { freeSheetName, type Recovery, type UnrestoredCell } from '../workbook/sensitivity';
import type { CellRef, CellState, DrivableTarget } from '../workbook/writer';

export type { Recovery, UnrestoredCell } from '../workbook/sensitivity';

/** The name of the sheet that lists inputs that could not be put back (a number is added when it is taken). */
export const RECOVERY_SHEET = 'DefEcon recovery';

/** How many times each cell is tried before it is given up on. */
export const RESTORE_ATTEMPTS = 3;

/** A cell as it was before a run changed it. */
export interface SavedCell {
  readonly ref: CellRef;
  readonly state: CellState;
}

export interface RestoreOptions {
  /** Waits before attempt `attempt` (2, 3, ...): by default 100 ms times the attempt, so Excel can leave cell-edit mode. */
  readonly pause?: (attempt: number) => Promise<void>;
}

const wait = (attempt: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, 100 * attempt));

/** What a cell held, as the pane and the recovery sheet show it: the formula, else the value (`empty` for none). */
export function shownState(state: CellState): string {
  if (state.formula !== null) return state.formula;
  if (state.value === null || state.value === '') return '(empty)';
  return typeof state.value === 'string' ? JSON.stringify(state.value) : String(state.value);
}

/** `Assumptions!G6 (was 400)`: a cell and what it held. */
export function unrestoredLabel(cell: SavedCell): string {
  return `${cellReference(cell.ref)} (was ${shownState(cell.state)})`;
}

/** Whether what a cell holds now is what it held: the same formula, or for a constant the same value. */
function same(now: CellState | undefined, then: CellState): boolean {
  if (now === undefined) return false;
  if (then.formula !== null) return now.formula === then.formula;
  const empty = (v: CellState['value']): boolean => v === null || v === '';
  return now.formula === null && (now.value === then.value || (empty(now.value) && empty(then.value)));
}

/** Puts one cell back, checks it by reading it back, up to {@link RESTORE_ATTEMPTS} times; the last failure's reason, or `null` when it holds what it held. */
async function restoreOne(target: DrivableTarget, cell: SavedCell, pause: (attempt: number) => Promise<void>): Promise<string | null> {
  let reason = 'it was not tried';
  for (let attempt = 1; attempt <= RESTORE_ATTEMPTS; attempt++) {
    if (attempt > 1) await pause(attempt);
    try {
      // One cell per call, by design: a cell that cannot be written must not stop the others.
      await target.restore([cell]);
    } catch (e) {
      reason = errorMessage(e);
      // Even a restore reported as failed may have applied: the read below decides.
    }
    try {
      const [now] = await target.readCells([cell.ref]);
      if (same(now, cell.state)) return null;
      reason = `it holds ${now === undefined ? 'nothing readable' : shownState(now)}`;
    } catch (e) {
      reason = errorMessage(e);
    }
  }
  return reason;
}

/** Restores every cell, each on its own, verified and retried; returns those that still differ. */
export async function restoreCells(target: DrivableTarget, cells: readonly SavedCell[], options: RestoreOptions = {}): Promise<UnrestoredCell[]> {
  const pause = options.pause ?? wait;
  const failed: UnrestoredCell[] = [];
  for (const cell of cells) {
    const reason = await restoreOne(target, cell, pause);
    if (reason !== null) failed.push({ ...cell, reason });
  }
  return failed;
}

/** The recovery sheet's plan: what each cell held, a formula as text (`'=...`) so it is shown, not computed. */
export function recoveryPlan(cells: readonly UnrestoredCell[], sheet: string): WorkbookPlan {
  const text = (content: string): SheetPlan['cells'][number][number] => ({ content, role: 'text' });
  const rows: SheetPlan['cells'][number][number][][] = [
    [{ content: 'Inputs DefEcon could not put back', role: 'title' }, text(''), text('')],
    [text('Type each original back into its cell, then dismiss this list in the DefEcon pane.'), text(''), text('')],
    [
      { content: 'Cell', role: 'header' },
      { content: 'Original formula or value', role: 'header' },
      { content: 'Why it could not be put back', role: 'header' },
    ],
    ...cells.map((c) => [
      text(cellReference(c.ref)),
      c.state.formula !== null ? text(`'${c.state.formula}`) : { content: c.state.value ?? '', role: 'input' as const },
      text(c.reason),
    ]),
  ];
  const plan: SheetPlan = { name: sheet, kind: 'sensitivity', cells: rows, columnWidths: [22, 30, 60], validations: [] };
  return { sheets: [plan], names: [] };
}

/**
 * Keeps the list of cells that could not be put back on a new recovery sheet; returns its name, or
 * `null` when it could not be written (the pane still lists the cells).
 */
export async function keepRecovery(target: DrivableTarget, cells: readonly UnrestoredCell[]): Promise<string | null> {
  if (cells.length === 0) return null;
  try {
    const sheet = freeSheetName(await target.sheetNames(), RECOVERY_SHEET);
    await target.apply(recoveryPlan(cells, sheet), { replace: [] });
    return sheet;
  } catch {
    return null;
  }
}

/**
 * Restores `cells` ({@link restoreCells}); when some cannot be, keeps them on a recovery sheet. The
 * recovery, or `null` when every cell holds what it held.
 */
export async function restoreOrRecover(target: DrivableTarget, cells: readonly SavedCell[], options: RestoreOptions = {}): Promise<Recovery | null> {
  const failed = await restoreCells(target, cells, options);
  if (failed.length === 0) return null;
  return { cells: failed, sheet: await keepRecovery(target, failed) };
}
