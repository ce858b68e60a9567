import { ASSUMPTIONS, SCENARIOS } from '../../src/data/assumptions';
import { MUNITION_FACTS, RATIOS } from '../../src/data/facts';
import { KEY_IDS, KEYS } from '../../src/data/keys';
import { PRECEDENTS } from '../../src/data/precedents';
import type { Citation, ScenarioId } from '../../src/data/types';
import {
  assumption,
  assumptionParam,
  type Bound,
  boundParam,
  citationText,
  liftAssumption,
  liftSource,
  scenarioParam,
  source,
  sourceIdParam,
} from '../../src/model/reference';
import { cellAt, expectModelError, expectModelErrorValue, keep, shapeOf } from '../helpers/model';
import { cell, describeIfReference, readReferenceCsv } from '../helpers/csv';

/** The CSV column of each scenario in baseline_assumptions.csv. */
const CSV_COLUMN: Readonly<Record<ScenarioId, string>> = { peace: 'lasting_peace', collapse: 'truce_collapse', no_deal: 'no_agreement' };

describe('assumption', () => {
  it('runs its doc example: the line is 1,040 km', () => {
    // baseline_assumptions.csv line_km, lasting_peace (Syrskyi, Aug 2024)
    expect(assumption('line_km')).toBe(1040);
  });

  it('gives each scenario its own value', () => {
    // baseline_assumptions.csv density_per_km2: 9.43 / 14.15 / 0; fund_annual: 20 / 40 / 55.
    expect(assumption('density_per_km2', 'peace')).toBe(9.43);
    expect(assumption('density_per_km2', 'collapse')).toBe(14.15);
    expect(assumption('density_per_km2', 'no_deal')).toBe(0);
    expect(['peace', 'collapse', 'no_deal'].map((s) => assumption('fund_annual', s as ScenarioId))).toEqual([20, 40, 55]);
  });

  it('gives the low and high bounds, the same in every scenario', () => {
    // baseline_assumptions.csv density_per_km2 low 4.59 (KFOR 1999), high 14.15 (UNIFIL authorised).
    for (const s of ['peace', 'collapse', 'no_deal'] as const) {
      expect(assumption('density_per_km2', s, 'low')).toBe(4.59);
      expect(assumption('density_per_km2', s, 'high')).toBe(14.15);
    }
  });

  it('returns text for fund_key: GDP', () => {
    // baseline_assumptions.csv fund_key = GDP in every scenario (Gros, Policy Brief 36).
    expect(assumption('fund_key')).toBe('GDP');
    expect(assumption('fund_key', 'no_deal')).toBe('GDP');
  });

  it('reads the id in any case, with spaces around it', () => {
    expect(assumption('LINE_KM')).toBe(1040);
    expect(assumption('  Line_Km ')).toBe(1040);
  });

  it('returns NOT_COVERED where a scenario has no value: no brief force without an agreement', () => {
    // baseline_assumptions.csv brief_force_low: empty under no_agreement.
    expectModelError(
      () => assumption('brief_force_low', 'no_deal'),
      'NOT_COVERED',
      'brief_force_low has no value in scenario no_deal: the brief gives none',
      'scenario',
    );
  });

  it('returns NOT_COVERED where a bound is missing: the line has no low bound', () => {
    // baseline_assumptions.csv line_km: low empty, high 1,250.
    expectModelError(() => assumption('line_km', 'peace', 'low'), 'NOT_COVERED', 'line_km has no low bound in the baseline', 'bound');
    expect(assumption('line_km', 'peace', 'high')).toBe(1250);
  });

  it('rejects an unknown id, listing the ids', () => {
    expectModelError(
      () => assumption('troops'),
      'INVALID_ARGUMENT',
      /^id must be one of line_km, zone_depth_km, density_per_km2, .*, over_guarantee; got the text "troops"$/,
      'id',
    );
    expectModelError(() => assumption(null as unknown as string), 'INVALID_ARGUMENT', /^id must be .*; got a blank cell$/);
  });
});

describeIfReference('assumption against baseline_assumptions.csv', () => {
  const rows = readReferenceCsv('baseline_assumptions.csv');

  it('covers every row of the CSV, and no other id', () => {
    expect(ASSUMPTIONS.map((a) => a.id)).toEqual(rows.map((r) => cell(r, 'id')));
  });

  it.each(ASSUMPTIONS.map((a) => a.id))('returns the CSV value of %s in each scenario, and NOT_COVERED where it is empty', (id) => {
    const row = rows.find((r) => cell(r, 'id') === id);
    expect(row).toBeDefined();
    if (row === undefined) return;
    const numeric = cell(row, 'unit') !== 'text';
    for (const s of SCENARIOS) {
      const text = cell(row, CSV_COLUMN[s.id]);
      if (text === '') expectModelError(() => assumption(id, s.id), 'NOT_COVERED', `${id} has no value in scenario ${s.id}`);
      else expect(assumption(id, s.id)).toBe(numeric ? Number(text) : text);
    }
    for (const b of ['low', 'high'] as const) {
      const text = cell(row, b);
      if (text === '') expectModelError(() => assumption(id, 'peace', b), 'NOT_COVERED', `${id} has no ${b} bound in the baseline`);
      else expect(assumption(id, 'peace', b)).toBe(Number(text));
    }
  });
});

describe('liftAssumption', () => {
  it('makes a grid from a column of ids and a row of scenarios, NOT_COVERED only where the brief is silent', () => {
    const grid = liftAssumption([['brief_force_low'], ['fund_annual']], [['peace', 'collapse', 'no_deal']], null, keep);
    expect(shapeOf(grid)).toEqual([2, 3]);
    // baseline_assumptions.csv brief_force_low 30,000 / 30,000 / (empty); fund_annual 20 / 40 / 55.
    expect([cellAt(grid, 0, 0), cellAt(grid, 0, 1)]).toEqual([30000, 30000]);
    expectModelErrorValue(cellAt(grid, 0, 2), 'NOT_COVERED', /brief_force_low has no value in scenario no_deal/);
    expect(grid[1]).toEqual([20, 40, 55]);
  });

  it('reads scenarios by id or CSV column name, and bounds, in any case', () => {
    // baseline_assumptions.csv density_per_km2: 9.43 / 14.15 / 0, low 4.59.
    expect(liftAssumption('density_per_km2', [['PEACE', 'Lasting_Peace', 'TRUCE_COLLAPSE', 'no_agreement']], null, keep)).toEqual([
      [9.43, 9.43, 14.15, 0],
    ]);
    expect(liftAssumption('density_per_km2', null, [[' LOW ', 'High', 'CENTRAL']], keep)).toEqual([[4.59, 14.15, 9.43]]);
  });

  it('uses peace and central where scenario and bound are omitted or blank', () => {
    expect(liftAssumption([['line_km']], null, null, keep)).toEqual([[1040]]);
    expect(liftAssumption([['line_km']], [['']], [[null]], keep)).toEqual([[1040]]);
  });

  it('passes text values through', () => {
    expect(liftAssumption([['fund_key']], null, null, keep)).toEqual([['GDP']]);
  });

  it('marks an unknown id, scenario or bound in its cell, listing what is accepted', () => {
    const grid = liftAssumption(
      [['line_km', 'nope', 'line_km', 'line_km']],
      [['peace', 'peace', 'war', 'peace']],
      [['central', 'central', 'central', 'mid']],
      keep,
    );
    expect(cellAt(grid, 0, 0)).toBe(1040);
    expectModelErrorValue(
      cellAt(grid, 0, 1),
      'INVALID_ARGUMENT',
      /^id \(row 1, column 2 of the range\) must be one of line_km, .*; got the text "nope"$/,
    );
    expectModelErrorValue(
      cellAt(grid, 0, 2),
      'INVALID_ARGUMENT',
      'scenario (row 1, column 3 of the range) must be one of peace (Truce becomes lasting peace), collapse (Truce agreed, then collapses), no_deal (No agreement; US support may stop); got the text "war"',
    );
    expectModelErrorValue(
      cellAt(grid, 0, 3),
      'INVALID_ARGUMENT',
      'bound (row 1, column 4 of the range) must be central, low or high; got the text "mid"',
    );
  });

  it('refuses ids and scenarios whose shapes cannot combine', () => {
    expectModelError(
      () => liftAssumption([['line_km'], ['rotation'], ['shell_cost']], [['peace'], ['collapse']], null, keep),
      'SHAPE_MISMATCH',
      'id (3 x 1) and scenario (2 x 1) cannot be combined',
    );
  });
});

describe('scenarioParam', () => {
  it('defaults to peace and resolves ids and CSV column names in any case', () => {
    expect(scenarioParam.default).toBe('peace');
    const resolved = ['peace', 'LASTING_PEACE', 'collapse', 'Truce_Collapse', 'no_deal', 'NO_AGREEMENT', 'war'].map((t) => scenarioParam.resolve(t));
    expect(resolved).toEqual(['peace', 'peace', 'collapse', 'collapse', 'no_deal', 'no_deal', undefined]);
  });
});

describe('boundParam', () => {
  it('defaults to central and resolves the three bounds in any case', () => {
    expect(boundParam.default).toBe('central');
    expect(['CENTRAL', 'Low', 'high', 'mid'].map((t) => boundParam.resolve(t))).toEqual(['central', 'low', 'high', undefined] as (
      Bound | undefined
    )[]);
  });
});

describe('assumptionParam', () => {
  it('lists every assumption id as accepted', () => {
    expect(assumptionParam.accepted).toBe(`one of ${ASSUMPTIONS.map((a) => a.id).join(', ')}`);
  });
});

describe('citationText', () => {
  it('writes source, date and basis as sentences', () => {
    const c: Citation = { source: 'A source', asOf: '2024', basis: 'read' };
    expect(citationText(c)).toBe('A source. As of 2024. Read in the source.');
  });

  it('adds confidence and note where given, and says how derived and analyst figures were reached', () => {
    const derived: Citation = { source: 'S', asOf: '2011-10-18', basis: 'derived', confidence: 'medium', note: 'A caveat.' };
    expect(citationText(derived)).toBe(
      'S. As of 2011-10-18. Derived by DefEcon from figures read in the source. Confidence: medium. Note: A caveat.',
    );
    const analyst: Citation = { source: 'S', asOf: '2025', basis: 'analyst' };
    expect(citationText(analyst)).toBe("S. As of 2025. Analyst's choice for the model, on the basis given.");
  });
});

describe('source', () => {
  it("runs its doc example: UNIFIL's citation is its press release of 7 Dec 2018, read in the source", () => {
    // force_precedents.csv UNIFIL_ACTUAL source column.
    const text = source('UNIFIL');
    expect(text).toContain('UNIFIL press release 7 Dec 2018 (about 10,500 peacekeepers; area of operations about 1,060 km2)');
    expect(text).toContain('As of 2018');
    expect(text).toContain('Read in the source.');
  });

  it('cites an assumption', () => {
    // baseline_assumptions.csv line_km basis column.
    expect(source('line_km')).toContain('Active front about 1,040 km (Gen. Syrskyi, Aug 2024');
  });

  it('cites a precedent by its id and by its CSV reference id alike', () => {
    expect(source('UNIFIL_ACTUAL')).toBe(source('UNIFIL'));
    // force_precedents.csv KFOR_1999 source column.
    expect(source('KFOR_1999')).toContain('US DoD news 20 May 1999 (NATO planners double Kosovo force to 50,000)');
  });

  it('cites a contribution key with its confidence and caveats', () => {
    // SOURCES.md section 4: EFSF Framework Agreement as amended, medium confidence.
    const text = source('EFSF');
    expect(text).toContain('EFSF Framework Agreement as amended, in force 18 October 2011');
    expect(text).toContain('Confidence: medium.');
    expect(text).toContain('Note: Only DE and BE were read in a source');
  });

  it('cites a munitions fact and a ratio', () => {
    // munitions_facts.csv DE_155_STOCK_2023; ratios.csv ROTATION_UK_HARMONY.
    expect(source('DE_155_STOCK_2023')).toContain('Der Spiegel via Reuters, 2023');
    expect(source('ROTATION_UK_HARMONY')).toContain('Iraq Inquiry (Chilcot) report, section 16.1, Harmony Guidelines 2003');
  });

  it('returns, for every id of every kind, text containing its source and date', () => {
    const records: [string, Citation][] = [
      ...ASSUMPTIONS.map((a) => [a.id, a] as [string, Citation]),
      ...PRECEDENTS.flatMap((p) => [[p.id, p] as [string, Citation], [p.referenceId, p] as [string, Citation]]),
      ...KEY_IDS.map((k) => [k, KEYS.get(k) as Citation] as [string, Citation]),
      ...[...MUNITION_FACTS, ...RATIOS].map((f) => [f.id, f] as [string, Citation]),
    ];
    // 18 assumptions + 6 precedents × 2 ids + 5 keys + 18 facts + 9 ratios = 62 ids.
    expect(records).toHaveLength(62);
    for (const [id, c] of records) {
      const text = source(id);
      expect(text).toContain(c.source);
      expect(text).toContain(`As of ${c.asOf}.`);
      // Reads as sentences: ends with a full stop, never two.
      expect(text.endsWith('.')).toBe(true);
      expect(text).not.toContain('..');
    }
  });

  it('reads ids in any case, with spaces around them', () => {
    expect(source(' unifil ')).toBe(source('UNIFIL'));
    expect(source('efsf')).toBe(source('EFSF'));
    expect(source('LINE_KM')).toBe(source('line_km'));
  });

  it('rejects an unknown id, listing every kind it accepts', () => {
    expectModelError(
      () => source('nope'),
      'INVALID_ARGUMENT',
      /^id must be an assumption \(line_km, .*\), a precedent \(UNIFIL, .*\), a key \(GDP, EFSF, ESM, ECB, POP\) or a fact \(FRANCE_DAYS_2021, .*\); got the text "nope"$/,
      'id',
    );
  });
});

describe('liftSource', () => {
  it('returns a column of citations for a column of ids, with a bad id marked in its cell only', () => {
    const grid = liftSource([['UNIFIL'], ['nope'], ['EFSF']], keep);
    expect(shapeOf(grid)).toEqual([3, 1]);
    expect(cellAt(grid, 0, 0)).toBe(source('UNIFIL'));
    expectModelErrorValue(cellAt(grid, 1, 0), 'INVALID_ARGUMENT', /^id \(row 2, column 1 of the range\) must be an assumption/);
    expect(cellAt(grid, 2, 0)).toBe(source('EFSF'));
  });

  it('rejects an empty range as a whole', () => {
    expectModelError(() => liftSource([[]], keep), 'INVALID_ARGUMENT', /^id is an empty range/);
  });
});

describe('sourceIdParam', () => {
  it('resolves every kind of id to its citation', () => {
    expect(sourceIdParam.resolve('ecb')).toBe(KEYS.get('ECB'));
    expect(sourceIdParam.resolve('unknown')).toBeUndefined();
  });
});
