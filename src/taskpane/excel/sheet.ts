/**
 * Queuing one plan sheet's contents and looks on a worksheet, for the plan writer (`writer.ts`):
 * the block's formulas and number formats as whole arrays, one style call per role, widths, panes,
 * drop-downs, notes, colour scales and charts. Nothing here syncs.
 */
import { address } from '../../workbook/a1';
import { blockAddress, type SheetPlan } from '../../workbook/plan';
import { chunkAddresses, columnWidthRuns, formatsOf, formulasOf, notesOf, rolesToRanges, textMaskOf, validationGroups } from './layout';
import { type Cells, chartTypeOf, colorScaleCriteria, STYLES } from './styles';

/** What the workbook's Excel supports, as the writer uses it. */
export interface Capabilities {
  /** `getRanges` (ExcelApi 1.9): one call styles many areas. */
  readonly areas: boolean;
  /** `worksheet.notes` (ExcelApi 1.18). */
  readonly notes: boolean;
  /** `range.conditionalFormats` (ExcelApi 1.6): colour scales. */
  readonly conditionalFormats: boolean;
}

/** Queues one sheet's contents, formats, styles, widths, panes, drop-downs, notes, colour scales and charts (no sync). */
export function writeSheet(ws: Excel.Worksheet, sheet: SheetPlan, can: Capabilities): void {
  const block = ws.getRange(blockAddress(sheet));
  const mask = textMaskOf(sheet);
  if (mask !== undefined) block.numberFormat = mask;
  block.formulas = formulasOf(sheet);
  block.numberFormat = formatsOf(sheet);

  const each = (addresses: readonly string[], f: (cells: Cells) => void): void => {
    if (can.areas) for (const chunk of chunkAddresses(addresses)) f(ws.getRanges(chunk));
    else for (const a of addresses) f(ws.getRange(a));
  };
  for (const [role, addresses] of rolesToRanges(sheet)) {
    const style = STYLES[role];
    if (style !== undefined) each(addresses, style);
  }
  for (const run of columnWidthRuns(sheet)) ws.getRange(run.columns).format.columnWidth = run.points;

  const freeze = sheet.freeze;
  if (freeze !== undefined && freeze.rows > 0 && freeze.columns > 0) {
    ws.freezePanes.freezeAt(`A1:${address(freeze.rows - 1, freeze.columns - 1)}`);
  } else if (freeze !== undefined && freeze.rows > 0) {
    ws.freezePanes.freezeRows(freeze.rows);
  } else if (freeze !== undefined && freeze.columns > 0) {
    ws.freezePanes.freezeColumns(freeze.columns);
  }

  for (const g of validationGroups(sheet)) {
    each(g.addresses, (cells) => {
      cells.dataValidation.rule = { list: { inCellDropDown: true, source: g.source } };
      cells.dataValidation.prompt = { showPrompt: true, title: '', message: g.prompt };
    });
  }
  if (can.notes) for (const n of notesOf(sheet)) ws.notes.add(n.address, n.note);

  if (can.conditionalFormats) {
    for (const scale of sheet.colorScales ?? []) {
      const format = ws.getRange(scale.address).conditionalFormats.add('ColorScale');
      format.colorScale.criteria = colorScaleCriteria(scale);
    }
  }
  for (const plan of sheet.charts ?? []) {
    const chart = ws.charts.add(chartTypeOf(plan), ws.getRange(plan.dataAddress), 'Columns');
    chart.title.text = plan.title;
    if (plan.xTitle !== undefined) chart.axes.categoryAxis.title.text = plan.xTitle;
    if (plan.yTitle !== undefined) chart.axes.valueAxis.title.text = plan.yTitle;
    chart.setPosition(plan.anchor);
  }
}
