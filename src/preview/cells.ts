/**
 * What the preview keeps of a workbook for its view, beside the engine: cell values as the view
 * shows them (errors with their reason), the view's picture of a cell and of a sheet, and the parts
 * of a sheet's plan the engine has no notion of (number formats, roles, notes, drop-downs, column
 * widths, frozen panes, colour scales, charts).
 */
import { type CellValue, DetailedCellError } from 'hyperformula';
import { normalCell } from '../workbook/a1';
import type { CellRole, ChartPlan, ColorScalePlan, Constant, SheetKind, SheetPlan, ValidationPlan } from '../workbook/plan';

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

/** The parts of a sheet's plan the engine does not keep; drop-downs by cell address without `$` (`B3`). */
export interface SheetLook {
  readonly name: string;
  readonly kind?: SheetKind;
  readonly cells: SheetPlan['cells'];
  readonly columnWidths: readonly number[];
  readonly validations: ReadonlyMap<string, ValidationPlan>;
  readonly freeze?: SheetPlan['freeze'];
  readonly colorScales?: readonly ColorScalePlan[];
  readonly charts?: readonly ChartPlan[];
}

/** The look of a sheet's plan. */
export function lookOf(sheet: SheetPlan): SheetLook {
  return {
    name: sheet.name,
    kind: sheet.kind,
    cells: sheet.cells,
    columnWidths: sheet.columnWidths,
    validations: new Map(sheet.validations.map((v) => [normalCell(v.address) ?? v.address, v])),
    ...(sheet.freeze === undefined ? {} : { freeze: sheet.freeze }),
    ...(sheet.colorScales === undefined ? {} : { colorScales: sheet.colorScales }),
    ...(sheet.charts === undefined ? {} : { charts: sheet.charts }),
  };
}

/** An engine value as the view shows it: errors with their code and reason. */
export function toPreviewValue(v: CellValue): PreviewValue {
  if (v instanceof DetailedCellError) return { code: v.value, message: v.message };
  return v;
}

/** An engine value as a `CellState` holds it: errors as their code (`#N/A`). */
export function toConstant(v: CellValue): Constant {
  return v instanceof DetailedCellError ? v.value : v;
}
