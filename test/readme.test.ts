/**
 * README.md's function table against the function registry: every function, its signature, an
 * example formula the registry gives and that example's result.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEF_DECLARATIONS, signature } from '../src/functions/registry';

interface Row {
  readonly signature: string;
  readonly formula: string;
  readonly result: string;
}

/** The rows of the table under "## Functions": | `SIGNATURE` | returns | `=DEF.X(...)` or `=INDEX(DEF.X(...), ...)` | result |. */
function functionTable(): Row[] {
  const readme = fs.readFileSync(path.resolve(__dirname, '..', 'README.md'), 'utf8');
  const section = /^## Functions\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  return [...section.matchAll(/^\| `([A-Z_]+\(.*?\))` \|.*\| `(=(?:INDEX\()?DEF\.[^`]+)` \| ([^|]+) \|$/gm)].map((m) => ({
    signature: m[1] ?? '',
    formula: m[2] ?? '',
    result: (m[3] ?? '').trim(),
  }));
}

/** Two shown numbers agree when the more precise one, rounded to the other's decimals, is the other. */
function sameNumber(a: string, b: string): boolean {
  const decimals = (s: string): number => s.split('.')[1]?.length ?? 0;
  const [coarse, fine] = decimals(a) <= decimals(b) ? [a, b] : [b, a];
  return Number(fine.replace(/,/g, '')).toFixed(decimals(coarse)) === coarse.replace(/,/g, '');
}

describe("README's function table", () => {
  const rows = functionTable();

  it('lists every function of the registry, in its order', () => {
    expect(rows.map((r) => r.signature.replace(/\(.*/, ''))).toEqual(DEF_DECLARATIONS.map((f) => f.id));
  });

  describe.each(DEF_DECLARATIONS.map((f, i) => [f.id, f, i] as const))('%s', (_id, f, i) => {
    const row = rows[i];

    it('gives the signature of the registry', () => {
      expect(`DEF.${row?.signature ?? ''}`).toBe(signature(f));
    });

    it("shows one of the registry's examples, with its result", () => {
      const example = f.examples.find((e) => e.formula === row?.formula);
      expect([row?.formula, example === undefined ? 'not in the registry' : 'in the registry']).toEqual([row?.formula, 'in the registry']);
      if (example === undefined || row === undefined) return;
      if (example.excerpt !== undefined) {
        expect(row.result).toBe(`"${example.excerpt} …"`);
      } else {
        expect([row.result, example.result, sameNumber(row.result, example.result)]).toEqual([row.result, example.result, true]);
      }
    });
  });

  it('compares numbers at the coarser of two precisions', () => {
    // 22.73 rounds to 22.7; 4,800,000,000 is 4800000000; 0.2706 is not 0.2707.
    expect(sameNumber('22.73', '22.7')).toBe(true);
    expect(sameNumber('4,800,000,000', '4,800,000,000')).toBe(true);
    expect(sameNumber('0.2706', '0.2707')).toBe(false);
  });
});
