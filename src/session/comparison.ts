/**
 * Runs over the baseline's scenarios and assumptions on a {@link DrivableTarget}: the tornado's
 * inputs read from the Assumptions sheet, and the scenario comparison (the selector switched to each
 * scenario in turn and put back).
 */
import { SCENARIOS } from '../data/assumptions';
import type { ScenarioId } from '../data/types';
import { baselinePlan, scenarioFromLabel } from '../workbook/baseline';
import { type Constant, planAnchors } from '../workbook/plan';
import { type ComparisonResult, SensitivityError, type TornadoInput } from '../workbook/sensitivity';
import type { DrivableTarget } from '../workbook/writer';
import { putBack, type RunOptions, type Stop, stopOf, where } from './stop';

/**
 * Every numeric assumption with a low or a high bound, as tornado inputs: the active scenario's
 * constant cell (the selector's column), the assumption's label, its low and high read from the
 * sheet (a missing one is the base value), its defined name and its current (base) value.
 */
export async function assumptionInputs(
  target: DrivableTarget,
  copy = 1,
): Promise<(TornadoInput & { readonly name: string; readonly base: number })[]> {
  const plan = baselinePlan({ scenario: 'peace', copy, kinds: ['assumptions'] });
  const [selector] = await target.readCells([plan.scenarioCell]);
  const label = selector?.value;
  const scenario = typeof label === 'string' ? scenarioFromLabel(label) : undefined;
  if (scenario === undefined)
    throw new SensitivityError(
      'INVALID',
      `the scenario selector ${where(plan.scenarioCell)} holds ${JSON.stringify(label ?? null)}, not one of ${SCENARIOS.map((x) => x.short).join(', ')}`,
    );
  const cells = planAnchors(plan).assumptions;
  const refs = cells.flatMap((a) => [a.scenario[scenario], a.low, a.high]);
  const states = await target.readCells(refs);
  const out: (TornadoInput & { name: string; base: number })[] = [];
  cells.forEach((a, i) => {
    const [v, low, high] = [states[3 * i], states[3 * i + 1], states[3 * i + 2]].map((s) => s?.value);
    const constant = states[3 * i]?.formula === null;
    if (!constant || typeof v !== 'number') return;
    // A missing bound is the base value itself (line_km has a high of 1,250 km but no low): the
    // range then runs from the base to the one bound given.
    const lo = typeof low === 'number' ? low : v;
    const hi = typeof high === 'number' ? high : v;
    if (!(lo < hi)) return;
    out.push({ ref: a.scenario[scenario], label: a.label, low: lo, high: hi, name: a.name, base: v });
  });
  return out;
}

/** How many of the fund's contributions a comparison shows. */
const TOP_CONTRIBUTIONS = 5;

/**
 * The headline outputs under each scenario: switches the selector to each scenario in turn, reads,
 * and puts the selector back (also when cancelled or on error). The fund's five largest
 * contributions (by their sum over the scenarios) close the list.
 * @throws SensitivityError INVALID (no selector value), CANCELLED, FAILED
 */
export async function runComparison(target: DrivableTarget, copy = 1, options: RunOptions = {}): Promise<ComparisonResult> {
  const plan = baselinePlan({ scenario: 'peace', copy });
  const selector = plan.scenarioCell;
  const { headlines: single, fundTable: table } = planAnchors(plan);
  const contributions = table?.countries.map((x) => x.contribution) ?? [];
  const countries = table?.countries.map((x) => x.name) ?? [];
  const [original] = await target.readCells([selector]);
  if (original === undefined) throw new SensitivityError('FAILED', `could not read the scenario selector ${where(selector)}`);
  const refs = [...single.map((h) => h.cell), ...contributions];
  const read: Partial<Record<ScenarioId, Constant[]>> = {};
  let done = 0;
  let stop: Stop | null;
  try {
    for (const x of SCENARIOS) {
      if (options.signal?.aborted === true) throw new SensitivityError('CANCELLED', `cancelled after ${done} of ${SCENARIOS.length} scenarios`);
      await target.setValue(selector.sheet, selector.address, x.short);
      read[x.id] = (await target.readCells(refs)).map((s) => s.value);
      done += 1;
      options.onProgress?.({ done, total: SCENARIOS.length, step: x.short });
    }
    stop = null;
  } catch (e) {
    stop = stopOf(e, `${done} of ${SCENARIOS.length} scenarios`, '; the selector was restored.');
  }
  await putBack(target, [{ ref: selector, state: original }], options, stop, `the comparison was complete (${SCENARIOS.length} scenarios)`);
  const names = (await target.readCells(countries)).map((s) => s.value);
  const valueAt = (k: number): Record<ScenarioId, Constant> =>
    Object.fromEntries(SCENARIOS.map((x) => [x.id, read[x.id]?.[k] ?? null])) as Record<ScenarioId, Constant>;
  const rows: ComparisonResult['rows'][number][] = single.map((h, k) => ({ label: `${h.cell.sheet}: ${h.label}`, unit: h.unit, values: valueAt(k) }));
  const sum = (k: number): number =>
    SCENARIOS.reduce((acc, x) => {
      const v = read[x.id]?.[k];
      return acc + (typeof v === 'number' ? v : 0);
    }, 0);
  const top = contributions
    .map((_, i) => single.length + i)
    .sort((a, b) => sum(b) - sum(a))
    .slice(0, TOP_CONTRIBUTIONS);
  for (const k of top) {
    const name = names[k - single.length];
    rows.push({ label: `Fund contribution: ${typeof name === 'string' ? name : String(name)}`, unit: table?.unit ?? '', values: valueAt(k) });
  }
  return { rows, computedAt: new Date() };
}
