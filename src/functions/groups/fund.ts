/**
 * The fund functions: a country's part of an amount and its share under a contribution key,
 * renormalised over the countries that take part, and the guarantees an EFSF-style fund needs.
 */
import { amountParam, countryParam, FUND_GUARANTEES, keyParam, liftFundKey, liftFundShare, participantsParam } from '../../model/fund';
import { lift } from '../../model/numeric';
import { type Argument, choiceParameter, declare, type Grid, modelParameters, numberParameter, setParameter } from '../declare';
import { toExcel, toExcelError } from '../errors';

const EFSF_REFERENCE = 'EFSF Framework Agreement as amended (in force 18 Oct 2011).';

const country = (description: string) =>
  choiceParameter(countryParam, {
    description,
    help: {
      accepted:
        'An EU27 member, the United Kingdom or Norway, as ISO code (<code>DE</code>, <code>GR</code>, <code>GB</code>), ' +
        'Eurostat code (<code>EL</code>, <code>UK</code>) or English name. An unknown country is <code>#VALUE!</code>; ' +
        'one the key does not cover is <code>#N/A</code>.',
    },
  });

const COUNTRY = 'ISO code (DE, GR, GB), Eurostat code (EL, UK) or English name; EU27, United Kingdom or Norway.';

const key = choiceParameter(
  keyParam,
  {
    description: '"GDP" (default, 2024), "EFSF" (2011 guarantees), "ESM", "ECB" (euro area 2024) or "POP" (2024).',
    help: {
      accepted: '<code>GDP</code> (default), <code>EFSF</code>, <code>ESM</code>, <code>ECB</code>, <code>POP</code> (see <a href="#keys">keys</a>)',
    },
  },
  'GDP',
);

const participants = (who: string) =>
  setParameter(participantsParam, 'a range of countries', {
    description: `Range of participating countries. Default: every country the key covers. Others ${who} 0.`,
    help: {
      accepted: 'Blank cells are ignored; a range with no country at all is <code>#VALUE!</code>. Omitted: every country the key covers.',
    },
  });

/** What the renormalisation does, for a function whose countries outside the participants `pay` or `get` 0. */
const shareNotes = (verb: string): string =>
  `A country outside the participants ${verb} 0. Participants the key does not cover are left out of the sum. This is how the ` +
  "EFSF's key was re-spread when Greece, Ireland and Portugal stepped out as guarantors.";

export const fundShare = declare({
  id: 'FUND_SHARE',
  group: 'Fund',
  summary: "A country's part of an amount under a contribution key, renormalised over the countries that take part.",
  description: "A country's part of an amount under a contribution key, renormalised over the participants.",
  parameters: [
    country(COUNTRY),
    numberParameter(amountParam, { description: 'Amount to share, in any currency (≥ 0); the result is in the same currency.' }),
    key,
    participants('pay'),
  ],
  method: {
    equation: "amount × w<sub>c</sub> / Σ<sub>p ∈ participants</sub> w<sub>p</sub>, with w the key's weights",
    notes: shareNotes('pays'),
    reference: EFSF_REFERENCE,
  },
  examples: [
    {
      formula: '=DEF.FUND_SHARE("DE", 40)',
      result: '7.92',
      after:
        ": Germany's part of EUR 40 bn a year by GDP 2024 over EU27 + United Kingdom + Norway. " +
        '<code>=DEF.FUND_SHARE(A2:A30, 40)</code> spills the whole table.',
    },
  ],
  call: (country: Grid, amount: Grid, key?: Argument, participants?: Argument) =>
    toExcel(() => liftFundShare(country, amount, key, participants, toExcelError)),
});

export const fundKey = declare({
  id: 'FUND_KEY',
  group: 'Fund',
  summary: 'The share itself, as a fraction from 0 to 1.',
  lead: 'The share itself, as a fraction from 0 to 1: <code>FUND_SHARE</code> with an amount of 1 (see <a href="#fund_share">FUND_SHARE</a>).',
  description: "A country's share of a contribution key, as a fraction, renormalised over the participants.",
  parameters: [country(COUNTRY), key, participants('get')],
  method: {
    equation: "w<sub>c</sub> / Σ<sub>p ∈ participants</sub> w<sub>p</sub>, with w the key's weights",
    notes: shareNotes('gets'),
    reference: EFSF_REFERENCE,
  },
  examples: [
    {
      formula: '=DEF.FUND_KEY("DE", "EFSF")',
      result: '0.2706',
      after:
        ' (211,045.90 of 779,783.16 EUR m of 2011 guarantee commitments); ' +
        '<code>=DEF.FUND_KEY("PL", "EFSF")</code> → <code>#N/A</code>: Poland was not an EFSF guarantor.',
    },
  ],
  call: (country: Grid, key?: Argument, participants?: Argument) => toExcel(() => liftFundKey(country, key, participants, toExcelError)),
});

export const fundGuarantees = declare({
  id: 'FUND_GUARANTEES',
  group: 'Fund',
  summary: 'Guarantees a fund needs for a lending capacity: lending_capacity × over_guarantee.',
  description: 'Guarantees a fund needs for a lending capacity: lending_capacity × over_guarantee.',
  parameters: modelParameters(FUND_GUARANTEES, {
    lending_capacity: { description: 'Amount the fund must be able to lend, in any currency (≥ 0).' },
    over_guarantee: {
      description: 'Guarantees per unit lent (≥ 1). Default 1.65, the EFSF after 2011.',
      help: { acceptedNote: ', the EFSF after the 2011 amendment (1.20 at its creation in 2010)' },
    },
  }),
  method: {
    equation: 'lending_capacity × over_guarantee',
    notes: 'The EFSF needed EUR 726 bn of guarantees for EUR 440 bn of lending (1.65 × 440 = 726).',
    reference: EFSF_REFERENCE,
  },
  examples: [
    {
      formula: '=DEF.FUND_GUARANTEES(440000)',
      result: '726,000',
      says: '(EUR m)',
      after: ": the EFSF's EUR 440 bn lending capacity.",
    },
  ],
  call: (lending_capacity: Grid, over_guarantee?: Argument) => toExcel(() => lift(FUND_GUARANTEES, [lending_capacity, over_guarantee], toExcelError)),
});
