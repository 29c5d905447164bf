/**
 * Shared data shapes of core. Every module of core, every host and the ui build on these;
 * change them only together with all their users.
 */

/** A cell value as a host delivers it (Excel, Sheets, ExcelJS, a parsed text file). */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A rectangle of cell values, rows first. Rows may differ in length (text files). */
export type Grid = ReadonlyArray<ReadonlyArray<CellValue>>;

/** User-facing language. Swedish is the default everywhere. */
export type Lang = 'sv' | 'en';

/**
 * A rejected or doubtful input cell (or row, or file). Nothing is silently dropped:
 * every such case becomes one of these, with an address a user can click.
 */
export interface Problem {
  /** Sheet-qualified A1 address, e.g. `Betyg!F12`; a whole row is `Betyg!A12` (its first cell). */
  cell: string;
  /** The value found, as read (may be `null` for an empty cell). */
  value: unknown;
  /** Human text in the chosen language, naming what was wrong and what was expected. */
  message: string;
  /** Stable key into the i18n catalogue (`grade.invalid`, `pnr.checksum`, …). */
  code: string;
  /** `error`: the value was not used. `warning`: used, but worth a look. */
  severity: 'error' | 'warning';
}

/** Legal gender as Skolverket reports it: F = flicka, M = pojke; null = unknown (never guessed). */
export type Gender = 'F' | 'M' | null;

/** SCB/Skolverket subject codes. `No`/`So` are the åk 6 block grades. */
export type SubjectCode =
  | 'Sv' | 'Sva' | 'En' | 'Ma' | 'Bi' | 'Fy' | 'Ke' | 'Tk' | 'Ge' | 'Hi' | 'Re' | 'Sh'
  | 'Bl' | 'Hkk' | 'Idh' | 'Mu' | 'Sl' | 'M1' | 'M2' | 'ML' | 'Tn' | 'OVR' | 'No' | 'So';

/** A–F marks, and the old scale (MVG/VG/G/IG) for history only; never mixed in one table. */
export type GradeMark = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'MVG' | 'VG' | 'G' | 'IG';

/** Which grade scale a table is read in. `AF` is the current one (2011–). */
export type GradeScaleId = 'AF' | 'old';

/**
 * A parsed grade cell. Streck (SCB 9), not studied (SCB 3), not applicable (SCB 2) and missing
 * (empty) are kept distinct from F in every count (domain §1).
 */
export type GradeEntry =
  | { kind: 'grade'; mark: GradeMark }
  | { kind: 'streck' }
  | { kind: 'notStudied' }
  | { kind: 'notApplicable' }
  | { kind: 'missing' }
  /**
   * SCB's åk 6 codes [C: SCB datafilsbeskrivning betyg åk 6 vt2026]: `Y` "ej erhållit
   * kunskapsrelaterade betyg" (waldorf and international schools), `Z` "ej undervisats i ämnet i åk 6".
   * Not results: no grade, no pass, no fail; counted in the data-quality table.
   */
  | { kind: 'code'; code: 'Y' | 'Z' };

/** One subject result of one pupil. */
export interface SubjectGrade {
  subject: SubjectCode;
  /** ISO 639-3 language code for M1/M2/ML (`SPA`, `DEU`, …), normalised (GER→DEU, FRE→FRA). */
  language?: string;
  entry: GradeEntry;
  /** Where it was read, e.g. `Betyg!F12`. */
  cell?: string;
}

/** One pupil's grade record as read from a sheet or file. */
export interface PupilRecord {
  /** 1-based row number in the source sheet (the first row of the pupil in a long layout). */
  row: number;
  /** Normalised 12-digit personnummer when there is one, else the id column's value. */
  id: string;
  /** Normalised personnummer (12 chars, `ååååmmddnnnk` or `ååååmmddTFnn`), or null. */
  personnummer: string | null;
  firstName?: string;
  lastName?: string;
  className: string | null;
  /** Skolenhetskod or school name as found. */
  school: string | null;
  gender: Gender;
  /** Explicit English exemption (dispens) flag column; never inferred. */
  englishExemption?: boolean;
  /** A "nyanländ" yes/no column's value (issue 15); undefined without such a column. */
  newlyArrived?: boolean;
  /** Arrival in Sweden (`åååå-mm-dd`) from an Ankomstdatum/Invandringsdatum column; see `isExcludedBackground`. */
  arrivalDate?: string;
  /** An "okänd bakgrund" yes/no column's value (Skolverket's category); undefined without one. */
  unknownBackground?: boolean;
  grades: SubjectGrade[];
}

/** What a column of a sheet was mapped to. */
export type ColumnRole =
  | { role: 'id' }
  | { role: 'personnummer' }
  | { role: 'firstName' }
  | { role: 'lastName' }
  | { role: 'name' }
  | { role: 'class' }
  | { role: 'school' }
  | { role: 'gender' }
  | { role: 'englishExemption' }
  /** Newly arrived (issue 15): a yes/no column, or the date of arrival in Sweden. */
  | { role: 'newlyArrived' }
  | { role: 'arrivalDate' }
  /** Skolverket's "okänd bakgrund" as a yes/no column. */
  | { role: 'unknownBackground' }
  | { role: 'subject'; subject: SubjectCode; language?: string }
  /** The language-code column of M1/M2/ML in SCB files (`M2 (språk)`). */
  | { role: 'language'; subject: 'M1' | 'M2' | 'ML' }
  /** Long layout: the column naming the subject, and the column holding the grade. */
  | { role: 'subjectName' }
  | { role: 'grade' }
  | { role: 'other'; name: string };

/** A column as detected (or overridden by the user). */
export interface ColumnInfo {
  /** 0-based column index in the grid. */
  index: number;
  /** Column letter(s) in the sheet, e.g. `F`. */
  letter: string;
  /** Header text as found (empty for headerless SCB files). */
  header: string;
  mapping: ColumnRole | null;
}

/** A user's explicit mapping: header text (or column letter) → role. Overrides detection. */
export type ColumnMappingOverride = Record<string, ColumnRole | null>;

/** A grade table read from one sheet or file. */
export interface GradeTable {
  sheet: string;
  layout: 'wide' | 'long' | 'scb9' | 'scb6';
  scale: GradeScaleId;
  /** 1-based row of the header, or null for a headerless SCB file. */
  headerRow: number | null;
  columns: ColumnInfo[];
  /** Header texts of columns that were not mapped (listed to the user, never guessed). */
  unmapped: string[];
  pupils: PupilRecord[];
  problems: Problem[];
}

/** National-test subjects as they appear in the SCB test file. NO/SO resolve to one subject. */
export interface TestResult {
  subject: SubjectCode;
  /** A–F test grade, or null when the cell held a code (99/88/77) or was blank. */
  mark: GradeMark | null;
  /** The non-grade code when there was one: `99` not all sub-tests, `88` lost, `77` replacement. */
  code?: '99' | '88' | '77' | 'blank';
  cell?: string;
}

/** One pupil's national-test record. */
export interface TestRecord {
  row: number;
  id: string;
  personnummer: string | null;
  school: string | null;
  results: TestResult[];
}

export interface TestTable {
  sheet: string;
  headerRow: number | null;
  /** 6 or 9 when the file says which year's test file it is (SCB column count or names). */
  yearGroup?: number;
  records: TestRecord[];
  problems: Problem[];
}

/** Eligibility targets of rule set gy11 (domain §3). */
export type ProgramCode = 'YRK' | 'ES' | 'EK' | 'HU' | 'SA' | 'NA' | 'TE' | 'PRIV';
export const PROGRAM_CODES: readonly ProgramCode[] = ['YRK', 'ES', 'EK', 'HU', 'SA', 'NA', 'TE', 'PRIV'];

/** Versioned rule sets; `gy11` is in force. A future 1–10 scale adds another id here. */
export type RuleSetId = 'gy11';

/** Eligibility of one pupil for one target, with what is missing (the principal's action list). */
export interface EligibilityResult {
  eligible: boolean;
  /** Core subjects (Sv/Sva, En, Ma) not passed; Swedish as the one the pupil is graded in (`Sv` or `Sva`). */
  missingCore: SubjectCode[];
  /** Named required subjects not passed (e.g. Fy for NA). */
  missingRequired: SubjectCode[];
  /** How many more passing grades are needed in total (0 when eligible). */
  morePassesNeeded: number;
  /** All subjects the pupil must still pass, in a stable order: core, required (empty for counts only). */
  missing: SubjectCode[];
  /** Groups of which one subject must still be passed (PRIV: En or Ma). */
  missingOneOf?: SubjectCode[][];
}

/** Everything the grades engine says about one pupil. */
export interface PupilEvaluation {
  pupil: PupilRecord;
  meritValue16: number;
  meritValue17: number;
  /** Number of subjects with a passing grade (A–E). */
  passed: number;
  /** A–E in every subject graded, no F, no streck, no code 3 in a compulsory subject (domain §5). */
  allSubjectsPassed: boolean;
  eligibility: Record<ProgramCode, EligibilityResult>;
  /** Not eligible for YRK but at most 2 subjects short (domain §3, [D]). */
  nearEligible: boolean;
  /** Passing grades short of YRK (0 when eligible). */
  shortOfYrk: number;
}

/**
 * A figure on a report: a number, `..` (suppressed: fewer than the threshold) or `.` (no data).
 * Never 0 for missing (domain §6).
 */
export type Figure = number | '..' | '.';

/** A group's key: the whole file, or one school/class/gender/grade-year value. */
export interface GroupKey {
  /**
   * `svenska`: pupils graded in Sv vs Sva; `nyanland`: all pupils and all but the newly arrived and
   * those of unknown background (issue 15).
   */
  by: 'all' | 'school' | 'class' | 'gender' | 'year' | 'svenska' | 'nyanland';
  key: string;
}

/** Settings a user can change (task pane / sidebar / CLI flags). */
export interface Settings {
  lang: Lang;
  /** Figures based on fewer pupils than this are `..`. Default 10 (SIRIS). */
  suppressionThreshold: number;
  ruleSet: RuleSetId;
  scale: GradeScaleId;
  /** Final year of grundskolan (9 now; 10 from HT 2028). */
  finalYear: number;
  /**
   * The grade file's year group when the user says so (`--arskurs 6|9`): overrides what the data says
   * (file kind, class names) for the file the user chose; earlier files keep their own. Null or absent:
   * found from the data (`yearGroupOf`). Hosts pass it as `AnalyseOptions.yearGroupOverride`.
   */
  yearGroup?: number | null;
  absence: {
    /** Share of scheduled time; defaults 0.10 / 0.20 / 0.50 (domain §7). */
    problematic: number;
    high: number;
    veryHigh: number;
    /** Flag any ogiltig absence above this many hours (default 0). */
    invalidHoursFlag: number;
    /** Consecutive absent school days that count as "längre frånvaro" (default 5). */
    longAbsenceDays: number;
  };
}

export const DEFAULT_SETTINGS: Settings = {
  lang: 'sv',
  suppressionThreshold: 10,
  ruleSet: 'gy11',
  scale: 'AF',
  finalYear: 9,
  absence: { problematic: 0.1, high: 0.2, veryHigh: 0.5, invalidHoursFlag: 0, longAbsenceDays: 5 },
};

/** Absence level by the thresholds of domain §7. */
export type AbsenceLevel = 'none' | 'problematic' | 'high' | 'veryHigh';
