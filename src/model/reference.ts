/**
 * Look-ups in the reference data: the brief's baseline assumptions by scenario and bound, and the
 * citation behind any figure the add-in ships.
 */
import { ASSUMPTIONS, findAssumption, SCENARIOS } from '../data/assumptions';
import { MUNITION_FACTS, RATIOS } from '../data/facts';
import { KEY_IDS, KEYS } from '../data/keys';
import { PRECEDENTS } from '../data/precedents';
import type { Assumption, Citation, ScenarioId } from '../data/types';
import { type ChoiceParam, checkChoice, choices, dimsOf, must } from './args';
import { ModelError, notCovered } from './errors';
import { broadcast, broadcastShape } from './grid';

export type Bound = 'central' | 'low' | 'high';

/** Scenario names accepted as input: the ids, and the column names of the reference CSV. */
const SCENARIO_ALIASES: ReadonlyMap<string, ScenarioId> = new Map([
  ['peace', 'peace'],
  ['lasting_peace', 'peace'],
  ['collapse', 'collapse'],
  ['truce_collapse', 'collapse'],
  ['no_deal', 'no_deal'],
  ['no_agreement', 'no_deal'],
]);

export const assumptionParam: ChoiceParam<Assumption> = {
  name: 'id',
  resolve: findAssumption,
  accepted: `one of ${ASSUMPTIONS.map((a) => a.id).join(', ')}`,
};

export const scenarioParam: ChoiceParam<ScenarioId> = {
  name: 'scenario',
  resolve: (t) => SCENARIO_ALIASES.get(t.toLowerCase()),
  accepted: `one of ${SCENARIOS.map((s) => `${s.id} (${s.label})`).join(', ')}`,
  default: 'peace',
};

export const boundParam: ChoiceParam<Bound> = {
  name: 'bound',
  resolve: (t) => {
    const b = t.toLowerCase();
    return b === 'central' || b === 'low' || b === 'high' ? b : undefined;
  },
  accepted: 'central, low or high',
  default: 'central',
};

function valueOf(a: Assumption, scenario: ScenarioId, bound: Bound): number | string {
  const v = bound === 'central' ? a.values[scenario] : a[bound];
  if (v === null) {
    throw notCovered(
      bound === 'central' ? 'scenario' : 'bound',
      bound === 'central' ? `${a.id} has no value in scenario ${scenario}: the brief gives none` : `${a.id} has no ${bound} bound in the baseline`,
    );
  }
  return v;
}

/**
 * A baseline assumption of the brief.
 *
 * @param id assumption id, e.g. `line_km`
 * @param scenario `peace` (default), `collapse` or `no_deal`
 * @param bound `central` (default: the scenario's value), `low` or `high` (bounds are the same in every scenario)
 * @returns the value, in the assumption's unit (text for `fund_key`)
 * @throws ModelError `NOT_COVERED` where the baseline gives no value
 * @example assumption('line_km') // 1040 (km)
 */
export function assumption(id: string, scenario: string = 'peace', bound: string = 'central'): number | string {
  return valueOf(must(checkChoice(assumptionParam, id)), must(checkChoice(scenarioParam, scenario)), must(checkChoice(boundParam, bound)));
}

/** {@link assumption} broadcast over ranges of ids, scenarios and bounds. */
export function liftAssumption<E>(rawId: unknown, rawScenario: unknown, rawBound: unknown, onError: (e: ModelError) => E): (number | string | E)[][] {
  broadcastShape([dimsOf(assumptionParam.name, rawId), dimsOf(scenarioParam.name, rawScenario), dimsOf(boundParam.name, rawBound)]);
  const id = choices(assumptionParam, rawId);
  const sc = choices(scenarioParam, rawScenario);
  const bd = choices(boundParam, rawBound);
  return broadcast([id, sc, bd], (ix) => valueOf(id.values[ix[0]!]!, sc.values[ix[1]!]!, bd.values[ix[2]!]!), onError);
}

const BASIS_TEXT: Readonly<Record<Citation['basis'], string>> = {
  read: 'Read in the source.',
  derived: 'Derived by DefEcon from figures read in the source.',
  analyst: "Analyst's choice for the model, on the basis given.",
};

/** The citation of a sourced record as one line of text. */
export function citationText(c: Citation): string {
  const parts = [`${c.source}.`, `As of ${c.asOf}.`, BASIS_TEXT[c.basis]];
  if (c.confidence !== undefined) parts.push(`Confidence: ${c.confidence}.`);
  if (c.note !== undefined) parts.push(`Note: ${c.note}`);
  return parts.join(' ');
}

/** Every id SOURCE accepts, lower-cased, with its citation. */
const CITATIONS: ReadonlyMap<string, Citation> = new Map<string, Citation>([
  ...ASSUMPTIONS.map((a) => [a.id.toLowerCase(), a] as const),
  ...PRECEDENTS.flatMap((p) => [[p.id.toLowerCase(), p] as const, [p.referenceId.toLowerCase(), p] as const]),
  ...KEY_IDS.map((k) => [k.toLowerCase(), KEYS.get(k) as Citation] as const),
  ...[...MUNITION_FACTS, ...RATIOS].map((f) => [f.id.toLowerCase(), f] as const),
]);

export const sourceIdParam: ChoiceParam<Citation> = {
  name: 'id',
  resolve: (t) => CITATIONS.get(t.toLowerCase()),
  accepted:
    `an assumption (${ASSUMPTIONS.map((a) => a.id).join(', ')}), a precedent (${PRECEDENTS.map((p) => p.id).join(', ')}), ` +
    `a key (${KEY_IDS.join(', ')}) or a fact (${[...MUNITION_FACTS, ...RATIOS].map((f) => f.id).join(', ')})`,
};

/**
 * The citation behind an assumption, precedent, contribution key or fact.
 * @example source('UNIFIL') // "UNIFIL press release 7 Dec 2018 ... As of 2018-12-07. Read in the source."
 */
export function source(id: string): string {
  return citationText(must(checkChoice(sourceIdParam, id)));
}

/** {@link source} broadcast over a range of ids. */
export function liftSource<E>(rawId: unknown, onError: (e: ModelError) => E): (string | E)[][] {
  // A whole column (1,048,576 ids) is refused from its length, before any id is read.
  broadcastShape([dimsOf(sourceIdParam.name, rawId)]);
  const id = choices(sourceIdParam, rawId);
  return broadcast([id], (ix) => citationText(id.values[ix[0]!]!), onError);
}
