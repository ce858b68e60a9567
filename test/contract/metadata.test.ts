/**
 * The contract of dist/functions.json, the metadata Excel reads to register the DEF functions:
 * permanent ids, help links that land on the help page, descriptions, and parameter kinds that
 * match what the wrappers expect (every argument a matrix of any values).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type FunctionMetadata, helpAnchors, helpHtml, helpSection, helpSignature, loadMetadata, metadataText, ROOT } from './bundle';

/**
 * Every id DefEcon has shipped. Workbooks store `DEF.<id>` in their formulas, so an id, once
 * shipped, never changes and is never removed: a workbook that uses it would show #NAME?.
 * Add new ids here; never edit or delete one.
 */
const PERMANENT_IDS = [
  'FORCE_SIZE',
  'FORCE_DENSITY',
  'FORCE_ROTATION',
  'FORCE_COST',
  'MUNITION_DAYS',
  'MUNITION_STOCK',
  'MUNITION_REGEN_YEARS',
  'FUND_SHARE',
  'FUND_KEY',
  'FUND_GUARANTEES',
  'ASSUMPTION',
  'SOURCE',
  'RAMP',
  'MUNITION_PATH',
  'FUND_SCHEDULE',
  'DEFLATE',
  'TRIALS',
  'TRIAL_STATS',
] as const;

type BaseUrlParser = (raw: string | undefined) => string | null;

/**
 * The base URL the build put into functions.json: DEFECON_BASE_URL when set (see
 * webpack.config.js), else the dev server's https://localhost:3000/.
 */
function builtBaseUrl(): { base: string; devUrl: string } {
  const config: unknown = createRequire(__filename)(path.join(ROOT, 'webpack.config.js'));
  if (
    typeof config !== 'function' ||
    !('productionBaseUrl' in config) ||
    typeof config.productionBaseUrl !== 'function' ||
    !('DEV_URL' in config) ||
    typeof config.DEV_URL !== 'string'
  ) {
    throw new Error('webpack.config.js should export productionBaseUrl and DEV_URL');
  }
  const devUrl = config.DEV_URL;
  return { base: (config.productionBaseUrl as BaseUrlParser)(process.env.DEFECON_BASE_URL) ?? devUrl, devUrl };
}

/** The `@param [name]` (optional) and `@param name` tags of each `@customfunction ID` in functions.ts. */
function jsdocParameters(): Map<string, { name: string; optional: boolean }[]> {
  const source = fs.readFileSync(path.join(ROOT, 'src', 'functions', 'functions.ts'), 'utf8');
  const out = new Map<string, { name: string; optional: boolean }[]>();
  for (const block of source.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const id = /@customfunction\s+(\w+)/.exec(block)?.[1];
    if (id === undefined) continue;
    const params = [...block.matchAll(/@param\s+(\[)?(\w+)\]?/g)].map((m) => ({
      name: m[2] as string,
      optional: m[1] === '[',
    }));
    out.set(id, params);
  }
  return out;
}

const metadata = loadMetadata();
const functions = metadata.functions;
const html = helpHtml();
const { base, devUrl } = builtBaseUrl();

const each = (): [string, FunctionMetadata][] => functions.map((f) => [f.id, f]);

describe('functions.json', () => {
  it('has exactly the permanent ids: an id never changes or disappears once shipped', () => {
    expect(functions.map((f) => f.id).sort()).toEqual([...PERMANENT_IDS].sort());
  });

  it('lets Excel hand error cells to the functions, so an upstream #N/A passes through instead of stopping the call', () => {
    // Microsoft's metadata reference: allowErrorForDataTypeAny lets a function whose parameters are
    // of type any receive error values; without it Excel returns the error without calling it.
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
  });

  it('lists each id once', () => {
    const ids = functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('matches the reviewed snapshot (a change here is a change to what Excel registers)', () => {
    // Normalised to the dev URL, so a build with DEFECON_BASE_URL set compares the same.
    const text = metadataText().split(base).join(devUrl);
    expect(JSON.parse(text)).toMatchSnapshot();
  });

  describe.each(each())('%s', (id, f) => {
    it('has its name equal to its id, so Excel shows DEF.<id>', () => {
      expect(f.name).toBe(id);
    });

    it('has a description', () => {
      expect(f.description?.trim()).toBeTruthy();
    });

    it('links to its own section of the help page', () => {
      const anchor = id.toLowerCase();
      expect(f.helpUrl).toBe(`${base}help.html#${anchor}`);
      expect(helpAnchors(html).has(anchor)).toBe(true);
    });

    it('returns a matrix, is not volatile and does not stream', () => {
      expect(f.result?.dimensionality).toBe('matrix');
      expect(f.options?.volatile ?? false).toBe(false);
      expect(f.options?.stream ?? false).toBe(false);
    });

    it('takes every parameter as a matrix of any values, each with a description', () => {
      expect(f.parameters.length).toBeGreaterThan(0);
      for (const p of f.parameters) {
        expect({ name: p.name, dimensionality: p.dimensionality, type: p.type }).toEqual({
          name: p.name,
          dimensionality: 'matrix',
          type: 'any',
        });
        expect({ name: p.name, description: p.description?.trim() ?? '' }).toEqual({
          name: p.name,
          description: expect.stringMatching(/\S/) as unknown,
        });
        expect(p.repeating ?? false).toBe(false);
      }
    });

    it('has its optional parameters last, exactly the bracketed ones in functions.ts', () => {
      const optional = f.parameters.map((p) => p.optional === true);
      expect(optional).toEqual([...optional].sort((a, b) => Number(a) - Number(b)));
      const jsdoc = jsdocParameters().get(id);
      expect(jsdoc).toEqual(f.parameters.map((p) => ({ name: p.name, optional: p.optional === true })));
    });

    it('names every parameter in its help section, bracketing the optional ones in the heading', () => {
      const section = helpSection(html, id.toLowerCase());
      const shown = f.parameters.map((p) => (p.optional === true ? `[${p.name}]` : p.name)).join(', ');
      expect(helpSignature(section)).toBe(`DEF.${id}(${shown})`);
      for (const p of f.parameters) {
        expect({ parameter: p.name, inSection: new RegExp(`\\b${p.name}\\b`).test(section) }).toEqual({
          parameter: p.name,
          inSection: true,
        });
      }
    });
  });
});
