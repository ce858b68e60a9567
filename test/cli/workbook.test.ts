/**
 * `defecon workbook`: its arguments, the files it writes (read back with ExcelJS), the bin script
 * end to end, and ExcelJS staying out of the add-in's bundle. Expected numbers are worked out by
 * hand from src/data/assumptions.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type CellValue, Workbook } from 'exceljs';
import { run } from '../../src/cli/main';
import { parseWorkbookArgs } from '../../src/cli/workbook';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs the command line in memory: the exit code, the file it wrote (read back), what it printed. */
async function cli(args: readonly string[]): Promise<{ code: number; book: Workbook | null; printed: string; failed: string }> {
  let bytes: Uint8Array | null = null;
  let printed = '';
  let failed = '';
  const code = await run(args, {
    writeFile: (_path, b) => {
      bytes = b;
    },
    print: (t) => {
      printed += t;
    },
    fail: (t) => {
      failed += t;
    },
  });
  let book: Workbook | null = null;
  if (bytes !== null) {
    book = new Workbook();
    await book.xlsx.load(new Uint8Array(bytes).buffer);
  }
  return { code, book, printed, failed };
}

/** Force!B13: the deployed force (row 13 of the Force sheet: title, intro, blank, header, Zone heading and six lines, Force heading, then it). */
const DEPLOYED = 'B13';

function cell(book: Workbook | null, sheet: string, at: string): CellValue {
  const ws = book?.getWorksheet(sheet);
  if (ws === undefined) throw new Error(`no sheet ${sheet}`);
  return ws.getCell(at).value;
}

describe('parseWorkbookArgs', () => {
  it('reads scenario, mode, file and sheets, the sheets in the baseline’s order', () => {
    expect(parseWorkbookArgs(['--scenario', 'collapse', '--mode', 'values', '--out', 'a.xlsx', '--sheets', 'sources,force'])).toEqual({
      scenario: 'collapse',
      mode: 'values',
      out: 'a.xlsx',
      sheets: ['force', 'sources'],
    });
  });

  it('adds the Assumptions sheet in live mode when a model sheet reads its names, and every sheet by default', () => {
    expect(parseWorkbookArgs(['--scenario', 'peace', '--mode', 'live', '--out', 'a.xlsx', '--sheets', 'fund'])).toMatchObject({
      sheets: ['assumptions', 'fund'],
    });
    expect(parseWorkbookArgs(['--scenario', 'peace', '--mode', 'live', '--out', 'a.xlsx'])).toMatchObject({
      sheets: ['assumptions', 'force', 'munitions', 'fund', 'sources'],
    });
  });

  it('refuses an unknown scenario, mode, option or sheet, a missing value and a file that is not .xlsx, saying why', () => {
    const base = ['--mode', 'live', '--out', 'a.xlsx'];
    expect(parseWorkbookArgs(['--scenario', 'war', ...base])).toEqual({ error: '--scenario must be one of peace, collapse, no_deal, not "war"' });
    expect(parseWorkbookArgs(['--scenario', 'peace', '--mode', 'portable', '--out', 'a.xlsx'])).toEqual({
      error: '--mode must be one of live, values, not "portable"',
    });
    expect(parseWorkbookArgs(['--scenario', 'peace', ...base, '--colour', 'red'])).toEqual({ error: 'unknown option --colour' });
    expect(parseWorkbookArgs(['--scenario', 'peace', ...base, '--sheets', 'force,tanks'])).toEqual({
      error: '--sheets: unknown sheet tanks (choose from assumptions, force, munitions, fund, sources)',
    });
    expect(parseWorkbookArgs(['--scenario', '--mode', 'live'])).toEqual({ error: '--scenario needs a value' });
    expect(parseWorkbookArgs(['--scenario', 'peace', '--mode', 'live', '--out', 'a.csv'])).toEqual({
      error: '--out must name an .xlsx file, not "a.csv"',
    });
  });
});

describe('run workbook', () => {
  it('live: the DEF formulas as the pane writes them, with the model’s values cached', async () => {
    const { code, book, printed } = await cli(['workbook', '--scenario', 'peace', '--mode', 'live', '--out', 'peace.xlsx']);
    expect(code).toBe(0);
    expect(printed).toMatch(/^Wrote peace\.xlsx: live, scenario peace, sheets Assumptions, Force, Munitions, Fund, Sources; \d+ formula cells/);
    // Lasting peace: 1,040 km x 4 km x 9.43 troops per km2 = 39,228.8 personnel.
    expect(cell(book, 'Force', DEPLOYED)).toEqual({ formula: 'DEF.FORCE_SIZE(line_km*zone_depth_km,density_per_km2)', result: 39228.8 });
    expect(cell(book, 'Assumptions', 'B3')).toBe('Lasting peace');
    expect(book?.definedNames.model.map((n) => n.name)).toEqual(expect.arrayContaining(['scenario', 'line_km', 'density_per_km2']));
  }, 60_000);

  it('values: no formula in any cell, each computed cell holding its value', async () => {
    const { code, book } = await cli(['workbook', '--scenario', 'collapse', '--mode', 'values', '--out', 'collapse.xlsx']);
    expect(code).toBe(0);
    // Truce collapses: 1,040 km x 4 km x 14.15 troops per km2 = 58,864 personnel.
    expect(cell(book, 'Force', DEPLOYED)).toBe(58864);
    let formulas = 0;
    book?.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => (formulas += c.formula === undefined ? 0 : 1))));
    expect(formulas).toBe(0);
  }, 60_000);

  it('answers bad arguments with the usage and exit code 2, writing nothing', async () => {
    const { code, book, failed } = await cli(['workbook', '--scenario', 'peace']);
    expect([code, book]).toEqual([2, null]);
    expect(failed).toContain('defecon workbook: --mode must be one of live, values, not ""');
    expect(failed).toContain('Usage: defecon workbook');
    expect((await cli(['tables'])).code).toBe(2);
  });
});

describe('bin/defecon.cjs', () => {
  it('runs from the sources after npm ci: --help prints the usage and exits 0', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'defecon.cjs'), '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: defecon workbook --scenario <peace|collapse|no_deal> --mode <live|values> --out FILE.xlsx');
  }, 60_000);

  it('is the package’s defecon command', () => {
    const pkg: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ bin: { defecon: 'bin/defecon.cjs' }, dependencies: { exceljs: '4.4.0' } });
  });
});

describe('the production add-in build (dist/)', () => {
  it('contains no ExcelJS: the .xlsx writer is for the command line only', () => {
    const dist = path.join(ROOT, 'dist');
    if (!fs.existsSync(path.join(dist, 'functions.js'))) throw new Error('dist/functions.js is missing: run npm run build first');
    const scripts = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    // ExcelJS must name the workbook part of every file it writes.
    expect(scripts.filter((f) => /exceljs|xl\/workbook\.xml/i.test(fs.readFileSync(path.join(dist, f), 'utf8')))).toEqual([]);
  });
});
