/**
 * Name clashes between a plan and the workbook it goes into. The default never overwrites: a
 * clash means a new copy ("Force (2)", `line_km_2`), unless the user chooses to replace.
 */
import { definedName, SHEET_KINDS, sheetName } from './baseline';
import { ASSUMPTIONS } from '../data/assumptions';
import type { SheetKind } from './plan';

/** The sheets and names a copy of the baseline would create. */
function footprint(copy: number, kinds: readonly SheetKind[]): { sheets: string[]; names: string[] } {
  return {
    sheets: kinds.map((k) => sheetName(k, copy)),
    names: kinds.includes('assumptions') ? ['scenario', ...ASSUMPTIONS.map((a) => a.id)].map((id) => definedName(id, copy)) : [],
  };
}

/** Existing sheets that a copy of these kinds would clash with (names compared as Excel does, ignoring case). */
export function clashes(existingSheets: readonly string[], copy: number, kinds: readonly SheetKind[] = SHEET_KINDS): string[] {
  const have = new Set(existingSheets.map((s) => s.toLowerCase()));
  return footprint(copy, kinds).sheets.filter((s) => have.has(s.toLowerCase()));
}

/**
 * The first copy number (1, 2, 3...) whose sheets and defined names are all free, so loading never
 * touches what is there. Stops at 99 (Excel itself would not hold that many).
 */
export function freeCopy(existingSheets: readonly string[], existingNames: readonly string[], kinds: readonly SheetKind[] = SHEET_KINDS): number {
  const sheets = new Set(existingSheets.map((s) => s.toLowerCase()));
  const names = new Set(existingNames.map((s) => s.toLowerCase()));
  for (let copy = 1; copy < 100; copy++) {
    const f = footprint(copy, kinds);
    if (!f.sheets.some((s) => sheets.has(s.toLowerCase())) && !f.names.some((n) => names.has(n.toLowerCase()))) return copy;
  }
  throw new Error('the workbook already holds 99 copies of the baseline');
}
