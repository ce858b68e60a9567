/**
 * SIPmath 3.0 libraries: write uncertain inputs as a library that any SIPmath tool reproduces
 * trial by trial (HDR_2_0 generators, Metalog_1_0 distributions), and read one back as trials.
 *
 * Notes: a library is JSON with `objectType` "sipModel" and `libraryType` "SIPmath_3_0"; `U01.rng`
 * lists the generators (`HDR_2_0` with arguments counter "PM_Index", entity, varId, seed3, seed4),
 * and `sips` the variables, each a `Metalog_1_0` whose `ref` names its generator and whose
 * `arguments` hold `aCoefficients` and optional `lowerBound` / `upperBound`. Trial i of a sip is the
 * Metalog's quantile at the generator's uniform for counter i.
 *
 * References: ProbabilityManagement.org, SIPmath 3.0 standard; reference implementation
 * probability-management/PySIPmath (`PySIP/PySIP3library.py` writes libraries of this shape,
 * `PySIP/chanceCalc.py` evaluates them).
 */
import { invalid } from './errors';
import { type HdrSeed, hdrUniform } from './hdr';
import { type MetalogBounds, metalogValue } from './metalog';

/** One HDR_2_0 generator of a library. */
export interface SipmathRng {
  readonly name: string;
  readonly function: 'HDR_2_0';
  readonly arguments: {
    readonly counter: 'PM_Index';
    readonly entity: number;
    readonly varId: number;
    readonly seed3: number;
    readonly seed4: number;
  };
}

/** One Metalog_1_0 variable of a library. */
export interface SipmathSip {
  readonly name: string;
  readonly ref: { readonly source: 'rng'; readonly name: string };
  readonly function: 'Metalog_1_0';
  readonly arguments: { readonly aCoefficients: readonly number[]; readonly lowerBound?: number; readonly upperBound?: number };
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** A SIPmath 3.0 library, as this module writes it. */
export interface SipmathLibrary {
  readonly name: string;
  readonly objectType: 'sipModel';
  readonly libraryType: 'SIPmath_3_0';
  readonly dateCreated: string;
  readonly provenance: string;
  readonly version: string;
  readonly U01: { readonly rng: readonly SipmathRng[] };
  readonly sips: readonly SipmathSip[];
}

/** A variable to write: its name, seeds, Metalog coefficients and bounds, and where it comes from. */
export interface SipSpec {
  /** The sip's name (an assumption's id, e.g. `density_per_km2`). */
  readonly name: string;
  readonly seed: HdrSeed;
  readonly coefficients: readonly number[];
  readonly bounds: MetalogBounds;
  /** Kept in the sip's metadata: the source of the figures, their unit, anything a reader needs. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/**
 * A library of the given variables, one HDR_2_0 generator each (named `hdr_<name>`).
 * @param name the library's name
 * @param provenance who made it from what (the brief, the sources)
 * @param dateCreated ISO date, e.g. `2026-12-01`
 * @throws ModelError `INVALID_ARGUMENT` for two variables of the same name or the same seeds
 */
export function sipmathLibrary(name: string, provenance: string, dateCreated: string, sips: readonly SipSpec[]): SipmathLibrary {
  const names = new Set<string>();
  const seeds = new Map<string, string>();
  for (const s of sips) {
    if (names.has(s.name)) throw invalid('sips', `two variables are named ${s.name}`);
    names.add(s.name);
    const key = `${s.seed.varId}/${s.seed.entity}/${s.seed.seed3}/${s.seed.seed4}`;
    const other = seeds.get(key);
    if (other !== undefined)
      throw invalid('sips', `${other} and ${s.name} have the same seeds (varId ${s.seed.varId}), so their trials would be identical`);
    seeds.set(key, s.name);
  }
  return {
    name,
    objectType: 'sipModel',
    libraryType: 'SIPmath_3_0',
    dateCreated,
    provenance,
    version: '1',
    U01: {
      rng: sips.map((s) => ({
        name: `hdr_${s.name}`,
        function: 'HDR_2_0',
        arguments: { counter: 'PM_Index', entity: s.seed.entity, varId: s.seed.varId, seed3: s.seed.seed3, seed4: s.seed.seed4 },
      })),
    },
    sips: sips.map((s) => ({
      name: s.name,
      ref: { source: 'rng', name: `hdr_${s.name}` },
      function: 'Metalog_1_0',
      arguments: {
        ...(s.bounds.lower === undefined ? {} : { lowerBound: s.bounds.lower }),
        ...(s.bounds.upper === undefined ? {} : { upperBound: s.bounds.upper }),
        aCoefficients: [...s.coefficients],
      },
      ...(s.metadata === undefined ? {} : { metadata: s.metadata }),
    })),
  };
}

/** A variable read from a library: its name, stream and distribution. */
export interface ReadSip {
  readonly name: string;
  readonly seed: HdrSeed;
  readonly coefficients: readonly number[];
  readonly bounds: MetalogBounds;
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

function integerOf(v: unknown, what: string): number {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  throw invalid('library', `${what} must be a whole number ≥ 0; got ${JSON.stringify(v) ?? 'nothing'}`);
}

function optionalNumber(v: unknown, what: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw invalid('library', `${what} must be a number; got ${JSON.stringify(v)}`);
}

/**
 * The sips of a SIPmath 3.0 library that use HDR_2_0 generators and Metalog_1_0 distributions (the
 * kinds this module writes and most SIPmath tools export).
 * @param json the parsed library
 * @throws ModelError `INVALID_ARGUMENT` (parameter `library`) naming what is missing or of another
 *   kind: a copula, another generator or distribution, a generator that is not listed
 */
export function readSipmathLibrary(json: unknown): ReadSip[] {
  if (!isRecord(json) || json.objectType !== 'sipModel') throw invalid('library', 'not a SIPmath library: objectType must be "sipModel"');
  const u01 = json.U01;
  const rngList = isRecord(u01) && Array.isArray(u01.rng) ? (u01.rng as unknown[]) : [];
  const rngs = new Map<string, HdrSeed>();
  for (const r of rngList) {
    if (!isRecord(r) || typeof r.name !== 'string' || r.function !== 'HDR_2_0' || !isRecord(r.arguments)) continue;
    const a = r.arguments;
    rngs.set(r.name, {
      varId: integerOf(a.varId, `varId of generator ${r.name}`),
      entity: integerOf(a.entity, `entity of generator ${r.name}`),
      seed3: integerOf(a.seed3, `seed3 of generator ${r.name} (a parameter left for the user is not supported)`),
      seed4: integerOf(a.seed4, `seed4 of generator ${r.name} (a parameter left for the user is not supported)`),
    });
  }
  if (!Array.isArray(json.sips) || json.sips.length === 0) throw invalid('library', 'the library has no sips');
  return (json.sips as unknown[]).map((s, i) => {
    if (!isRecord(s) || typeof s.name !== 'string') throw invalid('library', `sip ${i + 1} has no name`);
    if (s.function !== 'Metalog_1_0') throw invalid('library', `sip ${s.name} is ${JSON.stringify(s.function)}; only Metalog_1_0 sips can be read`);
    const ref = s.ref;
    if (!isRecord(ref) || ref.source !== 'rng' || typeof ref.name !== 'string') {
      throw invalid('library', `sip ${s.name} is not driven by one generator (a copula layer is not supported)`);
    }
    const seed = rngs.get(ref.name);
    if (seed === undefined) throw invalid('library', `sip ${s.name} names generator ${ref.name}, which is not an HDR_2_0 generator of the library`);
    const args = isRecord(s.arguments) ? s.arguments : {};
    const a = args.aCoefficients;
    if (!Array.isArray(a) || a.length === 0 || !a.every((x): x is number => typeof x === 'number' && Number.isFinite(x))) {
      throw invalid('library', `sip ${s.name} has no numeric aCoefficients`);
    }
    const lower = optionalNumber(args.lowerBound, `lowerBound of sip ${s.name}`);
    const upper = optionalNumber(args.upperBound, `upperBound of sip ${s.name}`);
    return { name: s.name, seed, coefficients: a, bounds: { ...(lower === undefined ? {} : { lower }), ...(upper === undefined ? {} : { upper }) } };
  });
}

/**
 * Trials 1 to `trials` of a variable: the Metalog's quantile at each HDR uniform.
 * @param sip the variable
 * @param trials how many; a whole number ≥ 0
 */
export function sipTrials(sip: Pick<ReadSip, 'seed' | 'coefficients' | 'bounds'>, trials: number): Float64Array {
  const out = new Float64Array(trials);
  for (let i = 0; i < trials; i++) out[i] = metalogValue(sip.coefficients, hdrUniform(i + 1, sip.seed), sip.bounds);
  return out;
}
