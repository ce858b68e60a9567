/**
 * Contribution keys: a weight per covered country, with sources as stated in
 * `shared/reference/SOURCES.md`. Every weight equals its CSV value exactly.
 */
import type { Citation, ContributionKey, CountryCode, KeyId, Quantity } from './types';

type Row = readonly [CountryCode, number];

const weights = (rows: readonly Row[]): ReadonlyMap<CountryCode, number> => new Map(rows);

// ---------------------------------------------------------------------------------------------
// GDP 2024 (gdp_2024.csv, column gdp_2024_meur)

const IMF_WEO =
  'IMF, World Economic Outlook database, April 2025 (WEOApr2025all.xlsx), series NGDP (GDP at ' +
  'current prices, national currency); non-euro currencies converted at the ECB 2024 annual ' +
  'average of daily euro reference rates (BGN at the fixed 1.95583)';

const IMF_ESTIMATE_2024 = 'The 2024 figure is an IMF staff estimate (WEO estimates start after 2023), not a reported outturn.';

const GDP: ContributionKey = {
  id: 'GDP',
  label: 'GDP 2024 at current market prices',
  unit: 'million EUR',
  source: IMF_WEO,
  asOf: '2024',
  basis: 'derived',
  confidence: 'high',
  note:
    'Euro area: NGDP x 1000. Others: NGDP x 1000 / ECB 2024 average rate (CZK 25.11980, ' +
    'DKK 7.45891, HUF 395.30387, PLN 4.30580, RON 4.97463, SEK 11.43252, GBP 0.84662, ' +
    'NOK 11.62903). High confidence as 2024 GDP in EUR (within about 0.5 %); medium as a ' +
    'substitute for Eurostat nama_10_gdp, which was not accessible; revisions after April 2025 ' +
    'are not reflected. DK and LU 2024 are IMF estimates. EU27 sum EUR 17,941,426 m (OECD ' +
    'Economic Survey of the EU 2025: EUR 17,933.7 bn); EA20 sum EUR 15,156,630 m.',
  weights: weights([
    ['BE', 614539.0],
    ['BG', 103721.2],
    ['CZ', 318800.6],
    ['DK', 396959.5],
    ['DE', 4305260.0],
    ['EE', 39510.0],
    ['IE', 533444.0],
    ['GR', 237573.0],
    ['ES', 1591627.0],
    ['FR', 2922240.0],
    ['HR', 85491.0],
    ['IT', 2192181.0],
    ['CY', 33414.0],
    ['LV', 40208.0],
    ['LT', 78413.0],
    ['LU', 86104.0],
    ['HU', 206206.5],
    ['MT', 22471.0],
    ['NL', 1134115.0],
    ['AT', 481740.0],
    ['PL', 840132.3],
    ['PT', 285189.0],
    ['RO', 355014.6],
    ['SI', 66968.0],
    ['SK', 129971.0],
    ['FI', 276172.0],
    ['SE', 563961.7],
    ['GB', 3367509.0],
    ['NO', 446989.4],
  ]),
  // Derived: the sum of the 29 rows (no source states a 29-country total).
  statedTotal: 21755924.8,
  rowNotes: new Map<CountryCode, Citation>([
    ['DK', { source: IMF_WEO, asOf: '2024', basis: 'derived', confidence: 'high', note: IMF_ESTIMATE_2024 }],
    ['LU', { source: IMF_WEO, asOf: '2024', basis: 'derived', confidence: 'high', note: IMF_ESTIMATE_2024 }],
  ]),
};

// ---------------------------------------------------------------------------------------------
// Population (population_2024.csv, column population_2024)

const EUROSTAT_POP =
  'Eurostat, population on 1 January (demo_pjan / tps00001), 1 January 2024, July 2024 release ' +
  '(news release "EU population increases again in 2024", 11 July 2024)';

const EU_PROFILE_CONFIRMED = 'Confirmed on the official EU country profile (european-union.europa.eu, "Population (2024) ' + '(Source: Eurostat)").';

const POP: ContributionKey = {
  id: 'POP',
  label: 'Population 2024',
  unit: 'persons',
  source: EUROSTAT_POP,
  asOf: '2024-01-01',
  basis: 'read',
  confidence: 'medium-high',
  note:
    'EU27 rows read in secondary copies of the Eurostat figures and checked against the rounded ' +
    'Wikipedia list (26 of 27 match; MT is 563,000 there) and the exact EU27 total of 449,206,579 ' +
    '(Eurostat "449.2 million"): high confidence for the totals, medium-high per row. Eurostat ' +
    'later revised 1 Jan 2024 to 449.3 million (July 2025 release); this is the July 2024 vintage. ' +
    'GB is a mid-2023 figure from ONS.',
  weights: weights([
    ['BE', 11832049],
    ['BG', 6445481],
    ['CZ', 10900555],
    ['DK', 5961249],
    ['DE', 83445000],
    ['EE', 1374687],
    ['IE', 5343805],
    ['GR', 10397193],
    ['ES', 48610458],
    ['FR', 68401997],
    ['HR', 3861967],
    ['IT', 58989749],
    ['CY', 933505],
    ['LV', 1871882],
    ['LT', 2885891],
    ['LU', 672050],
    ['HU', 9584627],
    ['MT', 563443],
    ['NL', 17942942],
    ['AT', 9158750],
    ['PL', 36620970],
    ['PT', 10639726],
    ['RO', 19064409],
    ['SI', 2123949],
    ['SK', 5424687],
    ['FI', 5603851],
    ['SE', 10551707],
    ['GB', 68265209],
    ['NO', 5550203],
  ]),
  // Derived: the sum of the 29 rows (EU27 449,206,579 + GB 68,265,209 + NO 5,550,203).
  statedTotal: 523021991,
  rowNotes: new Map<CountryCode, Citation>([
    ['FR', { source: EUROSTAT_POP, asOf: '2024-01-01', basis: 'read', confidence: 'high', note: EU_PROFILE_CONFIRMED }],
    ['PL', { source: EUROSTAT_POP, asOf: '2024-01-01', basis: 'read', confidence: 'high', note: EU_PROFILE_CONFIRMED }],
    [
      'GB',
      {
        source:
          'ONS, "Population estimates for the UK, England, Wales, Scotland and Northern Ireland: ' + 'mid-2023" (first release, 2024): 68,265,209',
        asOf: '2023-06-30',
        basis: 'read',
        confidence: 'high',
        note:
          'Mid-2023, not 1 January 2024. A later revision (ukstats.com, citing ONS) gives ' +
          '68,526.2 thousand for mid-2023 and 69,281.4 thousand for mid-2024; not used.',
      },
    ],
    [
      'NO',
      {
        source: 'Statistics Norway (SSB), population at the beginning of 2024 (ssb.no, folkemengde)',
        asOf: '2024-01-01',
        basis: 'read',
        confidence: 'high',
      },
    ],
  ]),
};

// ---------------------------------------------------------------------------------------------
// EFSF (efsf_guarantees_2011.csv, column guarantee_commitment_meur)

const EFSF_SOURCE =
  'EFSF Framework Agreement as amended, in force 18 October 2011: guarantee commitments per ' +
  'guarantor (shares checked against the Bundesfinanzministerium infographic "Die Europäische ' +
  'Finanzstabilisierungsfazilität")';

const EFSF: ContributionKey = {
  id: 'EFSF',
  label: 'EFSF guarantee commitments (2011)',
  unit: 'million EUR',
  source: EFSF_SOURCE,
  asOf: '2011-10-18',
  basis: 'derived',
  confidence: 'medium',
  note:
    'Only DE and BE were read in a source; the other 15 amounts are compiled values whose shares ' +
    'match the BMF 2-decimal shares (SI excepted) and whose sums match two published totals. The ' +
    'rows sum to EUR 779,783.16 m; the Framework Agreement total is 779,783.14 (0.02 rounding). ' +
    'Without GR, IE, PT and CY (stepping-out guarantors) EUR 724,474.33 m remains, the ' +
    'Netherlands Court of Audit total of EUR 724.5 bn.',
  weights: weights([
    ['BE', 27031.99],
    ['DE', 211045.9],
    ['EE', 1994.86],
    ['IE', 12378.15],
    ['GR', 21897.74],
    ['ES', 92543.56],
    ['FR', 158487.53],
    ['IT', 139267.81],
    ['CY', 1525.68],
    ['LU', 1946.94],
    ['MT', 704.33],
    ['NL', 44446.32],
    ['AT', 21639.19],
    ['PT', 19507.26],
    ['SI', 3664.3],
    ['SK', 7727.57],
    ['FI', 13974.03],
  ]),
  // SOURCES.md section 4: the candidate rows sum to 779,783.16 (derived).
  statedTotal: 779783.16,
  rowNotes: new Map<CountryCode, Citation>([
    [
      'DE',
      {
        source:
          'StabMechG § 1(1) as amended by the Act of 9 October 2011 (BGBl. I S. 1992): ' +
          '"Gewährleistungen bis zur Höhe von insgesamt 211,0459 Milliarden Euro"',
        asOf: '2011-10-09',
        basis: 'read',
        confidence: 'high',
        note: 'Confirmed exactly.',
      },
    ],
    [
      'BE',
      {
        source: 'Netherlands Court of Audit (Algemene Rekenkamer), EFSF page: "België 3,7 % 27.032"',
        asOf: '2011-10-18',
        basis: 'read',
        confidence: 'high',
        note: 'Confirmed to EUR 1 m.',
      },
    ],
    [
      'SI',
      {
        source: EFSF_SOURCE,
        asOf: '2011-10-18',
        basis: 'derived',
        confidence: 'medium',
        note: 'Unresolved: the BMF infographic prints 0.50 %, but 3,664.30 / 779,783.16 is 0.4699 % ' + '(BMF rounding or typo?).',
      },
    ],
  ]),
};

// ---------------------------------------------------------------------------------------------
// ESM (esm_contribution_key.csv, column esm_key_percent)

const ESM: ContributionKey = {
  id: 'ESM',
  label: 'ESM contribution key',
  unit: 'per cent',
  source:
    'Treaty establishing the European Stability Mechanism, Annex I (contribution key) and ' +
    'Annex II (subscriptions), after the accession of Lithuania (2015); official Dutch treaty ' +
    'text BWBV0005640',
  asOf: '2015',
  basis: 'read',
  note:
    '19 members; the 4-decimal keys sum to 100.0001 % and the subscribed capital to ' +
    'EUR 704,798,700,000. Croatia, which joined the ESM in 2023, is not in this key.',
  weights: weights([
    ['BE', 3.4534],
    ['DE', 26.9616],
    ['EE', 0.1847],
    ['IE', 1.5814],
    ['GR', 2.7975],
    ['ES', 11.8227],
    ['FR', 20.2471],
    ['IT', 17.7917],
    ['CY', 0.1949],
    ['LV', 0.2746],
    ['LT', 0.4063],
    ['LU', 0.2487],
    ['MT', 0.0726],
    ['NL', 5.6781],
    ['AT', 2.7644],
    ['PT', 2.4921],
    ['SI', 0.4247],
    ['SK', 0.8184],
    ['FI', 1.7852],
  ]),
  // SOURCES.md section 6: "Sums to 100.0001 %".
  statedTotal: 100.0001,
};

// ---------------------------------------------------------------------------------------------
// ECB (ecb_capital_key_2024.csv, column key_percent, euro-area members)

const ECB_SOURCE =
  'ECB capital key effective 1 January 2024, Decision (EU) 2023/2811 (ECB/2023/31); read on ' +
  'Banco de España, "Participación en el capital del BCE", and the ECB "Capital subscription" ' +
  'page (last updated 1 January 2024)';

const ECB: ContributionKey = {
  id: 'ECB',
  label: 'ECB capital key 2024 (euro area)',
  unit: 'per cent of ECB subscribed capital',
  source: ECB_SOURCE,
  asOf: '2024-01-01',
  basis: 'read',
  confidence: 'high',
  note:
    'The 20 euro-area central banks of 2024, which hold 81.7681 % of the subscribed capital of ' +
    'EUR 10,825,007,069.61. Bulgaria, outside the euro area in 2024, is left out (its 0.9783 % is ' +
    'from a secondary source, medium confidence). CZ, DK, HU, PL, RO and SE were not found ' +
    '(17.2536 % together), ' +
    'so this key covers euro-area participants only.',
  weights: weights([
    ['BE', 3.0005],
    ['DE', 21.7749],
    ['EE', 0.2437],
    ['IE', 1.7811],
    ['GR', 1.8474],
    ['ES', 9.669],
    ['FR', 16.3575],
    ['HR', 0.6329],
    ['IT', 13.0993],
    ['CY', 0.1802],
    ['LV', 0.3169],
    ['LT', 0.4826],
    ['LU', 0.2976],
    ['MT', 0.1053],
    ['NL', 4.8306],
    ['AT', 2.4175],
    ['PT', 1.9014],
    ['SI', 0.4041],
    ['SK', 0.9403],
    ['FI', 1.4853],
  ]),
  // SOURCES.md section 1: Banco de España EA20 total.
  statedTotal: 81.7681,
};

/** Bulgaria's ECB capital key from 1 January 2024: outside the euro area then, so not in `ECB`. */
export const ECB_KEY_BG_2024: Quantity = {
  value: 0.9783,
  unit: 'per cent of ECB subscribed capital',
  source: "ECB blog post by D. Baez Seara and D. Deyanova on Bulgaria's euro adoption, as summarised " + 'by sofokleous10.gr (6 February 2026)',
  asOf: '2024-01-01',
  basis: 'read',
  confidence: 'medium',
  note:
    'Secondary report, consistent with the BNB paying a further ~EUR 102 m (its remaining 96.25 %) ' +
    'on joining the euro: 0.9783 % x EUR 10,825,007,069.61 x 0.9625 = EUR 101.9 m.',
};

// ---------------------------------------------------------------------------------------------

/** Key ids in a stable order. */
export const KEY_IDS: readonly KeyId[] = ['GDP', 'EFSF', 'ESM', 'ECB', 'POP'];

/** The contribution keys by id. */
export const KEYS: ReadonlyMap<KeyId, ContributionKey> = new Map([GDP, EFSF, ESM, ECB, POP].map((k) => [k.id, k]));

/** The key named by `text` (`gdp`, ` ECB `...), ignoring case and surrounding spaces. */
export function findKey(text: string): ContributionKey | undefined {
  return KEYS.get(text.trim().toUpperCase() as KeyId);
}
