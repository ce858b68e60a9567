/**
 * A small helper for building a {@link SheetPlan} row by row, keeping every row the same width and
 * remembering where named rows landed so later formulas can point at them.
 */
import { address, type CellPlan, type CellRole, EMPTY, type SheetKind, type SheetPlan, type ValidationPlan } from './plan';

export type CellInput = CellPlan | string | number | null;

function cell(x: CellInput): CellPlan {
  return x === null || typeof x === 'string' || typeof x === 'number' ? { content: x } : x;
}

/** A cell with a role and optional format and note. */
export function c(content: CellPlan['content'], role: CellRole, format?: string, note?: string): CellPlan {
  return {
    content,
    role,
    ...(format === undefined ? {} : { format }),
    ...(note === undefined ? {} : { note }),
  };
}

export class SheetBuilder {
  private readonly rows: CellPlan[][] = [];
  private readonly validations: ValidationPlan[] = [];
  private readonly marks = new Map<string, number>();

  constructor(
    private readonly name: string,
    private readonly kind: SheetKind,
    private readonly widths: readonly number[],
  ) {}

  /** 0-based index of the next row. */
  get next(): number {
    return this.rows.length;
  }

  /** Appends a row (padded to the sheet's width); `mark` names it for {@link at}. Returns its index. */
  row(cells: readonly CellInput[] = [], mark?: string): number {
    if (cells.length > this.widths.length) {
      throw new Error(`${this.name}: a row of ${cells.length} cells is wider than the sheet (${this.widths.length})`);
    }
    const full = this.widths.map((_, i) => (i < cells.length ? cell(cells[i] ?? null) : EMPTY));
    this.rows.push(full);
    if (mark !== undefined) this.marks.set(mark, this.rows.length - 1);
    return this.rows.length - 1;
  }

  /** The address of column `col` (0-based) in the row marked `mark`. */
  at(mark: string, col: number, absolute = false): string {
    const r = this.marks.get(mark);
    if (r === undefined) throw new Error(`${this.name}: no row marked ${mark}`);
    return address(r, col, absolute);
  }

  validate(v: ValidationPlan): void {
    this.validations.push(v);
  }

  build(freeze?: SheetPlan['freeze']): SheetPlan {
    return {
      name: this.name,
      kind: this.kind,
      cells: this.rows,
      columnWidths: this.widths,
      validations: this.validations,
      ...(freeze === undefined ? {} : { freeze }),
    };
  }
}
