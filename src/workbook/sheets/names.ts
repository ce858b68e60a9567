/**
 * The baseline workbook's naming and shared constants: its sheet kinds, the sheet and defined names
 * of each copy, the brief it cites, the basis labels and the number formats its sheets use.
 */
import type { Citation } from '../../data/types';
import type { SheetKind } from '../plan';

/** The brief the baseline reproduces, as its sheets cite it. */
export const BRIEF = 'IEP@BU commentary 187 (A. Gilli, M. Gilli and N. Petrelli, 26 March 2025)';
const BASE_NAMES: Readonly<Record<SheetKind, string>> = {
  assumptions: 'Assumptions',
  force: 'Force',
  munitions: 'Munitions',
  fund: 'Fund',
  sources: 'Sources',
  sensitivity: 'Sensitivity',
};

/** The baseline's own sheet kinds (every kind but sensitivity tables). */
export type BaselineKind = Exclude<SheetKind, 'sensitivity'>;

export const SHEET_KINDS: readonly BaselineKind[] = ['assumptions', 'force', 'munitions', 'fund', 'sources'];

/** Sheet names for a copy: `Force`, or `Force (2)`. */
export function sheetName(kind: SheetKind, copy = 1): string {
  return copy === 1 ? BASE_NAMES[kind] : `${BASE_NAMES[kind]} (${copy})`;
}

/** The defined name of an assumption (or of the scenario cell) for a copy: `line_km`, or `line_km_2`. */
export function definedName(id: string, copy = 1): string {
  return copy === 1 ? id : `${id}_${copy}`;
}

/** How each basis of a citation reads on a sheet. */
export const BASIS_LABEL: Readonly<Record<Citation['basis'], string>> = {
  read: 'Read',
  derived: 'Derived',
  analyst: "Analyst's choice",
};

/** Number formats of the model sheets. */
export const FMT = { int: '#,##0', dec1: '#,##0.0', dec2: '#,##0.00', bn: '#,##0.00', pct: '0.00%' } as const;
