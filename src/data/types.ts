/**
 * Shapes of the reference data. Every number the add-in ships is a {@link Sourced} record: it says
 * where it was read (or how it was derived), its unit, and the date it refers to.
 */

/** How far a figure can be trusted, as stated in `shared/reference/SOURCES.md`. */
export type Confidence = 'high' | 'medium-high' | 'medium' | 'low';

/** Where a figure comes from. */
export interface Citation {
  /** The citation, as it would appear in a footnote. */
  readonly source: string;
  /** The date the figure refers to (ISO 8601: `2024`, `2024-01-01`, `2011-10-18`). */
  readonly asOf: string;
  /** Stated only where SOURCES.md gives one. */
  readonly confidence?: Confidence;
  /** `read`: read in the source; `derived`: computed by us from read figures; `analyst`: a modelling choice. */
  readonly basis: 'read' | 'derived' | 'analyst';
  /** Caveats: gaps, vintages, discrepancies. */
  readonly note?: string;
}

/** A single sourced number. */
export interface Quantity extends Citation {
  readonly value: number;
  /** Unit of `value`, e.g. `rounds per day`, `million EUR`, `persons`. */
  readonly unit: string;
}

/** ISO 3166-1 alpha-2 code of a country DefEcon covers: EU27 + United Kingdom + Norway. */
export type CountryCode =
  | 'BE'
  | 'BG'
  | 'CZ'
  | 'DK'
  | 'DE'
  | 'EE'
  | 'IE'
  | 'GR'
  | 'ES'
  | 'FR'
  | 'HR'
  | 'IT'
  | 'CY'
  | 'LV'
  | 'LT'
  | 'LU'
  | 'HU'
  | 'MT'
  | 'NL'
  | 'AT'
  | 'PL'
  | 'PT'
  | 'RO'
  | 'SI'
  | 'SK'
  | 'FI'
  | 'SE'
  | 'GB'
  | 'NO';

export interface Country {
  readonly code: CountryCode;
  /** Eurostat's code where it differs (EL for Greece, UK for the United Kingdom). */
  readonly eurostat: string;
  /** English short name, as in Eurostat/EU protocol usage. */
  readonly name: string;
  /** Other English names accepted as input (e.g. `Czech Republic`). */
  readonly aliases: readonly string[];
  readonly eu27: boolean;
  /** Euro-area member in 2024 (20 members, before Bulgaria joined on 1 Jan 2026). */
  readonly ea20: boolean;
}

/** Identifier of a contribution key. */
export type KeyId = 'GDP' | 'EFSF' | 'ESM' | 'ECB' | 'POP';

/**
 * A contribution key: a weight per covered country. Shares are the weights renormalised over the
 * participants, so weights may be in any unit (million EUR, persons, per cent).
 */
export interface ContributionKey extends Citation {
  readonly id: KeyId;
  readonly label: string;
  /** Unit of the weights. */
  readonly unit: string;
  /** Weight per covered country, in EU protocol order. A country absent here is not covered. */
  readonly weights: ReadonlyMap<CountryCode, number>;
  /** What the weights sum to according to the source (for the data test), in `unit`. */
  readonly statedTotal: number;
  /** Per-country sources where they differ from the key's own (e.g. population of GB from ONS). */
  readonly rowNotes?: ReadonlyMap<CountryCode, Citation>;
}

/** Identifier of a precedent accepted by `DEF.FORCE_DENSITY`. */
export type PrecedentId = 'UNIFIL' | 'UNIFIL_AUTHORISED' | 'KFOR' | 'IFOR' | 'UNFICYP' | 'KOREA_DMZ';

/** A past peace or stabilisation operation, for sizing by analogy. */
export interface Precedent extends Citation {
  readonly id: PrecedentId;
  /** The id in `force_precedents.csv` (e.g. `UNIFIL_ACTUAL`), also accepted as input. */
  readonly referenceId: string;
  readonly mission: string;
  readonly year: number;
  /** Personnel, persons. */
  readonly troops: number;
  /** What `troops` counts (actual strength, authorised ceiling...). */
  readonly troopsBasis: string;
  /** Length of the line held, km; absent where the source gives none. */
  readonly lineKm?: number;
  /** Area of operations, km2. */
  readonly areaKm2?: number;
  /** Inhabitants of the area, persons. */
  readonly population?: number;
}

export type ScenarioId = 'peace' | 'collapse' | 'no_deal';

/** One model input of the brief's baseline, per scenario, with bounds. */
export interface Assumption extends Citation {
  /** Stable id, used as the defined name in workbooks (e.g. `line_km`). */
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** Central value per scenario; `null` where the scenario has none. Text for choices (the key). */
  readonly values: Readonly<Record<ScenarioId, number | string | null>>;
  /** Low and high bounds for sensitivity; `null` where none is given. */
  readonly low: number | null;
  readonly high: number | null;
}

/** A sourced fact with an id (munitions facts, force ratios). */
export interface Fact extends Quantity {
  readonly id: string;
  /** What the number means, in a sentence. */
  readonly meaning: string;
}
