import { MUNITION_FACTS, RATIOS } from '../../src/data/facts';
import type { Fact } from '../../src/data/types';
import { cell, describeIfReference, num, readReferenceCsv } from '../helpers/csv';

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function expectFacts(facts: readonly Fact[]): void {
  expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
  for (const f of facts) {
    expect(f.source.trim()).not.toBe('');
    expect(f.asOf).toMatch(ISO_DATE);
    expect(f.unit.trim()).not.toBe('');
    expect(f.meaning.trim()).not.toBe('');
    expect(Number.isFinite(f.value)).toBe(true);
    expect(f.basis).toBe('read');
  }
}

function expectCsv(facts: readonly Fact[], file: string): void {
  const rows = readReferenceCsv(file);
  expect(facts.map((f) => f.id)).toEqual(rows.map((r) => cell(r, 'id')));
  for (const r of rows) {
    const f = facts.find((x) => x.id === cell(r, 'id'));
    expect(f?.value).toBe(num(r, 'value'));
    expect(f?.unit).toBe(cell(r, 'unit'));
    expect(f?.meaning).toBe(cell(r, 'meaning'));
  }
}

describe('MUNITION_FACTS', () => {
  it('gives every fact a unique id, source, date, unit, meaning and finite value', () => {
    expectFacts(MUNITION_FACTS);
  });

  it('rates press reports of official statements medium', () => {
    // SOURCES.md section 6: "most are press reports of official statements (medium confidence)".
    const syrskyi = MUNITION_FACTS.find((f) => f.id === 'UA_155_DAILY_2024_08');
    expect(syrskyi?.confidence).toBe('medium');
    expect(syrskyi?.value).toBe(14600); // munitions_facts.csv
  });

  it("notes that RAND's nine days for France is quoted from the brief", () => {
    // SOURCES.md section 6, "Not established from primary sources".
    expect(MUNITION_FACTS.find((f) => f.id === 'FRANCE_DAYS_2021')?.note).toMatch(/RAND/);
  });
});

describe('RATIOS', () => {
  it('gives every ratio a unique id, source, date, unit, meaning and finite value', () => {
    expectFacts(RATIOS);
  });
});

describeIfReference('MUNITION_FACTS and RATIOS against shared/reference', () => {
  it('MUNITION_FACTS equals munitions_facts.csv row by row, with no row missing', () => {
    expectCsv(MUNITION_FACTS, 'munitions_facts.csv');
  });

  it('RATIOS equals ratios.csv row by row, with no row missing', () => {
    expectCsv(RATIOS, 'ratios.csv');
  });
});
