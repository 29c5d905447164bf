/**
 * A small top-to-bottom layout helper for building SheetPlans: titles, lines of text and tables
 * stacked with a cursor, so builders say what goes on a sheet and not where every cell sits.
 */
import type { ChartType, PlanBlock, PlanChart, PlanConditionalFormat, PlanRange, PlanStyle, PlanValue, SheetPlan } from './plan';
import type { Figure } from '../types';
import { pixelLines } from './text-width';

export const COLORS = {
  title: '#1F3864',
  headerFill: '#D9E1F2',
  subtleFill: '#F2F2F2',
  personalFill: '#FCE4D6',
  good: '#C6EFCE',
  goodText: '#006100',
  bad: '#FFC7CE',
  badText: '#9C0006',
  warn: '#FFEB9C',
  warnText: '#9C5700',
  severe: '#F4B084',
} as const;

/** Format codes (Excel invariant; Sheets accepts them too). */
export const FMT = {
  percent: '0.0%',
  oneDecimal: '0.0',
  integer: '0',
  /** Change in percentage points, signed. */
  points: '+0.0;-0.0;0.0',
  text: '@',
} as const;

/** A figure as a cell value: numbers stay numbers, `..` and `.` stay text. */
export function figureCell(f: Figure | undefined): PlanValue {
  return f === undefined ? '.' : f;
}

export interface TableOptions {
  /** Format per column (length = header length), null = General. */
  formats?: (string | null)[];
  /** Make a filterable table of it (Excel table / Sheets filter). */
  tableName?: string;
  /** Extra styles relative to the table block. */
  styles?: PlanStyle[];
  /** Bold first column (row labels). */
  boldFirstColumn?: boolean;
  /** Wrap the first column's labels (a narrow label column on a printed page). */
  wrapFirstColumn?: boolean;
  /** Start column (default 0). */
  col?: number;
  /**
   * Number format per body row (overrides `formats` for that row), for tables whose rows mix
   * shares and points. Rows with the same format are written as one block.
   */
  rowFormats?: (string | null)[];
}

/** The style of a table's label column: bold and/or wrapped, with no keys for what is not set. */
function labelStyle(o: TableOptions): Omit<PlanStyle, 'range'> {
  return { ...(o.boldFirstColumn ? { bold: true } : {}), ...(o.wrapFirstColumn ? { wrap: true } : {}) };
}

/**
 * How a printed sheet (the Nämndrapport) is laid out, beyond what each block says: smaller header rows,
 * so long words stay whole in narrow columns, and charts side by side in slots, so charts do not
 * take a page each.
 */
export interface PrintLayout {
  /** Font size of tables' header rows, points. */
  headerFontSize?: number;
  /**
   * Charts placed left to right in these slots (start column and width in px), a band of `height` px;
   * a chart asked taller than 300 px (one bar per subject) gets a band of its own, as wide as all slots
   * and `height` / 300 of its asked height.
   */
  chartSlots?: { slots: { col: number; width: number }[]; height: number };
  /** Px of text a line may hold from column A to the printed edge; longer lines go on below. */
  lineWidth?: number;
  /** Px the label column may take at most: where the second cell of a two-cell line begins. */
  labelWidth?: number;
}

export class SheetBuilder {
  private readonly blocks: PlanBlock[] = [];
  private readonly charts: PlanChart[] = [];
  private readonly conditional: PlanConditionalFormat[] = [];
  private row = 0;
  private maxCols = 1;
  /** The band of slotted charts the cursor is right after, while nothing else has been added. */
  private band: { row: number; end: number; used: number } | null = null;

  constructor(
    private readonly key: string,
    private readonly name: string,
    private readonly personalData: boolean,
    private readonly layout: PrintLayout = {},
  ) {}

  /** Current (next free) 0-based row. */
  get cursor(): number {
    return this.row;
  }

  /** The sheet's title row, large and bold; personal-data sheets say so in it. */
  title(text: string): this {
    this.blocks.push({
      id: `title`,
      row: this.row,
      col: 0,
      values: [[text]],
      styles: [{ range: { row: 0, col: 0, rows: 1, cols: 1 }, bold: true, fontSize: 16, fontColor: COLORS.title }],
    });
    this.row += 1;
    return this;
  }

  /**
   * A line of text (label: value pairs or a sentence), optionally styled. On a printed sheet, text in
   * its last cell wider than the page goes on in lines below (`${id}-2`, …): beyond the printed columns
   * it would be cut off on paper.
   */
  line(id: string, cells: PlanValue[], style: Omit<PlanStyle, 'range'> = {}): this {
    const room = this.layout.lineWidth && cells.length <= 2 ? this.layout.lineWidth - (cells.length === 2 ? this.layout.labelWidth ?? 0 : 0) : 0;
    const last = cells[cells.length - 1];
    if (room > 0 && typeof last === 'string' && !style.wrap) {
      const lines = pixelLines(last, room, style.fontSize ?? 11, !!style.bold);
      if (lines.length > 1) {
        lines.forEach((l, i) => this.addLine(i === 0 ? id : `${id}-${i + 1}`, [...(i === 0 ? cells.slice(0, -1) : cells.slice(0, -1).map(() => null)), l], style));
        return this;
      }
    }
    return this.addLine(id, cells, style);
  }

  private addLine(id: string, cells: PlanValue[], style: Omit<PlanStyle, 'range'>): this {
    this.maxCols = Math.max(this.maxCols, cells.length);
    const hasStyle = Object.keys(style).length > 0;
    this.blocks.push({
      id,
      row: this.row,
      col: 0,
      values: [cells],
      styles: hasStyle ? [{ range: { row: 0, col: 0, rows: 1, cols: cells.length }, ...style }] : undefined,
    });
    this.row += 1;
    return this;
  }

  /** A section heading above a table. */
  heading(id: string, text: string): this {
    return this.line(id, [text], { bold: true, fontSize: 12, fontColor: COLORS.title });
  }

  blank(n = 1): this {
    this.row += n;
    return this;
  }

  /**
   * A table: bold, filled header row then body rows. Returns the absolute range of the whole
   * table (header included) so charts can point at it.
   */
  table(id: string, header: string[], rows: PlanValue[][], options: TableOptions = {}): PlanRange {
    const cols = header.length;
    for (const r of rows) {
      if (r.length !== cols) throw new Error(`table ${id}: row of ${r.length} cells under a header of ${cols}`);
    }
    const col = options.col ?? 0;
    const styles: PlanStyle[] = [
      { range: { row: 0, col: 0, rows: 1, cols }, bold: true, fill: COLORS.headerFill, wrap: true, border: true, ...(this.layout.headerFontSize ? { fontSize: this.layout.headerFontSize } : {}) },
    ];
    if (rows.length > 0) styles.push({ range: { row: 1, col: 0, rows: rows.length, cols }, border: true });
    if ((options.boldFirstColumn || options.wrapFirstColumn) && rows.length > 0) styles.push({ range: { row: 1, col: 0, rows: rows.length, cols: 1 }, ...labelStyle(options) });
    styles.push(...(options.styles ?? []));
    if (options.rowFormats && rows.length > 0) {
      // Plans format by column; rows of different formats become separate blocks (still a
      // handful per table, never one per pupil).
      this.blocks.push({ id: `${id}-header`, row: this.row, col, values: [header], styles: [styles[0]] });
      let start = 0;
      while (start < rows.length) {
        const fmt = options.rowFormats[start] ?? null;
        let end = start + 1;
        while (end < rows.length && (options.rowFormats[end] ?? null) === fmt) end++;
        const n = end - start;
        const runStyles: PlanStyle[] = [{ range: { row: 0, col: 0, rows: n, cols }, border: true }];
        if (options.boldFirstColumn || options.wrapFirstColumn) runStyles.push({ range: { row: 0, col: 0, rows: n, cols: 1 }, ...labelStyle(options) });
        this.blocks.push({
          id: `${id}-${start + 1}`,
          row: this.row + 1 + start,
          col,
          values: rows.slice(start, end),
          // With rowFormats, a non-null entry of `formats` overrides the row's format in that column.
          columnFormats: header.map((_, i) => options.formats?.[i] ?? (i === 0 ? null : fmt)),
          styles: runStyles,
        });
        start = end;
      }
      const range = { row: this.row, col, rows: rows.length + 1, cols };
      this.maxCols = Math.max(this.maxCols, col + cols);
      this.row += rows.length + 1;
      return range;
    }
    const block: PlanBlock = {
      id,
      row: this.row,
      col,
      values: [header, ...rows],
      columnFormats: options.formats,
      styles,
    };
    if (options.tableName) block.table = { name: options.tableName };
    this.blocks.push(block);
    const range = { row: this.row, col, rows: rows.length + 1, cols };
    this.maxCols = Math.max(this.maxCols, col + cols);
    this.row += rows.length + 1;
    return range;
  }

  /** A table placed at a fixed position beside the flow (chart data); does not move the cursor. */
  sideTable(id: string, row: number, col: number, header: string[], rows: PlanValue[][], formats?: (string | null)[]): PlanRange {
    this.blocks.push({
      id,
      row,
      col,
      values: [header, ...rows],
      columnFormats: formats,
      styles: [{ range: { row: 0, col: 0, rows: 1, cols: header.length }, bold: true, fill: COLORS.subtleFill }],
    });
    return { row, col, rows: rows.length + 1, cols: header.length };
  }

  /** A chart placed at the cursor; moves the cursor below it (rows of 20 px). */
  chart(id: string, type: ChartType, title: string, data: PlanRange, opts: { percentAxis?: boolean; yAxisTitle?: string; seriesBy?: 'columns' | 'rows'; height?: number; width?: number; col?: number; beside?: { row: number; col: number } } = {}): this {
    const push = (anchor: PlanChart['anchor']) => this.charts.push({ id, type, title, data, seriesBy: opts.seriesBy ?? 'columns', anchor, percentAxis: opts.percentAxis, yAxisTitle: opts.yAxisTitle });
    const asked = opts.height ?? 300;
    const grid = this.layout.chartSlots;
    if (opts.beside) {
      // In the empty columns right of a table already written: no rows of its own.
      push({ row: opts.beside.row, col: opts.beside.col, width: opts.width ?? 300, height: grid?.height ?? asked });
      return this;
    }
    if (!grid) {
      push({ row: this.row, col: opts.col ?? 0, width: opts.width ?? 640, height: asked });
      this.row += Math.ceil(asked / 20) + 1;
      return this;
    }
    const { slots } = grid;
    if (asked > 300) {
      // A tall chart (a bar per subject): a band of its own across all slots.
      const height = Math.round((asked * grid.height) / 300);
      push({ row: this.row, col: slots[0].col, width: slots.reduce((n, s) => n + s.width, 0), height });
      this.row += Math.ceil(height / 20) + 1;
      this.band = null;
      return this;
    }
    // Beside the previous chart when nothing came between them and a slot is free; else a new band.
    if (this.band && this.band.end === this.row && this.band.used < slots.length) {
      const slot = slots[this.band.used++];
      push({ row: this.band.row, col: slot.col, width: slot.width, height: grid.height });
      return this;
    }
    push({ row: this.row, col: slots[0].col, width: slots[0].width, height: grid.height });
    this.band = { row: this.row, end: this.row + Math.ceil(grid.height / 20) + 1, used: 1 };
    this.row = this.band.end;
    return this;
  }

  highlight(cf: PlanConditionalFormat): this {
    this.conditional.push(cf);
    return this;
  }

  build(extra: Partial<Pick<SheetPlan, 'frozenRows' | 'frozenColumns' | 'columnWidths' | 'tabColor' | 'print'>> = {}): SheetPlan {
    const plan: SheetPlan = {
      key: this.key,
      name: this.name,
      personalData: this.personalData,
      blocks: this.blocks,
    };
    if (extra.tabColor) plan.tabColor = extra.tabColor;
    if (extra.frozenRows) plan.frozenRows = extra.frozenRows;
    if (extra.frozenColumns) plan.frozenColumns = extra.frozenColumns;
    if (extra.columnWidths) plan.columnWidths = extra.columnWidths;
    if (extra.print) plan.print = extra.print;
    if (this.conditional.length) plan.conditionalFormats = this.conditional;
    if (this.charts.length) plan.charts = this.charts;
    return plan;
  }
}
