/**
 * The .xlsx writer's workbook: an in-memory {@link WorkbookTarget} that keeps the writer contract
 * (`src/workbook/writer.ts`) over plain data (its sheets as plans, its defined names), and renders
 * to an .xlsx file on demand (`./render.ts`). Node-side only (the command line): it is not part of
 * the add-in's bundle.
 *
 * A write either goes in whole or leaves the workbook as it was: the sheets and names are saved
 * before and put back if anything fails part-way.
 */
import { nameFormula, normalCell, parseCell } from '../workbook/a1';
import { planRefusal, workbookRefusal } from '../workbook/checks';
import { errorMessage } from '../workbook/messages';
import { type CellPlan, type Constant, EMPTY, type NamePlan, type SheetPlan, type WorkbookPlan } from '../workbook/plan';
import { progressReporter, progressSteps, type WorkbookTarget, WorkbookWriteError, type WriteOptions } from '../workbook/writer';

const lower = (s: string): string => s.toLowerCase();

/** A number typed as text becomes a number, as Excel takes what a user types; anything else stays text. */
function typed(value: string): Constant {
  const t = value.trim();
  if (t !== '' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  return value;
}

/** `cells` with `content` at (`row`, `col`), grown with empty cells where needed; the cell keeps its look. */
function withContent(cells: readonly (readonly CellPlan[])[], row: number, col: number, content: Constant): CellPlan[][] {
  const width = Math.max(cells[0]?.length ?? 0, col + 1);
  const grown = Array.from({ length: Math.max(cells.length, row + 1) }, (_, r) => Array.from({ length: width }, (_, c) => cells[r]?.[c] ?? EMPTY));
  const line = grown[row];
  if (line !== undefined) line[col] = { ...(line[col] ?? EMPTY), content };
  return grown;
}

export class XlsxTarget implements WorkbookTarget {
  /** The workbook's sheets, in order, each as the plan that wrote it (with values set since). */
  private sheets: SheetPlan[] = [];
  /** The workbook's defined names. */
  private names: NamePlan[] = [];

  sheetNames(): Promise<string[]> {
    return Promise.resolve(this.sheets.map((s) => s.name));
  }

  definedNames(): Promise<string[]> {
    return Promise.resolve(this.names.map((n) => n.name));
  }

  apply(plan: WorkbookPlan, options: WriteOptions): Promise<void> {
    const refused =
      planRefusal(plan) ??
      workbookRefusal(
        plan,
        this.sheets.map((s) => s.name),
        this.names.map((n) => ({ name: n.name, sheet: n.sheet, formula: nameFormula(n.sheet, n.address) })),
        options.replace,
      );
    if (refused !== null) return Promise.reject(refused);
    const report = progressReporter(plan, options.onProgress);
    const steps = progressSteps(plan);
    const saved = { sheets: [...this.sheets], names: [...this.names] };
    let step = 0;
    try {
      for (const [i, s] of plan.sheets.entries()) {
        step = i;
        report(i);
        // A replaced sheet keeps its place (and the names pointing at it); it keeps nothing of what it held.
        const at = this.sheets.findIndex((x) => lower(x.name) === lower(s.name));
        if (at >= 0) this.sheets[at] = s;
        else this.sheets.push(s);
      }
      step = plan.sheets.length;
      for (const n of plan.names) {
        const at = this.names.findIndex((x) => lower(x.name) === lower(n.name));
        if (at >= 0) this.names[at] = n;
        else this.names.push(n);
      }
      report(plan.sheets.length);
      report(plan.sheets.length + 1);
    } catch (e) {
      this.sheets = saved.sheets;
      this.names = saved.names;
      const failed = plan.sheets[step]?.name ?? '';
      const where = steps[step] ?? 'Finishing';
      return Promise.reject(
        new WorkbookWriteError('WRITE_FAILED', failed, where, `Writing failed at ${where}: ${errorMessage(e)}. The workbook is as it was.`),
      );
    }
    return Promise.resolve();
  }

  setValue(sheet: string, cell: string, value: string): Promise<void> {
    const at = parseCell(cell);
    const i = this.sheets.findIndex((s) => lower(s.name) === lower(sheet));
    const s = this.sheets[i];
    if (at === undefined || s === undefined) {
      return Promise.reject(
        new WorkbookWriteError('WRITE_FAILED', sheet, 'setting a cell', `Could not set ${sheet}!${cell}: no such cell in the workbook`),
      );
    }
    this.sheets[i] = { ...s, cells: withContent(s.cells, at.row, at.col, typed(value)) };
    return Promise.resolve();
  }

  /** What a cell holds as written: a formula's text, else the constant; `null` when empty or not there. */
  content(sheet: string, cell: string): Constant {
    const at = parseCell(normalCell(cell) ?? cell);
    const s = this.sheets.find((x) => lower(x.name) === lower(sheet));
    if (at === undefined || s === undefined) return null;
    return s.cells[at.row]?.[at.col]?.content ?? null;
  }

  /** The workbook as data, for rendering: its sheets in order and its defined names. */
  snapshot(): { readonly sheets: readonly SheetPlan[]; readonly names: readonly NamePlan[] } {
    return { sheets: [...this.sheets], names: [...this.names] };
  }
}
