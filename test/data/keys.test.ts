import { COUNTRIES } from '../../src/data/countries';
import { ECB_KEY_BG_2024, findKey, KEY_IDS, KEYS } from '../../src/data/keys';
import type { Citation, ContributionKey, CountryCode, KeyId } from '../../src/data/types';
import { cell, describeIfReference, num, readReferenceCsv } from '../helpers/csv';

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function key(id: KeyId): ContributionKey {
  const k = KEYS.get(id);
  if (k === undefined) throw new Error(`missing key ${id}`);
  return k;
}

function weight(id: KeyId, code: CountryCode): number {
  const w = key(id).weights.get(code);
  if (w === undefined) throw new Error(`${id} has no weight for ${code}`);
  return w;
}

/** Sum of a key's weights over the countries that pass `filter`. */
function sum(id: KeyId, filter: (code: CountryCode) => boolean = () => true): number {
  let total = 0;
  for (const [code, w] of key(id).weights) if (filter(code)) total += w;
  return total;
}

const EU27 = new Set(COUNTRIES.filter((c) => c.eu27).map((c) => c.code));
const EA20 = new Set(COUNTRIES.filter((c) => c.ea20).map((c) => c.code));

function expectCitation(c: Citation): void {
  expect(c.source.trim()).not.toBe('');
  expect(c.asOf).toMatch(ISO_DATE);
  if (c.note !== undefined) expect(c.note.trim()).not.toBe('');
}

describe('KEYS', () => {
  it('holds the five keys listed in KEY_IDS, each under its own id', () => {
    expect([...KEYS.keys()].sort()).toEqual([...KEY_IDS].sort());
    for (const id of KEY_IDS) expect(key(id).id).toBe(id);
  });

  it('gives every key a label, unit, source, date and note, and every row note a source and date', () => {
    for (const k of KEYS.values()) {
      expectCitation(k);
      expect(k.label.trim()).not.toBe('');
      expect(k.unit.trim()).not.toBe('');
      expect(k.note?.trim()).toBeTruthy();
      for (const [code, c] of k.rowNotes ?? []) {
        expect(k.weights.has(code)).toBe(true);
        expectCitation(c);
      }
    }
  });

  it('has finite, positive weights listed in EU protocol order', () => {
    const order = COUNTRIES.map((c) => c.code);
    for (const k of KEYS.values()) {
      const codes = [...k.weights.keys()];
      expect(codes).toEqual(order.filter((c) => k.weights.has(c)));
      for (const w of k.weights.values()) {
        expect(Number.isFinite(w)).toBe(true);
        expect(w).toBeGreaterThan(0);
      }
    }
  });

  it('has weights that sum to the stated total within 0.005 in the unit of each key', () => {
    for (const k of KEYS.values()) {
      expect(Math.abs(sum(k.id) - k.statedTotal)).toBeLessThanOrEqual(0.005);
    }
  });

  it('covers 29 countries for GDP and population, 17 for the EFSF, 19 for the ESM, 20 for the ECB', () => {
    // Row counts of gdp_2024.csv, population_2024.csv, efsf_guarantees_2011.csv,
    // esm_contribution_key.csv, and the EA20 rows of ecb_capital_key_2024.csv.
    expect(key('GDP').weights.size).toBe(29);
    expect(key('POP').weights.size).toBe(29);
    expect(key('EFSF').weights.size).toBe(17);
    expect(key('ESM').weights.size).toBe(19);
    expect(key('ECB').weights.size).toBe(20);
  });

  describe('GDP', () => {
    it('sums to EUR 17,941,426 m over the EU27, within rounding to EUR 1 m', () => {
      // SOURCES.md section 2, cross-check (1): "EU27 sum 2024 = EUR 17,941,426 m".
      expect(Math.abs(sum('GDP', (c) => EU27.has(c)) - 17941426)).toBeLessThanOrEqual(0.5);
    });

    it('sums to EUR 15,156,630 m over the EA20, within rounding to EUR 1 m', () => {
      // SOURCES.md section 2, cross-checks: "EA20 2024 sum = EUR 15,156,630 m".
      expect(Math.abs(sum('GDP', (c) => EA20.has(c)) - 15156630)).toBeLessThanOrEqual(0.5);
    });

    it('is within 0.05 % of the OECD EU total of EUR 17,933.7 bn', () => {
      // SOURCES.md section 2: OECD Economic Survey of the EU 2025, "0.04 % apart".
      expect(Math.abs(sum('GDP', (c) => EU27.has(c)) / 17933700 - 1)).toBeLessThan(0.0005);
    });

    it('matches the Destatis sum of 2024 quarters for Germany', () => {
      // SOURCES.md section 2, cross-check (2): 1,064.83 + 1,060.79 + 1,078.22 + 1,101.42 = 4,305.26 bn.
      expect(weight('GDP', 'DE')).toBeCloseTo((1064.83 + 1060.79 + 1078.22 + 1101.42) * 1000, 6);
    });

    it('flags Denmark and Luxembourg as IMF estimates', () => {
      // SOURCES.md section 2, "Vintage flags".
      expect([...(key('GDP').rowNotes?.keys() ?? [])].sort()).toEqual(['DK', 'LU']);
    });
  });

  describe('POP', () => {
    it('sums to 449,206,579 persons over the EU27', () => {
      // SOURCES.md section 3, "Totals".
      expect(sum('POP', (c) => EU27.has(c))).toBe(449206579);
    });

    it('sums to 350,077,581 persons over the EA20', () => {
      // SOURCES.md section 3, "Totals".
      expect(sum('POP', (c) => EA20.has(c))).toBe(350077581);
    });

    it('cites ONS for the United Kingdom (mid-2023) and Statistics Norway for Norway', () => {
      // SOURCES.md section 3, rows GB and NO.
      const notes = key('POP').rowNotes;
      expect(notes?.get('GB')?.source).toMatch(/ONS/);
      expect(notes?.get('GB')?.asOf).toBe('2023-06-30');
      expect(notes?.get('NO')?.source).toMatch(/Statistics Norway/);
      expect(notes?.get('NO')?.confidence).toBe('high');
    });
  });

  describe('EFSF', () => {
    it('leaves EUR 724,474.33 m without the stepping-out guarantors GR, IE, PT and CY', () => {
      // SOURCES.md section 4, "Total checks": 724,474.33 = Netherlands Court of Audit's EUR 724.5 bn.
      const out = new Set<CountryCode>(['GR', 'IE', 'PT', 'CY']);
      const rest = sum('EFSF', (c) => !out.has(c));
      expect(Math.abs(rest - 724474.33)).toBeLessThanOrEqual(0.005);
      expect(Math.round(rest / 100) / 10).toBe(724.5);
    });

    it('differs from the Framework Agreement total of 779,783.14 only by the 0.02 rounding', () => {
      // SOURCES.md section 4: rows sum to 779,783.16, "not 779,783.14, a 0.02 rounding difference".
      expect(Math.abs(sum('EFSF') - 779783.14)).toBeLessThanOrEqual(0.025);
    });

    it('matches the German StabMechG amount of EUR 211.0459 bn exactly', () => {
      // SOURCES.md section 4, "Row-level confirmation".
      expect(weight('EFSF', 'DE')).toBe(211.0459 * 1000);
      expect(key('EFSF').rowNotes?.get('DE')?.confidence).toBe('high');
      expect(key('EFSF').rowNotes?.get('BE')?.confidence).toBe('high');
    });

    it('flags the unresolved Slovenian share', () => {
      // SOURCES.md section 4: BMF prints 0.50 % for SI; 3,664.30 / 779,783.16 = 0.4699 %.
      expect(key('EFSF').rowNotes?.get('SI')?.note).toMatch(/0\.50/);
      expect((weight('EFSF', 'SI') / sum('EFSF')) * 100).toBeCloseTo(0.4699, 4);
    });
  });

  describe('ESM', () => {
    it('sums to 100.0001 per cent', () => {
      // SOURCES.md section 6: "Sums to 100.0001 %".
      expect(sum('ESM')).toBeCloseTo(100.0001, 4);
    });
  });

  describe('ECB', () => {
    it('covers exactly the 20 euro-area members of 2024 and sums to 81.7681 %', () => {
      // SOURCES.md section 1: Banco de España EA20 total 81.7681 %.
      expect(new Set(key('ECB').weights.keys())).toEqual(EA20);
      expect(Math.abs(sum('ECB') - 81.7681)).toBeLessThanOrEqual(0.00005);
    });

    it("reproduces Germany's published paid-up capital of EUR 2,357,134,464.40", () => {
      // SOURCES.md section 1, "Derived": DE 21.7749 % x EUR 10,825,007,069.61 = EUR 2,357,134,464.40.
      const capital = 10825007069.61;
      expect(Math.abs((weight('ECB', 'DE') / 100) * capital - 2357134464.4)).toBeLessThanOrEqual(0.005);
    });

    it('reproduces the non-euro paid-up total of EUR 74,010,167.40 from the 18.2319 % remainder', () => {
      // SOURCES.md section 1, "Derived": (100 - 81.7681) % x capital x 3.75 % = EUR 74,010,167.40.
      const capital = 10825007069.61;
      const paid = ((100 - sum('ECB')) / 100) * capital * 0.0375;
      expect(Math.abs(paid - 74010167.4)).toBeLessThanOrEqual(0.01);
    });
  });
});

describe('ECB_KEY_BG_2024', () => {
  it('is 0.9783 %, consistent with the ~EUR 102 m top-up of its remaining 96.25 %', () => {
    // SOURCES.md section 1, "Where read (BG)": 0.9783 % x 10,825,007,069.61 x 0.9625 = EUR 101.9 m.
    expect(ECB_KEY_BG_2024.value).toBe(0.9783);
    expect(ECB_KEY_BG_2024.confidence).toBe('medium');
    expectCitation(ECB_KEY_BG_2024);
    const topUp = (ECB_KEY_BG_2024.value / 100) * 10825007069.61 * 0.9625;
    expect(Math.round(topUp / 1e5) / 10).toBe(101.9);
  });
});

describe('findKey', () => {
  it('accepts a key id in any case and with surrounding spaces', () => {
    expect(findKey('gdp')?.id).toBe('GDP');
    expect(findKey(' Ecb ')?.id).toBe('ECB');
    expect(findKey('NATO')).toBeUndefined();
    expect(findKey('')).toBeUndefined();
  });
});

describeIfReference('KEYS against shared/reference', () => {
  /** Asserts the key holds exactly the CSV rows with a value in `column`, value for value. */
  function expectRows(id: KeyId, file: string, column: string, include: (r: Record<string, string>) => boolean = () => true): void {
    const rows = readReferenceCsv(file).filter(include);
    const expected = new Map<string, number>();
    for (const r of rows) {
      const v = num(r, column);
      if (v !== undefined) expected.set(cell(r, 'country'), v);
    }
    expect(expected.size).toBeGreaterThan(0);
    expect(new Map(key(id).weights)).toEqual(expected);
    for (const [code, v] of expected) expect(weight(id, code as CountryCode)).toBe(v);
  }

  it('GDP equals gdp_2024.csv gdp_2024_meur row by row', () => {
    expectRows('GDP', 'gdp_2024.csv', 'gdp_2024_meur');
  });

  it('POP equals population_2024.csv population_2024 row by row', () => {
    expectRows('POP', 'population_2024.csv', 'population_2024');
  });

  it('EFSF equals efsf_guarantees_2011.csv guarantee_commitment_meur row by row, and its derived shares', () => {
    expectRows('EFSF', 'efsf_guarantees_2011.csv', 'guarantee_commitment_meur');
    const total = sum('EFSF');
    for (const r of readReferenceCsv('efsf_guarantees_2011.csv')) {
      const share = (weight('EFSF', cell(r, 'country') as CountryCode) / total) * 100;
      expect(Math.round(share * 1e4) / 1e4).toBe(num(r, 'contribution_key_percent'));
    }
  });

  it('ESM equals esm_contribution_key.csv esm_key_percent row by row', () => {
    expectRows('ESM', 'esm_contribution_key.csv', 'esm_key_percent');
  });

  it('ECB equals ecb_capital_key_2024.csv key_percent for every euro-area row, and BG is ECB_KEY_BG_2024', () => {
    expectRows('ECB', 'ecb_capital_key_2024.csv', 'key_percent', (r) => r['euro_area_member_2024'] === 'Y');
    const rows = readReferenceCsv('ecb_capital_key_2024.csv');
    const bg = rows.find((r) => cell(r, 'country') === 'BG');
    expect(bg && num(bg, 'key_percent')).toBe(ECB_KEY_BG_2024.value);
    // Every other non-euro row is empty in the CSV (SOURCES.md section 1, "Not found").
    const others = rows.filter((r) => r['euro_area_member_2024'] !== 'Y' && cell(r, 'country') !== 'BG');
    expect(others.map((r) => cell(r, 'country'))).toEqual(['CZ', 'DK', 'HU', 'PL', 'RO', 'SE']);
    for (const r of others) expect(num(r, 'key_percent')).toBeUndefined();
  });
});
