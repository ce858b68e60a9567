/**
 * The command line's .xlsx files in a real spreadsheet engine: LibreOffice Calc opens them,
 * recalculates everything (calculateAll) and its values are compared with the assumptions' own
 * data in src/data/assumptions.ts (not with anything the writer computed). LibreOffice has no DEF
 * functions, so in live mode it checks what it can compute natively: the Assumptions sheet's
 * scenario selector, its Active column through INDEX/MATCH, and switching the scenario.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ASSUMPTIONS, SCENARIOS } from '../../src/data/assumptions';
import type { ScenarioId } from '../../src/data/types';
import { run } from '../../src/cli/main';

const ROOT = path.resolve(__dirname, '..', '..');
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'defecon-calc-'));

type Value = number | string | null;
interface Job {
  readonly file: string;
  readonly set?: readonly { readonly sheet: string; readonly cell: string; readonly text: string }[];
  readonly read?: readonly { readonly sheet: string; readonly cell: string }[];
  readonly countFormulas?: boolean;
}
interface Result {
  readonly values: Value[];
  readonly formulas: string[];
  readonly formulaCells: number;
}

/** Runs the jobs through LibreOffice (scripts/calc.py, with Debian's python3 and its uno module). */
function calc(jobs: readonly Job[]): Result[] {
  const out = execFileSync('/usr/bin/python3', [path.join(ROOT, 'scripts', 'calc.py')], {
    input: JSON.stringify(jobs),
    encoding: 'utf8',
    timeout: 170_000,
  });
  return JSON.parse(out) as Result[];
}

/** Writes the baseline with the command line; the file's path. */
async function exported(scenario: ScenarioId, mode: 'live' | 'values'): Promise<string> {
  const file = path.join(DIR, `${scenario}-${mode}.xlsx`);
  const code = await run(['workbook', '--scenario', scenario, '--mode', mode, '--out', file], {
    writeFile: (p, bytes) => fs.writeFileSync(p, bytes),
    print: () => undefined,
    fail: (t) => {
      throw new Error(t);
    },
  });
  if (code !== 0) throw new Error(`defecon workbook exited ${code}`);
  return file;
}

/**
 * The Assumptions sheet's Active column: G (Name, Assumption, Unit, three scenario columns, then
 * Active), from row 6 (title, subtitle, selector, blank, header above), one row per assumption.
 */
const ACTIVE = ASSUMPTIONS.map((a, i) => ({ sheet: 'Assumptions', cell: `G${6 + i}`, id: a.id }));

/** The expected Active values for a scenario: the data's own, an empty value as null. */
const expected = (s: ScenarioId): Value[] => ASSUMPTIONS.map((a) => a.values[s]);

/** Numbers equal to relative 1e-9, anything else exactly. */
function agree(got: readonly Value[], want: readonly Value[]): boolean {
  return (
    got.length === want.length &&
    got.every((g, i) => {
      const w = want[i] ?? null;
      return typeof g === 'number' && typeof w === 'number' ? Math.abs(g - w) <= 1e-9 * Math.max(1, Math.abs(w)) : g === w;
    })
  );
}

afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

describe('the .xlsx files in LibreOffice Calc', () => {
  it('live: the selector and every Active assumption recalculate natively to the scenario’s data, and follow a switch of scenario', async () => {
    const files = await Promise.all(SCENARIOS.map((x) => exported(x.id, 'live')));
    const read = [{ sheet: 'Assumptions', cell: 'C3' }, ...ACTIVE];
    const jobs: Job[] = SCENARIOS.flatMap((x, i) => {
      const file = files[i] ?? '';
      const next = SCENARIOS[(i + 1) % SCENARIOS.length] ?? x;
      return [
        { file, read },
        { file, read, set: [{ sheet: 'Assumptions', cell: 'B3', text: next.short }] },
      ];
    });
    const results = calc(jobs);
    SCENARIOS.forEach((x, i) => {
      const next = SCENARIOS[(i + 1) % SCENARIOS.length] ?? x;
      const [opened, switched] = [results[2 * i], results[2 * i + 1]];
      expect(opened?.values[0]).toBe(x.label);
      expect(agree(opened?.values.slice(1) ?? [], expected(x.id))).toBe(true);
      expect(switched?.values[0]).toBe(next.label);
      expect(agree(switched?.values.slice(1) ?? [], expected(next.id))).toBe(true);
    });
    // Cells compared: (1 label + one per assumption) x 2 (as opened, switched) x 3 scenarios.
    expect(results.flatMap((r) => r.values)).toHaveLength((1 + ASSUMPTIONS.length) * 2 * SCENARIOS.length);
  });

  it('values: no formula anywhere; the deployed force and the Active assumptions hold the scenario’s values', async () => {
    const file = await exported('collapse', 'values');
    const [result] = calc([{ file, read: [{ sheet: 'Force', cell: 'B13' }, ...ACTIVE], countFormulas: true }]);
    expect(result?.formulaCells).toBe(0);
    // Truce collapses: 1,040 km x 4 km x 14.15 troops per km2 = 58,864 personnel.
    expect(result?.values[0]).toBeCloseTo(58864, 6);
    expect(agree(result?.values.slice(1) ?? [], expected('collapse'))).toBe(true);
  });
});
