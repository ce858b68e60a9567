/**
 * Price indices for converting money between price years, from `shared/reference/deflators.csv`:
 * the euro-area HICP (all items, annual average, 2015 = 100), 2011-2025.
 *
 * The index is read; converting an amount from price year a to price year b multiplies it by
 * index(b) / index(a). The euro-area GDP deflator, the usual choice for public spending, was not
 * found (NOTES-2025.md, section 4), so consumer prices stand in for it: a stated approximation.
 */
import type { Citation } from './types';

/** A price index by year, with its source. */
export interface PriceIndex extends Citation {
  readonly id: string;
  readonly label: string;
  /** What 100 means, e.g. `2015 = 100`. */
  readonly base: string;
  /** Index per calendar year. */
  readonly values: Readonly<Record<number, number>>;
}

export const HICP_EA: PriceIndex = {
  id: 'HICP_EA',
  label: 'HICP all-items, euro area (changing composition), annual average index',
  base: '2015 = 100',
  values: {
    2011: 95.66,
    2012: 98.05,
    2013: 99.38,
    2014: 99.81,
    2015: 100.0,
    2016: 100.23,
    2017: 101.78,
    2018: 103.56,
    2019: 104.8,
    2020: 105.06,
    2021: 107.78,
    2022: 116.82,
    2023: 123.15,
    2024: 126.07,
    2025: 128.75,
  },
  source:
    'Eurostat prc_hicp_aind (geo=EA changing composition, coicop=CP00, unit=INX_A_AVG), as transcribed in a ' +
    'public build script fetched 2026-10-04; the official table was not read directly',
  asOf: '2025',
  basis: 'read',
  confidence: 'medium',
  note: 'Consumer prices stand in for the euro-area GDP deflator, which was not found.',
};

/** The years the index covers, ascending. */
export function indexYears(index: PriceIndex): number[] {
  return Object.keys(index.values)
    .map(Number)
    .sort((a, b) => a - b);
}
