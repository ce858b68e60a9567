import { COUNTRIES, countryByCode, findCountry } from '../../src/data/countries';
import type { CountryCode } from '../../src/data/types';
import { cell, describeIfReference, readReferenceCsv } from '../helpers/csv';

// SOURCES.md, "Conventions": EU protocol order, followed by GB and NO.
const PROTOCOL_ORDER: readonly CountryCode[] = [
  'BE',
  'BG',
  'CZ',
  'DK',
  'DE',
  'EE',
  'IE',
  'GR',
  'ES',
  'FR',
  'HR',
  'IT',
  'CY',
  'LV',
  'LT',
  'LU',
  'HU',
  'MT',
  'NL',
  'AT',
  'PL',
  'PT',
  'RO',
  'SI',
  'SK',
  'FI',
  'SE',
  'GB',
  'NO',
];

describe('COUNTRIES', () => {
  it('lists the 29 covered countries in EU protocol order, then GB and NO', () => {
    expect(COUNTRIES.map((c) => c.code)).toEqual(PROTOCOL_ORDER);
  });

  it('flags 27 EU members and 20 euro-area members of 2024', () => {
    // 27: EU27; 20: EA20 as defined in SOURCES.md, "Conventions".
    expect(COUNTRIES.filter((c) => c.eu27)).toHaveLength(27);
    expect(COUNTRIES.filter((c) => c.ea20)).toHaveLength(20);
    expect(COUNTRIES.filter((c) => !c.eu27).map((c) => c.code)).toEqual(['GB', 'NO']);
  });

  it('keeps Bulgaria out of the 2024 euro area', () => {
    // SOURCES.md, "Conventions": EA20 is before Bulgaria joined on 1 Jan 2026.
    expect(countryByCode('BG').ea20).toBe(false);
  });

  it('uses Eurostat codes that differ from ISO only for Greece and the United Kingdom', () => {
    // README.md and SOURCES.md, "Conventions": GR = EL, GB = UK.
    const differing = COUNTRIES.filter((c) => c.eurostat !== c.code).map((c) => [c.code, c.eurostat]);
    expect(differing).toEqual([
      ['GR', 'EL'],
      ['GB', 'UK'],
    ]);
  });

  it('has a non-empty name and no blank alias for every country', () => {
    for (const c of COUNTRIES) {
      expect(c.name.trim()).not.toBe('');
      for (const a of c.aliases) expect(a.trim()).not.toBe('');
    }
  });
});

describe('findCountry', () => {
  it('accepts an ISO code in any case and with surrounding spaces', () => {
    expect(findCountry('de')?.code).toBe('DE');
    expect(findCountry('DE ')?.code).toBe('DE');
  });

  it('accepts both the ISO and the Eurostat code for Greece and the United Kingdom', () => {
    expect(findCountry('EL')?.code).toBe('GR');
    expect(findCountry('GR')?.code).toBe('GR');
    expect(findCountry('UK')?.code).toBe('GB');
    expect(findCountry('GB')?.code).toBe('GB');
  });

  it('accepts English names and aliases, ignoring case', () => {
    expect(findCountry('united kingdom')?.code).toBe('GB');
    expect(findCountry('Czechia')?.code).toBe('CZ');
    expect(findCountry('czech republic')?.code).toBe('CZ');
    expect(findCountry('The Netherlands')?.code).toBe('NL');
    expect(findCountry('Slovak Republic')?.code).toBe('SK');
  });

  it('finds every country by its code, Eurostat code, name and aliases', () => {
    for (const c of COUNTRIES) {
      for (const text of [c.code, c.eurostat, c.name, ...c.aliases]) {
        expect(findCountry(text)).toBe(c);
      }
    }
  });

  it('returns undefined for a country not covered and for empty text', () => {
    expect(findCountry('US')).toBeUndefined();
    expect(findCountry('')).toBeUndefined();
    expect(findCountry('   ')).toBeUndefined();
  });
});

describe('countryByCode', () => {
  it('returns the country with that ISO code', () => {
    expect(countryByCode('NO').name).toBe('Norway');
    expect(countryByCode('GR').eurostat).toBe('EL');
  });
});

describeIfReference('COUNTRIES against shared/reference/gdp_2024.csv', () => {
  it('matches the CSV codes, Eurostat codes and EU27/EA20 flags row by row', () => {
    const rows = readReferenceCsv('gdp_2024.csv');
    expect(rows.map((r) => cell(r, 'country'))).toEqual(COUNTRIES.map((c) => c.code));
    for (const r of rows) {
      const c = countryByCode(cell(r, 'country') as CountryCode);
      expect(c.eurostat).toBe(cell(r, 'eurostat_geo'));
      expect(c.eu27).toBe(cell(r, 'in_eu27') === 'Y');
      expect(c.ea20).toBe(cell(r, 'in_ea20') === 'Y');
    }
  });
});
