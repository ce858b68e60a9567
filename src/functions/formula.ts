/**
 * The typed formula builder: DEF calls as formula text, checked against the registry at compile
 * time. The workbook plans write every `DEF.*` call through {@link def}, so a renamed or removed id,
 * or a call with too many or too few arguments, fails to compile instead of showing `#NAME?` in a
 * workbook. Pure: it imports the registry's types only.
 */
import type { DefId, REGISTRY } from './registry';

/** A piece of formula text (`line_km*zone_depth_km`, `{deployed}`, `$C$6`, `"UNIFIL"`) or a number. */
export type Fragment = string | number;

/** One fragment for each element of a parameter list, optional where the parameter is. */
type Fragments<P extends readonly unknown[]> = { [K in keyof P]: Fragment };

/** The arguments of `DEF.<Id>` in a formula: one fragment per parameter; optional ones may be left off at the end. */
export type FormulaArgs<Id extends DefId> = Fragments<Parameters<(typeof REGISTRY)[Id]['call']>>;

/** The formula name of a DEF function: `DEF.FORCE_SIZE`. */
export function formulaName(id: string): string {
  return `DEF.${id}`;
}

/**
 * A DEF call as formula text, without the leading `=`: arguments joined by commas with no spaces.
 * @example def('FORCE_SIZE', 'line_km*zone_depth_km', 'density_per_km2') // 'DEF.FORCE_SIZE(line_km*zone_depth_km,density_per_km2)'
 */
export function def<Id extends DefId>(id: Id, ...args: FormulaArgs<Id>): string {
  // Optional elements of the parameter list type as `Fragment | undefined`; the type lets callers
  // leave them off but not pass `undefined` (exactOptionalPropertyTypes).
  const parts: readonly (Fragment | undefined)[] = args;
  return `${formulaName(id)}(${parts.filter((a): a is Fragment => a !== undefined).join(',')})`;
}

/**
 * A text literal for a formula, with any `"` doubled as Excel requires.
 * @example text('UNIFIL') // '"UNIFIL"'
 */
export function text(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}
