/**
 * What the Excel writer records of a sheet before it changes it, and reads back afterwards: the
 * shapes the plan writer (`writer.ts`) and the undo (`undo.ts`) share, and the reads of a sheet's
 * contents and notes.
 */

/** A sheet as the workbook names it, with its id. */
export interface SheetId {
  readonly name: string;
  readonly id: string;
}

/** A defined name with its reference and comment. */
export interface NameState {
  readonly name: string;
  readonly formula: string;
  readonly comment: string;
}

/** A sheet's contents: its used range (`A1:D20`, `null` when empty), formulas, number formats and value types there. */
export interface Contents {
  readonly address: string | null;
  readonly formulas: readonly (readonly unknown[])[];
  readonly numberFormat: readonly (readonly unknown[])[];
  /** `String` marks text, which goes back with a leading `'` so Excel does not read `0123` or `2024-08` as a number or a date. */
  readonly valueTypes: readonly (readonly unknown[])[];
  /** The sheet's notes, in order (empty where notes are not supported: ExcelApi 1.18). */
  readonly notes: readonly { readonly address: string; readonly content: string }[];
  /** The frozen cells as `freezePanes.getLocationOrNullObject` gives them (`1:2`, `A:B`, `A1:B2`), `null` when none. */
  readonly panes: string | null;
}

/** The hidden copy of a sheet being replaced, kept until the write is confirmed. */
export interface Backup {
  /** The id of the sheet it copies. */
  readonly of: string;
  /** Its name, which no other sheet has (`DefEcon backup 3k9x2 1`). */
  readonly name: string;
  /** Its id, once the sync that made it is confirmed. */
  id: string | undefined;
}

/** The workbook before a write: its sheets, its names, and the sheets being replaced with their contents (by lower-case name). */
export interface Before {
  /** Whether notes are read and written (ExcelApi 1.18). */
  readonly notes: boolean;
  readonly sheets: readonly SheetId[];
  readonly names: readonly NameState[];
  readonly replaced: ReadonlyMap<string, SheetId & { readonly contents: Contents }>;
}

/** What a failed write did, as far as the writer knows. */
export interface Written {
  /** Ids of the sheets it created and saw confirmed. */
  readonly created: readonly string[];
  /** The names each new sheet is added under before its rename (one only this write uses): a sheet still so named is ours. */
  readonly temporary: readonly string[];
  /** The copies of the sheets being replaced. */
  readonly backups: readonly Backup[];
}

/** The block part of an address Excel gives with its sheet (`'Force (2)'!A1:D9` → `A1:D9`). */
function blockOf(reference: string): string {
  return reference.slice(reference.lastIndexOf('!') + 1);
}

/**
 * Reads the contents of the sheets `ids` ({@link Contents}): used ranges and note counts (1 sync),
 * then each note's text and cell (1 more sync when there are notes and `notes` is true).
 */
export async function readContents(context: Excel.RequestContext, ids: readonly string[], notes: boolean): Promise<Map<string, Contents>> {
  const worksheets = context.workbook.worksheets;
  const reads = ids.map((id) => {
    const ws = worksheets.getItem(id);
    return {
      id,
      ws,
      used: ws.getUsedRangeOrNullObject().load('address,formulas,numberFormat,valueTypes'),
      panes: ws.freezePanes.getLocationOrNullObject().load('address'),
      count: notes ? ws.notes.getCount() : undefined,
    };
  });
  await context.sync();
  const located = reads.map((r) =>
    Array.from({ length: r.count?.value ?? 0 }, (_, i) => {
      const note = r.ws.notes.getItemAt(i).load('content');
      return { note, cell: note.getLocation().load('address') };
    }),
  );
  if (located.some((l) => l.length > 0)) await context.sync();
  const out = new Map<string, Contents>();
  reads.forEach((r, k) => {
    const noteList = (located[k] ?? []).map((l) => ({ address: blockOf(l.cell.address), content: String(l.note.content) }));
    const used = r.used;
    const panes = r.panes.isNullObject ? null : blockOf(r.panes.address);
    out.set(
      r.id,
      used.isNullObject
        ? { address: null, formulas: [], numberFormat: [], valueTypes: [], notes: noteList, panes }
        : {
            address: blockOf(used.address),
            formulas: used.formulas,
            numberFormat: used.numberFormat,
            valueTypes: used.valueTypes,
            notes: noteList,
            panes,
          },
    );
  });
  return out;
}

/** Queues deleting every one of a sheet's `count` notes (each time the first; no sync). */
export function deleteNotes(ws: Excel.Worksheet, count: number): void {
  for (let i = 0; i < count; i++) ws.notes.getItemAt(0).delete();
}
