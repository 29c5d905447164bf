/**
 * ReportPlan: a host-free description of the sheets Skolanalys writes. core builds plans; the
 * Excel, Sheets and CLI executors apply them and decide nothing about content. Plans are plain,
 * JSON-serialisable data and deterministic for the same input and settings.
 *
 * Coordinates are 0-based (row 0 = sheet row 1, col 0 = column A).
 */

/** A value written to a cell. Shares are fractions (0.853) with a `0.0%` format; `..`/`.` are text. */
export type PlanValue = string | number | boolean | null;

/** A rectangle on the plan's own sheet, 0-based. */
export interface PlanRange {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Formatting applied to a whole rectangle (one host call per style, never per cell). */
export interface PlanStyle {
  /** Relative to the block's top-left cell. */
  range: PlanRange;
  bold?: boolean;
  italic?: boolean;
  /** Background, `#RRGGBB`. */
  fill?: string;
  /** Font colour, `#RRGGBB`. */
  fontColor?: string;
  /** Font size in points. */
  fontSize?: number;
  horizontalAlignment?: 'left' | 'center' | 'right';
  wrap?: boolean;
  /** Thin border around every cell of the range. */
  border?: boolean;
}

/**
 * Number formats use Excel's invariant codes (`0.0%`, `0.0`, `0`, `@`); Sheets accepts the same.
 * Text cells (`..`, `.`) are unaffected by a number format.
 */
export interface PlanBlock {
  /** Stable id within the sheet (`headline`, `subjects`, …). */
  id: string;
  row: number;
  col: number;
  /** Rectangular: every row has the same length. */
  values: PlanValue[][];
  /** Per column of the block (length = columns), null = General. */
  columnFormats?: (string | null)[];
  styles?: PlanStyle[];
  /** Render as a filterable table (Excel table / Sheets filter); first row is the header. */
  table?: { name: string; style?: string };
}

/** A highlight that follows the value (one rule per range, not per cell). */
export interface PlanConditionalFormat {
  range: PlanRange;
  /** Cell text equals `text` (e.g. the level name `Hög`). */
  when: { equals: string | number } | { greaterOrEqual: number } | { lessThan: number };
  fill: string;
  fontColor?: string;
}

export type ChartType = 'column' | 'bar' | 'stackedColumn' | 'stackedBar' | 'percentStackedBar' | 'line' | 'pie';

/** A native chart over a rectangle of this sheet: first row = series names, first column = categories. */
export interface PlanChart {
  id: string;
  type: ChartType;
  title: string;
  /** Absolute range on this sheet including the header row and the category column. */
  data: PlanRange;
  /** Series run down the columns (default) or along the rows. */
  seriesBy?: 'columns' | 'rows';
  /** Top-left cell where the chart is placed, and its size in pixels. */
  anchor: { row: number; col: number; width: number; height: number };
  yAxisTitle?: string;
  /** Value axis as percent, 0–1. */
  percentAxis?: boolean;
}

export interface SheetPlan {
  /**
   * Stable machine key (`namndrapport`, `elevlista`, …). Executors store it as a marker that
   * survives renaming (Excel custom property, Sheets developer metadata, xlsx defined name),
   * so regenerating replaces exactly the add-in's own sheets.
   */
  key: string;
  /** Visible sheet name, ≤ 31 characters, no `[]:*?/\`. */
  name: string;
  /** True when the sheet holds personnummer or names; its title row then says so. */
  personalData: boolean;
  tabColor?: string;
  frozenRows?: number;
  frozenColumns?: number;
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
  /**
   * Heights in points of rows whose wrapped text needs more than one line (0-based rows): hosts that
   * do not fit rows to wrapped text themselves write them (SpreadsheetML `<row ht=".." customHeight="1">`).
   */
  rowHeights?: { row: number; points: number }[];
  blocks: PlanBlock[];
  /**
   * Printing (board papers are printed): orientation, fit to page width, and the area to print.
   * `fitToWidth: false` with `scale` prints at that percentage on A4 (SpreadsheetML `<pageSetup
   * paperSize="9" scale="85"/>` and no `fitToPage`); `repeatRows` are printed at the top of every page
   * (`_xlnm.Print_Titles` = `'Sheet'!$1:$1`); `rowBreaks` are 0-based rows that start a new page
   * (`<rowBreaks><brk id="{row}" max="16383" man="1"/></rowBreaks>`).
   */
  print?: {
    orientation: 'portrait' | 'landscape';
    fitToWidth: boolean;
    area?: PlanRange;
    /** Percent, 10–400; used when `fitToWidth` is false. */
    scale?: number;
    /** 0-based rows, inclusive, repeated at the top of each printed page. */
    repeatRows?: { from: number; to: number };
    /** 0-based rows that begin a new printed page (manual page breaks between blocks). */
    rowBreaks?: number[];
    /** Page margins in inches; hosts use their defaults (0.7 / 0.75 in) without it. */
    margins?: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  };
  conditionalFormats?: PlanConditionalFormat[];
  charts?: PlanChart[];
  /**
   * A sheet the tool creates once and the school then owns (the Närvaroplan): a host writes it only
   * when the workbook has no sheet with this plan's marker `key` (nor, without any marker, a sheet of
   * this `name`). When one exists the host writes nothing to it, never removes or replaces it when
   * regenerating, and still reads it as input (it must not be skipped as one of the tool's own sheets).
   * The host hands its values to core (`ReportInputs.attendancePlan`), which reads the rules from them.
   */
  createOnly?: boolean;
}

export interface ReportPlan {
  /** Always `skolanalys`; with `version` it identifies plans in stored markers. */
  generator: 'skolanalys';
  version: number;
  sheets: SheetPlan[];
}

export const PLAN_VERSION = 1;
