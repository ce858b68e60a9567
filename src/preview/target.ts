/**
 * The preview's workbook: a {@link DrivableTarget} over the embedded engine, so the pane loads the
 * same plans into it as into Excel, under the same contract (`src/workbook/writer.ts`): the same
 * checks and errors, the same progress steps. Values and formulas live in the engine; what the
 * engine has no notion of is kept beside it for the view to render (`cells.ts`).
 */
import type { HyperFormula, SimpleCellAddress } from 'hyperformula';
import { address as a1Address, cellReference, parseCell, parseCellReference } from '../workbook/a1';
import { errorMessage } from '../workbook/messages';
import type { Constant, WorkbookPlan } from '../workbook/plan';
import { type CellRef, type CellState, type DrivableTarget, WorkbookWriteError, type WriteErrorCode, type WriteOptions } from '../workbook/writer';
import { type PreviewCell, type PreviewChange, type PreviewSheet, type PreviewValue, type SheetLook, toConstant, toPreviewValue } from './cells';
import { createEngine } from './engine';
import { type CellEdit, EditHistory } from './history';
import { key, writePlan } from './load';

export { isPreviewError, type PreviewCell, type PreviewChange, type PreviewError, type PreviewSheet, type PreviewValue } from './cells';

/** Runs `f`, turning what it throws into a {@link WorkbookWriteError} with `code`, keeping the message. */
function typed<T>(code: WriteErrorCode, sheet: string, step: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw e instanceof WorkbookWriteError ? e : new WorkbookWriteError(code, sheet, step, errorMessage(e));
  }
}

export class PreviewTarget implements DrivableTarget {
  private readonly looks = new Map<string, SheetLook>();
  private readonly listeners = new Set<(change: PreviewChange) => void>();
  /** Writes run one at a time, in the order they were asked for. */
  private queue: Promise<void> = Promise.resolve();
  /** The view's selected cell, for {@link selectedCell}. */
  private selection: CellRef | null = null;
  /** The user's cell edits, for {@link undo} and {@link redo}. */
  private readonly history = new EditHistory();

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
    const run = this.queue.then(() => {
      // Replaced sheets are rebuilt: edits recorded in them no longer fit.
      if (options.replace.length > 0) this.history.clear();
      return writePlan({ engine: this.engine, looks: this.looks, emit: (c) => this.emit(c) }, plan, options);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Writes a value or formula into a cell as the user typed it; Ctrl+Z ({@link undo}) takes it back. */
  setValue(sheet: string, address: string, value: string): Promise<void> {
    return this.run(() =>
      typed('WRITE_FAILED', sheet, `setting ${cellReference({ sheet, address })}`, () => {
        const at = this.address(sheet, address);
        const before = this.engine.getCellSerialized(at);
        this.engine.setCellContents(at, value);
        this.history.record({ at, before, after: value });
        this.emit({ type: 'values' });
      }),
    );
  }

  /** Takes back the newest cell edit not yet undone; resolves to the cell it changed, or `null` when there was none. */
  undo(): Promise<CellRef | null> {
    return this.run(() => this.replay(this.history.undo(), 'before'));
  }

  /** Makes again the newest edit undone; resolves to the cell it changed, or `null` when there was none. */
  redo(): Promise<CellRef | null> {
    return this.run(() => this.replay(this.history.redo(), 'after'));
  }

  private replay(edit: CellEdit | undefined, side: 'before' | 'after'): CellRef | null {
    if (edit === undefined) return null;
    const sheet = this.engine.getSheetName(edit.at.sheet);
    if (sheet === undefined) return null;
    const ref = { sheet, address: a1Address(edit.at.row, edit.at.col) };
    typed('WRITE_FAILED', sheet, `${side === 'before' ? 'undoing' : 'redoing'} the edit of ${cellReference(ref)}`, () =>
      this.engine.setCellContents(edit.at, edit[side]),
    );
    this.emit({ type: 'values' });
    return ref;
  }

  // ------------------------------------------------------------------------------------------
  // DrivableTarget

  resolveName(name: string): Promise<CellRef | null> {
    const expr = this.engine.getNamedExpression(name)?.expression;
    const ref = typeof expr === 'string' ? parseCellReference(expr) : undefined;
    return Promise.resolve(ref === undefined || this.engine.getSheetId(ref.sheet) === undefined ? null : ref);
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
      typed('READ_FAILED', refs[0]?.sheet ?? '', 'reading cells', () =>
        refs.map((r) => {
          const at = this.address(r.sheet, r.address);
          const formula = this.engine.getCellFormula(at);
          return { formula: formula ?? null, value: toConstant(this.engine.getCellValue(at)) };
        }),
      ),
    );
  }

  evaluate(inputs: readonly { readonly ref: CellRef; readonly value: number }[], outputs: readonly CellRef[]): Promise<Constant[]> {
    return this.run(() =>
      typed('WRITE_FAILED', inputs[0]?.ref.sheet ?? '', 'evaluating', () => {
        const hf = this.engine;
        const at = inputs.map((i) => ({ at: this.address(i.ref.sheet, i.ref.address), value: i.value }));
        const out = outputs.map((o) => this.address(o.sheet, o.address));
        hf.batch(() => {
          for (const i of at) hf.setCellContents(i.at, i.value);
        });
        return out.map((o) => toConstant(hf.getCellValue(o)));
      }),
    );
  }

  restore(cells: readonly { readonly ref: CellRef; readonly state: CellState }[]): Promise<void> {
    return this.run(() =>
      typed('WRITE_FAILED', cells[0]?.ref.sheet ?? '', 'restoring cells', () => {
        const hf = this.engine;
        const at = cells.map((c) => ({ at: this.address(c.ref.sheet, c.ref.address), content: c.state.formula ?? c.state.value }));
        hf.batch(() => {
          for (const c of at) hf.setCellContents(c.at, c.content);
        });
        this.emit({ type: 'values' });
      }),
    );
  }

  deleteSheet(name: string): Promise<void> {
    return this.run(() =>
      typed('WRITE_FAILED', name, `deleting the sheet "${name}"`, () => {
        this.engine.removeSheet(this.sheetId(name));
        this.looks.delete(key(name));
        this.history.clear();
        this.emit({ type: 'sheets' });
      }),
    );
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
    const at: SimpleCellAddress = { sheet: this.sheetId(sheet), row, col };
    const look = this.looks.get(key(sheet));
    const planned = look?.cells[row]?.[col];
    const formula = this.engine.getCellFormula(at);
    const validation = look?.validations.get(a1Address(row, col));
    return {
      value: toPreviewValue(this.engine.getCellValue(at)),
      ...(formula === undefined ? {} : { formula }),
      ...(planned?.format === undefined ? {} : { format: planned.format }),
      ...(planned?.role === undefined ? {} : { role: planned.role }),
      ...(planned?.note === undefined ? {} : { note: planned.note }),
      ...(validation === undefined ? {} : { validation }),
    };
  }

  /** A cell by A1 address on a sheet (`B13`). */
  cellAt(sheet: string, address: string): PreviewCell {
    const at = this.address(sheet, address);
    return this.cell(sheet, at.row, at.col);
  }

  /** Every formula cell's value, for checks: `[reference, value]` with `Sheet!A1` references. */
  formulaValues(sheet: string): [string, PreviewValue][] {
    const id = this.sheetId(sheet);
    const out: [string, PreviewValue][] = [];
    this.engine.getSheetFormulas(id).forEach((row, r) =>
      row.forEach((formula, c) => {
        if (formula === undefined) return;
        out.push([cellReference({ sheet, address: a1Address(r, c) }), toPreviewValue(this.engine.getCellValue({ sheet: id, row: r, col: c }))]);
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
    const at = parseCell(address);
    if (at === undefined) throw new Error(`"${address}" is not a cell address like B3`);
    return { sheet: id, row: at.row, col: at.col };
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
}
