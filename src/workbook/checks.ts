/**
 * The checks every writer makes before it changes anything: whether a plan can be written at all,
 * whether it clashes with what the workbook already holds, and whether its names point at sheets
 * that exist. One set of rules and one wording, so every writer refuses the same things with the
 * same {@link WorkbookWriteError}.
 */
import type { NamePlan, WorkbookPlan } from './plan';
import { WorkbookWriteError } from './writer';

/** Characters Excel does not allow in a sheet name. */
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;
/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

const lower = (s: string): string => s.toLowerCase();

/** Why the plan cannot be written as it is; empty when it can. */
export function planProblems(plan: WorkbookPlan): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const s of plan.sheets) {
    const key = lower(s.name);
    if (s.name.trim().length < 1 || s.name.length > MAX_SHEET_NAME) {
      problems.push(`sheet name "${s.name}" must have 1 to ${MAX_SHEET_NAME} characters`);
    }
    if (BAD_SHEET_CHARS.test(s.name) || s.name.startsWith("'") || s.name.endsWith("'")) {
      problems.push(`sheet name "${s.name}" has a character Excel does not allow ([]:*?/\\ or a leading or trailing ')`);
    }
    if (seen.has(key)) problems.push(`sheet "${s.name}" appears twice`);
    seen.add(key);
    const width = s.cells[0]?.length ?? 0;
    if (s.cells.length === 0 || width === 0) problems.push(`sheet "${s.name}" has no cells`);
    if (s.cells.some((row) => row.length !== width)) problems.push(`sheet "${s.name}": rows differ in length`);
    for (const v of s.validations) {
      if (v.list.some((item) => item.includes(','))) problems.push(`sheet "${s.name}" ${v.address}: a drop-down item contains a comma`);
      if (v.list.join(',').length > 255) problems.push(`sheet "${s.name}" ${v.address}: the drop-down list is longer than 255 characters`);
    }
  }
  return problems;
}

/** A defined name already in the workbook, and the sheet it points at (`undefined` when not a sheet's cell). */
export interface ExistingName {
  readonly name: string;
  readonly sheet: string | undefined;
  /** What it refers to, as the workbook gives it (`=Sheet1!$A$1`), shown when it clashes. */
  readonly formula?: string;
}

/** What stops a plan from going into a workbook without destroying something. */
export type Clash =
  /** Sheets of the workbook (as it names them) that the plan would overwrite without leave. */
  | { readonly kind: 'sheets'; readonly sheets: readonly string[] }
  /** A plan name that exists and does not point at a sheet being replaced. */
  | { readonly kind: 'name'; readonly name: ExistingName };

/**
 * The first clash between the plan and the workbook, or `null` when the plan can be written. Names
 * compare as Excel compares them, ignoring case. A sheet listed in `replace` may be overwritten, and
 * a name pointing at such a sheet redefined; nothing else.
 */
export function findClash(
  plan: WorkbookPlan,
  existingSheets: readonly string[],
  existingNames: readonly ExistingName[],
  replace: readonly string[],
): Clash | null {
  const have = new Set(existingSheets.map(lower));
  const replacing = new Set(replace.map(lower));
  const planned = new Set(plan.sheets.map((s) => lower(s.name)));
  const sheets = existingSheets.filter((n) => planned.has(lower(n)) && !replacing.has(lower(n)));
  if (sheets.length > 0) return { kind: 'sheets', sheets };
  // The sheets this write replaces: in the plan, in the workbook, and agreed to.
  const replaced = new Set(plan.sheets.map((s) => lower(s.name)).filter((n) => have.has(n) && replacing.has(n)));
  const byName = new Map(existingNames.map((n) => [lower(n.name), n]));
  for (const n of plan.names) {
    const old = byName.get(lower(n.name));
    if (old !== undefined && (old.sheet === undefined || !replaced.has(lower(old.sheet)))) return { kind: 'name', name: old };
  }
  return null;
}

/** The first plan name that points at a sheet neither the plan nor the workbook has (names compare ignoring case). */
export function danglingName(plan: WorkbookPlan, existingSheets: readonly string[]): NamePlan | undefined {
  const sheets = new Set([...existingSheets, ...plan.sheets.map((s) => s.name)].map(lower));
  return plan.names.find((n) => !sheets.has(lower(n.sheet)));
}

/** The error for a plan that cannot be written at all ({@link planProblems}); `null` when it can be. */
export function planRefusal(plan: WorkbookPlan): WorkbookWriteError | null {
  const problems = planProblems(plan);
  if (problems.length === 0) return null;
  return new WorkbookWriteError('INVALID_PLAN', '', 'checking the plan', `The plan cannot be written: ${problems.join('; ')}.`);
}

/**
 * The error for the first reason the workbook keeps the plan out, checked in this order: plan
 * sheets that exist and are not to be replaced ({@link findClash}), a plan name that exists and does
 * not point at a sheet being replaced, a plan name pointing at a sheet nobody has
 * ({@link danglingName}); `null` when the plan can go in.
 */
export function workbookRefusal(
  plan: WorkbookPlan,
  existingSheets: readonly string[],
  existingNames: readonly ExistingName[],
  replace: readonly string[],
): WorkbookWriteError | null {
  const step = 'checking the workbook';
  const clash = findClash(plan, existingSheets, existingNames, replace);
  if (clash?.kind === 'sheets') {
    const one = clash.sheets.length === 1;
    const list = clash.sheets.map((s) => `"${s}"`).join(', ');
    return new WorkbookWriteError(
      'SHEET_EXISTS',
      clash.sheets[0] ?? '',
      step,
      `The workbook already has ${one ? 'a sheet' : 'sheets'} ${list}; nothing was changed. Load a new copy, or choose to replace ${one ? 'it' : 'them'}.`,
    );
  }
  if (clash?.kind === 'name') {
    const { name, sheet, formula } = clash.name;
    return new WorkbookWriteError(
      'NAME_EXISTS',
      sheet ?? '',
      step,
      `The workbook already defines the name "${name}"${formula === undefined ? '' : ` (${formula})`}; nothing was changed. Load a new copy, whose names do not clash.`,
    );
  }
  const dangling = danglingName(plan, existingSheets);
  if (dangling !== undefined) {
    return new WorkbookWriteError(
      'DANGLING_NAME',
      dangling.sheet,
      step,
      `The name "${dangling.name}" refers to a sheet "${dangling.sheet}" that neither the plan nor the workbook has; nothing was changed.`,
    );
  }
  return null;
}
