/**
 * Numeric models: a function of numbers declared as its parameters (constraints as data) plus a
 * kernel that does the arithmetic. One declaration serves both the checked scalar API used in
 * TypeScript and the broadcast path used by the Excel functions.
 */
import { type Arg, checkNumber, type NumberParam, numbers } from './args';
import { ModelError } from './errors';
import { broadcast } from './grid';

export interface NumericModel {
  /** The parameters, in call order; optional ones carry a `default`. */
  readonly params: readonly NumberParam[];
  /**
   * The arithmetic, for inputs that have passed their parameter's checks. Throws a
   * {@link ModelError} only for combinations of valid inputs that have no answer.
   */
  readonly kernel: (...xs: number[]) => number;
}

/**
 * Checks each input against its parameter, then applies the kernel.
 * `undefined` for an optional input means "omitted" and takes the default.
 * @throws ModelError for input outside a parameter's range or a combination with no answer.
 */
export function evaluate(model: NumericModel, xs: readonly (number | undefined)[]): number {
  const checked = model.params.map((p, k) => {
    const x = checkNumber(p, xs[k]);
    if (x instanceof ModelError) throw x;
    return x;
  });
  const y = model.kernel(...checked);
  if (!Number.isFinite(y)) throw new ModelError('OVERFLOW', '', 'the result is beyond the largest number a double holds');
  return y;
}

/**
 * Applies the model over arguments that may be ranges (2-D arrays), broadcasting them.
 * An omitted optional argument is `null` (as Excel passes it) and takes the parameter's default.
 */
export function lift<E>(model: NumericModel, raws: readonly unknown[], onError: (e: ModelError) => E): (number | E)[][] {
  const args = model.params.map((p, k) => numbers(p, raws[k]));
  return broadcast(args, cellOf(model.kernel, args), onError);
}

/** A cell function with the arity spelled out, so the hot loop makes no array per cell. */
function cellOf(kernel: (...xs: number[]) => number, args: readonly Arg<number>[]): (ix: Int32Array) => number {
  const [a, b, c, d] = args.map((x) => x.values);
  switch (args.length) {
    case 1:
      return (ix) => kernel(a![ix[0]!]!);
    case 2:
      return (ix) => kernel(a![ix[0]!]!, b![ix[1]!]!);
    case 3:
      return (ix) => kernel(a![ix[0]!]!, b![ix[1]!]!, c![ix[2]!]!);
    case 4:
      return (ix) => kernel(a![ix[0]!]!, b![ix[1]!]!, c![ix[2]!]!, d![ix[3]!]!);
    default:
      throw new Error(`numeric models take 1 to 4 parameters, not ${args.length}`);
  }
}
