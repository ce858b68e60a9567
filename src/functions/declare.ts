/**
 * What one DEF function declaration holds, and the helpers that build its parameters from the
 * model's own constraint objects ({@link NumberParam}, {@link ChoiceParam}): the name, unit,
 * accepted range and default of a parameter are read from the model, never written again here.
 *
 * A declaration is the one place a function is described. From it come the preview engine's
 * plugin, the pane's help list, the help page (built at build time), the typed formula builder
 * (`./formula.ts`) and the checks against the generated metadata and the README.
 */
import { type ChoiceParam, describeRange, type NumberParam } from '../model/args';
import type { NumericModel } from '../model/numeric';
import type { ExcelError } from './errors';

/** A range as Excel passes it to a custom function: rows of cell values. */
export type Grid = unknown[][];

/** An optional argument as Excel passes it: a range, or `null` when omitted (`undefined` from TypeScript callers). */
export type Argument = Grid | null | undefined;

/** What a DEF function returns: rows of values and per-cell errors. */
export type DefResult = ReadonlyArray<ReadonlyArray<number | string | ExcelError>>;

/** The help page's groups, in page order. */
export const FUNCTION_GROUPS = ['Force', 'Munitions', 'Fund', 'Time', 'Uncertainty', 'Reference data'] as const;
export type FunctionGroup = (typeof FUNCTION_GROUPS)[number];

/** Text for the help page that may hold inline HTML (`<code>`, `<a>`, `<b>`, `<sub>`); never user input. */
export type Html = string;

/** One parameter of a DEF function. */
export interface ParameterDeclaration {
  /** Its name as Excel shows it (the model's constraint object's `name`). */
  readonly name: string;
  /** Excel's tooltip: the `@param` text in functions.ts, word for word (checked against functions.json). */
  readonly description: string;
  /** Its unit: the model's `unit` for a number, `text` for a choice, the declaration's words for a set. */
  readonly unit: string;
  /**
   * What it accepts, from the model: the range of a number (`≥ 0`, `≥ 0 and < 1`) or the choices of
   * a text parameter (`one of GDP, EFSF, ESM, ECB, POP`).
   */
  readonly accepted: string;
  /** The model's default for an omitted argument, as text (`1.65`, `km2`); absent when it has none. */
  readonly default?: string;
  /** Whether it may be omitted (it has a default, or it is a set whose absence means "all"). */
  readonly optional: boolean;
  /** A set of values read as a list (participants), not a range broadcast over: it does not shape the spill. */
  readonly set: boolean;
  /** How the help page words its unit and accepted values, where it says more than the model's data. */
  readonly help: ParameterHelp;
}

/** The help page's extra words for a parameter. */
export interface ParameterHelp {
  /** Added after the unit, e.g. ` (see <a href="#force_rotation">FORCE_ROTATION</a>)`. */
  readonly unitNote?: Html;
  /** Added after the accepted range and default, e.g. `, the deployed force`. */
  readonly acceptedNote?: Html;
  /** The accepted values in the help page's words, replacing the model's list (choices only). */
  readonly accepted?: Html;
}

/** The text a declaration gives a parameter; the rest comes from the model. */
export interface ParameterText {
  readonly description: string;
  readonly help?: ParameterHelp;
}

/**
 * An example formula and its result, as the help page, the pane and the README show it. The
 * result is worked out by hand (the help page says how) and re-run by the tests.
 */
export interface Example {
  /** Words before the formula on the help page. */
  readonly intro?: Html;
  /** The formula as typed in Excel: `=DEF.FORCE_ROTATION(6, 24)`. */
  readonly formula: string;
  /** The result as shown: a number with its separators (`39,245`, `0.2706`), or the whole text of a text result. */
  readonly result: string;
  /** For a text result: the start of it that the pane and the README show. */
  readonly excerpt?: string;
  /** Words after the result that the pane shows too (`personnel deployed`, `(EUR m)`). */
  readonly says?: string;
  /** The rest of the help page's sentence after the result. */
  readonly after?: Html;
}

/** How a function computes its result, and where the method comes from. */
export interface Method {
  /** The equation or rule, in the parameters' names: `(tour + interval) / tour`. */
  readonly equation: Html;
  /** What the equation does at the edges (no finite answer, 0 above target). */
  readonly notes?: Html;
  /** The published method or source it follows; `null` where it is plain arithmetic. */
  readonly reference: Html | null;
}

/**
 * One DEF function. `A` is its parameter list as Excel calls it (a range per parameter, optional
 * ones last) and `R` the kind of value in its cells; both come from `call`, so the formula builder
 * knows every function's arity.
 */
export interface FunctionDeclaration<Id extends string, A extends readonly Argument[], R extends number | string> {
  /** The permanent id after `@customfunction`: workbooks store `DEF.<id>`, so it never changes. */
  readonly id: Id;
  readonly group: FunctionGroup;
  /** The pane's one-line summary: the start of the first sentence of the help section (plain text). */
  readonly summary: string;
  /**
   * The first paragraph of the help section, where it says more than `summary`; it starts with
   * `summary` (without its final full stop). Absent: the summary is the whole paragraph.
   */
  readonly lead?: Html;
  /** Excel's description of the function: the first line of its JSDoc in functions.ts, word for word. */
  readonly description: string;
  readonly parameters: readonly ParameterDeclaration[];
  readonly method: Method;
  /** The first is the one the pane and the README show. */
  readonly examples: readonly [Example, ...Example[]];
  /** A closing note for the help page (sources, caveats). */
  readonly note?: Html;
  /**
   * The size of the result, for functions whose spill is set by an argument's value (a count of
   * periods or trials) rather than by the arguments' shapes: from each argument's size and, where it
   * is a literal number in the formula, its value. `undefined` where that cannot be known before
   * computing. Absent: the result is the broadcast of the arguments' shapes. An engine that must
   * size a spill before evaluating it (the preview's engine) reads this.
   */
  readonly spill?: (args: readonly SpillArgument[]) => { readonly rows: number; readonly cols: number } | undefined;
  /** The function as Excel calls it: one line over the model core. */
  readonly call: (...args: A) => Array<Array<R | ExcelError>>;
}

/** What an engine knows of an argument before evaluating it: its size, and its value when it is a literal number. */
export interface SpillArgument {
  readonly rows: number;
  readonly cols: number;
  /** The number written in the formula; `undefined` for a reference, an expression or an omitted argument. */
  readonly value?: number;
  /** Whether the argument was left out. */
  readonly omitted: boolean;
}

/**
 * A `spill` for a table whose rows are the value of argument `count` (`fallback` when omitted) and
 * whose columns are the widest of the arguments listed in `cols` (or `cols` itself when a number).
 */
export function spillByCount(
  count: number,
  fallback: number | undefined,
  cols: readonly number[] | number,
): (args: readonly SpillArgument[]) => { rows: number; cols: number } | undefined {
  return (args) => {
    const a = args[count];
    const rows = a === undefined || a.omitted ? fallback : a.value;
    if (rows === undefined || !Number.isInteger(rows) || rows < 1) return undefined;
    const width = typeof cols === 'number' ? cols : Math.max(1, ...cols.map((k) => args[k]?.cols ?? 1));
    return { rows, cols: width };
  };
}

/**
 * Any declaration, as the engine, the help and the tests read the list. `call` is a method so
 * that every declaration's narrower parameter list fits (methods compare parameters bivariantly).
 */
export interface DefFunction extends Omit<FunctionDeclaration<string, Argument[], number | string>, 'call'> {
  call(...args: Argument[]): DefResult;
}

/** `a number ≥ 0 and < 1` → `≥ 0 and < 1`; `a whole number ≥ 1` → `whole number ≥ 1`. */
function rangeOf(p: NumberParam): string {
  return (
    describeRange(p)
      .replace(/^a number ?/, '')
      .replace(/^a whole/, 'whole') || 'any number'
  );
}

/** A numeric parameter: name, unit, range and default from the model's constraint object. */
export function numberParameter(p: NumberParam, text: ParameterText): ParameterDeclaration {
  return {
    name: p.name,
    description: text.description,
    unit: p.unit,
    accepted: rangeOf(p),
    ...(p.default === undefined ? {} : { default: String(p.default) }),
    optional: p.default !== undefined,
    set: false,
    help: text.help ?? {},
  };
}

/**
 * A text parameter that takes one of a known set: name, accepted values and whether it has a
 * default from the model. `shownDefault` is how its default is written (the model's default is
 * the resolved value, e.g. a contribution key).
 */
export function choiceParameter<T>(p: ChoiceParam<T>, text: ParameterText, shownDefault?: string): ParameterDeclaration {
  if ((p.default === undefined) !== (shownDefault === undefined)) {
    throw new Error(`parameter ${p.name}: give its default as text exactly when the model has one`);
  }
  return {
    name: p.name,
    description: text.description,
    unit: 'text',
    accepted: p.accepted,
    ...(shownDefault === undefined ? {} : { default: shownDefault }),
    optional: p.default !== undefined,
    set: false,
    help: text.help ?? {},
  };
}

/** A set-valued parameter (every non-blank cell of a range is one member); optional, absent meaning "all". */
export function setParameter<T>(p: ChoiceParam<T>, unit: string, text: ParameterText): ParameterDeclaration {
  return { name: p.name, description: text.description, unit, accepted: p.accepted, optional: true, set: true, help: text.help ?? {} };
}

/**
 * The parameters of a numeric model, in the model's order, each with the declaration's text.
 * Throws when `texts` misses one of the model's parameters or names one it does not have.
 */
export function modelParameters(model: NumericModel, texts: Readonly<Record<string, ParameterText>>): ParameterDeclaration[] {
  const names = model.params.map((p) => p.name);
  const extra = Object.keys(texts).filter((n) => !names.includes(n));
  if (extra.length > 0) throw new Error(`no model parameter ${extra.join(', ')} (the model has ${names.join(', ')})`);
  return model.params.map((p) => {
    const text = texts[p.name];
    if (text === undefined) throw new Error(`no text for model parameter ${p.name}`);
    return numberParameter(p, text);
  });
}

/**
 * Checks a declaration as it is made, so a malformed one fails when the registry loads (and so in
 * every test): as many parameters as `call` takes, required ones first, a summary the lead starts
 * with. Returns it unchanged, with its types.
 */
export function declare<const Id extends string, A extends readonly Argument[], R extends number | string>(
  d: FunctionDeclaration<Id, A, R>,
): FunctionDeclaration<Id, A, R> {
  const problem = (what: string): Error => new Error(`DEF.${d.id}: ${what}`);
  if (!/^[A-Z][A-Z0-9_]*$/.test(d.id)) throw problem('an id is upper-case letters, digits and underscores');
  if (d.parameters.length !== d.call.length) {
    throw problem(`declares ${d.parameters.length} parameters but its function takes ${d.call.length}`);
  }
  const optional = d.parameters.map((p) => p.optional);
  if (optional.some((o, i) => !o && optional.slice(0, i).includes(true))) throw problem('a required parameter follows an optional one');
  if (new Set(d.parameters.map((p) => p.name)).size !== d.parameters.length) throw problem('two parameters share a name');
  if (d.lead !== undefined && !d.lead.startsWith(d.summary.replace(/\.$/, ''))) throw problem('its lead does not start with its summary');
  if (d.parameters.some((p) => p.description.trim() === '') || d.description.trim() === '') throw problem('a description is empty');
  return d;
}
