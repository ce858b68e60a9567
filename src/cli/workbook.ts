/**
 * `defecon workbook`: the baseline workbook as an .xlsx file, from the same plans the pane writes,
 * through the .xlsx writer (`src/xlsx/`). The model's values come from the preview's engine
 * (HyperFormula with the DEF functions), which runs here in Node and never in the add-in.
 */
import { SCENARIOS } from '../data/assumptions';
import type { ScenarioId } from '../data/types';
import { PreviewTarget } from '../preview/target';
import { address } from '../workbook/a1';
import { type BaselineKind, baselinePlan, SHEET_KINDS } from '../workbook/baseline';
import type { Constant } from '../workbook/plan';
import type { CellRef } from '../workbook/writer';
import { type ExportMode, renderXlsx } from '../xlsx/render';
import { XlsxTarget } from '../xlsx/target';

/** What to export. */
export interface WorkbookRequest {
  readonly scenario: ScenarioId;
  readonly mode: ExportMode;
  /** The file to write. */
  readonly out: string;
  /** The sheets, in the baseline's order. */
  readonly sheets: readonly BaselineKind[];
}

export const MODES: readonly ExportMode[] = ['live', 'values'];

/** The model sheets, whose formulas read the Assumptions sheet's names. */
const MODEL_SHEETS: readonly BaselineKind[] = ['force', 'munitions', 'fund'];

export const WORKBOOK_USAGE = [
  'Usage: defecon workbook --scenario <peace|collapse|no_deal> --mode <live|values> --out FILE.xlsx [--sheets assumptions,force,...]',
  '',
  '  --scenario  the scenario the selector starts on',
  '  --mode      live: the DEF.* formulas with the values the model computes cached, as the pane writes them;',
  '              values: no formulas, each computed cell with a note giving its formula and sources',
  `  --sheets    a comma-separated choice of ${SHEET_KINDS.join(', ')} (default: all); in live mode the`,
  '              Assumptions sheet is added when a model sheet needs its names',
  '  --out       the .xlsx file to write',
].join('\n');

const isScenario = (s: string): s is ScenarioId => SCENARIOS.some((x) => x.id === s);
const isMode = (s: string): s is ExportMode => MODES.some((m) => m === s);
const isKind = (s: string): s is BaselineKind => SHEET_KINDS.some((k) => k === s);

/** The request the arguments after `workbook` make, or the reason they make none. */
export function parseWorkbookArgs(args: readonly string[]): WorkbookRequest | { readonly error: string } {
  const given = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] ?? '';
    const value = args[i + 1];
    if (!['--scenario', '--mode', '--out', '--sheets'].includes(flag)) return { error: `unknown option ${flag}` };
    if (value === undefined || value.startsWith('--')) return { error: `${flag} needs a value` };
    given.set(flag, value);
  }
  const scenario = given.get('--scenario') ?? '';
  const mode = given.get('--mode') ?? '';
  const out = given.get('--out') ?? '';
  if (!isScenario(scenario)) return { error: `--scenario must be one of ${SCENARIOS.map((x) => x.id).join(', ')}, not "${scenario}"` };
  if (!isMode(mode)) return { error: `--mode must be one of ${MODES.join(', ')}, not "${mode}"` };
  if (!out.toLowerCase().endsWith('.xlsx')) return { error: `--out must name an .xlsx file, not "${out}"` };
  const chosen = (given.get('--sheets') ?? SHEET_KINDS.join(',')).split(',').map((s) => s.trim().toLowerCase());
  const unknown = chosen.filter((s) => !isKind(s));
  if (unknown.length > 0) return { error: `--sheets: unknown sheet ${unknown.join(', ')} (choose from ${SHEET_KINDS.join(', ')})` };
  const needsNames = mode === 'live' && chosen.some((s) => MODEL_SHEETS.some((k) => k === s));
  const sheets = SHEET_KINDS.filter((k) => chosen.includes(k) || (k === 'assumptions' && needsNames));
  return { scenario, mode, out, sheets };
}

/** What an export wrote: the file's bytes, its sheets and how many formula cells carry a computed value. */
export interface WorkbookExport {
  readonly bytes: Uint8Array;
  readonly sheets: readonly string[];
  readonly computed: number;
}

/**
 * Builds the file: the whole baseline goes into the preview's engine for the scenario (so every
 * formula has its value whichever sheets are chosen), the chosen sheets through the .xlsx writer,
 * each formula cell with the engine's value.
 */
export async function exportWorkbook(request: WorkbookRequest): Promise<WorkbookExport> {
  const engine = new PreviewTarget();
  await engine.apply(baselinePlan({ scenario: request.scenario }), { replace: [] });
  const plan = baselinePlan({ scenario: request.scenario, kinds: request.sheets });
  const formulas: CellRef[] = plan.sheets.flatMap((s) =>
    s.cells.flatMap((row, r) =>
      row.flatMap((cell, c) => (typeof cell.content === 'string' && cell.content.startsWith('=') ? [{ sheet: s.name, address: address(r, c) }] : [])),
    ),
  );
  const states = await engine.readCells(formulas);
  const values = new Map<string, Constant>(formulas.map((f, i) => [`${f.sheet}!${f.address}`, states[i]?.value ?? null]));
  const target = new XlsxTarget();
  await target.apply(plan, { replace: [] });
  const bytes = await renderXlsx(target.snapshot(), {
    mode: request.mode,
    valueOf: (sheet, row, col) => values.get(`${sheet}!${address(row, col)}`) ?? null,
  });
  return { bytes, sheets: plan.sheets.map((s) => s.name), computed: [...values.values()].filter((v) => v !== null).length };
}
