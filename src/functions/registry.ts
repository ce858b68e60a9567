/**
 * The function registry: every DEF function, declared once (see `./declare.ts` for what a
 * declaration holds and `./groups/` for the declarations). The preview engine's plugin, the
 * pane's help list, the help page, the formula builder and the metadata checks all read it.
 *
 * Adding a function: its model in src/model, its declaration in a group file and a line here, and
 * its one-line JSDoc wrapper in functions.ts (the metadata generator reads only that file).
 */
import type { DefFunction, FunctionDeclaration } from './declare';
import { formulaName } from './formula';
import { forceCost, forceDensity, forceRotation, forceSize } from './groups/force';
import { fundGuarantees, fundKey, fundShare } from './groups/fund';
import { munitionDays, munitionRegenYears, munitionStock } from './groups/munitions';
import { assumption, source } from './groups/reference';
import { deflateFn, fundSchedule, munitionPath, ramp } from './groups/time';
import { trials, trialStats } from './groups/uncertainty';

/**
 * Checks at compile time that every declaration sits under its own id: the key and `id` must
 * match, and an object literal cannot hold one key twice, so a second declaration of an id does
 * not compile.
 */
function registry<const T extends { readonly [K in keyof T]: FunctionDeclaration<K & string, never[], number | string> }>(t: T): T {
  return t;
}

/** Every DEF function by id, in the order of functions.ts, the help page and the pane. */
export const REGISTRY = registry({
  FORCE_SIZE: forceSize,
  FORCE_DENSITY: forceDensity,
  FORCE_ROTATION: forceRotation,
  FORCE_COST: forceCost,
  MUNITION_DAYS: munitionDays,
  MUNITION_STOCK: munitionStock,
  MUNITION_REGEN_YEARS: munitionRegenYears,
  FUND_SHARE: fundShare,
  FUND_KEY: fundKey,
  FUND_GUARANTEES: fundGuarantees,
  RAMP: ramp,
  MUNITION_PATH: munitionPath,
  FUND_SCHEDULE: fundSchedule,
  DEFLATE: deflateFn,
  TRIALS: trials,
  TRIAL_STATS: trialStats,
  ASSUMPTION: assumption,
  SOURCE: source,
});

export { formulaName };

/** A DEF function's permanent id. */
export type DefId = keyof typeof REGISTRY;

/** Every declaration, in registry order. */
export const DEF_DECLARATIONS: readonly DefFunction[] = Object.values(REGISTRY);

/** A function's section of the help page: `help.html#<anchor>`. */
export function helpAnchor(f: Pick<DefFunction, 'id'>): string {
  return f.id.toLowerCase();
}

/** How many leading parameters are required; the rest are optional. */
export function requiredCount(f: Pick<DefFunction, 'parameters'>): number {
  return f.parameters.filter((p) => !p.optional).length;
}

/** The signature the help page and the pane show: `DEF.FORCE_COST(personnel, cost_per_year, [years])`. */
export function signature(f: Pick<DefFunction, 'id' | 'parameters'>): string {
  return `${formulaName(f.id)}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
}

/** The result of an example as the pane shows it: `39,245 personnel deployed`, or the start of a text. */
export function shownResult(e: { readonly result: string; readonly excerpt?: string; readonly says?: string }): string {
  if (e.excerpt !== undefined) return `"${e.excerpt} …`;
  return e.says === undefined ? e.result : `${e.result} ${e.says}`;
}
