/**
 * Burden sharing for a European Security Fund for Ukraine: each country's part of an amount under
 * a contribution key, renormalised over the countries that take part, and the guarantees an
 * EFSF-style fund needs.
 *
 * Notes: the share of country i among participants P under key w is s_i = w_i / Σ_{j ∈ P} w_j for
 * i ∈ P and 0 otherwise; participants the key does not cover are left out of the sum.
 * References: EFSF Framework Agreement as amended (in force 18 Oct 2011): guarantee commitments by
 * contribution key, re-distributed among the remaining guarantors when one steps out; the fund's
 * coalition (most EU members plus the United Kingdom and Norway) follows D. Gros, IEP@BU Policy
 * Brief 36 (2025).
 */
import { findCountry } from '../data/countries';
import { findKey, KEY_IDS, KEYS } from '../data/keys';
import { findAssumption } from '../data/assumptions';
import type { ContributionKey, Country, CountryCode, KeyId } from '../data/types';
import { type Arg, type ChoiceParam, checkChoice, checkNumber, choices, dimsOf, listOf, must, type NumberParam, numbers } from './args';
import { invalid, ModelError, notCovered } from './errors';
import { broadcast, broadcastShape } from './grid';
import { evaluate, liftArgs, type NumericModel, overflow } from './numeric';

const COUNTRY_ACCEPTED = 'an EU27 member, the United Kingdom or Norway, as an ISO code (DE, GR, GB), a Eurostat code (EL, UK) or an English name';

export const countryParam: ChoiceParam<Country> = { name: 'country', resolve: findCountry, accepted: COUNTRY_ACCEPTED };
export const participantsParam: ChoiceParam<Country> = { ...countryParam, name: 'participants' };
export const keyParam: ChoiceParam<ContributionKey> = {
  name: 'key',
  resolve: findKey,
  accepted: `one of ${KEY_IDS.join(', ')}`,
  default: keyById('GDP'),
};
export const amountParam: NumberParam = { name: 'amount', unit: 'any currency unit; the result is in the same unit', min: 0 };

function keyById(id: KeyId): ContributionKey {
  const k = KEYS.get(id);
  if (k === undefined) throw new Error(`no contribution key ${id}`);
  return k;
}

/** The set of participating countries; `null` means every country the key covers. */
export type Participants = ReadonlySet<CountryCode> | null;

/** Σ of the key's weights over the participants it covers (over all it covers when `participants` is null). */
function keyTotal(key: ContributionKey, participants: Participants): number {
  let total = 0;
  key.weights.forEach((w, code) => {
    if (participants === null || participants.has(code)) total += w;
  });
  return total;
}

/** Each key's total over every country it covers, summed once for the module. */
const FULL_TOTALS: ReadonlyMap<KeyId, number> = new Map([...KEYS].map(([id, k]) => [id, keyTotal(k, null)]));

/**
 * Each key's total over a set of participants, for the sets met recently, by the set's sorted
 * codes: a workbook's FUND_* calls repeat the same few sets, so a key is summed once per set, not
 * once per call or cell. Bounded: the oldest set is dropped past {@link MAX_SETS}.
 */
const SET_TOTALS = new Map<string, Map<KeyId, number>>();
const MAX_SETS = 64;

function totalsFor(participants: Participants): Map<KeyId, number> | ReadonlyMap<KeyId, number> {
  if (participants === null) return FULL_TOTALS;
  const id = [...participants].sort().join(',');
  let totals = SET_TOTALS.get(id);
  if (totals === undefined) {
    totals = new Map([...KEYS].map(([k, key]) => [k, keyTotal(key, participants)]));
    if (SET_TOTALS.size >= MAX_SETS) SET_TOTALS.delete(SET_TOTALS.keys().next().value as string);
    SET_TOTALS.set(id, totals);
  }
  return totals;
}

/** The NOT_COVERED error for a country a key does not cover, built once per key and country. */
const UNCOVERED = new Map<string, ModelError>();

function uncovered(country: Country, key: ContributionKey): ModelError {
  const id = `${key.id}|${country.code}`;
  let e = UNCOVERED.get(id);
  if (e === undefined) {
    e = notCovered('country', `the ${key.id} key does not cover ${country.name} (${country.code}); it covers ${[...key.weights.keys()].join(', ')}`);
    UNCOVERED.set(id, e);
  }
  return e;
}

/**
 * Renormalised key shares over one set of participants, with each key's total summed once (see
 * {@link totalsFor}) however many calls and cells ask.
 */
class ShareTable {
  private readonly totals: ReadonlyMap<KeyId, number>;
  /** The error for a key that covers none of the participants, per key. */
  private readonly noneCovered = new Map<KeyId, ModelError>();
  constructor(private readonly participants: Participants) {
    this.totals = totalsFor(participants);
  }

  share(country: Country, key: ContributionKey): number {
    const w = key.weights.get(country.code);
    if (w === undefined) throw uncovered(country, key);
    const total = this.totals.get(key.id) as number;
    // Only a participant set can leave a key's total at 0 (every weight is > 0): nothing is shared out.
    if (total === 0) throw this.nothingCovered(key);
    if (this.participants !== null && !this.participants.has(country.code)) return 0;
    return w / total;
  }

  private nothingCovered(key: ContributionKey): ModelError {
    let e = this.noneCovered.get(key.id);
    if (e === undefined) {
      const given = [...(this.participants ?? [])].join(', ');
      e = invalid(
        'participants',
        `participants must include a country the ${key.id} key covers (${[...key.weights.keys()].join(', ')}); ` +
          `it covers none of ${given}, so nothing would be shared out`,
      );
      this.noneCovered.set(key.id, e);
    }
    return e;
  }
}

function participantSet(countries: readonly Country[] | null | undefined): Participants {
  if (countries === null || countries === undefined) return null;
  if (countries.length === 0) throw invalid('participants', 'participants has no entries; leave it out to include every country the key covers');
  return new Set(countries.map((c) => c.code));
}

/**
 * A country's share of a contribution key, renormalised over the participants.
 *
 * @param country ISO code (`DE`), Eurostat code (`EL`) or English name
 * @param key `GDP` (default: GDP 2024, EU27 + GB + NO), `EFSF` (2011 guarantee commitments), `ESM`,
 *   `ECB` (capital key 2024, euro area) or `POP` (population 2024)
 * @param participants countries taking part (default: every country the key covers)
 * @returns the share, a fraction in [0, 1]; 0 for a country outside the participants
 * @throws ModelError `NOT_COVERED` for a country the key does not cover; `INVALID_ARGUMENT` for an unknown one
 * @example fundKey('DE', 'EFSF', ['DE', 'FR', 'IT', ...]) // Germany's EFSF key among the remaining guarantors
 */
export function fundKey(country: string, key: string = 'GDP', participants?: readonly string[]): number {
  const table = new ShareTable(participantSet(participants?.map((p) => must(checkChoice(participantsParam, p)))));
  return table.share(must(checkChoice(countryParam, country)), must(checkChoice(keyParam, key)));
}

/**
 * A country's part of an amount under a contribution key, renormalised over the participants:
 * amount × {@link fundKey}.
 *
 * @param amount the amount to share, in any currency unit; ≥ 0
 * @returns the part, in the unit of `amount`
 * @example fundShare('DE', 40, 'GDP') // Germany's part of EUR 40 bn by GDP 2024 over EU27 + GB + NO
 */
export function fundShare(country: string, amount: number, key: string = 'GDP', participants?: readonly string[]): number {
  return must(checkNumber(amountParam, amount)) * fundKey(country, key, participants);
}

/** The arguments FUND_KEY and FUND_SHARE have in common, parsed. */
function fundArgs(rawCountry: unknown, rawKey: unknown, rawParticipants: unknown) {
  return {
    country: choices(countryParam, rawCountry),
    key: choices(keyParam, rawKey),
    table: new ShareTable(participantSet(listOf(participantsParam, rawParticipants))),
  };
}

/**
 * {@link fundKey} broadcast over ranges of countries and keys. `participants` is a set, not
 * broadcast: every non-blank cell of it is a participant.
 */
export function liftFundKey<E>(rawCountry: unknown, rawKey: unknown, rawParticipants: unknown, onError: (e: ModelError) => E): (number | E)[][] {
  broadcastShape([dimsOf(countryParam.name, rawCountry), dimsOf(keyParam.name, rawKey)]);
  const { country, key, table } = fundArgs(rawCountry, rawKey, rawParticipants);
  const args: Arg<unknown>[] = [country, key];
  return broadcast(args, (ix) => table.share(country.values[ix[0]!]!, key.values[ix[1]!]!), onError);
}

/**
 * The shares of the (country, key) cells, broadcast together, as an argument of their own: a
 * country or key cell's error, or the share's (a key that does not cover the country), marks its
 * cell. One look-up per (country, key) cell, however many amounts there are.
 */
function sharesOf(country: Arg<Country>, key: Arg<ContributionKey>, table: ShareTable): Arg<number> {
  const { rows, cols } = broadcastShape([country, key]);
  const values = new Float64Array(rows * cols);
  const errors = new Map<number, ModelError>();
  for (let r = 0, i = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++, i++) {
      const ci = (country.rows === 1 ? 0 : r * country.cols) + (country.cols === 1 ? 0 : c);
      const ki = (key.rows === 1 ? 0 : r * key.cols) + (key.cols === 1 ? 0 : c);
      let e = country.errors?.get(ci) ?? key.errors?.get(ki);
      if (e === undefined) {
        try {
          values[i] = table.share(country.values[ci]!, key.values[ki]!);
          continue;
        } catch (x) {
          if (!(x instanceof ModelError)) throw x;
          e = x;
        }
      }
      values[i] = NaN;
      errors.set(i, e);
    }
  }
  return { name: 'share', rows, cols, values, errors: errors.size === 0 ? null : errors };
}

/** amount × share: FUND_SHARE once the shares are known; never overflows, since a share is at most 1. */
const part = (share: number, amount: number): number => amount * share;

const FUND_PART: NumericModel = {
  params: [{ name: 'share', unit: 'fraction of the amount', min: 0, max: 1 }, amountParam],
  f: part,
  explain: overflow,
  explainReads: [],
  row: (out, n, [l0, l1]) => {
    const { v: v0, o: o0, s: s0 } = l0!,
      { v: v1, o: o1, s: s1 } = l1!;
    const k0 = v0[o0]!,
      k1 = v1[o1]!;
    let check = 0;
    for (let j = 0; j < n; j++) check += (out[j] = part(s0 === 0 ? k0 : v0[o0 + j]!, s1 === 0 ? k1 : v1[o1 + j]!)) * 0;
    return check === 0;
  },
};

/**
 * {@link fundShare} broadcast over ranges of countries, amounts and keys; `participants` as for
 * {@link liftFundKey}. The shares are looked up once per (country, key) cell, then multiplied by
 * the amounts in the numeric row loop: no look-up per cell of the result.
 */
export function liftFundShare<E>(
  rawCountry: unknown,
  rawAmount: unknown,
  rawKey: unknown,
  rawParticipants: unknown,
  onError: (e: ModelError) => E,
): (number | E)[][] {
  broadcastShape([dimsOf(countryParam.name, rawCountry), dimsOf(amountParam.name, rawAmount), dimsOf(keyParam.name, rawKey)]);
  const { country, key, table } = fundArgs(rawCountry, rawKey, rawParticipants);
  const amt = numbers(amountParam, rawAmount);
  broadcastShape([country, amt, key]);
  return liftArgs(FUND_PART, [sharesOf(country, key, table), amt], onError);
}

/**
 * The EFSF over-guarantee after the 2011 amendment (165 %), from the baseline assumption
 * `over_guarantee` (source: EFSF Framework Agreement as amended, 2011).
 */
export const EFSF_OVER_GUARANTEE = ((): number => {
  const v = findAssumption('over_guarantee')?.values.peace;
  if (typeof v !== 'number') throw new Error('the baseline has no numeric over_guarantee');
  return v;
})();

const lendingCapacity: NumberParam = { name: 'lending_capacity', unit: 'any currency unit', min: 0 };
const overGuarantee: NumberParam = {
  name: 'over_guarantee',
  unit: 'guarantees per unit lent',
  min: 1,
  default: EFSF_OVER_GUARANTEE,
};

/**
 * Guarantees a fund needs to lend a given amount with an over-guarantee.
 *
 * Notes: G = L × o. The EFSF's over-guarantee was 120 % at creation (2010) and 165 % after 2011,
 * which is how a EUR 440 bn lending capacity needed EUR 726 bn of guarantees (1.65 × 440 = 726).
 *
 * @param lendingCapacity amount the fund must be able to lend, in any currency unit; ≥ 0
 * @param overGuarantee guarantees per unit lent; ≥ 1; default 1.65 (EFSF after 2011)
 * @returns guarantees, in the unit of `lendingCapacity`
 * @example fundGuarantees(440000) // 726,000 (EUR m): the EFSF after the 2011 amendment
 */
export function fundGuarantees(lendingCapacity: number, overGuarantee?: number): number {
  return evaluate(FUND_GUARANTEES, [lendingCapacity, overGuarantee]);
}

const guarantees = (l: number, o: number): number => l * o;

export const FUND_GUARANTEES: NumericModel = {
  params: [lendingCapacity, overGuarantee],
  f: guarantees,
  explain: overflow,
  explainReads: [],
  row: (out, n, [l0, l1]) => {
    const { v: v0, o: o0, s: s0 } = l0!,
      { v: v1, o: o1, s: s1 } = l1!;
    const k0 = v0[o0]!,
      k1 = v1[o1]!;
    let check = 0;
    for (let j = 0; j < n; j++) check += (out[j] = guarantees(s0 === 0 ? k0 : v0[o0 + j]!, s1 === 0 ? k1 : v1[o1 + j]!)) * 0;
    return check === 0;
  },
};
