/**
 * The fault matrix (issue 8): an operation of the pane run over the Excel writer and
 * office-addin-mock, again and again, each time with faults injected: every `context.sync()` in
 * turn failing before it applies and after it applied, every command in turn, and every pair of a
 * failing sync and a later one (the write and its undo, or the run and its restore). Each trial is
 * judged by comparing a full snapshot of the workbook (sheets by id with their cells, names) with
 * the one before the operation (or after a clean run, when the operation reports success):
 *
 * - `exact`: the operation failed and the workbook is exactly as it was, and the message does not
 *   claim otherwise;
 * - `honest`: the workbook differs, and the message names every sheet, cell and name that differs
 *   (and does not claim a clean rollback);
 * - `succeeded`: the operation reported success and the workbook is as a clean run leaves it;
 * - `wrong`: anything else, with what differed, for the test to show.
 */
import { cellReference } from '../../../src/workbook/a1';
import { FakeExcel, type FakeName, type SnapshotSheet } from '../mock/excel-mock';

/** One operation under test: a fresh workbook, what to do to it, and the message it ends with. */
export interface Scenario {
  readonly name: string;
  /** A fresh workbook in its state before the operation, with whatever preparation the operation needs done. */
  prepare(): Promise<Prepared>;
}

export interface Prepared {
  readonly excel: FakeExcel;
  /** Runs the operation; resolves with whether it reported success and its message. */
  run(): Promise<{ readonly ok: boolean; readonly message: string }>;
  /** The part of the message that speaks of what is left (for loads: from the undo's report on). */
  readonly reportOf?: (message: string) => string;
}

export type Verdict = 'exact' | 'honest' | 'succeeded' | 'wrong';

export interface Trial {
  readonly fault: string;
  readonly verdict: Verdict;
  readonly detail: string;
}

/** Counts of a scenario's trials, by kind of fault. */
export interface Counts {
  trials: number;
  exact: number;
  honest: number;
  succeeded: number;
  wrong: Trial[];
}

type Snapshot = ReturnType<FakeExcel['fullSnapshot']>;

interface Normal {
  readonly sheets: SnapshotSheet[];
  readonly names: FakeName[];
}

/** The snapshot with the ids of sheets not in `known` replaced by `new`, so clean runs compare. */
function normal(s: Snapshot, known: ReadonlySet<string>): Normal {
  return { sheets: s.sheets.map((x) => ({ ...x, id: known.has(x.id) ? x.id : 'new' })), names: s.names };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A sheet's looks: everything but its id, name, cells and notes. */
const looks = (s: SnapshotSheet): unknown => [s.styles, s.freeze, s.colorScales, s.charts];

/**
 * What differs between two snapshots: sheets added, gone, renamed or changed (`sheets`, which must be
 * named); of a sheet whose only change is in its cells, each changed cell as `cellReference` gives it
 * (`cells`: naming them all names the sheet); names added, gone or changed.
 */
function differences(before: Normal, after: Normal): { sheets: string[]; cells: Record<string, string[]>; names: string[] } {
  const sheets: string[] = [];
  const cells: Record<string, string[]> = {};
  for (const s of after.sheets) if (s.id === 'new') sheets.push(s.name);
  for (const b of before.sheets) {
    const a = after.sheets.find((x) => x.id === b.id);
    if (a === undefined) {
      sheets.push(b.name);
      continue;
    }
    if (a.name !== b.name || !same(a.cells, b.cells) || !same(a.notes, b.notes) || !same(looks(a), looks(b))) {
      sheets.push(b.name);
      if (a.name === b.name && same(a.notes, b.notes) && same(looks(a), looks(b))) {
        const keys = new Set([...a.cells.map(([k]) => k), ...b.cells.map(([k]) => k)]);
        cells[b.name] = [...keys]
          .filter((k) => !same(a.cells.find(([x]) => x === k)?.[1], b.cells.find(([x]) => x === k)?.[1]))
          .map((k) => cellReference({ sheet: b.name, address: k }));
      }
    }
  }
  const names: string[] = [];
  const all = new Set([...before.names, ...after.names].map((n) => n.name.toLowerCase()));
  for (const n of all) {
    const x = before.names.find((m) => m.name.toLowerCase() === n);
    const y = after.names.find((m) => m.name.toLowerCase() === n);
    if (!same(x, y)) names.push((x ?? y)?.name ?? n);
  }
  return { sheets, cells, names };
}

const escaped = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `report` mentions `term` as a whole: not inside a longer word, cell reference or name. */
export function mentions(report: string, term: string): boolean {
  return new RegExp(`(?<![\\w!$])${escaped(term)}(?!\\w)`).test(report);
}

/** Words a message uses when it claims the workbook is as it was. */
const CLEAN = /nothing else changed|Nothing was changed|No sheet was written|were restored|was restored/;
/** Words a message uses when it says something is left. */
const LEFT = /incomplete|could not be put back|could not be read back|failed too/;

/** Runs one trial of `scenario` with faults set by `inject` on its fresh workbook; `clean` is a clean run's result. */
async function trial(
  scenario: Scenario,
  fault: string,
  inject: (excel: FakeExcel, offset: number) => void,
  clean: Normal | undefined,
): Promise<{ trial: Trial; syncsAfter: number; failedAt?: number }> {
  const p = await scenario.prepare();
  const before = p.excel.fullSnapshot();
  const known = new Set(before.sheets.map((s) => s.id));
  const offset = p.excel.syncs;
  inject(p.excel, offset);
  const outcome = await p.run();
  p.excel.failSync = undefined;
  p.excel.failWhen = undefined;
  const after = normal(p.excel.fullSnapshot(), known);
  const was = normal(before, known);
  const report = (p.reportOf ?? ((m: string) => m))(outcome.message);
  const syncsAfter = p.excel.syncs - offset;
  let verdict: Verdict;
  let detail = '';
  if (outcome.ok) {
    verdict = clean === undefined || same(after, clean) ? 'succeeded' : 'wrong';
    if (verdict === 'wrong')
      detail = `reported success, but the workbook differs from a clean run: ${JSON.stringify(differences(clean ?? was, after))}`;
  } else if (same(after, was)) {
    verdict = LEFT.test(report) ? 'wrong' : 'exact';
    if (verdict === 'wrong') detail = `the workbook is as it was, but the message says otherwise: ${outcome.message}`;
  } else {
    const d = differences(was, after);
    // A sheet counts as named when the report gives its name in quotes ("Force"), or, when only its
    // cells changed, gives each changed cell as a reference (Force!B13).
    const named = (sheet: string): boolean => {
      const changed = d.cells[sheet] ?? [];
      return mentions(report, `"${sheet}"`) || (changed.length > 0 && changed.every((c) => mentions(report, c)));
    };
    const missing = [...d.sheets.filter((s) => !named(s)), ...d.names.filter((n) => !mentions(report, `"${n}"`))];
    const claimsClean = CLEAN.test(report) && !LEFT.test(report);
    verdict = missing.length === 0 && !claimsClean ? 'honest' : 'wrong';
    if (verdict === 'wrong')
      detail = `differs in ${JSON.stringify(d)}; the message (${outcome.message}) ${claimsClean ? 'claims a clean state' : `does not name ${missing.join(', ')}`}`;
  }
  return { trial: { fault, verdict, detail }, syncsAfter };
}

/** Every sync failing in turn (before and after it applies), every command in turn, every pair of syncs; the counts by kind. */
export async function faultMatrix(scenario: Scenario): Promise<{ single: Counts; pairs: Counts; syncs: number; commands: number }> {
  // A clean run: how many syncs and commands it takes, and the workbook it leaves.
  const p = await scenario.prepare();
  const known = new Set(p.excel.fullSnapshot().sheets.map((s) => s.id));
  const offset = p.excel.syncs;
  let commands = 0;
  p.excel.failWhen = () => {
    commands++;
    return undefined;
  };
  const cleanOutcome = await p.run();
  if (!cleanOutcome.ok) throw new Error(`${scenario.name}: a clean run failed: ${cleanOutcome.message}`);
  const syncs = p.excel.syncs - offset;
  const clean = normal(p.excel.fullSnapshot(), known);

  const single: Counts = { trials: 0, exact: 0, honest: 0, succeeded: 0, wrong: [] };
  const pairs: Counts = { trials: 0, exact: 0, honest: 0, succeeded: 0, wrong: [] };
  const count = (c: Counts, t: Trial): void => {
    c.trials++;
    if (t.verdict === 'wrong') c.wrong.push(t);
    else c[t.verdict]++;
  };
  const modes = ['before', 'after'] as const;
  const later: { k: number; mode: (typeof modes)[number]; syncsAfter: number }[] = [];
  for (let k = 1; k <= syncs; k++) {
    for (const mode of modes) {
      const r = await trial(scenario, `sync ${k} ${mode}`, (excel, o) => (excel.failSync = (i) => (i === o + k ? mode : undefined)), clean);
      count(single, r.trial);
      later.push({ k, mode, syncsAfter: r.syncsAfter });
    }
  }
  for (let n = 1; n <= commands; n++) {
    const r = await trial(
      scenario,
      `command ${n}`,
      (excel) => {
        let seen = 0;
        excel.failWhen = () => (++seen === n ? 'Injected failure.' : undefined);
      },
      clean,
    );
    count(single, r.trial);
  }
  for (const { k, mode, syncsAfter } of later) {
    for (let j = k + 1; j <= syncsAfter; j++) {
      for (const second of modes) {
        const r = await trial(
          scenario,
          `syncs ${k} ${mode} and ${j} ${second}`,
          (excel, o) => (excel.failSync = (i) => (i === o + k ? mode : i === o + j ? second : undefined)),
          clean,
        );
        count(pairs, r.trial);
      }
    }
  }
  return { single, pairs, syncs, commands };
}
