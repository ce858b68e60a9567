import { COUNTRIES } from '../../src/data/countries';
import { KEY_IDS, KEYS } from '../../src/data/keys';
import type { KeyId } from '../../src/data/types';
import {
  amountParam,
  countryParam,
  EFSF_OVER_GUARANTEE,
  FUND_GUARANTEES,
  fundGuarantees,
  fundKey,
  fundShare,
  keyParam,
  liftFundKey,
  liftFundShare,
  participantsParam,
} from '../../src/model/fund';
import { cellAt, expectModelError, expectModelErrorValue, keep, shapeOf } from '../helpers/model';
import { cell, describeIfReference, num, readReferenceCsv } from '../helpers/csv';

/** A value of the wrong kind, passed where the typed API wants a number (as a JavaScript caller could). */
const raw = (v: unknown): number => v as number;

/**
 * The EFSF guarantors that remained after Greece, Ireland and Portugal stepped out (2011): every
 * row of efsf_guarantees_2011.csv except GR, IE and PT. Their commitments sum to
 * 779,783.16 − 21,897.74 − 12,378.15 − 19,507.26 = 726,000.01 (EUR m).
 */
const REMAINING_14 = ['BE', 'DE', 'EE', 'ES', 'FR', 'IT', 'CY', 'LU', 'MT', 'NL', 'AT', 'SI', 'SK', 'FI'];
const REMAINING_14_TOTAL = 726000.01;

/** Every country code, and the codes a key covers. */
const ALL_CODES = COUNTRIES.map((c) => c.code);
const covered = (id: KeyId): string[] => [...(KEYS.get(id)?.weights.keys() ?? [])];

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('fundKey', () => {
  it("runs its doc example: Germany's EFSF key among the remaining guarantors", () => {
    // efsf_guarantees_2011.csv DE 211,045.90 / 726,000.01 (the 14 remaining guarantors) = 0.290697...
    expect(fundKey('DE', 'EFSF', REMAINING_14)).toBeCloseTo(211045.9 / REMAINING_14_TOTAL, 12);
  });

  it('gives Germany 21.7749 / 81.7681 of the ECB key over the euro area', () => {
    // ecb_capital_key_2024.csv DE 21.7749 %; EA20 total 81.7681 % (Banco de España).
    expect(fundKey('DE', 'ECB')).toBeCloseTo(21.7749 / 81.7681, 12);
  });

  it('gives Germany 26.9616 / 100.0001 of the ESM key', () => {
    // esm_contribution_key.csv DE 26.9616 %; the 19 keys sum to 100.0001 % (SOURCES.md section 6).
    expect(fundKey('DE', 'ESM')).toBeCloseTo(26.9616 / 100.0001, 12);
  });

  it('uses the GDP key by default: Germany 4,305,260 of EUR 21,755,924.8 m', () => {
    // gdp_2024.csv DE 4,305,260; the 29 rows sum to 21,755,924.8 (keys.ts statedTotal, derived).
    expect(fundKey('DE')).toBeCloseTo(4305260 / 21755924.8, 12);
  });

  it('gives GDP shares over the 29 countries that sum to 1', () => {
    expect(sum(ALL_CODES.map((c) => fundKey(c, 'GDP')))).toBeCloseTo(1, 12);
  });

  it.each(KEY_IDS)('gives %s shares over the countries it covers that sum to 1', (id) => {
    expect(sum(covered(id).map((c) => fundKey(c, id)))).toBeCloseTo(1, 12);
  });

  it('gives shares that sum to 1 over any set of participants', () => {
    const participants = ['DE', 'FR', 'IT', 'PL', 'GB', 'NO'];
    expect(sum(participants.map((c) => fundKey(c, 'GDP', participants)))).toBeCloseTo(1, 12);
    expect(sum(REMAINING_14.map((c) => fundKey(c, 'EFSF', REMAINING_14)))).toBeCloseTo(1, 12);
  });

  it('gives 0 to a covered country outside the participants', () => {
    expect(fundKey('GR', 'EFSF', REMAINING_14)).toBe(0);
    expect(fundKey('GB', 'GDP', ['DE', 'FR'])).toBe(0);
  });

  it('leaves participants the key does not cover out of the normalisation', () => {
    // ECB key over DE, FR, PL, GB: PL and GB have no ECB weight, so DE's share is
    // 21.7749 / (21.7749 + 16.3575) (ecb_capital_key_2024.csv).
    expect(fundKey('DE', 'ECB', ['DE', 'FR', 'PL', 'GB'])).toBeCloseTo(21.7749 / (21.7749 + 16.3575), 12);
    expect(fundKey('DE', 'ECB', ['DE', 'FR', 'PL', 'GB'])).toBe(fundKey('DE', 'ECB', ['DE', 'FR']));
  });

  it('gives a sole participant the whole key', () => {
    expect(fundKey('NO', 'POP', ['NO'])).toBe(1);
  });

  it('accepts countries as ISO codes, Eurostat codes and English names, in any case', () => {
    const greece = fundKey('GR', 'EFSF');
    for (const text of ['EL', 'el', 'gr', 'Greece', ' GREECE ', 'Hellenic Republic']) expect(fundKey(text, 'EFSF')).toBe(greece);
    const uk = fundKey('GB');
    for (const text of ['UK', 'uk', 'United Kingdom', 'great britain']) expect(fundKey(text)).toBe(uk);
    expect(fundKey('Czech Republic', 'POP')).toBe(fundKey('CZ', 'POP'));
  });

  it('accepts participants in the same spellings', () => {
    expect(fundKey('DE', 'GDP', ['germany', 'EL', 'uk'])).toBe(fundKey('DE', 'GDP', ['DE', 'GR', 'GB']));
  });

  it('rejects an unknown country, naming the parameter and what it accepts', () => {
    expectModelError(
      () => fundKey('Atlantis'),
      'INVALID_ARGUMENT',
      'country must be an EU27 member, the United Kingdom or Norway, as an ISO code (DE, GR, GB), a Eurostat code (EL, UK) or an English name; got the text "Atlantis"',
      'country',
    );
    // Switzerland is not among the 29.
    expectModelError(() => fundKey('CH'), 'INVALID_ARGUMENT', /^country must be an EU27 member/, 'country');
  });

  it('rejects an unknown participant, naming the participants parameter', () => {
    expectModelError(
      () => fundKey('DE', 'GDP', ['DE', 'US']),
      'INVALID_ARGUMENT',
      /^participants must be an EU27 member.*; got the text "US"$/,
      'participants',
    );
  });

  it('returns NOT_COVERED for a country the key does not cover, listing the countries it covers', () => {
    expectModelError(
      () => fundKey('PL', 'EFSF'),
      'NOT_COVERED',
      'the EFSF key does not cover Poland (PL); it covers BE, DE, EE, IE, GR, ES, FR, IT, CY, LU, MT, NL, AT, PT, SI, SK, FI',
      'country',
    );
    expectModelError(() => fundKey('GB', 'ECB'), 'NOT_COVERED', /^the ECB key does not cover United Kingdom \(GB\)/);
    // esm_contribution_key.csv has 19 members; Croatia joined in 2023 and is not in it.
    expectModelError(() => fundKey('HR', 'ESM'), 'NOT_COVERED', /^the ESM key does not cover Croatia \(HR\)/);
    // ecb_capital_key_2024.csv: Bulgaria was outside the euro area in 2024.
    expectModelError(() => fundKey('BG', 'ECB'), 'NOT_COVERED', /^the ECB key does not cover Bulgaria \(BG\)/);
  });

  it('returns NOT_COVERED for an uncovered country even when it is outside the participants', () => {
    expectModelError(() => fundKey('PL', 'EFSF', REMAINING_14), 'NOT_COVERED', /EFSF key does not cover Poland/);
  });
});

describe('fundShare', () => {
  it("runs its doc example: Germany's part of EUR 40 bn by GDP 2024 over EU27 + GB + NO", () => {
    // gdp_2024.csv: 40 × 4,305,260 / 21,755,924.8 = 7.9156 (EUR bn)
    expect(fundShare('DE', 40, 'GDP')).toBeCloseTo(7.915563, 6);
  });

  it('splits the peace-scenario fund by GDP over the 29 so the parts add up to the fund', () => {
    // baseline_assumptions.csv fund_annual lasting_peace = EUR 20 bn a year, key GDP.
    expect(sum(ALL_CODES.map((c) => fundShare(c, 20)))).toBeCloseTo(20, 10);
  });

  it("reproduces Germany's EFSF commitment of EUR 211,045.90 m from a EUR 440 bn fund after the step-outs", () => {
    // StabMechG § 1(1) as amended 9 Oct 2011: EUR 211.0459 bn. 440,000 × 1.65 = 726,000 of
    // guarantees, shared by commitment over the 14 remaining guarantors (726,000.01).
    expect(Math.abs(fundShare('DE', fundGuarantees(440000), 'EFSF', REMAINING_14) - 211045.9)).toBeLessThan(0.01);
  });

  it('gives Greece, Ireland and Portugal nothing once they stepped out', () => {
    for (const c of ['GR', 'IE', 'PT']) expect(fundShare(c, fundGuarantees(440000), 'EFSF', REMAINING_14)).toBe(0);
  });

  it('returns 0 of an amount of 0, or of a blank amount', () => {
    expect(fundShare('DE', 0)).toBe(0);
    expect(fundShare('DE', raw(null))).toBe(0);
  });

  it('rejects a negative, NaN, infinite, text or boolean amount, naming the parameter', () => {
    expectModelError(
      () => fundShare('DE', -40),
      'INVALID_ARGUMENT',
      'amount must be a number ≥ 0 (any currency unit; the result is in the same unit); got -40',
      'amount',
    );
    expectModelError(() => fundShare('DE', NaN), 'INVALID_ARGUMENT', /amount must be a number ≥ 0 .*; got NaN$/);
    expectModelError(() => fundShare('DE', Infinity), 'INVALID_ARGUMENT', /amount must be a number ≥ 0 .*; got Infinity$/);
    expectModelError(() => fundShare('DE', raw('40')), 'INVALID_ARGUMENT', /amount must be .*; got the text "40"$/);
    expectModelError(() => fundShare('DE', raw(true)), 'INVALID_ARGUMENT', /amount must be .*; got TRUE$/);
  });

  it("passes on fundKey's errors", () => {
    expectModelError(() => fundShare('Atlantis', 40), 'INVALID_ARGUMENT', /^country must be/, 'country');
    expectModelError(() => fundShare('PL', 40, 'EFSF'), 'NOT_COVERED', /EFSF key does not cover Poland/);
  });

  it('keeps the largest finite amount finite (a share is at most 1)', () => {
    expect(fundShare('NO', Number.MAX_VALUE, 'POP', ['NO'])).toBe(Number.MAX_VALUE);
  });
});

describeIfReference('fundShare against efsf_guarantees_2011.csv', () => {
  it("reproduces every remaining guarantor's 2011 commitment to within EUR 0.01 m, and 0 for GR, IE and PT", () => {
    // The 2011 Framework Agreement re-distributed the guarantees over the remaining guarantors by
    // commitment; with 726,000 of guarantees (1.65 × 440,000) over a total of 726,000.01 each part
    // is within 0.01 of its commitment.
    const guarantees = fundGuarantees(440000);
    const rows = readReferenceCsv('efsf_guarantees_2011.csv');
    expect(rows.map((r) => cell(r, 'country')).sort()).toEqual([...REMAINING_14, 'GR', 'IE', 'PT'].sort());
    for (const row of rows) {
      const c = cell(row, 'country');
      const part = fundShare(c, guarantees, 'EFSF', REMAINING_14);
      if (['GR', 'IE', 'PT'].includes(c)) expect(part).toBe(0);
      else expect(Math.abs(part - (num(row, 'guarantee_commitment_meur') ?? NaN))).toBeLessThan(0.01);
    }
  });

  it('finds the 14 remaining commitments sum to 726,000.01', () => {
    // 779,783.16 − 21,897.74 − 12,378.15 − 19,507.26 = 726,000.01
    const rows = readReferenceCsv('efsf_guarantees_2011.csv').filter((r) => REMAINING_14.includes(cell(r, 'country')));
    expect(sum(rows.map((r) => num(r, 'guarantee_commitment_meur') ?? NaN))).toBeCloseTo(REMAINING_14_TOTAL, 6);
  });
});

describe('liftFundKey', () => {
  it('gives shares over a column of countries and a row of keys, NOT_COVERED only where a key lacks the country', () => {
    const grid = liftFundKey([['DE'], ['PL']], [['GDP', 'EFSF', 'ECB']], null, keep);
    expect(shapeOf(grid)).toEqual([2, 3]);
    expect(cellAt(grid, 0, 0)).toBe(fundKey('DE', 'GDP'));
    expect(cellAt(grid, 0, 1)).toBe(fundKey('DE', 'EFSF'));
    // ecb_capital_key_2024.csv 21.7749 / 81.7681
    expect(cellAt(grid, 0, 2)).toBeCloseTo(21.7749 / 81.7681, 12);
    // gdp_2024.csv PL 840,132.3 / 21,755,924.8
    expect(cellAt(grid, 1, 0)).toBeCloseTo(840132.3 / 21755924.8, 12);
    expectModelErrorValue(cellAt(grid, 1, 1), 'NOT_COVERED', /EFSF key does not cover Poland/);
    expectModelErrorValue(cellAt(grid, 1, 2), 'NOT_COVERED', /ECB key does not cover Poland/);
  });

  it('uses GDP where the key is omitted or blank, and reads keys in any case', () => {
    expect(liftFundKey([['DE']], null, null, keep)).toEqual([[fundKey('DE', 'GDP')]]);
    expect(liftFundKey([['DE']], [[null]], null, keep)).toEqual([[fundKey('DE', 'GDP')]]);
    expect(liftFundKey([['DE']], [[' efsf ']], null, keep)).toEqual([[fundKey('DE', 'EFSF')]]);
  });

  it('reads every non-blank cell of the participants range, and refuses an all-blank one', () => {
    const participants = [
      ['DE', 'FR'],
      [null, 'Italy'],
    ];
    expect(liftFundKey([['DE']], [['GDP']], participants, keep)).toEqual([[fundKey('DE', 'GDP', ['DE', 'FR', 'IT'])]]);
    expectModelError(() => liftFundKey([['DE']], [['GDP']], [[null], ['']], keep), 'INVALID_ARGUMENT', 'participants has no entries');
  });

  it('gives shares over the participants that sum to 1, and 0 outside them', () => {
    const countries = [REMAINING_14.concat(['GR', 'IE', 'PT'])];
    const grid = liftFundKey(countries, [['EFSF']], [REMAINING_14], keep);
    const shares = (grid[0] ?? []).map((v) => (typeof v === 'number' ? v : NaN));
    expect(sum(shares.slice(0, 14))).toBeCloseTo(1, 12);
    expect(shares.slice(14)).toEqual([0, 0, 0]);
  });

  it('throws for the whole call at an unknown participant, saying where it is', () => {
    expectModelError(
      () => liftFundKey([['DE']], null, [['DE'], ['Texas']], keep),
      'INVALID_ARGUMENT',
      /^participants \(row 2, column 1 of the range\) must be (one of )?an EU27 member, the United Kingdom or Norway.*; got the text "Texas"$/,
      'participants',
    );
  });

  it('marks an unknown country or key in its cell only, listing what is accepted', () => {
    const grid = liftFundKey([['DE', 'Narnia', 'DE']], [['GDP', 'GDP', 'IMF']], null, keep);
    expect(cellAt(grid, 0, 0)).toBe(fundKey('DE'));
    expectModelErrorValue(
      cellAt(grid, 0, 1),
      'INVALID_ARGUMENT',
      /^country \(row 1, column 2 of the range\) must be (one of )?an EU27 member.*; got the text "Narnia"$/,
    );
    expectModelErrorValue(
      cellAt(grid, 0, 2),
      'INVALID_ARGUMENT',
      'key (row 1, column 3 of the range) must be one of GDP, EFSF, ESM, ECB, POP; got the text "IMF"',
    );
  });

  it('refuses countries and keys whose shapes cannot combine', () => {
    expectModelError(
      () => liftFundKey([['DE'], ['FR'], ['IT']], [['GDP'], ['POP']], null, keep),
      'SHAPE_MISMATCH',
      'country (3 x 1) and key (2 x 1) cannot be combined',
    );
  });
});

describe('liftFundShare', () => {
  it('gives parts of amounts, a column of countries against a row of amounts', () => {
    const grid = liftFundShare([['NO'], ['GB']], [[10, 20]], [['POP']], [['NO', 'GB']], keep);
    // population_2024.csv NO 5,550,203 and GB 68,265,209 over their sum 73,815,412.
    const no = 5550203 / (5550203 + 68265209);
    const gb = 68265209 / (5550203 + 68265209);
    expect(shapeOf(grid)).toEqual([2, 2]);
    expect(cellAt(grid, 0, 0)).toBeCloseTo(10 * no, 12);
    expect(cellAt(grid, 0, 1)).toBeCloseTo(20 * no, 12);
    expect(cellAt(grid, 1, 0)).toBeCloseTo(10 * gb, 12);
    expect(cellAt(grid, 1, 1)).toBeCloseTo(20 * gb, 12);
  });

  it('reproduces the EFSF commitments from 1.65 x 440,000 over the remaining guarantors', () => {
    // efsf_guarantees_2011.csv DE 211,045.90 (StabMechG), FR 158,487.53; GR stepped out.
    const grid = liftFundShare([['DE', 'FR', 'GR']], fundGuarantees(440000), 'EFSF', [REMAINING_14], keep);
    const [de, fr, gr] = (grid[0] ?? []).map((v) => (typeof v === 'number' ? v : NaN));
    expect(Math.abs((de ?? NaN) - 211045.9)).toBeLessThan(0.01);
    expect(Math.abs((fr ?? NaN) - 158487.53)).toBeLessThan(0.01);
    expect(gr).toBe(0);
  });

  it('counts a blank amount as 0', () => {
    expect(liftFundShare([['DE']], [[null]], null, null, keep)).toEqual([[0]]);
  });

  it('marks an unknown country or a bad amount in its cell only', () => {
    const grid = liftFundShare([['DE', 'Narnia', 'FR']], [[40, 40, -1]], null, null, keep);
    // gdp_2024.csv: 40 × 4,305,260 / 21,755,924.8
    expect(cellAt(grid, 0, 0)).toBeCloseTo(7.915563, 6);
    expectModelErrorValue(
      cellAt(grid, 0, 1),
      'INVALID_ARGUMENT',
      /^country \(row 1, column 2 of the range\) must be (one of )?an EU27 member.*; got the text "Narnia"$/,
    );
    expectModelErrorValue(cellAt(grid, 0, 2), 'INVALID_ARGUMENT', /^amount \(row 1, column 3 of the range\) must be a number ≥ 0/);
  });

  it('refuses countries and amounts whose shapes cannot combine', () => {
    expectModelError(
      () => liftFundShare([['DE'], ['FR'], ['IT']], [[1], [2]], null, null, keep),
      'SHAPE_MISMATCH',
      'country (3 x 1) and amount (2 x 1) cannot be combined',
    );
  });
});

describe('fundGuarantees', () => {
  it('runs its doc example: EUR 726,000 m of guarantees for EUR 440,000 m of lending after 2011', () => {
    // EFSF after the 2011 amendment: 1.65 × 440,000 = 726,000 (baseline_assumptions.csv over_guarantee).
    expect(fundGuarantees(440000)).toBeCloseTo(726000, 6);
  });

  it("needs 528,000 at the EFSF's 2010 over-guarantee of 120 %", () => {
    // baseline_assumptions.csv over_guarantee low = 1.2: 1.2 × 440,000 = 528,000.
    expect(fundGuarantees(440000, 1.2)).toBeCloseTo(528000, 6);
  });

  it('accepts an over-guarantee of exactly 1 (guarantees equal lending)', () => {
    expect(fundGuarantees(440000, 1)).toBe(440000);
  });

  it('gives an omitted or blank over-guarantee its default of 1.65', () => {
    expect(fundGuarantees(100, raw(null))).toBe(fundGuarantees(100, 1.65));
    expect(fundGuarantees(100, raw(''))).toBe(fundGuarantees(100, 1.65));
  });

  it('returns 0 for no lending', () => {
    expect(fundGuarantees(0)).toBe(0);
  });

  it('rejects an over-guarantee below 1', () => {
    expectModelError(
      () => fundGuarantees(440000, 0.99),
      'INVALID_ARGUMENT',
      'over_guarantee must be a number ≥ 1 (guarantees per unit lent); got 0.99',
      'over_guarantee',
    );
  });

  it('rejects bad lending capacities', () => {
    expectModelError(
      () => fundGuarantees(-1),
      'INVALID_ARGUMENT',
      'lending_capacity must be a number ≥ 0 (any currency unit); got -1',
      'lending_capacity',
    );
    expectModelError(() => fundGuarantees(NaN), 'INVALID_ARGUMENT', /lending_capacity must be a number ≥ 0 .*; got NaN$/);
    expectModelError(() => fundGuarantees(440000, Infinity), 'INVALID_ARGUMENT', /over_guarantee must be a number ≥ 1 .*; got Infinity$/);
    expectModelError(() => fundGuarantees(raw('440000')), 'INVALID_ARGUMENT', /lending_capacity must be .*; got the text "440000"$/);
    expectModelError(() => fundGuarantees(raw(false)), 'INVALID_ARGUMENT', /lending_capacity must be .*; got FALSE$/);
  });

  it('returns OVERFLOW beyond the largest double', () => {
    // 1e308 × 2 = 2e308 > 1.8e308
    expectModelError(() => fundGuarantees(1e308, 2), 'OVERFLOW', /beyond the largest number/);
  });

  it('keeps a denormal lending capacity above 0', () => {
    // 5e-324 × 1 = 5e-324
    expect(fundGuarantees(5e-324, 1)).toBe(5e-324);
  });

  it('declares its parameters in call order', () => {
    expect(FUND_GUARANTEES.params.map((p) => p.name)).toEqual(['lending_capacity', 'over_guarantee']);
  });
});

describe('EFSF_OVER_GUARANTEE', () => {
  it('is 1.65, the EFSF after the 2011 amendment', () => {
    // baseline_assumptions.csv over_guarantee: 1.65 in every scenario.
    expect(EFSF_OVER_GUARANTEE).toBe(1.65);
  });
});

describe('keyParam', () => {
  it('defaults to the GDP key and lists the five keys', () => {
    expect(keyParam.default?.id).toBe('GDP');
    expect(keyParam.accepted).toBe('one of GDP, EFSF, ESM, ECB, POP');
  });
});

describe('countryParam', () => {
  it('is named country, and participantsParam participants, with the same resolver', () => {
    expect([countryParam.name, participantsParam.name]).toEqual(['country', 'participants']);
    expect(participantsParam.resolve('EL')?.code).toBe('GR');
  });
});

describe('amountParam', () => {
  it('accepts amounts ≥ 0', () => {
    expect([amountParam.name, amountParam.min]).toEqual(['amount', 0]);
  });
});
