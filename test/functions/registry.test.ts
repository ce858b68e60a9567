/**
 * The function registry: one declaration per DEF function. Checked against what Excel registers
 * (dist/functions.json, generated from functions.ts by `npm test`'s build), against the model's
 * own constraint objects, and by running every example it gives through the preview engine.
 */
import type { HyperFormula } from 'hyperformula';
import { DetailedCellError } from 'hyperformula';
import { declare, type Grid, modelParameters } from '../../src/functions/declare';
import { DEF_DECLARATIONS, helpAnchor, REGISTRY, requiredCount, shownResult, signature } from '../../src/functions/registry';
import { FORCE_SIZE } from '../../src/model/force';
import { MUNITION_REGEN_YEARS } from '../../src/model/munitions';
import { createEngine } from '../../src/preview/engine';
import { loadMetadata } from '../contract/bundle';

const metadata = loadMetadata();
const byId = new Map(DEF_DECLARATIONS.map((f) => [f.id, f]));

describe('REGISTRY', () => {
  it('declares each function of functions.json once, under its own id', () => {
    expect(Object.keys(REGISTRY)).toHaveLength(metadata.functions.length);
    expect(Object.entries(REGISTRY).map(([key, f]) => [key, f.id])).toEqual(Object.keys(REGISTRY).map((k) => [k, k]));
    expect(new Set(DEF_DECLARATIONS.map((f) => f.id)).size).toBe(DEF_DECLARATIONS.length);
  });

  it('lists the functions in the order of functions.json', () => {
    expect(DEF_DECLARATIONS.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
  });

  describe.each(metadata.functions.map((m) => [m.id, m] as const))('%s against functions.json', (id, meta) => {
    const f = byId.get(id);

    it('has the description Excel shows', () => {
      expect(f?.description).toBe(meta.description);
    });

    it('links to its section of the help page', () => {
      expect(meta.helpUrl?.endsWith(`/help.html#${helpAnchor({ id })}`)).toBe(true);
    });

    it('has the parameters of functions.json: names in order, which are optional, their descriptions', () => {
      expect(f?.parameters.map((p) => ({ name: p.name, optional: p.optional, description: p.description }))).toEqual(
        meta.parameters.map((p) => ({ name: p.name, optional: p.optional === true, description: p.description })),
      );
    });

    it('calls a function that takes as many arguments as Excel passes', () => {
      expect(f?.call.length).toBe(meta.parameters.length);
    });
  });
});

describe('parameters', () => {
  it("take name, unit and range from the model's constraint objects", () => {
    // FORCE_SIZE's model declares extent ≥ 0, density ≥ 0, rotation ≥ 1 (default 1), enabler_share in [0, 1) (default 0).
    expect(REGISTRY.FORCE_SIZE.parameters.map((p) => [p.name, p.unit, p.accepted, p.default ?? null])).toEqual(
      FORCE_SIZE.params.map((p) => [p.name, p.unit, expect.any(String) as unknown, p.default === undefined ? null : String(p.default)]),
    );
    expect(REGISTRY.FORCE_SIZE.parameters.map((p) => p.accepted)).toEqual(['≥ 0', '≥ 0', '≥ 1', '≥ 0 and < 1']);
    expect(REGISTRY.FORCE_ROTATION.parameters[0]?.accepted).toBe('> 0');
  });

  it("give FUND_GUARANTEES the EFSF's over-guarantee after 2011 as the default: 1.65", () => {
    // EFSF Framework Agreement as amended (2011): guarantees of 165 % of lending.
    expect(REGISTRY.FUND_GUARANTEES.parameters[1]).toMatchObject({ name: 'over_guarantee', default: '1.65', optional: true, accepted: '≥ 1' });
  });

  it('treat only participants as a set, and as optional', () => {
    const sets = DEF_DECLARATIONS.flatMap((f) => f.parameters.filter((p) => p.set).map((p) => `${f.id}.${p.name}:${String(p.optional)}`));
    expect(sets).toEqual(['FUND_SHARE.participants:true', 'FUND_KEY.participants:true']);
  });

  it('give text choices the values the model accepts, and their defaults as written', () => {
    expect(REGISTRY.FUND_SHARE.parameters[2]).toMatchObject({
      name: 'key',
      unit: 'text',
      accepted: 'one of GDP, EFSF, ESM, ECB, POP',
      default: 'GDP',
    });
    expect(REGISTRY.ASSUMPTION.parameters.map((p) => p.default ?? null)).toEqual([null, 'peace', 'central']);
  });
});

describe("the help page's words for text choices", () => {
  const choices = DEF_DECLARATIONS.flatMap((f) =>
    f.parameters.filter((p) => p.help.accepted !== undefined && p.accepted.startsWith('one of ')).map((p) => [`${f.id}.${p.name}`, p] as const),
  );

  it.each(choices)('%s names every value the model accepts', (_name, p) => {
    // The model's list reads "one of A, B (label), C": each value must appear as <code>value</code>.
    const values = p.accepted
      .replace(/^one of /, '')
      .split(/, (?![^(]*\))/)
      .map((v) => v.replace(/ \(.*$/, ''));
    expect(values.filter((v) => !(p.help.accepted ?? '').includes(`<code>${v}</code>`))).toEqual([]);
  });

  it('covers the precedents, keys, assumptions and scenarios', () => {
    expect(choices.map(([name]) => name)).toEqual([
      'FORCE_DENSITY.precedent',
      'FUND_SHARE.key',
      'FUND_KEY.key',
      'ASSUMPTION.id',
      'ASSUMPTION.scenario',
    ]);
  });
});

describe('signature', () => {
  it('brackets the optional parameters', () => {
    expect(signature(REGISTRY.FORCE_COST)).toBe('DEF.FORCE_COST(personnel, cost_per_year, [years])');
    expect(requiredCount(REGISTRY.MUNITION_REGEN_YEARS)).toBe(3);
  });
});

describe('shownResult', () => {
  it('shows a number with the words after it, and the start of a text result', () => {
    expect(shownResult({ result: '9', says: 'days' })).toBe('9 days');
    expect(shownResult({ result: 'Long text. More.', excerpt: 'Long text.' })).toBe('"Long text. …');
  });
});

describe('declare', () => {
  const base = {
    group: 'Munitions',
    summary: 'Years to rebuild a stock to a target.',
    description: 'Years to rebuild a stock.',
    method: { equation: '(target − current) / (production − drawdown)', reference: null },
    examples: [{ formula: '=DEF.X(1, 2, 3)', result: '1' }],
  } as const;
  const parameters = modelParameters(MUNITION_REGEN_YEARS, {
    target_stock: { description: 'a' },
    current_stock: { description: 'b' },
    annual_production: { description: 'c' },
    annual_drawdown: { description: 'd' },
  });
  const call = (a: Grid, b: Grid, c: Grid, d?: Grid | null): number[][] => [[a.length + b.length + c.length + (d?.length ?? 0)]];

  it('accepts a declaration whose parameters match its function', () => {
    expect(declare({ ...base, id: 'X', parameters, call }).id).toBe('X');
  });

  it('refuses a declaration with fewer parameters than its function takes', () => {
    expect(() => declare({ ...base, id: 'X', parameters: parameters.slice(0, 3), call })).toThrow(
      'DEF.X: declares 3 parameters but its function takes 4',
    );
  });

  it('refuses a required parameter after an optional one', () => {
    const [a, b, c, d] = parameters;
    if (a === undefined || b === undefined || c === undefined || d === undefined) throw new Error('four parameters expected');
    expect(() => declare({ ...base, id: 'X', parameters: [a, b, d, c], call })).toThrow('a required parameter follows an optional one');
  });

  it('refuses a lead that does not start with the summary', () => {
    expect(() => declare({ ...base, id: 'X', lead: 'Something else.', parameters, call })).toThrow('its lead does not start with its summary');
  });

  it('refuses text for a parameter the model does not have, and a model parameter without text', () => {
    expect(() => modelParameters(MUNITION_REGEN_YEARS, { target_stock: { description: 'a' } })).toThrow('no text for model parameter current_stock');
    expect(() =>
      modelParameters(FORCE_SIZE, {
        extent: { description: 'a' },
        density: { description: 'b' },
        rotation: { description: 'c' },
        enabler_share: { description: 'd' },
        depth: { description: 'e' },
      }),
    ).toThrow('no model parameter depth');
  });

  it('refuses a lower-case id', () => {
    expect(() => declare({ ...base, id: 'x', parameters, call })).toThrow('an id is upper-case');
  });
});

describe('the examples of every declaration, run in the preview engine', () => {
  let hf: HyperFormula;
  let sheet: number;
  beforeAll(() => {
    hf = createEngine();
    sheet = hf.getSheetId(hf.addSheet('S')) ?? 0;
  });

  const examples = DEF_DECLARATIONS.flatMap((f) => f.examples.map((e) => [f.id, e.formula, e] as const));

  it.each(examples)('%s: %s gives the result it shows', (_id, formula, e) => {
    hf.setCellContents({ sheet, row: 0, col: 0 }, [[formula]]);
    const value = hf.getCellValue({ sheet, row: 0, col: 0 });
    expect(value).not.toBeInstanceOf(DetailedCellError);
    if (e.excerpt !== undefined) {
      expect(value).toBe(e.result);
      expect(e.result.startsWith(e.excerpt)).toBe(true);
      return;
    }
    // Rounded to as many decimals as the shown result has, thousands separators dropped.
    const decimals = e.result.split('.')[1]?.length ?? 0;
    expect(typeof value === 'number' ? value.toFixed(decimals) : value).toBe(e.result.replace(/,/g, ''));
  });
});
