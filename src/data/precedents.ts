/**
 * Peace and stabilisation operations for sizing a force by analogy, from
 * `shared/reference/force_precedents.csv`. Each source is the CSV's own source column.
 */
import type { Precedent, PrecedentId } from './types';

export const PRECEDENTS: readonly Precedent[] = [
  {
    id: 'UNIFIL',
    referenceId: 'UNIFIL_ACTUAL',
    mission: 'UNIFIL (Lebanon)',
    year: 2018,
    troops: 10000,
    troopsBasis: 'actual strength, about 10,000-10,500',
    lineKm: 120,
    areaKm2: 1060,
    source:
      'UNIFIL press release 7 Dec 2018 (about 10,500 peacekeepers; area of operations about ' +
      '1,060 km2); UN Peacekeeping UNIFIL mission profile (Blue Line 120 km)',
    asOf: '2018-12-07',
    basis: 'read',
  },
  {
    id: 'UNIFIL_AUTHORISED',
    referenceId: 'UNIFIL_AUTHORISED',
    mission: 'UNIFIL (Lebanon)',
    year: 2006,
    troops: 15000,
    troopsBasis: 'authorised ceiling',
    lineKm: 120,
    areaKm2: 1060,
    source:
      'UN Security Council resolution 1701 (2006), up to 15,000 troops; line and area as in the ' +
      'UNIFIL press release of 7 Dec 2018 and the UN mission profile',
    asOf: '2006',
    basis: 'read',
  },
  {
    id: 'KFOR',
    referenceId: 'KFOR_1999',
    mission: 'KFOR (Kosovo)',
    year: 1999,
    troops: 50000,
    troopsBasis: 'strength at launch',
    areaKm2: 10887,
    population: 2200000,
    source:
      'US DoD news 20 May 1999 (NATO planners double Kosovo force to 50,000); Kosovo area ' +
      '10,887 km2; population about 2.2 million (1998 estimate)',
    asOf: '1999-05-20',
    basis: 'read',
  },
  {
    id: 'IFOR',
    referenceId: 'IFOR_1995',
    mission: 'IFOR (Bosnia and Herzegovina)',
    year: 1995,
    troops: 60000,
    troopsBasis: 'strength committed Dec 1995',
    areaKm2: 51197,
    source: 'NATO SFOR fact sheet Jan 2004 (over 60,000 troops committed Dec 1995); zone of separation ' + '2 km either side of the ceasefire line',
    asOf: '1995-12',
    basis: 'read',
    note: 'The area is that of the whole of Bosnia and Herzegovina, not of the zone of separation.',
  },
  {
    id: 'UNFICYP',
    referenceId: 'UNFICYP_2014',
    mission: 'UNFICYP (Cyprus)',
    year: 2014,
    troops: 860,
    troopsBasis: 'troops',
    lineKm: 180,
    areaKm2: 346,
    source: "UNFICYP 'About the buffer zone' (about 180 km long, 346 km2); about 855-860 troops in 2014",
    asOf: '2014',
    basis: 'read',
  },
  {
    id: 'KOREA_DMZ',
    referenceId: 'USFK_DMZ',
    mission: 'US Forces Korea / DMZ',
    year: 2009,
    troops: 28500,
    troopsBasis: 'US troops in Korea (ROK Army holds the line)',
    lineKm: 250,
    areaKm2: 992,
    source: 'Reuters factbox 2009; DMZ about 250 km long, 4 km wide',
    asOf: '2009',
    basis: 'read',
    note: 'Troops are US forces in the whole of South Korea; the DMZ line itself is held by the ROK Army.',
  },
];

const BY_TEXT: ReadonlyMap<string, Precedent> = new Map(
  PRECEDENTS.flatMap((p) => [[p.id.toLowerCase(), p] as const, [p.referenceId.toLowerCase(), p] as const]),
);

/** The precedent with this id (`UNIFIL`) or reference id (`UNIFIL_ACTUAL`), ignoring case and spaces around it. */
export function findPrecedent(text: string): Precedent | undefined {
  return BY_TEXT.get(text.trim().toLowerCase());
}

/** The precedent with this id. */
export function precedentById(id: PrecedentId): Precedent {
  const p = BY_TEXT.get(id.toLowerCase());
  if (p === undefined) throw new Error(`Unknown precedent: ${id}`);
  return p;
}
