/**
 * Sensitivity tables as plans: one-way and two-way tables of an output against one or two inputs,
 * a tornado of every input's low-high swing, and the three scenarios side by side. Excel's Data
 * Table and Goal Seek do not recalculate custom functions, so the add-in computes these itself
 * (`src/session/driver.ts` drives a {@link DrivableTarget}) or, for the baseline's own models,
 * writes one live spilled `DEF.*` formula over the table's axes.
 *
 * Everything here is pure: results in, {@link WorkbookPlan}s out. This module holds the limits,
 * the error, the axes and the result types, and re-exports the rest: which formulas stay live
 * (`sensitivity-live.ts`), the table sheet (`sensitivity-table.ts`), the tornado and comparison
 * sheets (`sensitivity-reports.ts`) and what they share (`sensitivity-cite.ts`).
 */
import type { ScenarioId } from '../data/types';
import { scenarioFromLabel } from './baseline';
import type { Constant } from './plan';
import type { CellRef, CellState } from './writer';

export { stamp } from './sensitivity-cite';
export { liveNames, substituteNames } from './sensitivity-live';
export { comparisonPlan, tornadoPlan } from './sensitivity-reports';
export { tablePlan } from './sensitivity-table';

/** Most steps on one axis. */
export const MAX_STEPS = 50;
/** Most points (rows x columns) in one table. */
export const MAX_POINTS = 2500;

/**
 * Why a run stopped: `RESTORE_FAILED` means some inputs could not be put back (whatever else
 * happened, a cancel included); the error's `recovery` lists them with what they held.
 */
export type SensitivityErrorCode =
  'INVALID' | 'INPUT_NOT_CONSTANT' | 'OUTPUT_NOT_FORMULA' | 'NO_DEPENDENCE' | 'TOO_LARGE' | 'CANCELLED' | 'FAILED' | 'RESTORE_FAILED';

/** An input a run could not put back: where, what it held before the run, and why the last try failed. */
export interface UnrestoredCell {
  readonly ref: CellRef;
  readonly state: CellState;
  readonly reason: string;
}

/** Inputs that could not be put back, and the workbook sheet listing them (`null` when it could not be written). */
export interface Recovery {
  readonly cells: readonly UnrestoredCell[];
  readonly sheet: string | null;
}

/** Why a sensitivity run was refused or stopped; `partial` holds what a stopped table had computed. */
export class SensitivityError extends Error {
  readonly code: SensitivityErrorCode;
  readonly partial?: TableResult;
  /** With `RESTORE_FAILED`: the inputs left changed. */
  readonly recovery?: Recovery;

  constructor(code: SensitivityErrorCode, message: string, partial?: TableResult, recovery?: Recovery) {
    super(message);
    Object.setPrototypeOf(this, SensitivityError.prototype);
    this.name = 'SensitivityError';
    this.code = code;
    if (partial !== undefined) this.partial = partial;
    if (recovery !== undefined) this.recovery = recovery;
  }
}

/**
 * `steps` evenly spaced values from `low` to `high`, both included.
 * @example axisValues(1, 2, 3) // [1, 1.5, 2]
 */
export function axisValues(low: number, high: number, steps: number): number[] {
  if (!Number.isInteger(steps) || steps < 2 || steps > MAX_STEPS) {
    throw new SensitivityError('INVALID', `steps must be a whole number from 2 to ${MAX_STEPS}, not ${steps}`);
  }
  if (!Number.isFinite(low) || !Number.isFinite(high))
    throw new SensitivityError('INVALID', `low and high must be finite numbers, not ${low} and ${high}`);
  if (low >= high) throw new SensitivityError('INVALID', `low (${low}) must be below high (${high})`);
  // low + i * (high - low) / (steps - 1), with the last value exactly high.
  return Array.from({ length: steps }, (_, i) => (i === steps - 1 ? high : low + ((high - low) * i) / (steps - 1)));
}

/** One varied input: its constant cell, a label, its defined name (for the live path), the values and the base. */
export interface Axis {
  readonly ref: CellRef;
  readonly label: string;
  /** The defined name the output's formula reads the input by: lets the table be one live formula. */
  readonly name?: string;
  readonly values: readonly number[];
  readonly base: number;
}

export interface TableSpec {
  readonly output: CellRef;
  readonly outputLabel: string;
  readonly rows: Axis;
  /** Absent for a one-way table. */
  readonly cols?: Axis;
}

export interface TableResult {
  readonly spec: TableSpec;
  /** Rows x columns of outputs (one column for a one-way table); `[]` on the live path. */
  readonly values: Constant[][];
  /**
   * On the live path, the output's ORIGINAL formula (e.g. `=DEF.FORCE_SIZE(line_km*zone_depth_km,density_per_km2)`);
   * {@link tablePlan} replaces the axes' names in it by the table's axis ranges. `null`: driven.
   */
  readonly live: string | null;
  /** False when a run was stopped part-way (`values` holds the rows done). */
  readonly complete: boolean;
  readonly computedAt: Date;
}

export interface TornadoInput {
  readonly ref: CellRef;
  readonly label: string;
  readonly low: number;
  readonly high: number;
}

export interface TornadoRow {
  readonly input: TornadoInput;
  readonly atLow: number;
  readonly atHigh: number;
  /** |atHigh - atLow|. */
  readonly swing: number;
}

export interface TornadoResult {
  readonly output: CellRef;
  readonly outputLabel: string;
  /** The output with every input at its base. */
  readonly base: number;
  /** Inputs that move the output, largest swing first. */
  readonly rows: readonly TornadoRow[];
  /** Inputs tried that did not move the output (swing 0), left out of `rows`. */
  readonly unaffected?: readonly TornadoInput[];
  readonly computedAt: Date;
}

export interface ComparisonResult {
  readonly rows: readonly { readonly label: string; readonly unit: string; readonly values: Readonly<Record<ScenarioId, Constant>> }[];
  readonly computedAt: Date;
}

/** The first name not in `existing` (case-insensitive): `Sensitivity`, `Sensitivity (2)`, ... */
export function freeSheetName(existing: readonly string[], base: string): string {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** The scenario whose selector label is `label`, or `undefined`. */
export function scenarioOf(label: Constant): ScenarioId | undefined {
  return typeof label === 'string' ? scenarioFromLabel(label) : undefined;
}
