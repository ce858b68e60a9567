/**
 * What the sensitivity sheets share: their header row, how they show numbers, cells and times, and
 * how they cite an input (its cell, its defined name and the assumption's source).
 */
import { ASSUMPTIONS } from '../data/assumptions';
import type { Assumption } from '../data/types';
import { sameCell } from './a1';
import { baselineSheetOf } from './anchors';
import { baselinePlan } from './baseline';
import { type Constant, planAnchors, quoteSheet } from './plan';
import type { CellRef } from './writer';

/** 0-based: row 5 holds the column axis (or the headers). */
export const HEADER_ROW = 4;
/** A number as a sheet's text shows it: en-GB grouping, at most four decimals. */
export const fmtNumber = (x: number): string => x.toLocaleString('en-GB', { maximumFractionDigits: 4 });
/** `'Sheet'!B13`, the sheet always quoted. */
export const qualified = (r: CellRef): string => `${quoteSheet(r.sheet)}!${r.address}`;

/** When a result was computed, as a sheet shows it: `2026-11-24 16:50 UTC`. */
export function stamp(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The assumption behind an input cell (a scenario, low/high or active cell of an Assumptions sheet), or by its defined name. */
export function assumptionOf(ref: CellRef, name?: string): Assumption | undefined {
  const sheet = baselineSheetOf(ref.sheet);
  if (sheet?.kind === 'assumptions') {
    const anchors = planAnchors(baselinePlan({ scenario: 'peace', copy: sheet.copy, kinds: ['assumptions'] })).assumptions;
    const a = anchors.find((x) => [...Object.values(x.scenario), x.active, x.low, x.high].some((cell) => sameCell(cell, ref)));
    if (a !== undefined) return ASSUMPTIONS.find((x) => x.id === a.id);
  }
  const id = name?.replace(/_\d+$/, '');
  return id === undefined ? undefined : ASSUMPTIONS.find((x) => x.id === id || x.id === name);
}

/** An input as a sheet cites it: its label, cell and name, and the assumption's source when there is one. */
export function citation(ref: CellRef, label: string, name?: string): string {
  const a = assumptionOf(ref, name);
  const what = `${label} (${qualified(ref)}${name === undefined ? '' : `, ${name}`})`;
  return a === undefined ? what : `${what}: ${a.source}, as of ${a.asOf}`;
}

/** The `Sources:` line of a sheet: every input cited. */
export function sourcesLine(items: readonly { ref: CellRef; label: string; name?: string }[]): string {
  return `Sources: ${items.map((x) => citation(x.ref, x.label, x.name)).join('; ')}. DEF.SOURCE(id) gives the full text.`;
}

/** Whether an axis value is the base value (relative 1e-9). */
export const isBase = (v: number, base: number): boolean => Math.abs(v - base) <= 1e-9 * Math.max(1, Math.abs(base));

/** A number format for a set of results: whole numbers grouped, else two decimals below 1,000. */
export function numberFormat(values: readonly Constant[]): string {
  const nums = values.filter((v): v is number => typeof v === 'number');
  if (nums.length > 0 && nums.every((v) => Number.isInteger(v))) return '#,##0';
  return nums.some((v) => Math.abs(v) >= 1000) ? '#,##0' : '#,##0.00';
}
