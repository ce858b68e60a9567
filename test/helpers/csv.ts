/**
 * Test helpers for cross-checking the typed data against `shared/reference/*.csv`, which exists
 * only in the development checkout (a user's machine has no `../shared`).
 */
import * as fs from 'fs';
import * as path from 'path';

/** `shared/reference`, next to the repository root. */
export const REFERENCE_DIR = path.resolve(__dirname, '../../../shared/reference');

/** `describe` when the reference folder exists, else `describe.skip` (reported as skipped). */
export const describeIfReference: jest.Describe = fs.existsSync(REFERENCE_DIR) ? describe : describe.skip;

export type CsvRow = Readonly<Record<string, string>>;

/**
 * Parses RFC 4180-style CSV: comma-separated fields, optionally double-quoted, where a quoted
 * field may hold commas, line breaks and doubled quotes (`""`). The first record is the header.
 */
export function parseCsv(text: string): CsvRow[] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header, ...body] = records.filter((r) => !(r.length === 1 && r[0] === ''));
  if (header === undefined) return [];
  return body.map((r) => {
    if (r.length !== header.length) {
      throw new Error(`CSV record has ${r.length} fields, header has ${header.length}: ${r.join(',')}`);
    }
    return Object.fromEntries(header.map((name, i) => [name, r[i] ?? '']));
  });
}

/** Reads and parses one file of the reference folder. */
export function readReferenceCsv(file: string): CsvRow[] {
  // Without the reference folder (a clone on its own) the suites that use this are skipped, but
  // Jest still runs their describe bodies: give them no rows rather than failing to collect.
  if (!fs.existsSync(REFERENCE_DIR)) return [];
  return parseCsv(fs.readFileSync(path.join(REFERENCE_DIR, file), 'utf8'));
}

/** The cell `column` of `row`; throws when the column does not exist. */
export function cell(row: CsvRow, column: string): string {
  const v = row[column];
  if (v === undefined) throw new Error(`No column ${column}`);
  return v;
}

/** The cell as a number (`undefined` for an empty cell); throws on text that is not a number. */
export function num(row: CsvRow, column: string): number | undefined {
  const v = cell(row, column).trim();
  if (v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`Not a number in ${column}: ${v}`);
  return n;
}
