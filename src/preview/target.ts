/**
 * The preview's workbook: a {@link DrivableTarget} over the embedded engine, so the pane loads the
 * same plans into it as into Excel. Values and formulas live in the engine; what the engine has no
 * notion of (number formats, roles, notes, drop-downs, column widths, frozen panes) is kept beside
 * it for the view to render.
 */
import { type CellValue, DetailedCellError, type HyperFormula, type RawCellContent, type SimpleCellAddress } from 'hyperformula';
import { nameReference } from '../workbook/baseline';
import { findClash, planProblems } from '../workbook/checks';
import type { CellRole, ColorScalePlan, ChartPlan, Constant, NamePlan, SheetKind, SheetPlan, ValidationPlan, WorkbookPlan } from '../workbook/plan';
import type { CellRef, CellState, DrivableTarget, Progress, WriteOptions } from '../workbook/target';
import { createEngine } from './engine';

/** A cell's computed value: a number, text, a boolean, `null` when empty, or an error. */
export type PreviewValue = number | string | boolean | null | PreviewError;

/** An error in a cell: the code Excel would show (`#N/A`) and the reason. */
export interface PreviewError {
  readonly code: string;
  readonly message: string;
}

export function isPreviewError(v: PreviewValue): v is PreviewError {
  return typeof v === 'object' && v !== null;
}

/** What the view needs of one cell. */
export interface PreviewCell {
  readonly value: PreviewValue;
  /** The formula (with `=`), when the cell holds one. */
  readonly formula?: string;
  /** Excel number format; absent means General. */
  readonly format?: string;
  readonly role?: CellRole;
  readonly note?: string;
  readonly validation?: ValidationPlan;
}

/** What the view needs of one sheet. */
export interface PreviewSheet {
  readonly name: string;
  readonly kind?: SheetKind;
  /** Rows and columns in use (the plan's block, or more if something spilled or was typed beyond it). */
  readonly rows: number;
  readonly columns: number;
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  readonly freeze?: SheetPlan['freeze'];
  readonly colorScales?: readonly ColorScalePlan[];
  readonly charts?: readonly ChartPlan[];
}

/** What changed: the list of sheets (a plan was applied), or only values (a cell was set). */
export type PreviewChange = { readonly type: 'sheets'; readonly activate?: string } | { readonly type: 'values' };

/** The parts of a sheet's plan the engine does not keep. */
interface SheetLook {
  readonly name: string;
  readonly kind?: SheetKind;
  readonly cells: SheetPlan['cells'];
  readonly columnWidths: readonly number[];
  readonly validations: ReadonlyMap<string, ValidationPlan>;
  readonly freeze?: SheetPlan['freeze'];
  readonly colorScales?: readonly ColorScalePlan[];
  readonly charts?: readonly ChartPlan[];
}

/** How to undo one step of a write, newest first. */
type Undo = () => void;


const key = (name: string): string => name.toLowerCase();

function lookOf(sheet: SheetPlan): SheetLook {
  return {
    name: sheet.name,
    kind: sheet.kind,
    cells: sheet.cells,
    columnWidths: sheet.columnWidths,
    validations: new Map(sheet.validations.map((v) => [v.address.replace(/\$/g, '').toUpperCase(), v])),
    ...(sheet.freeze === undefined ? {} : { freeze: sheet.freeze }),
    ...(sheet.colorScales === undefined ? {} : { colorScales: sheet.colorScales }),
    ...(sheet.charts === undefined ? {} : { charts: sheet.charts }),
  };
}

/** Why a sheet name would be refused by Excel, or undefined when it is fine. */

function toPreviewValue(v: CellValue): PreviewValue {
  if (v instanceof DetailedCellError) return { code: v.value, message: v.message };
  return v;
}

/** A value as a {@link CellState} holds it: errors as their code (`#N/A`). */
function toConstant(v: CellValue): Constant {
  return v instanceof DetailedCellError ? v.value : v;
}

/** Lets the page paint between the steps of a long write (a no-op cost in Node). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class PreviewTarget implements DrivableTarget {
  private readonly looks = new Map<string, SheetLook>();
  /** Defined names written by plans, by lower-case name. */
  private readonly names = new Map<string, NamePlan>();
  private readonly listeners = new Set<(change: PreviewChange) => void>();
  /** Writes run one at a time, in the order they were asked for. */
  private queue: Promise<void> = Promise.resolve();
  /** The view's selected cell, for {@link selectedCell}. */
  private selection: CellRef | null = null;

  constructor(readonly engine: HyperFormula = createEngine()) {}

  // ------------------------------------------------------------------------------------------
  // WorkbookTarget

  sheetNames(): Promise<string[]> {
    return Promise.resolve(this.engine.getSheetNames());
  }

  definedNames(): Promise<string[]> {
    return Promise.resolve(this.engine.listNamedExpressions());
  }

  apply(plan: WorkbookPlan, options: WriteOptions): Promise<void> {
    const run = this.queue.then(() => this.write(plan, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  setValue(sheet: string, address: string, value: string): Promise<void> {
    const run = this.queue.then(() => {
      const at = this.address(sheet, address);
      this.engine.setCellContents(at, value);
      this.emit({ type: 'values' });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  // ------------------------------------------------------------------------------------------
  // DrivableTarget

  resolveName(name: string): Promise<CellRef | null> {
    const expr = this.engine.getNamedExpression(name)?.expression;
    const m = typeof expr === 'string' ? /^=\s*(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(expr) : null;
    if (m === null) return Promise.resolve(null);
    const sheet = m[1] === undefined ? (m[2] ?? '') : m[1].replace(/''/g, "'");
    return Promise.resolve(this.engine.getSheetId(sheet) === undefined ? null : { sheet, address: `${(m[3] ?? '').toUpperCase()}${m[4] ?? ''}` });
  }

  selectedCell(): Promise<CellRef | null> {
    return Promise.resolve(this.selection);
  }

  /** The view calls this when the user selects a cell (`null`: none, or several). */
  setSelection(ref: CellRef | null): void {
    this.selection = ref;
  }

  readCells(refs: readonly CellRef[]): Promise<CellState[]> {
    return this.run(() =>
      refs.map((r) => {
        const at = this.address(r.sheet, r.address);
        const formula = this.engine.getCellFormula(at);
        return { formula: formula ?? null, value: toConstant(this.engine.getCellValue(at)) };
      }),
    );
  }

  evaluate(inputs: readonly { readonly ref: CellRef; readonly value: number }[], outputs: readonly CellRef[]): Promise<Constant[]> {
    return this.run(() => {
      const hf = this.engine;
      const at = inputs.map((i) => ({ at: this.address(i.ref.sheet, i.ref.address), value: i.value }));
      const out = outputs.map((o) => this.address(o.sheet, o.address));
      hf.batch(() => {
        for (const i of at) hf.setCellContents(i.at, i.value);
      });
      return out.map((o) => toConstant(hf.getCellValue(o)));
    });
  }

  restore(cells: readonly { readonly ref: CellRef; readonly state: CellState }[]): Promise<void> {
    return this.run(() => {
      const hf = this.engine;
      const at = cells.map((c) => ({ at: this.address(c.ref.sheet, c.ref.address), content: c.state.formula ?? c.state.value }));
      hf.batch(() => {
        for (const c of at) hf.setCellContents(c.at, c.content);
      });
      this.emit({ type: 'values' });
    });
  }

  /** Runs `f` after the writes queued before it, and before those queued after. */
  private run<T>(f: () => T): Promise<T> {
    const run = this.queue.then(f);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  // ------------------------------------------------------------------------------------------
  // Read access for the view and tests

  /** True while a plan is being written: values cannot be read until it is done. */
  get writing(): boolean {
    return this.engine.isEvaluationSuspended();
  }

  /** Sheets in workbook order. */
  sheets(): PreviewSheet[] {
    return this.engine.getSheetNames().map((name) => this.sheetInfo(name));
  }

  sheet(name: string): PreviewSheet | undefined {
    return this.engine.getSheetId(name) === undefined ? undefined : this.sheetInfo(name);
  }

  /** A cell by 0-based row and column. */
  cell(sheet: string, row: number, col: number): PreviewCell {
    const id = this.sheetId(sheet);
    const at: SimpleCellAddress = { sheet: id, row, col };
    const look = this.looks.get(key(sheet));
    const planned = look?.cells[row]?.[col];
    const formula = this.engine.getCellFormula(at);
    const validation = look?.validations.get(this.engine.simpleCellAddressToString(at, id) ?? '');
    return {
      value: toPreviewValue(this.engine.getCellValue(at)),
      ...(formula === undefined ? {} : { formula }),
      ...(planned?.format === undefined ? {} : { format: planned.format }),
      ...(planned?.role === undefined ? {} : { role: planned.role }),
      ...(planned?.note === undefined ? {} : { note: planned.note }),
      ...(validation === undefined ? {} : { validation }),
    };
  }

  /** A cell by A1 address on a sheet (`B13`) or a qualified one (`'Force (2)'!B13` as `sheet` omitted). */
  cellAt(sheet: string, address: string): PreviewCell {
    const at = this.address(sheet, address);
    return this.cell(sheet, at.row, at.col);
  }

  /** Every formula cell's value, for checks: `[address, value]` with `Sheet!A1` addresses. */
  formulaValues(sheet: string): [string, PreviewValue][] {
    const id = this.sheetId(sheet);
    const out: [string, PreviewValue][] = [];
    this.engine.getSheetFormulas(id).forEach((row, r) =>
      row.forEach((formula, c) => {
        if (formula === undefined) return;
        const at = { sheet: id, row: r, col: c };
        out.push([`${sheet}!${this.engine.simpleCellAddressToString(at, id) ?? ''}`, toPreviewValue(this.engine.getCellValue(at))]);
      }),
    );
    return out;
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: (change: PreviewChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ------------------------------------------------------------------------------------------

  private emit(change: PreviewChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private sheetId(sheet: string): number {
    const id = this.engine.getSheetId(sheet);
    if (id === undefined) throw new Error(`there is no sheet "${sheet}" in the workbook`);
    return id;
  }

  private address(sheet: string, address: string): SimpleCellAddress {
    const id = this.sheetId(sheet);
    const at = /^\$?[A-Za-z]{1,3}\$?[0-9]{1,7}$/.test(address) ? this.engine.simpleCellAddressFromString(address, id) : undefined;
    if (at === undefined) throw new Error(`"${address}" is not a cell address like B3`);
    return at;
  }

  private sheetInfo(name: string): PreviewSheet {
    const look = this.looks.get(key(name));
    const size = this.engine.getSheetDimensions(this.sheetId(name));
    const planRows = look?.cells.length ?? 0;
    const planColumns = look?.cells[0]?.length ?? 0;
    return {
      name,
      ...(look?.kind === undefined ? {} : { kind: look.kind }),
      rows: Math.max(planRows, size.height),
      columns: Math.max(planColumns, size.width),
      columnWidths: look?.columnWidths ?? [],
      ...(look?.freeze === undefined ? {} : { freeze: look.freeze }),
      ...(look?.colorScales === undefined ? {} : { colorScales: look.colorScales }),
      ...(look?.charts === undefined ? {} : { charts: look.charts }),
    };
  }

  /**
   * Everything that makes the plan unwritable, checked before anything changes: the rules every
   * writer applies (src/workbook/checks.ts), and names that point at a sheet nobody has.
   */
  private refusal(plan: WorkbookPlan, replace: readonly string[]): string | undefined {
    const problems = planProblems(plan);
    if (problems.length > 0) return `the plan cannot be written: ${problems.join('; ')}`;
    const existing = this.engine.getSheetNames();
    const names = this.engine.listNamedExpressions().map((name) => ({ name, sheet: this.names.get(key(name))?.sheet }));
    const clash = findClash(plan, existing, names, replace);
    if (clash?.kind === 'sheets') {
      return `the workbook already has ${clash.sheets.length === 1 ? 'a sheet' : 'sheets'} named ${clash.sheets.map((n) => `"${n}"`).join(', ')}`;
    }
    if (clash?.kind === 'name') return `the workbook already has a defined name ${clash.name.name}`;
    const sheets = new Set([...existing, ...plan.sheets.map((s) => s.name)].map(key));
    const dangling = plan.names.find((n) => !sheets.has(key(n.sheet)));
    if (dangling !== undefined) return `the name ${dangling.name} refers to a sheet "${dangling.sheet}" that neither the plan nor the workbook has`;
    return undefined;
  }

  private async write(plan: WorkbookPlan, options: WriteOptions): Promise<void> {
    const refusal = this.refusal(plan, options.replace);
    if (refusal !== undefined) throw new Error(`Nothing was written: ${refusal}.`);

    const total = plan.sheets.length + 2;
    let done = 0;
    const report = (step: string): void => options.onProgress?.({ done, total, step } satisfies Progress);
    const undo: Undo[] = [];
    const hf = this.engine;

    // What replaced sheets held, read before evaluation is suspended (reading needs it running).
    const before = new Map<string, RawCellContent[][]>();
    for (const s of plan.sheets) {
      const id = hf.getSheetId(s.name);
      if (id !== undefined) before.set(key(s.name), hf.getSheetSerialized(id));
    }

    hf.suspendEvaluation();
    try {
      report('Adding sheets');
      for (const s of plan.sheets) {
        const id = hf.getSheetId(s.name);
        const oldLook = this.looks.get(key(s.name));
        const oldContent = before.get(key(s.name));
        if (id === undefined || oldContent === undefined) {
          const name = hf.addSheet(s.name);
          undo.push(() => {
            const added = hf.getSheetId(name);
            if (added !== undefined) hf.removeSheet(added);
            this.looks.delete(key(name));
          });
        } else {
          hf.clearSheet(id);
          undo.push(() => {
            hf.setSheetContent(id, oldContent);
            if (oldLook === undefined) this.looks.delete(key(s.name));
            else this.looks.set(key(s.name), oldLook);
          });
        }
      }
      done += 1;

      report('Defining names');
      for (const n of plan.names) {
        const before = this.names.get(key(n.name));
        if (hf.getNamedExpression(n.name) === undefined) {
          hf.addNamedExpression(n.name, nameReference(n));
          undo.push(() => {
            hf.removeNamedExpression(n.name);
            this.names.delete(key(n.name));
          });
        } else {
          const old = hf.getNamedExpression(n.name)?.expression;
          hf.changeNamedExpression(n.name, nameReference(n));
          undo.push(() => {
            hf.changeNamedExpression(n.name, old ?? null);
            if (before === undefined) this.names.delete(key(n.name));
            else this.names.set(key(n.name), before);
          });
        }
        this.names.set(key(n.name), n);
      }
      done += 1;

      for (const s of plan.sheets) {
        report(`Writing ${s.name}`);
        await nextTask();
        const id = this.sheetId(s.name);
        hf.setCellContents(
          { sheet: id, row: 0, col: 0 },
          s.cells.map((row) => row.map((c) => c.content)),
        );
        this.looks.set(key(s.name), lookOf(s));
        done += 1;
      }
    } catch (e) {
      for (const step of undo.reverse()) {
        try {
          step();
        } catch {
          // Keep undoing the rest: a half-undone write is worse than one step left over.
        }
      }
      hf.resumeEvaluation();
      // Views do not draw while a write runs: tell them it is over, with the workbook as it was.
      this.emit({ type: 'sheets' });
      throw e;
    }
    hf.resumeEvaluation();
    const first = plan.sheets[0];
    this.emit(first === undefined ? { type: 'sheets' } : { type: 'sheets', activate: first.name });
    done = total;
    report('Done');
  }
}
