/**
 * The 29 countries DefEcon covers: the EU27 in EU protocol order, then the United Kingdom and Norway.
 * Codes are ISO 3166-1 alpha-2; `eurostat` differs only for Greece (EL) and the United Kingdom (UK).
 * Membership flags follow `shared/reference/gdp_2024.csv` (`in_eu27`, `in_ea20`).
 */
import type { Country, CountryCode } from './types';

/** Builds one row; `eurostat` defaults to the ISO code. */
function country(code: CountryCode, name: string, eu27: boolean, ea20: boolean, aliases: readonly string[] = [], eurostat: string = code): Country {
  return { code, eurostat, name, aliases, eu27, ea20 };
}

/** EU27 (protocol order), then GB and NO. EA20 is the euro area of 2024 (Bulgaria joined in 2026). */
export const COUNTRIES: readonly Country[] = [
  country('BE', 'Belgium', true, true),
  country('BG', 'Bulgaria', true, false),
  country('CZ', 'Czechia', true, false, ['Czech Republic']),
  country('DK', 'Denmark', true, false),
  country('DE', 'Germany', true, true),
  country('EE', 'Estonia', true, true),
  country('IE', 'Ireland', true, true, ['Republic of Ireland']),
  country('GR', 'Greece', true, true, ['Hellenic Republic'], 'EL'),
  country('ES', 'Spain', true, true),
  country('FR', 'France', true, true),
  country('HR', 'Croatia', true, true),
  country('IT', 'Italy', true, true),
  country('CY', 'Cyprus', true, true, ['Republic of Cyprus']),
  country('LV', 'Latvia', true, true),
  country('LT', 'Lithuania', true, true),
  country('LU', 'Luxembourg', true, true),
  country('HU', 'Hungary', true, false),
  country('MT', 'Malta', true, true),
  country('NL', 'Netherlands', true, true, ['The Netherlands']),
  country('AT', 'Austria', true, true),
  country('PL', 'Poland', true, false),
  country('PT', 'Portugal', true, true),
  country('RO', 'Romania', true, false),
  country('SI', 'Slovenia', true, true),
  country('SK', 'Slovakia', true, true, ['Slovak Republic']),
  country('FI', 'Finland', true, true),
  country('SE', 'Sweden', true, false),
  country('GB', 'United Kingdom', false, false, ['United Kingdom of Great Britain and Northern Ireland', 'Great Britain'], 'UK'),
  country('NO', 'Norway', false, false),
];

const normalise = (text: string): string => text.trim().toLowerCase();

const BY_CODE: ReadonlyMap<CountryCode, Country> = new Map(COUNTRIES.map((c) => [c.code, c]));

/** Every accepted spelling (ISO code, Eurostat code, name, aliases), lower-cased, to its country. */
const BY_TEXT: ReadonlyMap<string, Country> = (() => {
  const map = new Map<string, Country>();
  for (const c of COUNTRIES) {
    for (const text of [c.code, c.eurostat, c.name, ...c.aliases]) {
      const key = normalise(text);
      const other = map.get(key);
      if (other !== undefined && other !== c) {
        throw new Error(`Country lookup: "${text}" names both ${other.code} and ${c.code}`);
      }
      map.set(key, c);
    }
  }
  return map;
})();

/**
 * The country named by an ISO code (`GR`), a Eurostat code (`EL`), an English name or an alias,
 * ignoring case and surrounding spaces; `undefined` when none matches.
 */
export function findCountry(text: string): Country | undefined {
  return BY_TEXT.get(normalise(text));
}

/** The country with this ISO code. */
export function countryByCode(code: CountryCode): Country {
  const c = BY_CODE.get(code);
  if (c === undefined) throw new Error(`Unknown country code: ${code}`);
  return c;
}
