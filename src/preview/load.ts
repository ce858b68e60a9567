/**
 * Writing a {@link WorkbookPlan} into the preview's engine under the writer contract
 * (`src/workbook/writer.ts`): the same checks, the same progress steps, and undone in full when a
 * step fails. {@link PreviewTarget} queues the writes and calls {@link writePlan}.
 */
import type { HyperFormula, RawCellContent } from 'hyperformula';
import { nameFormula, parseReference } from '../workbook/a1';
import { planRefusal, workbookRefusal } from '../workbook/checks';
import { errorDetail } from '../workbook/messages';
import type { WorkbookPlan } from '../workbook/plan';
import { progressReporter, WorkbookWriteError, type WriteErrorCode, type WriteOptions } from '../workbook/writer';
import { lookOf, type PreviewChange, type SheetLook } from './cells';

/** How to undo one step of a write, newest first. */
type Undo = () => void;

/** The key of a sheet's look: sheet names compare without case, as in Excel. */
export const key = (name: string): string => name.toLowerCase();

/** What a write works on: the engine, the looks kept beside it, and how to tell the views. */
export interface LoadTarget {
  readonly engine: HyperFormula;
  readonly looks: Map<string, SheetLook>;
  readonly emit: (change: PreviewChange) => void;
}

/** Lets the page paint between the steps of a long write (a no-op cost in Node). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function sheetId(hf: HyperFormula, sheet: string): number {
  const id = hf.getSheetId(sheet);
  if (id === undefined) throw new Error(`there is no sheet "${sheet}" in the workbook`);
  return id;
}

/** The workbook's defined names with the sheet each points at and its formula, for the checks. */
function existingNames(hf: HyperFormula): { name: string; sheet: string | undefined; formula?: string }[] {
  return hf.listNamedExpressions().map((name) => {
    const expression = hf.getNamedExpression(name)?.expression;
    return typeof expression === 'string' ? { name, sheet: parseReference(expression)?.sheet, formula: expression } : { name, sheet: undefined };
  });
}

/**
 * Writes the plan in the steps every writer reports: the first step also adds every plan sheet
 * (clearing those being replaced) and defines the names, so formulas find them; each step writes
 * one sheet's contents; `Finishing` recalculates. Undone in full if any step fails.
 */
export async function writePlan(target: LoadTarget, plan: WorkbookPlan, options: WriteOptions): Promise<void> {
  const hf = target.engine;
  const invalid = planRefusal(plan);
  if (invalid !== null) throw invalid;
  const refused = workbookRefusal(plan, hf.getSheetNames(), existingNames(hf), options.replace);
  if (refused !== null) throw refused;

  const report = progressReporter(plan, options.onProgress);
  const undo: Undo[] = [];

  // What replaced sheets held, read before evaluation is suspended (reading needs it running).
  const before = new Map<string, RawCellContent[][]>();
  for (const s of plan.sheets) {
    const id = hf.getSheetId(s.name);
    if (id !== undefined) before.set(key(s.name), hf.getSheetSerialized(id));
  }

  let failing = { sheet: '', step: '' };
  hf.suspendEvaluation();
  try {
    for (const [i, s] of plan.sheets.entries()) {
      failing = { sheet: s.name, step: `writing sheet "${s.name}" (${i + 1} of ${plan.sheets.length})` };
      report(i);
      await nextTask();
      if (i === 0) {
        addSheets(target, plan, before, undo);
        defineNames(hf, plan, undo);
      }
      hf.setCellContents(
        { sheet: sheetId(hf, s.name), row: 0, col: 0 },
        s.cells.map((row) => row.map((c) => c.content)),
      );
      target.looks.set(key(s.name), lookOf(s));
    }
  } catch (e) {
    let undone = 'The sheets it had created were removed and any replaced sheets restored; nothing else changed.';
    let code: WriteErrorCode = 'WRITE_FAILED';
    for (const step of undo.reverse()) {
      try {
        step();
      } catch (undoError) {
        // Keep undoing the rest: a half-undone write is worse than one step left over.
        code = 'UNDO_FAILED';
        undone = `Undoing it failed too (${errorDetail(undoError)}): check the sheets ${plan.sheets.map((s) => `"${s.name}"`).join(', ')}.`;
      }
    }
    hf.resumeEvaluation();
    // Views do not draw while a write runs: tell them it is over, with the workbook as it was.
    target.emit({ type: 'sheets' });
    throw new WorkbookWriteError(code, failing.sheet, failing.step, `Loading failed while ${failing.step}: ${errorDetail(e)}. ${undone}`);
  }
  // Evaluation resumes before the listener hears of it: a listener that throws must not leave the
  // engine suspended.
  hf.resumeEvaluation();
  report(plan.sheets.length);
  const first = plan.sheets[0];
  target.emit(first === undefined ? { type: 'sheets' } : { type: 'sheets', activate: first.name });
  report(plan.sheets.length + 1);
}

/**
 * Adds each plan sheet, or clears it in place where it is being replaced (its id, and so every
 * name and formula that refers to it, survives), queueing how to undo each: removing by id only
 * the sheets added here, putting back what a replaced sheet held.
 */
function addSheets(target: LoadTarget, plan: WorkbookPlan, before: ReadonlyMap<string, RawCellContent[][]>, undo: Undo[]): void {
  const hf = target.engine;
  const looks = target.looks;
  for (const s of plan.sheets) {
    const id = hf.getSheetId(s.name);
    const oldLook = looks.get(key(s.name));
    const oldContent = before.get(key(s.name));
    if (id === undefined || oldContent === undefined) {
      const name = hf.addSheet(s.name);
      const added = hf.getSheetId(name);
      undo.push(() => {
        // Only the sheet this write added, by its id: never another that took the name since.
        if (added === undefined || hf.getSheetName(added) === undefined) return;
        hf.removeSheet(added);
        looks.delete(key(name));
      });
    } else {
      hf.clearSheet(id);
      undo.push(() => {
        hf.setSheetContent(id, oldContent);
        if (oldLook === undefined) looks.delete(key(s.name));
        else looks.set(key(s.name), oldLook);
      });
    }
  }
}

/** Defines the plan's names, or repoints those that exist (the checks allowed it), queueing how to undo each. */
function defineNames(hf: HyperFormula, plan: WorkbookPlan, undo: Undo[]): void {
  for (const n of plan.names) {
    const reference = nameFormula(n.sheet, n.address);
    const old = hf.getNamedExpression(n.name);
    if (old === undefined) {
      hf.addNamedExpression(n.name, reference);
      undo.push(() => hf.removeNamedExpression(n.name));
    } else {
      hf.changeNamedExpression(n.name, reference);
      undo.push(() => hf.changeNamedExpression(n.name, old.expression ?? null));
    }
  }
}
