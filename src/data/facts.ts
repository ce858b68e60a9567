/**
 * Munitions facts and force-sizing ratios, from `shared/reference/munitions_facts.csv` and
 * `ratios.csv`. `asOf` is the date of the source cited. Press reports of official statements carry
 * medium confidence (SOURCES.md, section 6); the other rows state none.
 */
import type { Confidence, Fact } from './types';

function fact(id: string, value: number, unit: string, meaning: string, source: string, asOf: string, confidence?: Confidence, note?: string): Fact {
  return {
    id,
    value,
    unit,
    meaning,
    source,
    asOf,
    basis: 'read',
    ...(confidence === undefined ? {} : { confidence }),
    ...(note === undefined ? {} : { note }),
  };
}

const M = 'medium';
const SYRSKYI = 'Gen. O. Syrskyi, 20 Aug 2024 (Interfax-Ukraine)';
const SPIEGEL_2023 = 'Der Spiegel via Reuters, 2023';
const BAUER = 'Adm. R. Bauer, NATO Military Committee, Politico Jan 2024';
const EC_ASAP = 'European Commission, ASAP allocation press release, 15 Mar 2024';
const QUINLIVAN = "J. T. Quinlivan, 'Burden of Victory: The Painful Arithmetic of Stability Operations', " + 'RAND Review, Summer 2003';
const DOBBINS = "J. Dobbins et al., America's Role in Nation-Building, RAND 2003";
const ARMY_TIMES = 'Army Times, 18 Feb 2016';

export const MUNITION_FACTS: readonly Fact[] = [
  fact(
    'FRANCE_DAYS_2021',
    9,
    'days',
    'days of munitions for high-intensity combat (France)',
    'Gilli, Gilli and Petrelli, IEP@BU commentary 187 (2025), citing RAND (2021): S. Pezard, ' +
      'M. Shurkin, D. Ochmanek, A Strong Ally Stretched Thin, RR-A231-1',
    '2021',
    M,
    'Quoted from the commentary; the RAND passage itself was not read.',
  ),
  fact(
    'NATO_STOCK_GOAL',
    30,
    'days',
    'NATO stockpile guideline for intensive combat',
    'Reuters 6 Jul 2016 (H.-P. Bartels); Spiegel via Reuters 2023',
    '2016-07-06',
    M,
  ),
  fact('DE_155_STOCK_2023', 20000, 'rounds', 'German 155 mm HE stock left in 2023', SPIEGEL_2023, '2023', M),
  fact('DE_155_NEED_30D', 230000, 'rounds', 'German need by 2031 to meet the NATO 30-day goal', SPIEGEL_2023, '2023', M),
  fact('UA_155_DAILY_2024_08', 14600, 'rounds per day', 'Ukraine artillery fire Aug 2024', SYRSKYI, '2024-08-20', M),
  fact('RU_155_DAILY_2024_08', 44500, 'rounds per day', 'Russia artillery fire Aug 2024', SYRSKYI, '2024-08-20', M),
  fact('UA_155_DAILY_2024_H1', 10000, 'rounds per day', 'Ukraine artillery fire Jan-May 2024', SYRSKYI, '2024-08-20', M),
  fact('RU_155_DAILY_2024_H1', 70000, 'rounds per day', 'Russia artillery fire Jan-May 2024', SYRSKYI, '2024-08-20', M),
  fact(
    'UA_155_DAILY_2024_01_LOW',
    2000,
    'rounds per day',
    'Ukraine fire under shortage early 2024',
    'Umerov letter to EU, Jan 2024 (as reported)',
    '2024-01',
    M,
  ),
  fact('UA_155_NEED_MONTHLY', 200000, 'rounds per month', "Ukraine's stated need (Jan 2024)", 'Umerov letter (Bloomberg), Jan 2024', '2024-01', M),
  fact('EU_155_CAPACITY_2024', 1000000, 'rounds per year', 'EU production capacity reached Jan 2024', EC_ASAP, '2024-03-15'),
  fact(
    'EU_155_CAPACITY_2025',
    2000000,
    'rounds per year',
    'EU capacity expected by end-2025',
    EC_ASAP + '; Regulation (EU) 2023/1525 (ASAP)',
    '2024-03-15',
  ),
  fact(
    'US_155_MONTHLY_PREWAR',
    14000,
    'rounds per month',
    'US production before Feb 2022',
    'US Army statements via Reuters',
    '2022-02',
    M,
    'The citation gives no date; the figure is the level before February 2022.',
  ),
  fact(
    'US_155_MONTHLY_2024',
    40000,
    'rounds per month',
    'US production Sep 2024 - mid 2025',
    'US Army statements via Reuters; National Defense magazine 2025',
    '2025',
    M,
  ),
  fact('US_155_MONTHLY_GOAL', 100000, 'rounds per month', 'US goal (slipped to mid-2026)', 'US Army; National Defense magazine 2025', '2025', M),
  fact('SHELL_COST_PREWAR_EUR', 2000, 'EUR per round', '155 mm price before the war', BAUER, '2024-01', M),
  fact('SHELL_COST_2024_EUR', 8000, 'EUR per round', '155 mm price in 2024', BAUER, '2024-01', M),
  fact('SHELL_COST_NATO_AVG_USD', 4000, 'USD per round', 'average NATO 155 mm production cost', 'Bain & Co. for Sky News, May 2024', '2024-05', M),
];

export const RATIOS: readonly Fact[] = [
  fact('QUINLIVAN_STABILISATION', 20, 'per 1000 inhabitants', 'security personnel needed for successful stabilisation', QUINLIVAN, '2003'),
  fact('QUINLIVAN_POLICING', 2.3, 'per 1000 inhabitants', 'ordinary policing (US); 1-4 typical', QUINLIVAN, '2003'),
  fact('DOBBINS_KOSOVO', 20, 'per 1000 inhabitants', 'Kosovo peak', DOBBINS, '2003'),
  fact('DOBBINS_BOSNIA', 18.6, 'per 1000 inhabitants', 'Bosnia peak', DOBBINS, '2003'),
  fact('ROTATION_US_1_2', 3, 'units per unit deployed', 'US Army boots-on-ground to dwell goal 1:2', ARMY_TIMES, '2016-02-18'),
  fact('ROTATION_US_1_3', 4, 'units per unit deployed', 'US Army 1:3 observed since 2014', ARMY_TIMES, '2016-02-18'),
  fact(
    'ROTATION_UK_HARMONY',
    5,
    'units per unit deployed',
    'UK Harmony Guidelines: 6-month tours with 24-month interval',
    'Iraq Inquiry (Chilcot) report, section 16.1, Harmony Guidelines 2003',
    '2003',
  ),
  fact(
    'ROTATION_RADAKIN',
    4,
    'units per unit deployed',
    '64,000 deployed implies 256,000 over two years',
    'UK Chief of Defence Staff Adm. Radakin as reported by The Times, March 2025',
    '2025-03',
  ),
  fact(
    'IFOR_ZONE_DEPTH',
    4,
    'km',
    'zone of separation: 2 km on either side of the ceasefire line',
    'Dayton Agreement Annex 1A; The Independent, Jan 1996',
    '1995-12-14',
  ),
];
