/**
 * Workbook plans: what a template writes, as plain data. A plan is built purely (no Office, no DOM)
 * from the sourced data, then applied by a writer: Office.js in Excel (`src/taskpane/excel.ts`) or
 * the embedded engine of the browser preview (`src/preview/`). Tests read plans directly.
 *
 * Each sheet is a dense block of cells starting at A1, so a writer can assign values, formulas and
 * number formats as whole 2-D arrays in one call each.
 */
import type { ScenarioId } from '../data/types';
import { address, type SheetCell } from './a1';

/** A constant a cell holds. `null` is an empty cell. */
export type Constant = number | string | boolean | null;

/** How a cell looks; writers map each role to a format. */
export type CellRole = 'title' | 'subtitle' | 'header' | 'label' | 'input' | 'output' | 'check' | 'text' | 'source';

export interface CellPlan {
  /** A constant, or a formula starting with `=` (in Excel's English syntax, as `Range.formulas` takes it). */
  readonly content: Constant;
  /** Excel number format, e.g. `#,##0` or `0.00%`; `General` when absent. */
  readonly format?: string;
  readonly role?: CellRole;
  /** A note shown on the cell: for inputs, where the number comes from. */
  readonly note?: string;
}

/** A drop-down list on a cell. */
export interface ValidationPlan {
  /** Cell address on the sheet, e.g. `C3`. */
  readonly address: string;
  /** The accepted values, shown in the drop-down in this order. */
  readonly list: readonly string[];
  /** Shown when the cell is selected. */
  readonly prompt: string;
}

export interface SheetPlan {
  /** Sheet name (at most 31 characters; no `[]:*?/\`). */
  readonly name: string;
  /** Which template part this sheet is, for "load a single sheet". */
  readonly kind: SheetKind;
  /** Rows of cells from A1; every row has the same length (pad with {@link EMPTY}). */
  readonly cells: readonly (readonly CellPlan[])[];
  /** Column widths in characters of the default font, from column A. */
  readonly columnWidths: readonly number[];
  readonly validations: readonly ValidationPlan[];
  /** Rows and columns kept in view when scrolling (the header). */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** Colour scales over result blocks (sensitivity tables). */
  readonly colorScales?: readonly ColorScalePlan[];
  /** Charts of result blocks. */
  readonly charts?: readonly ChartPlan[];
  /** Where the builder put what other code reads back (outputs, assumptions, the fund table). */
  readonly anchors?: SheetAnchors;
}

/** A labelled value on a sheet: the label and unit its row shows, and the cell holding the value. */
export interface LineAnchor {
  readonly label: string;
  /** The unit shown beside the value (`personnel`, `EUR bn per year`); empty when there is none. */
  readonly unit: string;
  readonly cell: SheetCell;
}

/** A headline output, one a scenario comparison shows: a {@link LineAnchor} with a permanent id. */
export interface HeadlineAnchor extends LineAnchor {
  /** Stays the same when the label is reworded, e.g. `deployed`. */
  readonly id: string;
}

/** One assumption's row on an Assumptions sheet: its texts and the cell of each of its parts. */
export interface AssumptionAnchor {
  /** The assumption's id in `src/data/assumptions.ts`, e.g. `line_km`. */
  readonly id: string;
  /** The defined name this copy gives it (`line_km`, `line_km_2`); it points at `active`. */
  readonly name: string;
  readonly label: string;
  readonly unit: string;
  /** The cells of the defined name's text (column A), the label and the unit. */
  readonly nameCell: SheetCell;
  readonly labelCell: SheetCell;
  readonly unitCell: SheetCell;
  /** The constant cell of each scenario's value. */
  readonly scenario: Readonly<Record<ScenarioId, SheetCell>>;
  /** The formula cell picking the selected scenario's value. */
  readonly active: SheetCell;
  /** The constant cells of the low and high bounds (empty when the assumption has none). */
  readonly low: SheetCell;
  readonly high: SheetCell;
}

/** One country's row of the Fund table. */
export interface FundCountryAnchor {
  /** ISO code, as column A shows it (`AT`). */
  readonly code: string;
  /** The cell of the country's name. */
  readonly name: SheetCell;
  /** The cell of its annual contribution (EUR bn per year). */
  readonly contribution: SheetCell;
}

/** The Fund sheet's country table: the contribution column and, row by row, the countries. */
export interface FundTableAnchor {
  readonly sheet: string;
  /** The contribution column's header, e.g. `Contribution (EUR bn/yr)`. */
  readonly label: string;
  readonly unit: string;
  /** The contribution column as a block on `sheet`, e.g. `E9:E37`. */
  readonly contributions: string;
  /** One per row of `contributions`, top to bottom. */
  readonly countries: readonly FundCountryAnchor[];
}

/** What a sheet plan says about where things are; a sheet records only what it has. */
export interface SheetAnchors {
  /** Every labelled value, top to bottom (headlines included). */
  readonly lines: readonly LineAnchor[];
  /** The headline outputs, top to bottom. */
  readonly headlines: readonly HeadlineAnchor[];
  readonly assumptions: readonly AssumptionAnchor[];
  readonly fundTable?: FundTableAnchor;
}

/** A three-colour scale (low red, middle yellow, high green by default) over a block of numbers. */
export interface ColorScalePlan {
  /** Block address on the sheet, e.g. `B6:L16`. */
  readonly address: string;
  /** `true`: low values green and high red (when higher is worse, e.g. cost). */
  readonly reverse?: boolean;
}

/** A chart of a block: one series per column (`line`) or bars for a tornado (`bar`). */
export interface ChartPlan {
  readonly kind: 'line' | 'bar';
  readonly title: string;
  /** The data block including its header row and category column, e.g. `A5:B16`. */
  readonly dataAddress: string;
  /** Where the chart's top-left corner goes, e.g. `E5`. */
  readonly anchor: string;
  readonly xTitle?: string;
  readonly yTitle?: string;
}

/** A workbook-level defined name, e.g. `line_km` → `'Assumptions'!$I$5`. */
export interface NamePlan {
  readonly name: string;
  readonly sheet: string;
  /** Absolute address on `sheet`, e.g. `$I$5`. */
  readonly address: string;
  /** Shown in Excel's Name Manager. */
  readonly comment: string;
}

/** Which template a sheet is: a part of the baseline, or a sensitivity table (`src/workbook/sensitivity.ts`). */
export type SheetKind = 'assumptions' | 'force' | 'munitions' | 'fund' | 'sources' | 'sensitivity';

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly NamePlan[];
  /**
   * The cell holding the scenario selector, to switch scenarios after loading; absent from a plan
   * without one (a sensitivity table).
   */
  readonly scenarioCell?: SheetCell;
}

export const EMPTY: CellPlan = { content: null };

/** Re-exported for the plan builders; the A1 module is the one place that parses and formats addresses. */
export { address, columnName, quoteSheet } from './a1';

/** The anchors of every sheet of a plan, in sheet order; the first fund table found. */
export function planAnchors(plan: WorkbookPlan): SheetAnchors {
  const all = plan.sheets.flatMap((s) => (s.anchors === undefined ? [] : [s.anchors]));
  const fundTable = all.find((a) => a.fundTable !== undefined)?.fundTable;
  return {
    lines: all.flatMap((a) => a.lines),
    headlines: all.flatMap((a) => a.headlines),
    assumptions: all.flatMap((a) => a.assumptions),
    ...(fundTable === undefined ? {} : { fundTable }),
  };
}

/** The address of a sheet's whole block, e.g. `A1:H40`. */
export function blockAddress(sheet: SheetPlan): string {
  const rows = sheet.cells.length;
  const cols = sheet.cells[0]?.length ?? 0;
  return `A1:${address(rows - 1, cols - 1)}`;
}
