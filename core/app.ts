/**
 * The one entry every host and the ui call: detect what a sheet holds, and build a report plan.
 * Hosts read cells, call these, and apply the plan; they know nothing about grades.
 */
import type { ColumnInfo, ColumnMappingOverride, Grid, Problem, Settings, SubjectCode } from './types';
import type { ReportPlan } from './report/plan';

/** A rectangle read from a host: the sheet's name, its values, and where values[0][0] sits. */
export interface SheetData {
  sheet: string;
  values: Grid;
  /** 0-based position of values[0][0] on the sheet (a selection need not start at A1). */
  origin?: { row: number; col: number };
  /**
   * The delimited text `values` was split from, when the sheet is a text export (the CLI's .txt/.csv):
   * readers may read it line by line instead of the grid. `values` must equal `parseDelimited(text)`.
   */
  text?: string;
}

export type DataKind = 'grades' | 'tests' | 'attendance' | 'lessons' | 'survey' | 'unknown';

/** What the pane shows after reading a sheet: what it is, what was mapped, and what is wrong. */
export interface Detection {
  sheet: string;
  kind: DataKind;
  /** 1-based header row, null for headerless SCB files. */
  headerRow: number | null;
  layout: string;
  /** Number of pupils (or respondents) found. */
  pupils: number;
  subjects: SubjectCode[];
  columns: ColumnInfo[];
  unmapped: string[];
  problems: Problem[];
}

export interface DetectOptions {
  mapping?: ColumnMappingOverride;
  settings?: Settings;
  /** Today's date, for the century of 10-digit personnummer; core reads no clock. */
  now?: Date;
}

/** `kontroll` lists the input problems with their addresses (for hosts without a pane, such as the CLI). */
export type ReportKind = 'elevlista' | 'atgardslista' | 'namndrapport' | 'narvaro' | 'progression' | 'kontroll' | 'narvaroplan' | 'historik' | 'mal' | 'jamforelse'
  /** One sheet per class (keys `resultatdialog_…`), made when earlier files of the same pupils are given (issue 15). */
  | 'resultatdialog';
/** `narvaroplan` is a create-once sheet (`SheetPlan.createOnly`): written only when the workbook has none. */
export const REPORT_KINDS: readonly ReportKind[] = ['namndrapport', 'elevlista', 'atgardslista', 'narvaro', 'progression', 'resultatdialog', 'kontroll', 'historik', 'jamforelse', 'narvaroplan', 'mal'];
/** Keys of the create-once sheets: the school's own after they are made, read as input, never replaced or skipped. */
export const CREATE_ONCE_KINDS: readonly ReportKind[] = ['narvaroplan', 'mal'];

export interface ReportInputs {
  grades: SheetData;
  /** SCB national-test file (or a sheet with test grades). */
  tests?: SheetData;
  attendance?: SheetData;
  /**
   * The workbook's Närvaroplan sheet (the school's ladder, bands and rapporteringsgrad threshold), when
   * it has one; without it the default plan is used and the report offers the sheet (`narvaroplan`).
   */
  attendancePlan?: SheetData;
  /** The earlier term's or year's grades, for progression and the "previous" column. */
  previous?: SheetData;
  /**
   * Earlier grade files for the Historik (the CLI's repeated `--previous`), each with its file name when
   * it is a file; each one's period comes from its data or names. `previous` may be one of them.
   */
  earlier?: { grades: SheetData; file?: string }[];
  /**
   * The workbook's Historik sheet as it is (rows a principal typed included): the report keeps every
   * row of the periods it does not compute and writes the merge back (`historik`, a generated sheet).
   */
  history?: SheetData;
  /** The workbook's Mål sheet (the board's targets and comments, made once by an earlier report, then the school's). */
  targets?: SheetData;
  /** The workbook's Jämförelsetal sheet (benchmarks imported earlier), read back and merged with new imports. */
  benchmarks?: SheetData;
  /**
   * Downloaded benchmark files to import into Jämförelsetal, read by the host: the text of a JSON or
   * CSV file, or the sheets of an .xlsx (Kolada's API response or export, Skolverket's PxWeb CSV).
   */
  benchmarkFiles?: { name: string; text?: string; sheets?: SheetData[] }[];
  survey?: SheetData;
  /** The survey's question sheet (item → area, reversed items); a default mapping otherwise. */
  surveyQuestions?: SheetData;
  /** Column mapping overrides for the grades sheet. */
  mapping?: ColumnMappingOverride;
  /** Source names shown on the Nämndrapport (file or sheet names). */
  sources?: string[];
  /** Period of the grades (`VT2026`, `Vårterminen 2026`) overriding what the data and names say. */
  period?: string;
  /** File name of the grades (a term in it, `Betyg HT2024.xlsx`, names the period when the sheet's name does not). */
  gradesFile?: string;
  /** National reference figures the user entered or chose (sourced only), by indicator key. */
  reference?: { label: string; source: string; values: Record<string, number> };
}

export interface ReportResult {
  plan: ReportPlan;
  problems: Problem[];
}

export { detect, buildReport } from './report/build';
