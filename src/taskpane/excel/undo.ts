/**
 * Undoing a failed write honestly. The plan writer (`writer.ts`) hands over what the workbook held
 * before ({@link Before}: every sheet by id, every name, a record of each replaced sheet's contents)
 * and what it did ({@link Written}: the sheets it created, the temporary names only it uses, the
 * hidden backup copies of the sheets it replaced). The undo reads the workbook as it is now, deletes
 * only the sheets this write created (by `Worksheet.id` or temporary name, never by a planned name),
 * copies each backup back over its sheet (contents, looks, drop-downs, colour scales, notes) and
 * refreezes its panes, or, with no backup, puts the recorded contents back and says the looks were
 * lost; restores the names, then reads the workbook back and says exactly what is still not as it
 * was. It is tried twice, since a lost reply is no reason to stop.
 */
import { errorDetail } from '../../workbook/messages';
import type { WorkbookPlan } from '../../workbook/plan';
import type { ExcelRun } from './writer';
import { type Backup, type Before, type Contents, deleteNotes, type NameState, readContents, type SheetId, type Written } from './contents';

export type { Backup, Before, Contents, NameState, SheetId, Written };
export { deleteNotes, readContents } from './contents';

/** What the write did, and the replaced sheets whose contents the undo put back without their looks (no copy was there). */
interface Undoing extends Written {
  readonly looksLost: Set<string>;
  /** The replaced sheets whose copy the undo queued copying back (and deleting). */
  readonly restored: Set<string>;
}

/** The workbook now: sheets, names, and the contents of the replaced sheets that are still there. */
interface Now {
  readonly sheets: readonly SheetId[];
  readonly names: readonly NameState[];
  readonly contents: ReadonlyMap<string, Contents>;
}

const lower = (s: string): string => s.toLowerCase();
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const quoted = (items: readonly string[]): string => items.map((x) => `"${x}"`).join(', ');

/** Reads sheets and names (1 sync), then the contents of the `ids` still there ({@link readContents}). */
async function readNow(context: Excel.RequestContext, ids: readonly string[], notes: boolean): Promise<Now> {
  const sheets = context.workbook.worksheets.load('items/name,items/id');
  const names = context.workbook.names.load('items/name,items/formula,items/comment');
  await context.sync();
  const sheetList = sheets.items.map((s) => ({ name: s.name, id: s.id }));
  const nameList = names.items.map((n) => {
    const formula: unknown = n.formula;
    return { name: n.name, formula: typeof formula === 'string' ? formula : '', comment: n.comment };
  });
  const present = ids.filter((id) => sheetList.some((s) => s.id === id));
  const contents = present.length > 0 ? await readContents(context, present, notes) : new Map<string, Contents>();
  return { sheets: sheetList, names: nameList, contents };
}

/** Same address, formulas, number formats, notes and frozen panes (value types follow from the formulas). */
const sameContents = (a: Contents | undefined, b: Contents): boolean =>
  a !== undefined &&
  a.address === b.address &&
  a.panes === b.panes &&
  JSON.stringify([a.formulas, a.numberFormat, a.notes]) === JSON.stringify([b.formulas, b.numberFormat, b.notes]);

/** Queues freezing `panes` as they were (after unfreezing), no sync. */
function freezeAsBefore(ws: Excel.Worksheet, panes: string | null): void {
  ws.freezePanes.unfreeze();
  if (panes !== null) ws.freezePanes.freezeAt(panes);
}

/** The hidden copy of the replaced sheet `id` that is in the workbook now (by its id, or by its name no other sheet has). */
function copyOf(id: string, written: Written, now: Now): SheetId | undefined {
  const b = written.backups.find((x) => x.of === id);
  return b === undefined ? undefined : now.sheets.find((s) => s.id === b.id || lower(s.name) === lower(b.name));
}

/**
 * What to write back into `Range.formulas` of a cleared (General) range: text with a leading `'`,
 * so Excel keeps it as text. Written before the number formats, so a formula in a `@` cell is
 * entered as a formula, not as text.
 */
function formulasToWrite(c: Contents): unknown[][] {
  return c.formulas.map((row, i) =>
    row.map((f, j) => (typeof f === 'string' && f !== '' && !f.startsWith('=') && c.valueTypes[i]?.[j] === 'String' ? `'${f}` : f)),
  );
}

/**
 * The ids of the sheets this write created that are in the workbook now: those whose ids it saw
 * confirmed, and any still under a temporary name only this write uses. Never a sheet found by its
 * planned name: that may be the user's.
 */
function ours(written: Written, now: Now): string[] {
  const temporary = new Set(written.temporary.map(lower));
  return now.sheets.filter((s) => written.created.includes(s.id) || temporary.has(lower(s.name))).map((s) => s.id);
}

/** What is still not as it was, in words; empty when the workbook is as it was before the write. */
function differences(plan: WorkbookPlan, before: Before, written: Undoing, now: Now): string[] {
  const left: string[] = [];
  // A new sheet still under its temporary name is shown as the plan sheet it is, with the name it has.
  const shownAs = (name: string): string => {
    const i = written.temporary.findIndex((t) => lower(t) === lower(name));
    const planned = plan.sheets[i]?.name;
    return planned === undefined ? `"${name}"` : `"${planned}" (still named "${name}")`;
  };
  const createdLeft = ours(written, now).map((id) => now.sheets.find((s) => s.id === id)?.name ?? id);
  if (createdLeft.length > 0) {
    left.push(`the new ${createdLeft.length === 1 ? 'sheet' : 'sheets'} ${createdLeft.map(shownAs).join(', ')} could not be removed`);
  }
  const copies = [...before.replaced.values()].flatMap((r) => {
    const copy = copyOf(r.id, written, now);
    return copy === undefined ? [] : [{ of: r.name, copy: copy.name }];
  });
  for (const c of copies) {
    left.push(`the formatting, drop-downs and panes of "${c.of}" could not be put back; the hidden sheet "${c.copy}" keeps a copy of it as it was`);
  }
  const lost = [...before.replaced.values()].filter((r) => written.looksLost.has(r.id)).map((r) => r.name);
  if (lost.length > 0) {
    left.push(`the formatting, drop-downs and panes of ${quoted(lost)} could not be put back (only the contents and notes were kept)`);
  }
  // A copy of a replaced sheet that failed to get its backup name keeps the name Excel gave it
  // ("Force (2)"): listed, not deleted, as the user may have made such a copy too.
  const known = new Set([...before.sheets.map((s) => s.id), ...ours(written, now)]);
  const copyName = (name: string): boolean =>
    [...before.replaced.values()].some((r) => new RegExp(`^${escapeRegExp(r.name)} \\(\\d+\\)$`, 'i').test(name));
  const strangers = now.sheets.filter((s) => !known.has(s.id) && !copies.some((c) => c.copy === s.name) && copyName(s.name)).map((s) => s.name);
  if (strangers.length > 0) {
    left.push(
      `the ${strangers.length === 1 ? 'sheet' : 'sheets'} ${quoted(strangers)} ${strangers.length === 1 ? 'was' : 'were'} not there before and ${strangers.length === 1 ? 'is' : 'are'} left in place, as this load cannot tell ${strangers.length === 1 ? 'its copy' : 'its copies'} from the user's own (delete ${strangers.length === 1 ? 'it' : 'them'} if this load made ${strangers.length === 1 ? 'it' : 'them'})`,
    );
  }
  const gone = before.sheets.filter((s) => !now.sheets.some((n) => n.id === s.id)).map((s) => s.name);
  if (gone.length > 0) left.push(`the ${gone.length === 1 ? 'sheet' : 'sheets'} ${quoted(gone)} ${gone.length === 1 ? 'is' : 'are'} gone`);
  const unrestored = [...before.replaced.values()]
    .filter((r) => now.contents.has(r.id) && !sameContents(now.contents.get(r.id), r.contents))
    .map((r) => r.name);
  if (unrestored.length > 0) {
    left.push(`${quoted(unrestored)} still ${unrestored.length === 1 ? 'holds' : 'hold'} some of the new contents (the old could not be put back)`);
  }
  const planNames = new Set(plan.names.map((n) => lower(n.name)));
  const changed: string[] = [];
  for (const n of before.names) {
    const x = now.names.find((m) => lower(m.name) === lower(n.name));
    if (x === undefined || x.formula !== n.formula || x.comment !== n.comment) changed.push(n.name);
  }
  for (const n of now.names) {
    if (planNames.has(lower(n.name)) && !before.names.some((m) => lower(m.name) === lower(n.name))) changed.push(n.name);
  }
  if (changed.length > 0)
    left.push(`the ${changed.length === 1 ? 'name' : 'names'} ${quoted(changed)} ${changed.length === 1 ? 'differs' : 'differ'} from before`);
  return left;
}

/**
 * One pass of the undo (one `Excel.run`): reads the workbook, then puts back, each group in its own
 * sync so one that fails does not drop the others: the names, each replaced sheet's contents that
 * differ, then each sheet this write created is deleted. Returns what is left when nothing needed
 * changing (`null` when something was changed: read it back with `check`), and the first failure met.
 */
async function undoOnce(run: ExcelRun, plan: WorkbookPlan, before: Before, written: Undoing): Promise<{ left: string[] | null; failure: unknown }> {
  const replacedIds = [...before.replaced.values()].map((r) => r.id);
  return run(async (context) => {
    const now = await readNow(context, replacedIds, before.notes);
    const worksheets = context.workbook.worksheets;
    const groups: (() => boolean)[] = [];
    // The names: back to what they were, those the write added deleted.
    groups.push(() => {
      const names = context.workbook.names;
      let changes = 0;
      for (const n of plan.names) {
        const old = before.names.find((m) => lower(m.name) === lower(n.name));
        const present = now.names.find((m) => lower(m.name) === lower(n.name));
        if (old !== undefined && present !== undefined && (present.formula !== old.formula || present.comment !== old.comment)) {
          const item = names.getItem(old.name);
          item.formula = old.formula;
          item.comment = old.comment;
          changes++;
        } else if (old !== undefined && present === undefined) {
          names.add(old.name, old.formula, old.comment);
          changes++;
        } else if (old === undefined && present !== undefined) {
          names.getItem(present.name).delete();
          changes++;
        }
      }
      return changes > 0;
    });
    for (const r of before.replaced.values()) {
      if (!now.contents.has(r.id)) continue;
      const copy = copyOf(r.id, written, now);
      const backup = written.backups.find((b) => b.of === r.id);
      // A copy made (its id confirmed) and gone, not by this undo: the write's last batch applied and let it go.
      if (copy === undefined && backup?.id !== undefined && !written.restored.has(r.id)) written.looksLost.add(r.id);
      if (copy !== undefined) {
        // The copy has everything the sheet had: contents, looks, drop-downs, colour scales, notes.
        groups.push(() => {
          const ws = worksheets.getItem(r.id);
          deleteNotes(ws, now.contents.get(r.id)?.notes.length ?? 0);
          ws.getRange().clear();
          ws.getRange().copyFrom(worksheets.getItem(copy.id).getRange(), 'All');
          freezeAsBefore(ws, r.contents.panes);
          worksheets.getItem(copy.id).delete();
          written.restored.add(r.id);
          return true;
        });
        continue;
      }
      if (sameContents(now.contents.get(r.id), r.contents)) continue;
      groups.push(() => {
        // Clearing takes the looks too, and no copy of them is left: said so in what is left.
        written.looksLost.add(r.id);
        const ws = worksheets.getItem(r.id);
        deleteNotes(ws, now.contents.get(r.id)?.notes.length ?? 0);
        ws.getRange().clear();
        if (r.contents.address !== null) {
          const range = ws.getRange(r.contents.address);
          range.formulas = formulasToWrite(r.contents);
          range.numberFormat = r.contents.numberFormat.map((row) => [...row]);
        }
        for (const n of r.contents.notes) ws.notes.add(n.address, n.content);
        freezeAsBefore(ws, r.contents.panes);
        return true;
      });
    }
    for (const id of ours(written, now)) {
      groups.push(() => {
        worksheets.getItem(id).delete();
        return true;
      });
    }
    let failure: unknown;
    let changed = false;
    for (const group of groups) {
      if (!group()) continue;
      changed = true;
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per group, so one failure drops no other
        await context.sync();
      } catch (e) {
        failure ??= e;
      }
    }
    // What is left after changes is read in a run of its own (`check`).
    return { left: changed ? null : differences(plan, before, written, now), failure };
  });
}

/** Reads the workbook back (one `Excel.run`) and says what is not as it was. */
async function check(run: ExcelRun, plan: WorkbookPlan, before: Before, written: Undoing): Promise<string[]> {
  const ids = [...before.replaced.values()].map((r) => r.id);
  return run(async (context) => differences(plan, before, written, await readNow(context, ids, before.notes)));
}

/**
 * Undoes a failed write (two tries) and says what happened: `exact` when the workbook is read back
 * as it was before, else `message` lists every sheet and name still not as it was (or, when even
 * reading it back failed, what to check).
 */
export async function undoWrite(run: ExcelRun, plan: WorkbookPlan, before: Before, written: Written): Promise<{ exact: boolean; message: string }> {
  const undoing: Undoing = { ...written, looksLost: new Set<string>(), restored: new Set<string>() };
  let failure: unknown;
  let left: string[] | undefined;
  for (let attempt = 0; attempt < 2 && left?.length !== 0; attempt++) {
    try {
      const pass = await undoOnce(run, plan, before, undoing);
      failure = pass.failure ?? failure;
      left = pass.left ?? (await check(run, plan, before, undoing));
    } catch (e) {
      failure = e;
      left = undefined;
    }
  }
  if (left === undefined) {
    try {
      left = await check(run, plan, before, undoing);
    } catch {
      // Reported below: what is left could not be read.
    }
  }
  if (left?.length === 0)
    return { exact: true, message: 'The sheets it had created were removed and any replaced sheets restored; nothing else changed.' };
  const why = failure === undefined ? '' : ` (${errorDetail(failure)})`;
  if (left !== undefined) return { exact: false, message: `Undoing it was incomplete${why}: ${left.join('; ')}.` };
  const replaced = [...before.replaced.values()].map((r) => r.name);
  const added = plan.sheets.map((s) => s.name).filter((n) => !replaced.some((r) => lower(r) === lower(n)));
  const checks = [
    added.length > 0 ? `delete the new sheets among ${quoted(added)} if they are there` : '',
    replaced.length > 0 ? `check the replaced sheets ${quoted(replaced)}` : '',
    plan.names.length > 0 ? `check the names ${quoted(plan.names.map((n) => n.name))}` : '',
  ].filter((x) => x !== '');
  return { exact: false, message: `Undoing it failed too${why}, and what is left could not be read back: ${checks.join('; ')}.` };
}
