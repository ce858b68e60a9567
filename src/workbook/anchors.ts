/**
 * Reading the baseline's anchors: where a copy's assumptions and headline outputs are, which
 * baseline sheet (and copy) a sheet name is, and the label of the row a cell is on. Everything
 * comes from the anchors the sheet builder recorded in the plan; nothing searches cell text.
 */
import type { ScenarioId } from '../data/types';
import { parseCell, type SheetCell } from './a1';
import { type BaselineKind, baselinePlan, SHEET_KINDS, sheetName } from './baseline';
import { type AssumptionAnchor, planAnchors, type SheetAnchors } from './plan';

/** Where one assumption sits on an Assumptions sheet (addresses without `$`). */
export interface AssumptionCells {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** The constant cell of each scenario's value. */
  readonly scenario: Readonly<Record<ScenarioId, string>>;
  /** The Active column's formula cell (the defined name points here). */
  readonly active: string;
  readonly low: string;
  readonly high: string;
}

/** The anchors of a copy's whole baseline. */
export function baselineAnchors(copy = 1): SheetAnchors {
  return planAnchors(baselinePlan({ scenario: 'peace', copy }));
}

/**
 * Where each assumption's cells are on the Assumptions sheet of a copy, as the plan's anchors say.
 * @example assumptionCells()[0] // { id: 'line_km', row: 6, scenario: { peace: 'D6', ... }, active: 'G6', low: 'H6', high: 'I6', ... }
 */
export function assumptionCells(copy = 1): AssumptionCells[] {
  return baselineAnchors(copy).assumptions.map((a: AssumptionAnchor) => ({
    id: a.id,
    label: a.label,
    unit: a.unit,
    row: (parseCell(a.active.address)?.row ?? -1) + 1,
    scenario: Object.fromEntries(Object.entries(a.scenario).map(([id, ref]) => [id, ref.address])) as Record<ScenarioId, string>,
    active: a.active.address,
    low: a.low.address,
    high: a.high.address,
  }));
}

/** A headline output of the baseline: its label, unit and cell (a column range for the fund's contributions). */
export interface HeadlineCell {
  readonly label: string;
  readonly unit: string;
  readonly ref: SheetCell;
}

/**
 * The headline outputs of a copy, as the plan's anchors say: the deployed and committed force and
 * its annual cost, the days a France-level stock lasts and the years to close the gap, the fund's
 * annual size, and (last) the Fund table's contribution column as a range (`E9:E37`).
 */
export function headlineCells(copy = 1): HeadlineCell[] {
  const anchors = baselineAnchors(copy);
  const table = anchors.fundTable;
  return [
    ...anchors.headlines.map((h) => ({ label: h.label, unit: h.unit, ref: h.cell })),
    ...(table === undefined ? [] : [{ label: table.label, unit: table.unit, ref: { sheet: table.sheet, address: table.contributions } }]),
  ];
}

/**
 * Which baseline sheet a sheet name is, and of which copy: `Force` is copy 1 of the force sheet,
 * `force (3)` copy 3 (Excel's sheet names ignore case); `undefined` for any other name. Exact: the
 * name must be the one {@link sheetName} gives that kind and copy.
 */
export function baselineSheetOf(name: string): { readonly kind: BaselineKind; readonly copy: number } | undefined {
  const lower = name.toLowerCase();
  for (const kind of SHEET_KINDS) {
    const base = sheetName(kind).toLowerCase();
    if (lower === base) return { kind, copy: 1 };
    const prefix = `${base} (`;
    if (!lower.startsWith(prefix) || !lower.endsWith(')')) continue;
    const copy = Number(lower.slice(prefix.length, -1));
    if (Number.isInteger(copy) && copy >= 2 && sheetName(kind, copy).toLowerCase() === lower) return { kind, copy };
  }
  return undefined;
}

/**
 * The label of the row a cell is on, on a baseline sheet, as the sheet's plan anchors it: a line's
 * label (Deployed force), an assumption's label, a Fund country's code. `undefined` for column A,
 * for rows the plan does not anchor and for sheets that are not the baseline's.
 */
export function rowLabel(ref: SheetCell): string | undefined {
  const sheet = baselineSheetOf(ref.sheet);
  const at = parseCell(ref.address);
  if (sheet === undefined || at === undefined || at.col === 0) return undefined;
  const anchors = planAnchors(baselinePlan({ scenario: 'peace', copy: sheet.copy, kinds: [sheet.kind] }));
  const onRow = (cell: SheetCell): boolean => parseCell(cell.address)?.row === at.row;
  return (
    anchors.lines.find((l) => onRow(l.cell))?.label ??
    anchors.assumptions.find((a) => onRow(a.active))?.label ??
    anchors.fundTable?.countries.find((x) => onRow(x.contribution))?.code
  );
}
