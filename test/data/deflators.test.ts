import { HICP_EA, indexYears } from '../../src/data/deflators';
import { describeIfReference, readReferenceCsv } from '../helpers/csv';

describe('HICP_EA', () => {
  it('covers 2011 to 2025 without gaps, 2015 = 100', () => {
    expect(indexYears(HICP_EA)).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(HICP_EA.values[2015]).toBe(100);
  });

  it('carries its source, date and the caveat that consumer prices stand in for the GDP deflator', () => {
    expect(HICP_EA.source).toMatch(/^Eurostat prc_hicp_aind/);
    expect(HICP_EA.asOf).toBe('2025');
    expect(HICP_EA.note).toMatch(/GDP deflator/);
  });
});

describeIfReference('HICP_EA against shared/reference/deflators.csv', () => {
  const rows = readReferenceCsv('deflators.csv');
  it('has every index of the CSV', () => {
    expect(rows).toHaveLength(15);
    for (const row of rows) expect(HICP_EA.values[Number(row.year)]).toBe(Number(row.index));
  });
  it("reproduces the CSV's factors to 2024 prices to their four decimals", () => {
    // factor_to_2024_prices = index(2024) / index(year), rounded in the CSV to 4 decimals.
    for (const row of rows) {
      const year = Number(row.year);
      expect(Math.abs(HICP_EA.values[2024]! / HICP_EA.values[year]! - Number(row.factor_to_2024_prices))).toBeLessThan(0.00005 + 1e-12);
    }
  });
});
