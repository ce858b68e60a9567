import { findAssumption } from '../../src/data/assumptions';
import {
  basisParam,
  type DensityBasis,
  FORCE_COST,
  FORCE_ROTATION,
  FORCE_SIZE,
  forceCost,
  forceDensity,
  forceRotation,
  forceSize,
  liftForceDensity,
  precedentParam,
} from '../../src/model/force';
import { cellAt, expectModelError, expectModelErrorValue, keep, shapeOf } from '../helpers/model';
import { cell, describeIfReference, num, readReferenceCsv } from '../helpers/csv';

/** A value of the wrong kind, passed where the typed API wants a number (as a JavaScript caller could). */
const raw = (v: unknown): number => v as number;

/** A numeric baseline value, from src/data/assumptions.ts (= baseline_assumptions.csv). */
function baseline(id: string, scenario: 'peace' | 'collapse' | 'no_deal' = 'peace'): number {
  const v = findAssumption(id)?.values[scenario];
  if (typeof v !== 'number') throw new Error(`no numeric ${id} in ${scenario}`);
  return v;
}

describe('forceSize', () => {
  it("runs its doc example: 39,245 deployed for the brief's line at UNIFIL's density", () => {
    // 1,040 km × 4 km = 4,160 km² at 10,000 / 1,060 troops per km²: 41,600,000 / 1,060 = 39,245.28.
    expect(forceSize(1040 * 4, 10000 / 1060)).toBeCloseTo(39245.28, 2);
  });

  it("sizes the brief's peace force at about 39,229 and its deterrent force at about 58,864, inside 30,000-60,000", () => {
    // baseline_assumptions.csv: line_km 1,040 × zone_depth_km 4 = 4,160 km²;
    // density_per_km2 9.43 (lasting_peace) → 39,228.8; 14.15 (truce_collapse) → 58,864.
    const zone = baseline('line_km') * baseline('zone_depth_km');
    const peace = forceSize(zone, baseline('density_per_km2', 'peace'));
    const collapse = forceSize(zone, baseline('density_per_km2', 'collapse'));
    expect(peace).toBeCloseTo(39228.8, 6);
    expect(collapse).toBeCloseTo(58864, 6);
    // The brief's range, baseline_assumptions.csv brief_force_low / brief_force_high.
    for (const force of [peace, collapse]) {
      expect(force).toBeGreaterThanOrEqual(baseline('brief_force_low'));
      expect(force).toBeLessThanOrEqual(baseline('brief_force_high'));
    }
  });

  it('multiplies by the rotation to give the force generated', () => {
    // 39,228.8 deployed × rotation 4 (baseline_assumptions.csv rotation, Radakin 2025) = 156,915.2.
    expect(forceSize(4160, 9.43, 4)).toBeCloseTo(156915.2, 6);
  });

  it('grosses up for enablers: 100 in the line with a 20 % enabler share is 125 in all', () => {
    // 100 × 1 × 1 / (1 − 0.2) = 125
    expect(forceSize(100, 1, 1, 0.2)).toBeCloseTo(125, 12);
  });

  it('returns 0 for an extent or a density of 0', () => {
    expect(forceSize(0, 9.43)).toBe(0);
    // no_agreement: density_per_km2 is 0, no force without an agreement.
    expect(forceSize(4160, baseline('density_per_km2', 'no_deal'))).toBe(0);
  });

  it('accepts a rotation of exactly 1 and an enabler share of exactly 0', () => {
    // 10 × 2 × 1 / (1 − 0) = 20
    expect(forceSize(10, 2, 1, 0)).toBe(20);
  });

  it('gives omitted or blank optional inputs their defaults (rotation 1, enabler share 0)', () => {
    expect(forceSize(10, 2)).toBe(20);
    expect(forceSize(10, 2, raw(null), raw(''))).toBe(20);
  });

  it('counts a blank extent or density as 0', () => {
    expect(forceSize(raw(null), 2)).toBe(0);
    expect(forceSize(10, raw(''))).toBe(0);
  });

  it('rejects an enabler share of exactly 1 (an all-enabler force is unbounded)', () => {
    expectModelError(
      () => forceSize(10, 2, 1, 1),
      'INVALID_ARGUMENT',
      'enabler_share must be a number ≥ 0 and < 1 (fraction of the whole force in support roles); got 1',
      'enabler_share',
    );
  });

  it('rejects a rotation below 1', () => {
    expectModelError(
      () => forceSize(10, 2, 0.99),
      'INVALID_ARGUMENT',
      'rotation must be a number ≥ 1 (units generated per unit deployed); got 0.99',
      'rotation',
    );
  });

  it('rejects a negative, NaN or infinite extent or density', () => {
    expectModelError(
      () => forceSize(-1, 2),
      'INVALID_ARGUMENT',
      /^extent must be a number ≥ 0 \(km of line, km² of zone or thousands of inhabitants\); got -1$/,
      'extent',
    );
    expectModelError(
      () => forceSize(10, NaN),
      'INVALID_ARGUMENT',
      /^density must be a number ≥ 0 \(personnel per unit of extent\); got NaN$/,
      'density',
    );
    expectModelError(() => forceSize(Infinity, 2), 'INVALID_ARGUMENT', /extent must be a number ≥ 0 .*; got Infinity$/);
    expectModelError(() => forceSize(10, -Infinity), 'INVALID_ARGUMENT', /density must be a number ≥ 0 .*; got -Infinity$/);
  });

  it('rejects text and booleans', () => {
    expectModelError(() => forceSize(raw('4160'), 2), 'INVALID_ARGUMENT', /extent must be a number ≥ 0 .*; got the text "4160"$/);
    expectModelError(() => forceSize(10, raw(true)), 'INVALID_ARGUMENT', /density must be a number ≥ 0 .*; got TRUE$/);
    expectModelError(() => forceSize(10, 2, raw('four')), 'INVALID_ARGUMENT', /rotation must be a number ≥ 1 .*; got the text "four"$/);
  });

  it('returns OVERFLOW where the result is beyond the largest double', () => {
    // 1e308 × 10 = 1e309 > 1.8e308
    expectModelError(() => forceSize(1e308, 10), 'OVERFLOW', /beyond the largest number Excel holds \(about 1\.8E\+308\)/);
    // An enabler share near 1 divides by almost 0: 1e300 / (1 − 0.999999999999) ≈ 1e312.
    expectModelError(() => forceSize(1e300, 1, 1, 0.999999999999), 'OVERFLOW', /beyond the largest number/);
  });

  it('keeps the smallest positive double', () => {
    // 5e-324 × 1 × 1 / 1 = 5e-324 (the smallest denormal)
    expect(forceSize(5e-324, 1)).toBe(5e-324);
  });

  it('declares its parameters in call order', () => {
    expect(FORCE_SIZE.params.map((p) => p.name)).toEqual(['extent', 'density', 'rotation', 'enabler_share']);
  });
});

describe('forceRotation', () => {
  it('runs its doc example: 5 under the UK Harmony Guidelines (6-month tours, 24-month interval)', () => {
    // ratios.csv ROTATION_UK_HARMONY = 5: (6 + 24) / 6.
    expect(forceRotation(6, 24)).toBe(5);
  });

  it('gives 3 for the US 1:2 and 4 for the US 1:3 boots-on-ground to dwell ratios', () => {
    // ratios.csv ROTATION_US_1_2 = 3: (1 + 2) / 1; ROTATION_US_1_3 = 4: (1 + 3) / 1.
    expect(forceRotation(1, 2)).toBe(3);
    expect(forceRotation(1, 3)).toBe(4);
  });

  it('returns exactly 1 with no interval between tours', () => {
    // (6 + 0) / 6 = 1
    expect(forceRotation(6, 0)).toBe(1);
    expect(forceRotation(6, raw(null))).toBe(1);
  });

  it('rejects a tour of 0 months, or a blank one, which counts as 0', () => {
    expectModelError(
      () => forceRotation(0, 24),
      'INVALID_ARGUMENT',
      'tour_months must be a number > 0 (months deployed per tour); got 0',
      'tour_months',
    );
    expectModelError(
      () => forceRotation(raw(''), 24),
      'INVALID_ARGUMENT',
      'tour_months must be a number > 0 (months deployed per tour); got a blank cell, which counts as 0',
    );
  });

  it('rejects a negative, NaN or text interval', () => {
    expectModelError(
      () => forceRotation(6, -1),
      'INVALID_ARGUMENT',
      'interval_months must be a number ≥ 0 (months between tours); got -1',
      'interval_months',
    );
    expectModelError(() => forceRotation(6, NaN), 'INVALID_ARGUMENT', /interval_months must be a number ≥ 0 .*; got NaN$/);
    expectModelError(() => forceRotation(6, raw('24')), 'INVALID_ARGUMENT', /interval_months must be .*; got the text "24"$/);
    expectModelError(() => forceRotation(raw(false), 24), 'INVALID_ARGUMENT', /tour_months must be .*; got FALSE$/);
  });

  it('returns OVERFLOW for a vanishingly short tour', () => {
    // (5e-324 + 1) / 5e-324 ≈ 2e323 > 1.8e308
    expectModelError(() => forceRotation(5e-324, 1), 'OVERFLOW', /beyond the largest number/);
  });

  it('returns exactly 1 for a vanishingly short tour with no interval', () => {
    // (5e-324 + 0) / 5e-324 = 1
    expect(forceRotation(5e-324, 0)).toBe(1);
  });

  // BUG src/model/force.ts:78: (t + i) / t overflows in t + i although the ratio is finite;
  // 1 + i / t would not. (1e308 + 1e308) / 1e308 = 2, but the code says OVERFLOW.
  it('returns 2 for equal tour and interval however large they are', () => {
    expect(forceRotation(1e308, 1e308)).toBe(2);
  });

  it('declares its parameters in call order', () => {
    expect(FORCE_ROTATION.params.map((p) => p.name)).toEqual(['tour_months', 'interval_months']);
  });
});

describe('forceCost', () => {
  it('runs its doc example: EUR 4.8 bn for 40,000 troops at EUR 120,000 a year', () => {
    // 40,000 × 120,000 × 1 = 4.8e9
    expect(forceCost(40000, 120000)).toBe(4.8e9);
  });

  it("costs the brief's peace force at the baseline cost per soldier-year", () => {
    // 39,228.8 troops (forceSize above) × EUR 120,000 (baseline_assumptions.csv cost_per_troop_year) = 4,707,456,000.
    expect(forceCost(39228.8, baseline('cost_per_troop_year'))).toBeCloseTo(4707456000, 0);
  });

  it('multiplies by the number of years', () => {
    // 100 × 1,000 × 2.5 = 250,000
    expect(forceCost(100, 1000, 2.5)).toBe(250000);
  });

  it('returns 0 for no personnel, no cost or no years', () => {
    expect(forceCost(0, 120000)).toBe(0);
    expect(forceCost(40000, 0)).toBe(0);
    expect(forceCost(40000, 120000, 0)).toBe(0);
  });

  it('gives an omitted or blank duration its default of 1 year', () => {
    expect(forceCost(2, 3)).toBe(6);
    expect(forceCost(2, 3, raw(null))).toBe(6);
  });

  it('rejects negative, NaN, infinite, text and boolean inputs, naming the parameter', () => {
    expectModelError(() => forceCost(-1, 1), 'INVALID_ARGUMENT', 'personnel must be a number ≥ 0 (persons); got -1', 'personnel');
    expectModelError(
      () => forceCost(1, NaN),
      'INVALID_ARGUMENT',
      'cost_per_year must be a number ≥ 0 (currency per person per year); got NaN',
      'cost_per_year',
    );
    expectModelError(() => forceCost(1, 1, -Infinity), 'INVALID_ARGUMENT', 'years must be a number ≥ 0 (years); got -Infinity', 'years');
    expectModelError(() => forceCost(raw('x'), 1), 'INVALID_ARGUMENT', /personnel must be .*; got the text "x"$/);
    expectModelError(() => forceCost(1, raw(true)), 'INVALID_ARGUMENT', /cost_per_year must be .*; got TRUE$/);
  });

  it('returns OVERFLOW where the cost is beyond the largest double', () => {
    // 1e200 × 1e200 = 1e400
    expectModelError(() => forceCost(1e200, 1e200), 'OVERFLOW', /beyond the largest number/);
  });

  // BUG src/model/force.ts:109: p × c × y is computed left to right, so p × c overflows to
  // Infinity before y is applied; with y = 0 that gives NaN (reported as OVERFLOW) for a cost of 0.
  it('returns 0 for zero years however large the force and its cost', () => {
    expect(forceCost(1e200, 1e200, 0)).toBe(0);
  });

  // BUG src/model/force.ts:109: same cause; 1e200 × 1e200 × 1e-300 = 1e100 is finite.
  it('returns a finite cost when a short duration brings a large product back in range', () => {
    expect(forceCost(1e200, 1e200, 1e-300)).toBeCloseTo(1e100, -90);
  });

  it('declares its parameters in call order', () => {
    expect(FORCE_COST.params.map((p) => p.name)).toEqual(['personnel', 'cost_per_year', 'years']);
  });
});

describe('forceDensity', () => {
  it('runs its doc example: UNIFIL has 9.434 troops per km²', () => {
    // force_precedents.csv UNIFIL_ACTUAL: 10,000 troops / 1,060 km² = 9.43396...
    expect(forceDensity('UNIFIL')).toBeCloseTo(9.433962, 6);
    expect(forceDensity('UNIFIL')).toBe(10000 / 1060);
  });

  it('gives UNIFIL 83.3 troops per km of line', () => {
    // force_precedents.csv UNIFIL_ACTUAL: 10,000 troops / 120 km (Blue Line)
    expect(forceDensity('UNIFIL', 'km')).toBe(10000 / 120);
  });

  it('gives KFOR 22.7 troops per thousand inhabitants', () => {
    // force_precedents.csv KFOR_1999: 50,000 / (2,200,000 / 1,000) = 22.727...
    expect(forceDensity('KFOR', 'per1000')).toBeCloseTo(22.727273, 6);
  });

  it('reproduces the baseline density range: KFOR 4.59 low, UNIFIL 9.43, UNIFIL authorised 14.15', () => {
    // baseline_assumptions.csv density_per_km2: low 4.59 = KFOR 50,000 / 10,887; lasting_peace 9.43 =
    // 10,000 / 1,060; truce_collapse 14.15 = UNIFIL authorised 15,000 / 1,060, each to 2 decimals.
    expect(forceDensity('KFOR').toFixed(2)).toBe('4.59');
    expect(forceDensity('UNIFIL').toFixed(2)).toBe('9.43');
    expect(forceDensity('UNIFIL_AUTHORISED').toFixed(2)).toBe('14.15');
  });

  it('accepts the CSV reference id and any case or surrounding spaces', () => {
    expect(forceDensity('UNIFIL_ACTUAL')).toBe(10000 / 1060);
    expect(forceDensity('  unifil ')).toBe(10000 / 1060);
    expect(forceDensity('usfk_dmz', 'km')).toBe(28500 / 250); // force_precedents.csv USFK_DMZ: 28,500 / 250 km
  });

  it('returns NOT_COVERED where the precedent has no figure for the basis, naming the bases it has', () => {
    // force_precedents.csv: KFOR_1999 has no line_km; IFOR_1995 has neither line_km nor population;
    // UNIFIL_ACTUAL has no population.
    expectModelError(
      () => forceDensity('KFOR', 'km'),
      'NOT_COVERED',
      'KFOR has no line length (km) in the reference data; use basis km2 or per1000',
      'basis',
    );
    expectModelError(() => forceDensity('IFOR', 'per1000'), 'NOT_COVERED', 'IFOR has no population in the reference data; use basis km2');
    expectModelError(() => forceDensity('UNIFIL', 'per1000'), 'NOT_COVERED', 'UNIFIL has no population in the reference data; use basis km2 or km');
  });

  it('rejects an unknown precedent, listing the accepted ones', () => {
    expectModelError(
      () => forceDensity('MINUSMA'),
      'INVALID_ARGUMENT',
      'precedent must be one of UNIFIL, UNIFIL_AUTHORISED, KFOR, IFOR, UNFICYP, KOREA_DMZ; got the text "MINUSMA"',
      'precedent',
    );
    expectModelError(() => forceDensity(raw(null) as unknown as string), 'INVALID_ARGUMENT', /precedent must be one of .*; got a blank cell$/);
  });
});

describeIfReference('forceDensity against force_precedents.csv', () => {
  const BASIS_COLUMN: Readonly<Record<DensityBasis, string>> = { km2: 'area_km2', km: 'line_km', per1000: 'population' };

  it('gives troops / area, line or population ÷ 1,000 for every row, and NOT_COVERED where the cell is empty', () => {
    for (const row of readReferenceCsv('force_precedents.csv')) {
      const troops = num(row, 'troops') ?? NaN;
      for (const basis of ['km2', 'km', 'per1000'] as const) {
        const denominator = num(row, BASIS_COLUMN[basis]);
        if (denominator === undefined) {
          expectModelError(() => forceDensity(cell(row, 'id'), basis), 'NOT_COVERED', /has no .* in the reference data/);
        } else {
          expect(forceDensity(cell(row, 'id'), basis)).toBeCloseTo(troops / (basis === 'per1000' ? denominator / 1000 : denominator), 10);
        }
      }
    }
  });
});

describe('liftForceDensity', () => {
  it('makes a grid from a column of precedents and a row of bases, with NOT_COVERED only where data is missing', () => {
    const grid = liftForceDensity([['UNIFIL'], ['KFOR']], [['km2', 'km', 'per1000']], keep);
    expect(shapeOf(grid)).toEqual([2, 3]);
    // force_precedents.csv UNIFIL_ACTUAL 10,000 / 1,060 km², / 120 km; no population.
    expect(cellAt(grid, 0, 0)).toBe(10000 / 1060);
    expect(cellAt(grid, 0, 1)).toBe(10000 / 120);
    expectModelErrorValue(cellAt(grid, 0, 2), 'NOT_COVERED', /UNIFIL has no population/);
    // KFOR_1999 50,000 / 10,887 km²; no line; 50,000 / 2,200 thousand inhabitants.
    expect(cellAt(grid, 1, 0)).toBe(50000 / 10887);
    expectModelErrorValue(cellAt(grid, 1, 1), 'NOT_COVERED', /KFOR has no line length/);
    expect(cellAt(grid, 1, 2)).toBe(50000 / 2200);
  });

  it('uses km2 where the basis is omitted or blank, and reads the basis in any case', () => {
    expect(liftForceDensity([['UNIFIL']], null, keep)).toEqual([[10000 / 1060]]);
    expect(liftForceDensity([['UNIFIL']], [[null]], keep)).toEqual([[10000 / 1060]]);
    expect(liftForceDensity([['UNIFIL']], [[' KM ']], keep)).toEqual([[10000 / 120]]);
  });

  it('marks an unknown basis or precedent in its cell, listing what is accepted', () => {
    const grid = liftForceDensity([['UNIFIL', 'Atlantis']], [['miles', 'km2']], keep);
    expectModelErrorValue(
      cellAt(grid, 0, 0),
      'INVALID_ARGUMENT',
      'basis (row 1, column 1 of the range) must be km2 (troops per km² of zone), km (per km of line) or per1000 (per thousand inhabitants); got the text "miles"',
    );
    expectModelErrorValue(cellAt(grid, 0, 1), 'INVALID_ARGUMENT', /precedent \(row 1, column 2 of the range\) must be one of UNIFIL/);
  });

  it('refuses precedents and bases whose shapes cannot combine', () => {
    expectModelError(
      () => liftForceDensity([['UNIFIL'], ['KFOR'], ['IFOR']], [['km2'], ['km']], keep),
      'SHAPE_MISMATCH',
      'precedent (3 x 1) and basis (2 x 1) cannot be combined',
    );
  });
});

describe('precedentParam', () => {
  it('lists the six precedent ids as accepted', () => {
    expect(precedentParam.accepted).toBe('one of UNIFIL, UNIFIL_AUTHORISED, KFOR, IFOR, UNFICYP, KOREA_DMZ');
  });
});

describe('basisParam', () => {
  it('defaults to km2 and resolves the three bases in any case', () => {
    expect(basisParam.default).toBe('km2');
    expect(['KM2', 'Km', 'PER1000', 'acre'].map(basisParam.resolve)).toEqual(['km2', 'km', 'per1000', undefined]);
  });
});
