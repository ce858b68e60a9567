import { ASSUMPTIONS, findAssumption, SCENARIOS } from '../../src/data/assumptions';
import type { ScenarioId } from '../../src/data/types';
import { cell, describeIfReference, num, readReferenceCsv } from '../helpers/csv';

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const SCENARIO_IDS: readonly ScenarioId[] = ['peace', 'collapse', 'no_deal'];

describe('SCENARIOS', () => {
  it('lists peace, collapse and no_deal, each with a label and a description', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual(SCENARIO_IDS);
    for (const s of SCENARIOS) {
      expect(s.label.trim()).not.toBe('');
      expect(s.description.trim()).not.toBe('');
    }
  });
});

describe('ASSUMPTIONS', () => {
  it('has unique ids', () => {
    expect(new Set(ASSUMPTIONS.map((a) => a.id)).size).toBe(ASSUMPTIONS.length);
  });

  it('gives every assumption a label, unit, source and date, and finite numbers', () => {
    for (const a of ASSUMPTIONS) {
      expect(a.label.trim()).not.toBe('');
      expect(a.unit.trim()).not.toBe('');
      expect(a.source.trim()).not.toBe('');
      expect(a.asOf).toMatch(ISO_DATE);
      expect(['read', 'analyst']).toContain(a.basis);
      expect(Object.keys(a.values).sort()).toEqual([...SCENARIO_IDS].sort());
      for (const v of [...Object.values(a.values), a.low, a.high]) {
        if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      }
    }
  });

  it('keeps every central value within its low and high bounds, except the no-force density', () => {
    // baseline_assumptions.csv density_per_km2: no_agreement is 0 ("no force without an
    // agreement"), below the KFOR low bound of 4.59, which applies to the scenarios with a force.
    for (const a of ASSUMPTIONS) {
      for (const s of SCENARIO_IDS) {
        const v = a.values[s];
        if (typeof v !== 'number') continue;
        if (a.id === 'density_per_km2' && s === 'no_deal') {
          expect(v).toBe(0);
          continue;
        }
        if (a.low !== null) expect(v).toBeGreaterThanOrEqual(a.low);
        if (a.high !== null) expect(v).toBeLessThanOrEqual(a.high);
      }
    }
  });

  it("marks the brief's own figures as read and the density reconstruction as the analyst's", () => {
    // baseline_assumptions.csv basis column; SOURCES.md section 6, "Not established".
    for (const id of ['brief_force_low', 'brief_force_high', 'france_days', 'nato_goal_days', 'nsatu_staff']) {
      expect(findAssumption(id)?.basis).toBe('read');
    }
    expect(findAssumption('density_per_km2')?.basis).toBe('analyst');
    expect(findAssumption('brief_force_low')?.asOf).toBe('2025-03-26');
  });

  it('uses GDP as the fund key in every scenario', () => {
    // baseline_assumptions.csv fund_key.
    expect(findAssumption('fund_key')?.values).toEqual({ peace: 'GDP', collapse: 'GDP', no_deal: 'GDP' });
  });

  it('leaves no brief force in the no-agreement scenario', () => {
    // baseline_assumptions.csv brief_force_low: empty no_agreement cell.
    expect(findAssumption('brief_force_low')?.values.no_deal).toBeNull();
  });
});

describe('findAssumption', () => {
  it('accepts an id in any case and with surrounding spaces', () => {
    expect(findAssumption('LINE_KM')?.id).toBe('line_km');
    expect(findAssumption(' shell_cost ')?.values.peace).toBe(3700); // baseline_assumptions.csv
    expect(findAssumption('nope')).toBeUndefined();
  });
});

describeIfReference('ASSUMPTIONS against shared/reference/baseline_assumptions.csv', () => {
  it('equals the CSV row by row and in order, with empty cells as null', () => {
    const rows = readReferenceCsv('baseline_assumptions.csv');
    expect(ASSUMPTIONS.map((a) => a.id)).toEqual(rows.map((r) => cell(r, 'id')));
    const columns: Readonly<Record<ScenarioId, string>> = {
      peace: 'lasting_peace',
      collapse: 'truce_collapse',
      no_deal: 'no_agreement',
    };
    for (const r of rows) {
      const a = findAssumption(cell(r, 'id'));
      expect(a?.label).toBe(cell(r, 'label'));
      expect(a?.unit).toBe(cell(r, 'unit'));
      expect(a?.source).toBe(cell(r, 'basis'));
      expect(a?.low).toBe(num(r, 'low') ?? null);
      expect(a?.high).toBe(num(r, 'high') ?? null);
      for (const s of SCENARIO_IDS) {
        const text = cell(r, columns[s]);
        const expected = text === '' ? null : cell(r, 'unit') === 'text' ? text : num(r, columns[s]);
        expect(a?.values[s]).toBe(expected);
      }
    }
  });
});
