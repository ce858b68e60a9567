/**
 * A small helper for building a {@link SheetPlan} row by row, keeping every row the same width,
 * remembering where named rows landed so later formulas can point at them, and recording the
 * plan's anchors (where each labelled value, assumption and table is) as the rows are laid out.
 */
import type { SheetCell } from './a1';
import {
  address,
  type AssumptionAnchor,
  type CellPlan,
  type CellRole,
  EMPTY,
  type FundTableAnchor,
  type HeadlineAnchor,
  type LineAnchor,
  type SheetKind,
  type SheetPlan,
  type ValidationPlan,
} from './plan';

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
  private readonly lines: LineAnchor[] = [];
  private readonly headlines: HeadlineAnchor[] = [];
  private readonly assumptions: AssumptionAnchor[] = [];
  private fundTable: FundTableAnchor | undefined;

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
    return address(this.rowOf(mark), col, absolute);
  }

  /** The 0-based index of the row marked `mark`. */
  rowOf(mark: string): number {
    const r = this.marks.get(mark);
    if (r === undefined) throw new Error(`${this.name}: no row marked ${mark}`);
    return r;
  }

  /** The content of cell (`row`, `col`) laid out so far (0-based); `undefined` outside. */
  content(row: number, col: number): CellPlan['content'] | undefined {
    return this.rows[row]?.[col]?.content;
  }

  /** Cell (`row`, `col`) of this sheet (0-based) as a sheet reference. */
  ref(row: number, col: number): SheetCell {
    return { sheet: this.name, address: address(row, col) };
  }

  /**
   * Records row `row` as a labelled value: its label is the text in column A, its value in column
   * `col`, its unit the text just right of the value. With `headline`, it is also a headline output
   * with that id. The row must be laid out already, so the anchor says what the cells say.
   */
  line(row: number, col: number, headline?: string): LineAnchor {
    const cells = this.rows[row];
    if (cells === undefined) throw new Error(`${this.name}: no row ${row + 1} yet`);
    const label = cells[0]?.content;
    const unit = cells[col + 1]?.content ?? '';
    if (typeof label !== 'string' || label === '') throw new Error(`${this.name}: row ${row + 1} has no label in column A`);
    if (typeof unit !== 'string') throw new Error(`${this.name}: row ${row + 1} has no unit beside its value`);
    const anchor: LineAnchor = { label, unit, cell: this.ref(row, col) };
    this.lines.push(anchor);
    if (headline !== undefined) this.headlines.push({ id: headline, ...anchor });
    return anchor;
  }

  /** Records an assumption's row. */
  assumption(anchor: AssumptionAnchor): void {
    this.assumptions.push(anchor);
  }

  /** Records the sheet's country table (one a sheet). */
  table(anchor: FundTableAnchor): void {
    if (this.fundTable !== undefined) throw new Error(`${this.name}: a second fund table`);
    this.fundTable = anchor;
  }

  validate(v: ValidationPlan): void {
    this.validations.push(v);
  }

  build(freeze?: SheetPlan['freeze']): SheetPlan {
    const anchored = this.lines.length > 0 || this.assumptions.length > 0 || this.fundTable !== undefined;
    return {
      name: this.name,
      kind: this.kind,
      cells: this.rows,
      columnWidths: this.widths,
      validations: this.validations,
      ...(freeze === undefined ? {} : { freeze }),
      ...(anchored
        ? {
            anchors: {
              lines: this.lines,
              headlines: this.headlines,
              assumptions: this.assumptions,
              ...(this.fundTable === undefined ? {} : { fundTable: this.fundTable }),
            },
          }
        : {}),
    };
  }
}
