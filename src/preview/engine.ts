/**
 * The browser preview's spreadsheet engine: HyperFormula with the DEF functions registered as a
 * plugin that calls the very functions Excel calls (from the registry, `src/functions/registry.ts`),
 * with arguments shaped as Excel shapes them (every argument a 2-D array, an omitted optional
 * argument `null`).
 *
 * HyperFormula is GPL-3.0 (`licenseKey: 'gpl-v3'`). Only the preview imports this module; the
 * production add-in bundle must never contain it (test/preview/licence.test.ts checks dist/).
 *
 * An error in an argument reaches the function as `{ code, message }`, cell by cell, as Excel hands
 * it over with `allowErrorForDataTypeAny` set in functions.json; the function passes it on in the
 * cells it touches. Differences from Excel worth knowing: HyperFormula has no `1E9` literals and
 * needs INDEX's row on a one-row range (the plans avoid both).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  SimpleRangeValue,
} from 'hyperformula';
import type { Argument, DefFunction, DefResult, SpillArgument } from '../functions/declare';
import type { ExcelError } from '../functions/errors';
import { errorMessage } from '../workbook/messages';
import { DEF_DECLARATIONS, formulaName, requiredCount } from '../functions/registry';

export { formulaName };
export type { DefResult };

/**
 * An argument as Excel passes it to a custom function: a 2-D array, or `null` when omitted (the
 * plugin always passes `null`, as Excel does).
 */
export type DefArgument = Argument;

/** One DEF function as the engine registers it. */
export interface DefFunctionEntry {
  /** The permanent id after `@customfunction`; the formula name is `DEF.<id>`. */
  readonly id: string;
  /** Parameter names, in order, as in functions.json. */
  readonly params: readonly string[];
  /** How many leading parameters are required; the rest are optional. */
  readonly required: number;
  /**
   * Set-valued parameters (a list of countries, not a grid to broadcast over): they do not shape
   * the result's spill.
   */
  readonly sets: readonly string[];
  /** The declaration's size rule, for a function whose rows are a count (periods, trials). */
  readonly spill?: DefFunction['spill'];
  /** The function as Excel calls it. */
  call(...args: DefArgument[]): DefResult;
}

/**
 * The DEF functions, from the registry (src/functions/registry.ts); test/preview/engine.test.ts
 * checks them against the generated dist/functions.json (ids, parameter names, which are optional).
 */
export const DEF_FUNCTIONS: readonly DefFunctionEntry[] = DEF_DECLARATIONS.map((f) => ({
  id: f.id,
  params: f.parameters.map((p) => p.name),
  required: requiredCount(f),
  sets: f.parameters.filter((p) => p.set).map((p) => p.name),
  ...(f.spill === undefined ? {} : { spill: f.spill }),
  call: (...args: DefArgument[]) => f.call(...args),
}));

const BY_NAME: ReadonlyMap<string, DefFunctionEntry> = new Map(DEF_FUNCTIONS.map((f) => [formulaName(f.id), f]));

type Ast = Parameters<DefPlugin['evaluateAst']>[0];
type State = Parameters<DefPlugin['evaluateAst']>[1];
type Value = ReturnType<DefPlugin['evaluateAst']>;
/** A function call in a formula, as HyperFormula hands it to a plugin method. */
type CallAst = Extract<Ast, { procedureName: string }>;

/** An argument left out between commas, as in `DEF.FORCE_SIZE(a,b,,c)`. */
function isOmitted(a: Ast): boolean {
  return String(a.type) === 'EMPTY';
}

const ERROR_TYPES: Readonly<Record<string, ErrorType>> = {
  '#VALUE!': ErrorType.VALUE,
  '#N/A': ErrorType.NA,
  '#NUM!': ErrorType.NUM,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#REF!': ErrorType.REF,
  '#NAME?': ErrorType.NAME,
};

function isExcelError(v: unknown): v is ExcelError {
  return typeof v === 'object' && v !== null && 'code' in v && typeof v.code === 'string';
}

/** The engine's error for a DEF error object (`{ code: '#N/A', message }`). */
export function toCellError(e: ExcelError): CellError {
  return new CellError(ERROR_TYPES[e.code] ?? ErrorType.VALUE, e.message);
}

/** The engine's error types back to Excel's codes; anything else (a cycle, a spill) reads as `#VALUE!`. */
const ERROR_CODES: ReadonlyMap<ErrorType, string> = new Map(Object.entries(ERROR_TYPES).map(([code, type]) => [type, code]));

/**
 * A cell of an argument as Excel passes it: empty → null, rich numbers (dates, %) → plain numbers,
 * an error → `{ code, message }` as Excel's runtime hands error cells to a function whose metadata
 * allows them (`allowErrorForDataTypeAny`), so the function passes `#N/A` or `#DIV/0!` on cell by cell.
 */
function toExcelCell(v: unknown): unknown {
  if (v === EmptyValue) return null;
  if (v instanceof CellError) return { code: ERROR_CODES.get(v.type) ?? '#VALUE!', message: v.message ?? '' };
  if (typeof v === 'object' && v !== null && 'val' in v) return v.val;
  return v;
}

function toExcelArgument(v: Value): unknown[][] {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(toExcelCell));
  return [[toExcelCell(v)]];
}

/** A DEF result as the engine takes it: 1 x 1 → the value, else an array that spills. */
function fromResult(result: DefResult): Value {
  const cell = (x: number | string | ExcelError): number | string | CellError => (isExcelError(x) ? toCellError(x) : x);
  const only = result.length === 1 && result[0]?.length === 1 ? result[0][0] : undefined;
  if (only !== undefined) return cell(only);
  return SimpleRangeValue.onlyValues(result.map((row) => row.map(cell)));
}

/**
 * The plugin: every DEF function goes through {@link DefPlugin.callDef}, which finds the entry by
 * the formula name, and {@link DefPlugin.sizeOfDef}, which predicts the spill.
 */
class DefPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    DEF_FUNCTIONS.map((f) => [
      formulaName(f.id),
      {
        method: 'callDef',
        sizeOfResultArrayMethod: 'sizeOfDef',
        parameters: f.params.map((_, i) =>
          i < f.required ? { argumentType: FunctionArgumentType.ANY } : { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        ),
      },
    ]),
  );

  private entry(ast: CallAst): DefFunctionEntry {
    const f = BY_NAME.get(ast.procedureName.toUpperCase());
    if (f === undefined) throw new Error(`the DEF plugin was asked for ${ast.procedureName}`);
    return f;
  }

  callDef(ast: CallAst, state: State): Value {
    const f = this.entry(ast);
    if (ast.args.length < f.required || ast.args.length > f.params.length) {
      return new CellError(ErrorType.NA, `${formulaName(f.id)} takes ${f.required} to ${f.params.length} arguments, not ${ast.args.length}`);
    }
    const args: DefArgument[] = [];
    for (const a of ast.args) {
      if (isOmitted(a)) {
        args.push(null);
        continue;
      }
      args.push(toExcelArgument(this.evaluateAst(a, state)));
    }
    while (args.length < f.params.length) args.push(null);
    try {
      return fromResult(f.call(...args));
    } catch (e) {
      if (isExcelError(e)) return toCellError(e);
      return new CellError(ErrorType.VALUE, `DefEcon could not compute this (internal error: ${errorMessage(e)})`);
    }
  }

  /**
   * The spill: the declaration's size rule where it has one and can tell (a count of periods or
   * trials written as a number in the formula), else the broadcast of the non-set arguments (equal
   * shapes, a single value, column × row). HyperFormula sizes a spill before computing it, so a count
   * read from a cell cannot set it (as with its own SEQUENCE): such a call is best nested in INDEX.
   */
  sizeOfDef(ast: CallAst, state: State): ArraySize {
    const f = this.entry(ast);
    if (f.spill !== undefined) {
      const args: SpillArgument[] = f.params.map((_, i) => {
        const a = ast.args[i];
        if (a === undefined || isOmitted(a)) return { rows: 1, cols: 1, omitted: true };
        const size = this.arraySizeForAst(a, state);
        const literal = 'value' in a && typeof a.value === 'number' ? a.value : undefined;
        return { rows: size.height, cols: size.width, omitted: false, ...(literal === undefined ? {} : { value: literal }) };
      });
      const size = f.spill(args);
      if (size !== undefined) return size.rows === 1 && size.cols === 1 ? ArraySize.scalar() : new ArraySize(size.cols, size.rows);
    }
    let width = 1;
    let height = 1;
    ast.args.forEach((a, i) => {
      const name = f.params[i];
      if (name === undefined || f.sets.includes(name) || isOmitted(a)) return;
      // Not size.isScalar(): that is also true of every range reference (isRef), whatever its size.
      const size = this.arraySizeForAst(a, state);
      width = Math.max(width, size.width);
      height = Math.max(height, size.height);
    });
    return width === 1 && height === 1 ? ArraySize.scalar() : new ArraySize(width, height);
  }
}

/** Registers the DEF functions with HyperFormula, once per loaded copy of the library. */
export function registerDefFunctions(): void {
  const first = DEF_FUNCTIONS[0];
  if (first !== undefined && HyperFormula.getFunctionPlugin(formulaName(first.id)) !== undefined) return;
  const names = Object.fromEntries(DEF_FUNCTIONS.map((f) => [formulaName(f.id), formulaName(f.id)]));
  HyperFormula.registerFunctionPlugin(DefPlugin, { enGB: names });
}

/** A fresh engine with the DEF functions, Excel-like array arithmetic (ranges in `IF`, `=` etc.). */
export function createEngine(): HyperFormula {
  registerDefFunctions();
  return HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', useArrayArithmetic: true });
}
