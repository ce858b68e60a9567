/**
 * Renders an {@link XlsxTarget}'s workbook as an .xlsx file with ExcelJS (MIT): values and formulas
 * (with the cached results a spreadsheet engine computed), number formats, a style per cell role,
 * column widths, frozen panes, drop-down lists, defined names, notes and colour scales. ExcelJS
 * writes no charts: each chart of a plan is listed on its sheet, at the chart's anchor, instead.
 *
 * Modes: `live` keeps the `DEF.*` formulas as the pane writes them, each with its cached result, so
 * the file opens with numbers; `values` writes no formula at all: every computed cell holds its
 * value, with a note giving the formula it came from and the sources behind it.
 */
import { type Cell, type CellErrorValue, type Style, Workbook, type Worksheet } from 'exceljs';
import { ASSUMPTIONS } from '../data/assumptions';
import { address, quoteSheet } from '../workbook/a1';
import { PX_PER_CHAR, SCALE_COLOURS, columnPixels } from '../workbook/look';
import type { CellPlan, CellRole, ChartPlan, Constant, NamePlan, SheetPlan } from '../workbook/plan';

/** How formulas go into the file (see the module's comment). */
export type ExportMode = 'live' | 'values';

export interface RenderOptions {
  readonly mode: ExportMode;
  /**
   * The value a formula cell shows, as a spreadsheet engine computed it (a number, text, a boolean,
   * an error code such as `#N/A`, `null` when empty or unknown): the cached result in `live`, the
   * cell's value in `values`.
   */
  readonly valueOf?: (sheet: string, row: number, col: number) => Constant;
}

/** The workbook to render: sheets in order, defined names. */
export interface RenderedBook {
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly NamePlan[];
}

const argb = (hex: string): { argb: string } => ({ argb: `FF${hex.replace('#', '').toUpperCase()}` });
const GREY = '#616161';

/** The style of each role, as the Excel writer sets it (`src/taskpane/excel/styles.ts`); `text` keeps the defaults. */
export const ROLE_STYLES: Readonly<Record<CellRole, Partial<Style> | undefined>> = {
  title: { font: { bold: true, size: 14 } },
  subtitle: { font: { italic: true, color: argb(GREY) } },
  header: {
    font: { bold: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: argb('#F3F2F1') },
    border: { bottom: { style: 'thin' } },
  },
  label: { font: { bold: true } },
  input: { font: { color: argb('#0F6CBD') }, fill: { type: 'pattern', pattern: 'solid', fgColor: argb('#EFF6FC') } },
  output: { font: { color: argb('#000000') } },
  check: { font: { bold: true } },
  text: undefined,
  source: { font: { color: argb(GREY) }, alignment: { wrapText: false } },
};

const ERRORS: readonly CellErrorValue['error'][] = ['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!'];

/** A computed value as ExcelJS takes it: error codes as errors; `undefined` when there is none. */
function cellValueOf(v: Constant): number | string | boolean | CellErrorValue | undefined {
  if (v === null) return undefined;
  if (typeof v === 'string') {
    const error = ERRORS.find((e) => e === v);
    if (error !== undefined) return { error };
  }
  return v;
}

/** Functions newer than Excel 2007, which the file format stores with the `_xlfn.` prefix (else Excel shows `#NAME?`). */
const NEWER_FUNCTIONS = ['IFNA', 'IFS', 'SWITCH', 'XOR', 'CONCAT', 'TEXTJOIN', 'MAXIFS', 'MINIFS', 'STDEV.S', 'STDEV.P', 'NORM.DIST', 'NORM.INV'];

/**
 * A formula as the file stores it: without the leading `=`, newer functions prefixed with `_xlfn.`
 * (outside text). `=IFNA(A1,0)` → `_xlfn.IFNA(A1,0)`.
 */
export function fileFormula(formula: string): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  const pattern = new RegExp(`(^|[^A-Za-z0-9_.])(${NEWER_FUNCTIONS.map((f) => f.replace('.', '\\.')).join('|')})\\(`, 'gi');
  return body
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(pattern, (_m, before: string, name: string) => `${before}_xlfn.${name.toUpperCase()}(`)))
    .join('');
}

/**
 * The sources behind a formula: each defined name it reads that is an assumption, with the
 * assumption's source and date (`line_km (Line of contact covered): <source>, as of 2025-03`).
 */
export function formulaSources(formula: string, names: readonly NamePlan[]): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const out: string[] = [];
  for (const n of names) {
    const escaped = n.name.replace(/[.\\]/g, (x) => `\\${x}`);
    if (!new RegExp(`(^|[^A-Za-z0-9_.$!])${escaped}(?![A-Za-z0-9_.(!])`, 'i').test(code)) continue;
    const id = n.name.replace(/_\d+$/, '');
    const a = ASSUMPTIONS.find((x) => x.id === n.name || x.id === id);
    if (a !== undefined) out.push(`${n.name} (${a.label}): ${a.source}, as of ${a.asOf}`);
  }
  return out;
}

/** The note a values-mode cell carries: the formula it came from, its sources, and the plan's own note. */
function valuesNote(formula: string, names: readonly NamePlan[], note: string | undefined): string {
  const sources = formulaSources(formula, names);
  return [
    `Value computed by the DefEcon model from the formula ${formula}.`,
    sources.length === 0 ? 'Sources: see the Sources sheet.' : `Sources: ${sources.join('; ')}.`,
    ...(note === undefined ? [] : [note]),
  ].join('\n');
}

/** The text that stands in for a chart the file cannot hold. */
export function chartListing(chart: ChartPlan): string {
  const kind = chart.kind === 'line' ? 'Line chart' : 'Bar chart';
  return `${kind} not written (the .xlsx export cannot draw charts): "${chart.title}" of ${chart.dataAddress}. Insert it from that range.`;
}

function writeCell(cell: Cell, plan: CellPlan, computed: Constant, mode: ExportMode, names: readonly NamePlan[]): void {
  const { content } = plan;
  const formula = typeof content === 'string' && content.startsWith('=') ? content : null;
  if (formula === null) {
    if (content !== null) cell.value = content;
  } else if (mode === 'live') {
    const result = cellValueOf(computed);
    cell.value = result === undefined ? { formula: fileFormula(formula) } : { formula: fileFormula(formula), result };
  } else {
    const value = cellValueOf(computed);
    if (value !== undefined) cell.value = value;
  }
  if (plan.format !== undefined) cell.numFmt = plan.format;
  const style = plan.role === undefined ? undefined : ROLE_STYLES[plan.role];
  if (style?.font !== undefined) cell.font = style.font;
  if (style?.fill !== undefined) cell.fill = style.fill;
  if (style?.border !== undefined) cell.border = style.border;
  if (style?.alignment !== undefined) cell.alignment = style.alignment;
  const note = formula !== null && mode === 'values' ? valuesNote(formula, names, plan.note) : plan.note;
  if (note !== undefined) cell.note = note;
}

function writeSheet(ws: Worksheet, sheet: SheetPlan, options: RenderOptions, names: readonly NamePlan[]): void {
  sheet.columnWidths.forEach((chars, i) => {
    // The file stores widths in characters including Excel's padding: the pixels over 7 a character.
    ws.getColumn(i + 1).width = columnPixels(chars) / PX_PER_CHAR;
  });
  sheet.cells.forEach((row, r) =>
    row.forEach((plan, c) => {
      if (plan.content === null && plan.role === undefined && plan.format === undefined && plan.note === undefined) return;
      const computed = options.valueOf?.(sheet.name, r, c) ?? null;
      writeCell(ws.getCell(r + 1, c + 1), plan, computed, options.mode, names);
    }),
  );
  for (const v of sheet.validations) {
    ws.getCell(v.address).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${v.list.join(',')}"`],
      showInputMessage: true,
      prompt: v.prompt,
      showErrorMessage: true,
    };
  }
  if (sheet.freeze !== undefined && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
    ws.views = [{ state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }];
  }
  for (const [k, scale] of (sheet.colorScales ?? []).entries()) {
    const [low, high] = scale.reverse === true ? [SCALE_COLOURS.high, SCALE_COLOURS.low] : [SCALE_COLOURS.low, SCALE_COLOURS.high];
    ws.addConditionalFormatting({
      ref: scale.address,
      rules: [
        {
          type: 'colorScale',
          priority: k + 1,
          cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
          color: [argb(low), argb(SCALE_COLOURS.mid), argb(high)],
        },
      ],
    });
  }
  // Charts: listed where each would go (or below the sheet's block when that cell is taken).
  let below = sheet.cells.length + 1;
  for (const chart of sheet.charts ?? []) {
    const at = ws.getCell(chart.anchor);
    const cell = at.value === null ? at : ws.getCell(address(below++, 0));
    cell.value = chartListing(chart);
    cell.font = { italic: true, color: argb(GREY) };
  }
}

/** The ExcelJS workbook of `book`, ready to write. */
export function buildWorkbook(book: RenderedBook, options: RenderOptions): Workbook {
  const wb = new Workbook();
  wb.creator = 'DefEcon';
  for (const sheet of book.sheets) writeSheet(wb.addWorksheet(sheet.name), sheet, options, book.names);
  for (const n of book.names) wb.definedNames.add(`${quoteSheet(n.sheet)}!${n.address}`, n.name);
  return wb;
}

/** The .xlsx file of `book`, as bytes. */
export async function renderXlsx(book: RenderedBook, options: RenderOptions): Promise<Uint8Array> {
  const buffer = await buildWorkbook(book, options).xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
