import { findPrecedent, precedentById, PRECEDENTS } from '../../src/data/precedents';
import type { Precedent, PrecedentId } from '../../src/data/types';
import { cell, describeIfReference, num, readReferenceCsv } from '../helpers/csv';

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The PrecedentId for each id of force_precedents.csv (the task brief's mapping). */
const ID_OF: Readonly<Record<string, PrecedentId>> = {
  UNIFIL_ACTUAL: 'UNIFIL',
  UNIFIL_AUTHORISED: 'UNIFIL_AUTHORISED',
  KFOR_1999: 'KFOR',
  IFOR_1995: 'IFOR',
  UNFICYP_2014: 'UNFICYP',
  USFK_DMZ: 'KOREA_DMZ',
};

describe('PRECEDENTS', () => {
  it('holds the six precedents, each with its CSV id as referenceId', () => {
    expect(PRECEDENTS.map((p) => [p.referenceId, p.id])).toEqual(Object.entries(ID_OF));
  });

  it('gives every precedent a source, a date, a troops basis and finite positive numbers', () => {
    for (const p of PRECEDENTS) {
      expect(p.source.trim()).not.toBe('');
      expect(p.asOf).toMatch(ISO_DATE);
      expect(p.troopsBasis.trim()).not.toBe('');
      for (const v of [p.year, p.troops, p.lineKm, p.areaKm2, p.population]) {
        if (v !== undefined) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThan(0);
        }
      }
    }
  });

  it('omits line, area and population where the source gives none', () => {
    // force_precedents.csv: KFOR and IFOR have no line_km; only KFOR has a population.
    expect('lineKm' in precedentById('KFOR')).toBe(false);
    expect('lineKm' in precedentById('IFOR')).toBe(false);
    expect(PRECEDENTS.filter((p) => 'population' in p).map((p) => p.id)).toEqual(['KFOR']);
  });

  it('gives UNIFIL 10,000 troops on 1,060 km2, the density 9.43 of the baseline', () => {
    // force_precedents.csv UNIFIL_ACTUAL; baseline_assumptions.csv density_per_km2 = 10,000 / 1,060.
    const p = precedentById('UNIFIL');
    expect(Math.round((p.troops / (p.areaKm2 ?? NaN)) * 100) / 100).toBe(9.43);
  });
});

describe('findPrecedent', () => {
  it('accepts the short id and the reference id, ignoring case', () => {
    expect(findPrecedent('unifil')?.id).toBe('UNIFIL');
    expect(findPrecedent('UNIFIL_ACTUAL')?.id).toBe('UNIFIL');
    expect(findPrecedent(' korea_dmz ')?.id).toBe('KOREA_DMZ');
    expect(findPrecedent('usfk_dmz')?.id).toBe('KOREA_DMZ');
  });

  it('returns undefined for an unknown precedent and for empty text', () => {
    expect(findPrecedent('MINUSMA')).toBeUndefined();
    expect(findPrecedent('')).toBeUndefined();
  });
});

describeIfReference('PRECEDENTS against shared/reference/force_precedents.csv', () => {
  it('equals the CSV row by row, with no row missing', () => {
    const rows = readReferenceCsv('force_precedents.csv');
    expect(rows).toHaveLength(PRECEDENTS.length);
    for (const r of rows) {
      const p: Precedent | undefined = findPrecedent(cell(r, 'id'));
      expect(p?.referenceId).toBe(cell(r, 'id'));
      expect(p?.mission).toBe(cell(r, 'mission'));
      expect(p?.troopsBasis).toBe(cell(r, 'troops_basis'));
      expect(p?.year).toBe(num(r, 'year'));
      expect(p?.troops).toBe(num(r, 'troops'));
      expect(p?.lineKm).toBe(num(r, 'line_km'));
      expect(p?.areaKm2).toBe(num(r, 'area_km2'));
      expect(p?.population).toBe(num(r, 'population'));
    }
  });
});
