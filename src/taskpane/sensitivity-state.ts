/**
 * The state of the pane's Sensitivity section, and the pure rules over it: what a run is called,
 * which sheet name its result takes, when bounds are usable. The controller
 * (`sensitivity-controller.ts`) changes the state; the view (`sensitivity-view.ts`) renders it.
 */
import { baselineSheetOf } from '../workbook/anchors';
import type { Recovery, TornadoInput } from '../workbook/sensitivity';
import type { CellRef, CellState } from '../workbook/writer';

/** The steps per axis a new section starts with. */
export const DEFAULT_STEPS = 11;

/** A named assumption the inputs offer: where it is, its label, its current value and default bounds. */
export type AssumptionInput = TornadoInput & { readonly name: string; readonly base: number };

/** The output cell the tables read. */
export interface OutputChoice {
  readonly ref: CellRef;
  /** The label of its row on a baseline sheet, from the sheet's plan ("Deployed force"), else its address. */
  readonly label: string;
  readonly formula: string | null;
  readonly value: CellState['value'];
}

/** One input axis as chosen: a named assumption or a selected cell, with editable bounds. */
export interface InputChoice {
  readonly ref: CellRef;
  readonly label: string;
  /** The assumption's defined name; absent for a selected cell. */
  readonly name?: string;
  /** Its value now (the table's base case). */
  readonly base: number;
  readonly low: number;
  readonly high: number;
}

/** What a run makes. */
export type RunKind = 'one-way' | 'two-way' | 'tornado' | 'scenarios';

export type SensitivityStatus =
  | { readonly kind: 'idle' }
  /** Reading cells (the output, an input, the assumptions). */
  | { readonly kind: 'reading' }
  | { readonly kind: 'running'; readonly run: RunKind; readonly done: number; readonly total: number; readonly step: string }
  | { readonly kind: 'done'; readonly message: string; readonly sheet: string }
  | { readonly kind: 'cancelled'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

export interface SensitivityState {
  readonly output: OutputChoice | null;
  /** The named assumptions on offer, from the workbook's Assumptions sheet (empty before loading one). */
  readonly assumptions: readonly AssumptionInput[];
  /** The first and second input; `null` when not chosen. */
  readonly inputs: readonly [InputChoice | null, InputChoice | null];
  readonly steps: number;
  /** Write what a table had computed when it was cancelled or failed, to a sheet marked partial. */
  readonly keepPartial: boolean;
  readonly status: SensitivityStatus;
  /** Inputs a run could not put back, with what they held, until dismissed; `null` when none. */
  readonly recovery: Recovery | null;
}

/** Which input: the rows (first) or the columns (second). */
export type Slot = 0 | 1;

/** True while a run or a read is under way; actions are refused then. */
export function isSensitivityBusy(status: SensitivityStatus): boolean {
  return status.kind === 'reading' || status.kind === 'running';
}

/** True for a sheet the baseline writes (`Force`, `Force (2)`, ...): its plan labels its rows. */
export function isBaselineSheet(sheet: string): boolean {
  return baselineSheetOf(sheet) !== undefined;
}

export const RUN_NAMES: Readonly<Record<RunKind, string>> = {
  'one-way': 'one-way table',
  'two-way': 'two-way table',
  tornado: 'tornado',
  scenarios: 'scenario comparison',
};

export const SHEET_BASES: Readonly<Record<RunKind, 'Sensitivity' | 'Tornado' | 'Scenarios'>> = {
  'one-way': 'Sensitivity',
  'two-way': 'Sensitivity',
  tornado: 'Tornado',
  scenarios: 'Scenarios',
};

/** A bound as a message states it: grouped, up to 6 significant digits. */
function boundText(x: number): string {
  return x.toLocaleString('en-GB', { maximumSignificantDigits: 6 });
}

/** Why a bound is refused, or null when the pair is usable. */
export function boundsProblem(input: InputChoice): string | null {
  if (!Number.isFinite(input.low) || !Number.isFinite(input.high)) return `${input.label} needs a low and a high number.`;
  if (input.low >= input.high) return `${input.label}: low (${boundText(input.low)}) must be below high (${boundText(input.high)}).`;
  return null;
}
