/**
 * What the Excel writer sends, computed from a sheet's plan alone (tested without Excel): the 2-D
 * arrays `Range.formulas` and `Range.numberFormat` take, the areas of each role for
 * `Worksheet.getRanges`, column-width runs, drop-down groups, notes, temporary sheet names, and the
 * reverse: a {@link Constant} from what `Range.values` gives back.
 */
import { blockAddress, columnName, address } from '../../workbook/a1';
import { columnPoints } from '../../workbook/look';
import type { CellRole, Constant, SheetPlan } from '../../workbook/plan';

/** A cell's content as `Range.formulas` takes it: formulas and constants as they are, empty as `""`. */
export function formulasOf(sheet: SheetPlan): (string | number | boolean)[][] {
  return sheet.cells.map((row) => row.map((cell) => cell.content ?? ''));
}

/** Number formats as `Range.numberFormat` takes them: `General` where the plan sets none. */
export function formatsOf(sheet: SheetPlan): string[][] {
  return sheet.cells.map((row) => row.map((cell) => cell.format ?? 'General'));
}

function isTextConstant(content: Constant): content is string {
  return typeof content === 'string' && content !== '' && !content.startsWith('=');
}

/**
 * Text format (`@`) on every cell holding a text constant, `General` elsewhere; `undefined` when the
 * sheet has no text. Assigned before the formulas so Excel stores text as typed: without it,
 * `Range.formulas` reads `2024-08` as a date, `2018` as a number and `TRUE` as a boolean. The plan's
 * own formats are assigned afterwards (a format change does not re-read a cell).
 */
export function textMaskOf(sheet: SheetPlan): string[][] | undefined {
  let any = false;
  const mask = sheet.cells.map((row) =>
    row.map((cell) => {
      if (!isTextConstant(cell.content)) return 'General';
      any = true;
      return '@';
    }),
  );
  return any ? mask : undefined;
}

interface Area {
  readonly role: CellRole;
  readonly col0: number;
  readonly col1: number;
  readonly row0: number;
  row1: number;
}

/**
 * The cells of each role as rectangles (`A5:C9`): runs of one role along a row, merged downwards
 * while the next row has the same run. Roles in order of first appearance; rectangles top to bottom,
 * left to right. Cells without a role are left out. One style call per role covers them all.
 */
export function rolesToRanges(sheet: SheetPlan): Map<CellRole, string[]> {
  let open: Area[] = [];
  const closed: Area[] = [];
  sheet.cells.forEach((row, r) => {
    const next: Area[] = [];
    let c = 0;
    while (c < row.length) {
      const role = row[c]?.role;
      let end = c;
      while (end + 1 < row.length && row[end + 1]?.role === role) end++;
      if (role !== undefined) {
        const i = open.findIndex((a) => a.role === role && a.col0 === c && a.col1 === end);
        const above = i >= 0 ? open.splice(i, 1)[0] : undefined;
        if (above !== undefined) {
          above.row1 = r;
          next.push(above);
        } else {
          next.push({ role, col0: c, col1: end, row0: r, row1: r });
        }
      }
      c = end + 1;
    }
    closed.push(...open);
    open = next;
  });
  closed.push(...open);
  closed.sort((a, b) => a.row0 - b.row0 || a.col0 - b.col0);
  const byRole = new Map<CellRole, string[]>();
  for (const a of closed) {
    const list = byRole.get(a.role) ?? [];
    list.push(blockAddress(a));
    byRole.set(a.role, list);
  }
  return byRole;
}

/**
 * Address lists for `Worksheet.getRanges`, each at most `maxLength` characters (`"A1:B2, C5"`).
 * Excel caps a range address at 8,192 characters; the default keeps well under it.
 */
export function chunkAddresses(addresses: readonly string[], maxLength = 2000): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (current !== '' && current.length + 2 + a.length > maxLength) {
      chunks.push(current);
      current = '';
    }
    current = current === '' ? a : `${current}, ${a}`;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** Runs of adjacent columns of equal width, in points: one `getRange("A:C").format.columnWidth` each. */
export function columnWidthRuns(sheet: SheetPlan): { readonly columns: string; readonly points: number }[] {
  const runs: { columns: string; points: number }[] = [];
  const w = sheet.columnWidths;
  let start = 0;
  for (let i = 0; i < w.length; i++) {
    if (i + 1 < w.length && w[i + 1] === w[i]) continue;
    runs.push({ columns: `${columnName(start)}:${columnName(i)}`, points: columnPoints(w[i] ?? 0) });
    start = i + 1;
  }
  return runs;
}

/** Drop-downs grouped by list and prompt, so cells sharing one get it in one call. */
export function validationGroups(sheet: SheetPlan): { readonly addresses: string[]; readonly source: string; readonly prompt: string }[] {
  const groups = new Map<string, { addresses: string[]; source: string; prompt: string }>();
  for (const v of sheet.validations) {
    const source = v.list.join(',');
    const key = JSON.stringify([source, v.prompt]);
    const group = groups.get(key) ?? { addresses: [], source, prompt: v.prompt };
    group.addresses.push(v.address);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The cells that carry a note. */
export function notesOf(sheet: SheetPlan): { readonly address: string; readonly note: string }[] {
  const notes: { address: string; note: string }[] = [];
  sheet.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.note !== undefined && cell.note !== '') notes.push({ address: address(r, c), note: cell.note });
    }),
  );
  return notes;
}

/** What `Range.values` and `Range.valueTypes` give for one cell, as a {@link Constant}: empty is `null`, an error its code. */
export function constantOf(value: unknown, valueType: unknown): Constant {
  if (valueType === 'Empty') return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value === '' && valueType !== 'Error' ? null : value;
  return null;
}
