/**
 * The checks every writer makes before it changes anything: whether a plan can be written at all,
 * and whether it clashes with what the workbook already holds. One set of rules, so Excel and the
 * browser preview refuse the same things.
 */
import type { WorkbookPlan } from './plan';

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
