/**
 * The baseline workbook: the brief's assumptions as sourced inputs with a scenario switch, and
 * sheets of live `DEF.*` formulas over named inputs for the force, munitions and the fund.
 *
 * Everything here is pure: it returns a {@link WorkbookPlan}; writers apply it.
 */
import { SCENARIOS } from '../data/assumptions';
import type { ScenarioId } from '../data/types';
import type { SheetCell } from './a1';
import { type NamePlan, quoteSheet, type SheetKind, type SheetPlan, type WorkbookPlan } from './plan';
import { assumptionsSheet } from './sheets/assumptions';
import { forceSheet } from './sheets/force';
import { fundSheet } from './sheets/fund';
import { munitionsSheet } from './sheets/munitions';
import { type BaselineKind, SHEET_KINDS, sheetName } from './sheets/names';
import { sourcesSheet } from './sheets/sources';

export { type BaselineKind, definedName, SHEET_KINDS, sheetName } from './sheets/names';

export interface BaselineOptions {
  /** The scenario the selector starts on. */
  readonly scenario: ScenarioId;
  /**
   * Which copy in the workbook: 1 (default) uses the plain sheet names and defined names; n ≥ 2
   * gives "Force (n)" and `line_km_n`, so a second load never touches the first.
   */
  readonly copy?: number;
  /**
   * Which copy's defined names the model sheets read (default: `copy`). Loading a single model
   * sheet into a workbook that already has an Assumptions sheet points it at that sheet's names.
   */
  readonly names?: number;
  /** The sheets to include (default: all five, in order). */
  readonly kinds?: readonly SheetKind[];
}

/** A baseline plan: it always has a scenario selector (its own Assumptions sheet's, or the one its names read). */
export type BaselinePlan = WorkbookPlan & { readonly scenarioCell: SheetCell };

/**
 * The whole baseline workbook.
 * @example baselinePlan({ scenario: 'peace' }).sheets.map((s) => s.name) // Assumptions, Force, Munitions, Fund, Sources
 */
export function baselinePlan(options: BaselineOptions): BaselinePlan {
  const copy = options.copy ?? 1;
  const namesCopy = options.names ?? copy;
  const kinds = options.kinds ?? SHEET_KINDS;
  for (const [what, n] of [
    ['copy', copy],
    ['names', namesCopy],
  ] as const) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a whole number ≥ 1, not ${n}`);
  }
  if (kinds.includes('assumptions') && namesCopy !== copy) {
    throw new Error('an Assumptions sheet defines its own names: names must equal copy when it is included');
  }
  const names: NamePlan[] = [];
  const build: Readonly<Record<BaselineKind, () => SheetPlan>> = {
    assumptions: () => assumptionsSheet({ scenario: options.scenario, copy }, names),
    force: () => forceSheet(copy, namesCopy),
    munitions: () => munitionsSheet(copy, namesCopy),
    fund: () => fundSheet(copy, namesCopy),
    sources: () => sourcesSheet(copy),
  };
  return {
    sheets: SHEET_KINDS.filter((k) => kinds.includes(k)).map((k) => build[k]()),
    names,
    scenarioCell: { sheet: sheetName('assumptions', namesCopy), address: 'B3' },
  };
}

/** The formula text of a name's reference, as Excel's `names.add` and the preview engine take it. */
export function nameReference(n: NamePlan): string {
  return `=${quoteSheet(n.sheet)}!${n.address}`;
}

/** Scenario label in the selector → scenario id. */
export function scenarioFromLabel(label: string): ScenarioId | undefined {
  return SCENARIOS.find((x) => x.short === label)?.id;
}
