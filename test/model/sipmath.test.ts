import { fitMetalog3 } from '../../src/model/metalog';
import { readSipmathLibrary, sipmathLibrary, sipTrials } from '../../src/model/sipmath';

const seed = (varId: number) => ({ varId, entity: 1, seed3: 0, seed4: 0 });

describe('sipmathLibrary', () => {
  it('writes a SIPmath 3.0 library: one HDR_2_0 generator and one Metalog_1_0 sip per variable', () => {
    const lib = sipmathLibrary('DefEcon baseline', 'IEP@BU commentary 187', '2026-12-01', [
      { name: 'line_km', seed: seed(1), coefficients: [1200, 50, 0], bounds: {}, metadata: { unit: 'km' } },
      { name: 'density_per_km2', seed: seed(2), coefficients: [2.2, 0.1, 0.01], bounds: { lower: 0 } },
    ]);
    expect(lib).toMatchObject({ objectType: 'sipModel', libraryType: 'SIPmath_3_0', name: 'DefEcon baseline', provenance: 'IEP@BU commentary 187' });
    expect(lib.U01.rng).toEqual([
      { name: 'hdr_line_km', function: 'HDR_2_0', arguments: { counter: 'PM_Index', entity: 1, varId: 1, seed3: 0, seed4: 0 } },
      { name: 'hdr_density_per_km2', function: 'HDR_2_0', arguments: { counter: 'PM_Index', entity: 1, varId: 2, seed3: 0, seed4: 0 } },
    ]);
    expect(lib.sips[1]).toEqual({
      name: 'density_per_km2',
      ref: { source: 'rng', name: 'hdr_density_per_km2' },
      function: 'Metalog_1_0',
      arguments: { lowerBound: 0, aCoefficients: [2.2, 0.1, 0.01] },
    });
    expect(lib.sips[0]?.metadata).toEqual({ unit: 'km' });
  });

  it('refuses two variables of the same name or the same seeds', () => {
    const s = { coefficients: [1, 1, 0], bounds: {} };
    expect(() =>
      sipmathLibrary('x', 'y', '2026-12-01', [
        { name: 'a', seed: seed(1), ...s },
        { name: 'a', seed: seed(2), ...s },
      ]),
    ).toThrow('two variables are named a');
    expect(() =>
      sipmathLibrary('x', 'y', '2026-12-01', [
        { name: 'a', seed: seed(1), ...s },
        { name: 'b', seed: seed(1), ...s },
      ]),
    ).toThrow('a and b have the same seeds (varId 1), so their trials would be identical');
  });
});

describe('readSipmathLibrary and sipTrials', () => {
  it('reads back what it writes, through JSON', () => {
    const m = fitMetalog3({ p10: 2, p50: 5, p90: 12, lower: 0 });
    const lib = sipmathLibrary('t', 'p', '2026-12-01', [
      { name: 'x', seed: { varId: 2, entity: 1, seed3: 3, seed4: 4 }, coefficients: [m.a1, m.a2, m.a3], bounds: { lower: 0 } },
    ]);
    const [sip] = readSipmathLibrary(JSON.parse(JSON.stringify(lib)));
    expect(sip).toEqual({ name: 'x', seed: { varId: 2, entity: 1, seed3: 3, seed4: 4 }, coefficients: [m.a1, m.a2, m.a3], bounds: { lower: 0 } });
    // Python, from the published formulas: HDR_2_0(i, varId 2, entity 1, 3, 4) gives u = 0.72631796…, 0.62677879…,
    // 0.88983445…; the lower-bounded Metalog of (2, 5, 12) at those: e^M = 7.40579946508249, 6.167472866396336, 11.49944687540052.
    const trials = sipTrials(sip!, 3);
    expect(trials[0]).toBeCloseTo(7.40579946508249, 10);
    expect(trials[1]).toBeCloseTo(6.167472866396336, 10);
    expect(trials[2]).toBeCloseTo(11.49944687540052, 10);
  });

  it('reads a library in the shape other SIPmath tools write (extra fields, metadata, several terms)', () => {
    const lib = {
      objectType: 'sipModel',
      name: 'Demand',
      version: '1.0',
      globalVariables: [],
      U01: { rng: [{ name: 'HDR1', function: 'HDR_2_0', arguments: { counter: 'PM_Index', entity: 1, varId: 2, seed3: 3, seed4: 4 } }] },
      sips: [
        {
          name: 'Demand',
          ref: { source: 'rng', name: 'HDR1' },
          function: 'Metalog_1_0',
          arguments: { lowerBound: 1239, aCoefficients: [11.4, 2.5, -3.0, -9.2, 13.5] },
          metadata: { density: [0.1] },
        },
      ],
    };
    expect(readSipmathLibrary(lib)).toEqual([
      { name: 'Demand', seed: { varId: 2, entity: 1, seed3: 3, seed4: 4 }, coefficients: [11.4, 2.5, -3.0, -9.2, 13.5], bounds: { lower: 1239 } },
    ]);
  });

  it('says what it cannot read', () => {
    const base = {
      objectType: 'sipModel',
      U01: { rng: [{ name: 'H', function: 'HDR_2_0', arguments: { counter: 'PM_Index', entity: 1, varId: 1, seed3: 0, seed4: 0 } }] },
    };
    const sip = { name: 's', ref: { source: 'rng', name: 'H' }, function: 'Metalog_1_0', arguments: { aCoefficients: [1, 2] } };
    expect(() => readSipmathLibrary({})).toThrow('not a SIPmath library: objectType must be "sipModel"');
    expect(() => readSipmathLibrary({ ...base, sips: [] })).toThrow('the library has no sips');
    expect(() => readSipmathLibrary({ ...base, sips: [{ ...sip, ref: { source: 'copula', name: 'Gaussian', copulaLayer: 'c1' } }] })).toThrow(
      'sip s is not driven by one generator (a copula layer is not supported)',
    );
    expect(() => readSipmathLibrary({ ...base, sips: [{ ...sip, ref: { source: 'rng', name: 'Other' } }] })).toThrow(
      'sip s names generator Other, which is not an HDR_2_0 generator of the library',
    );
    expect(() => readSipmathLibrary({ ...base, sips: [{ ...sip, function: 'Normal' }] })).toThrow(
      'sip s is "Normal"; only Metalog_1_0 sips can be read',
    );
    expect(() => readSipmathLibrary({ ...base, sips: [{ ...sip, arguments: { aCoefficients: ['x'] } }] })).toThrow(
      'sip s has no numeric aCoefficients',
    );
    const userSeed = {
      objectType: 'sipModel',
      U01: {
        rng: [
          {
            name: 'H',
            function: 'HDR_2_0',
            arguments: { counter: 'PM_Index', entity: 1, varId: 1, seed3: { type: 'parameter', name: 'Seed3' }, seed4: 0 },
          },
        ],
      },
      sips: [sip],
    };
    expect(() => readSipmathLibrary(userSeed)).toThrow(
      /seed3 of generator H \(a parameter left for the user is not supported\) must be a whole number ≥ 0/,
    );
  });
});
