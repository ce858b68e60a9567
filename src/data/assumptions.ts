/**
 * The baseline model inputs for the three scenarios of IEP@BU commentary 187 (Gilli, Gilli and
 * Petrelli, 26 March 2025), from `shared/reference/baseline_assumptions.csv`, in CSV order.
 * `source` is the CSV's basis column. `basis` is `read` where every value is a figure taken as is
 * from a source, `analyst` where the value is a choice or derivation made for the model.
 */
import type { Assumption, Citation, ScenarioId } from './types';

export interface Scenario {
  readonly id: ScenarioId;
  readonly label: string;
  /** A short name for column headers and drop-downs (no commas). */
  readonly short: string;
  readonly description: string;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'peace',
    short: 'Lasting peace',
    label: 'Truce becomes lasting peace',
    description: 'The ceasefire holds and becomes a durable settlement; a European force watches the ' + 'line and fighting does not restart.',
  },
  {
    id: 'collapse',
    short: 'Truce collapses',
    label: 'Truce agreed, then collapses',
    description:
      'A ceasefire is signed but later breaks down, most likely through Russian breaches; the ' +
      'force must be large enough to deter and answer violations, and munitions use rises again.',
  },
  {
    id: 'no_deal',
    short: 'No agreement',
    label: 'No agreement; US support may stop',
    description:
      'No ceasefire is reached and the war goes on at full intensity, with the risk that ' +
      'Washington ends its military aid and Europe has to fill the gap.',
  },
];

type Value = number | string | null;

function assumption(
  id: string,
  label: string,
  unit: string,
  [peace, collapse, no_deal]: readonly [Value, Value, Value],
  low: number | null,
  high: number | null,
  citation: Citation,
): Assumption {
  return { id, label, unit, values: { peace, collapse, no_deal }, low, high, ...citation };
}

const read = (asOf: string, source: string, note?: string): Citation =>
  note === undefined ? { source, asOf, basis: 'read' } : { source, asOf, basis: 'read', note };
const analyst = (asOf: string, source: string, note?: string): Citation =>
  note === undefined ? { source, asOf, basis: 'analyst' } : { source, asOf, basis: 'analyst', note };

const BRIEF_FORCE = 'Gilli, Gilli and Petrelli (2025), by analogy with UNIFIL';
const BRIEF_FORCE_NOTE = 'How the authors reached 30,000-60,000 is not established: the underlying Policy Brief 37 ' + 'was not read.';
const GROS_NOTE = 'Only the coalition and the EFSF model of the Gros fund were read; its size and key are not ' + 'stated there.';

export const ASSUMPTIONS: readonly Assumption[] = [
  assumption(
    'line_km',
    'Line of contact to be covered',
    'km',
    [1040, 1040, 1040],
    null,
    1250,
    read(
      '2024-08',
      'Active front about 1,040 km (Gen. Syrskyi, Aug 2024, the latest official figure before the ' + 'brief); about 1,250 km by late 2025 (Syrskyi)',
    ),
  ),
  assumption(
    'zone_depth_km',
    'Depth of the monitored zone',
    'km',
    [4, 4, 4],
    2,
    5,
    analyst('1995-12-14', 'IFOR zone of separation, 2 km either side of the line (Dayton 1995); 5 km buffer in 2025 ' + 'press plans for Ukraine'),
  ),
  assumption(
    'density_per_km2',
    'Peace-enforcement troops per km2 of zone',
    'troops per km2',
    [9.43, 14.15, 0],
    4.59,
    14.15,
    analyst(
      '2018',
      'UNIFIL actual 10,000 / 1,060 km2 (lasting peace); UNIFIL authorised 15,000 / 1,060 km2 ' +
        '(deterrent posture when violations are expected); no force without an agreement; KFOR ' +
        '1999 50,000 / 10,887 km2 as low',
      "This zone-density reconstruction reproduces the brief's 30,000-60,000 range but is not " + "the authors' stated method.",
    ),
  ),
  assumption(
    'rotation',
    'Force generation multiplier',
    'units per unit deployed',
    [4, 4, 4],
    3,
    5,
    analyst('2025-03', 'Radakin 2025 (64,000 deployed needs 256,000); US 1:2 BOG:dwell = 3; UK Harmony Guidelines = 5'),
  ),
  assumption(
    'cost_per_troop_year',
    'Incremental cost per deployed soldier-year',
    'EUR',
    [120000, 120000, 120000],
    54000,
    195000,
    analyst(
      '2011',
      "Italy's UNIFIL contingent about EUR 119k (2011 decree) central; UNIFIL budget USD 582.63m / " +
        '10,000 troops at 1.0824 USD/EUR as low; France Barkhane about EUR 195k as high',
    ),
  ),
  assumption(
    'brief_force_low',
    "Brief's peace-enforcement force (low)",
    'personnel',
    [30000, 30000, null],
    null,
    null,
    read('2025-03-26', BRIEF_FORCE, BRIEF_FORCE_NOTE),
  ),
  assumption(
    'brief_force_high',
    "Brief's peace-enforcement force (high)",
    'personnel',
    [60000, 60000, null],
    null,
    null,
    read('2025-03-26', BRIEF_FORCE, BRIEF_FORCE_NOTE),
  ),
  assumption(
    'nsatu_staff',
    'NATO security assistance mission staff (NSATU)',
    'personnel',
    [700, 700, 700],
    null,
    null,
    read('2024', 'SHAPE news release 2024 (about 700 staff, Wiesbaden)'),
  ),
  assumption(
    'ua_daily_use',
    'Ukraine 155 mm fire if fighting resumes',
    'rounds per day',
    [10000, 10000, 14600],
    2000,
    14600,
    analyst('2024-08', 'Syrskyi Aug 2024: about 10,000/day Jan-May 2024, 14,600/day Aug 2024; Umerov Jan 2024 about ' + '2,000/day under shortage'),
  ),
  assumption(
    'eu_annual_production',
    'EU 155 mm production capacity',
    'rounds per year',
    [2000000, 2000000, 2000000],
    1000000,
    2000000,
    read('2024-03-15', 'European Commission 15 Mar 2024: 1 million/yr reached Jan 2024, 2 million/yr expected ' + 'end-2025 (ASAP)'),
  ),
  assumption(
    'us_monthly_production',
    'US 155 mm production',
    'rounds per month',
    [40000, 40000, 40000],
    14000,
    100000,
    read('2025', 'US Army: about 14,000/month pre-war, about 40,000/month 2024-25, goal 100,000/month'),
  ),
  assumption(
    'france_days',
    "France's munitions for high-intensity combat",
    'days',
    [9, 9, 9],
    null,
    null,
    read('2021', 'Brief, citing RAND 2021 (Pezard, Shurkin, Ochmanek, RR-A231-1)', 'Quoted from the brief; the RAND passage itself was not read.'),
  ),
  assumption(
    'nato_goal_days',
    'NATO stockpile goal',
    'days',
    [30, 30, 30],
    null,
    null,
    read('2016-07-06', 'NATO 30-day guideline (Reuters 2016; Spiegel 2023)'),
  ),
  assumption(
    'shell_cost',
    '155 mm unit cost',
    'EUR per round',
    [3700, 3700, 3700],
    2000,
    8000,
    analyst('2024-05', 'NATO average production cost about USD 4,000 (Bain 2024) at 1.0824; Adm. Bauer: EUR 2,000 ' + 'pre-war, EUR 8,000 in 2024'),
  ),
  assumption(
    'us_military_aid',
    'US military aid to Ukraine',
    'EUR bn per year',
    [20, 20, 0],
    0,
    20,
    analyst(
      '2024',
      "Kiel Ukraine Support Tracker: US EUR 20bn of EUR 42bn military aid in 2024; the brief's " + 'third scenario assumes US support stops',
    ),
  ),
  assumption(
    'fund_annual',
    'European Security Fund for Ukraine',
    'EUR bn per year',
    [20, 40, 55],
    20,
    55,
    analyst(
      '2024',
      'Replace the US share of 2024 military aid (Kiel, EUR 20bn); NATO 2024 Washington pledge ' +
        "baseline EUR 40bn/yr; half of Ukraine's stated USD 120bn 2026 defence need expected from " +
        'partners (about EUR 55bn at 1.0824)',
      GROS_NOTE,
    ),
  ),
  assumption(
    'fund_key',
    'Contribution key',
    'text',
    ['GDP', 'GDP', 'GDP'],
    null,
    null,
    analyst(
      '2025',
      'Gros (IEP@BU Policy Brief 36, 2025): a coalition of most EU member states plus the UK and ' + 'Norway; GDP 2024 shares over the participants',
      GROS_NOTE,
    ),
  ),
  assumption(
    'over_guarantee',
    'Over-guarantee factor',
    'ratio',
    [1.65, 1.65, 1.65],
    1.2,
    1.65,
    analyst('2011-10-18', 'EFSF: 120% at creation (2010), 165% after the 2011 amendment'),
  ),
];

const BY_ID: ReadonlyMap<string, Assumption> = new Map(ASSUMPTIONS.map((a) => [a.id.toLowerCase(), a]));

/** The assumption with this id (`line_km`), ignoring case and surrounding spaces. */
export function findAssumption(id: string): Assumption | undefined {
  return BY_ID.get(id.trim().toLowerCase());
}
