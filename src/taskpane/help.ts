/**
 * The pane's short function reference: every DEF function with one example, from the registry
 * (src/functions/registry.ts), which the help page is also built from.
 */
import { FUNCTION_GROUPS, type FunctionGroup } from '../functions/declare';
import { DEF_DECLARATIONS, helpAnchor, shownResult, signature } from '../functions/registry';

export { FUNCTION_GROUPS, type FunctionGroup };

export interface FunctionHelp {
  /** The permanent id after `@customfunction`; Excel shows it as `DEF.<id>`. */
  readonly id: string;
  /** The function's section on the help page: `help.html#<anchor>`. */
  readonly anchor: string;
  readonly group: FunctionGroup;
  /** The heading of its help section, e.g. `DEF.FORCE_COST(personnel, cost_per_year, [years])`. */
  readonly signature: string;
  /** What it gives: the start of the first sentence of its help section. */
  readonly summary: string;
  /**
   * The help page's example: the formula as written there and the result after the arrow. A result
   * ending in `…` is the start of a longer text.
   */
  readonly example: { readonly formula: string; readonly result: string };
}

export const FUNCTION_HELP: readonly FunctionHelp[] = DEF_DECLARATIONS.map((f) => ({
  id: f.id,
  anchor: helpAnchor(f),
  group: f.group,
  signature: signature(f),
  summary: f.summary,
  example: { formula: f.examples[0].formula, result: shownResult(f.examples[0]) },
}));
