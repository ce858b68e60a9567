/**
 * The pure parts of the pane's Sensitivity runs: the driver's inputs built from the pane's choices
 * (a table's axes, a tornado's inputs) and the status a failed run ends in. The controller
 * (`sensitivity-controller.ts`) calls them around the driver.
 */
import type { AssumptionInput, InputChoice, OutputChoice, SensitivityStatus } from './sensitivity-state';
import { errorMessage } from '../workbook/messages';
import { type Axis, axisValues, MAX_STEPS, type Recovery, SensitivityError, type TableSpec, type TornadoInput } from '../workbook/sensitivity';

/** An input's axis: `steps` values from its low to its high bound, its base marked. */
export function axisOf(input: InputChoice, steps: number): Axis {
  return {
    ref: input.ref,
    label: input.label,
    ...(input.name === undefined ? {} : { name: input.name }),
    values: axisValues(input.low, input.high, steps),
    base: input.base,
  };
}

/** A one-way (rows only) or two-way table of `output` over the inputs. */
export function tableSpecOf(output: OutputChoice, rows: InputChoice, cols: InputChoice | undefined, steps: number): TableSpec {
  return {
    output: output.ref,
    outputLabel: output.label,
    rows: axisOf(rows, steps),
    ...(cols === undefined ? {} : { cols: axisOf(cols, steps) }),
  };
}

/**
 * A tornado's inputs: every named assumption (with the bounds edited in the chosen inputs where the
 * same assumption is chosen there), then the chosen inputs that are not named assumptions.
 */
export function tornadoInputsOf(assumptions: readonly AssumptionInput[], chosen: readonly InputChoice[]): TornadoInput[] {
  const byName = new Map(chosen.filter((c) => c.name !== undefined).map((c) => [c.name, c]));
  const named: TornadoInput[] = assumptions.map((a) => {
    const edited = byName.get(a.name);
    return { ref: a.ref, label: a.label, low: edited?.low ?? a.low, high: edited?.high ?? a.high };
  });
  const others: TornadoInput[] = chosen.filter((c) => c.name === undefined).map((c) => ({ ref: c.ref, label: c.label, low: c.low, high: c.high }));
  return [...named, ...others];
}

/**
 * How a run that threw ends: `error` with the inputs that could not be put back (never a clean
 * cancel), `cancelled` when stopped, else `error` with the reason. `kept` names the sheet that holds
 * partial results, if any; `what` names the run ("one-way table").
 */
export function failureOf(error: unknown, what: string, aborted: boolean, kept: string | null): { status: SensitivityStatus; recovery?: Recovery } {
  const after = kept === null ? ' No sheet was written.' : ` What it had computed is on the new sheet ${kept}.`;
  if (error instanceof SensitivityError && error.code === 'RESTORE_FAILED') {
    const recovery = error.recovery;
    return {
      ...(recovery === undefined ? {} : { recovery }),
      status: { kind: 'error', message: `The ${what} failed: ${error.message}${kept === null ? '' : after}` },
    };
  }
  if (aborted || (error instanceof SensitivityError && error.code === 'CANCELLED')) {
    const why = error instanceof SensitivityError && error.code === 'CANCELLED' ? error.message : 'cancelled.';
    return { status: { kind: 'cancelled', message: `The ${what} was ${why}${after}` } };
  }
  return { status: { kind: 'error', message: `Could not make the ${what}: ${errorMessage(error)}${kept === null ? '' : after}` } };
}

/**
 * Why `steps` cannot be the steps per axis (`NaN`: the field is empty), or `null` when it is a whole
 * number from 2 to {@link MAX_STEPS}; `kept` is the number of steps that stays.
 */
export function stepsProblem(steps: number, kept: number): string | null {
  const accepted = `Steps per axis must be a whole number from 2 to ${MAX_STEPS}`;
  const stays = `the tables keep ${kept} steps.`;
  if (Number.isNaN(steps)) return `${accepted}; the field is empty, so ${stays}`;
  if (!Number.isInteger(steps) || steps < 2 || steps > MAX_STEPS) return `${accepted}; ${steps} was refused, so ${stays}`;
  return null;
}
