/**
 * The typed formula builder: DEF calls as formula text, checked against the registry when the
 * code compiles (`npx tsc` and ts-jest type-check this file: each `@ts-expect-error` below must
 * meet an error, or the build fails).
 */
import { def, formulaName, text } from '../../src/functions/formula';

describe('def', () => {
  it('writes a call with its arguments joined by commas, no spaces', () => {
    expect(def('FORCE_SIZE', 'line_km*zone_depth_km', 'density_per_km2')).toBe('DEF.FORCE_SIZE(line_km*zone_depth_km,density_per_km2)');
  });

  it('writes numbers as formula text', () => {
    expect(def('FORCE_SIZE', '{nsatu}', 1, 'rotation')).toBe('DEF.FORCE_SIZE({nsatu},1,rotation)');
    expect(def('FORCE_ROTATION', 6, 24)).toBe('DEF.FORCE_ROTATION(6,24)');
  });

  it('takes optional arguments up to the last parameter', () => {
    expect(def('FUND_SHARE', 'A9', '$C$3', '$C$6', 'P')).toBe('DEF.FUND_SHARE(A9,$C$3,$C$6,P)');
    expect(def('SOURCE', text('UNIFIL'))).toBe('DEF.SOURCE("UNIFIL")');
  });

  it('does not compile with an unknown id, too few or too many arguments', () => {
    const wrong = [
      // @ts-expect-error FORCE_SIZES is not a DEF function
      () => def('FORCE_SIZES', 'a', 'b'),
      // @ts-expect-error FORCE_SIZE needs extent and density
      () => def('FORCE_SIZE', 'a'),
      // @ts-expect-error SOURCE takes one argument
      () => def('SOURCE', 'a', 'b'),
      // @ts-expect-error an argument is formula text or a number
      () => def('SOURCE', true),
    ];
    expect(wrong).toHaveLength(4);
  });
});

describe('text', () => {
  it('quotes a text literal, doubling the quotes inside', () => {
    expect(text('UNIFIL')).toBe('"UNIFIL"');
    expect(text('say "yes"')).toBe('"say ""yes"""');
  });
});

describe('formulaName', () => {
  it('is the id in the DEF namespace', () => {
    expect(formulaName('FORCE_COST')).toBe('DEF.FORCE_COST');
  });
});
