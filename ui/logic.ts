/**
 * The panel's decisions that need no React: formula prefixes per host, column-role encoding for
 * the mapping dropdowns, problem grouping and settings parsing. Unit-tested in logic.test.ts.
 */
import type { ColumnInfo, ColumnMappingOverride, ColumnRole, GradeScaleId, Lang, Problem, Settings, SubjectCode } from '../core/types';
import { DEFAULT_SETTINGS } from '../core/types';
import { SUBJECT_ORDER } from '../core/grades/subjects';
import { cellAddress, columnLetter } from '../core/table/address';
import { MESSAGES, t } from '../core/i18n';
import type { ReportInputs, SheetData } from '../core/app';
import type { Host, SheetInfo } from './host';
import { latestEarlier } from '../core/report/history-model';

/**
 * The catalogue's examples are written for Excel (`SKOLA.NAME`); Sheets names its custom
 * functions `SKOLA_NAME` because Apps Script function names cannot hold a dot.
 */
export function formulaForHost(formula: string, kind: Host['kind']): string {
  return kind === 'sheets' ? formula.replace(/\bSKOLA\.(?=[A-ZÅÄÖ_]+\s*\()/g, 'SKOLA_') : formula;
}

/**
 * The catalogue's examples are written for a pupil on row 2 (`C2:S2`, header `$C$1:$S$1`). Placed
 * on another row they move as a copied formula does: relative rows shift by the distance from row
 * 2, `$`-fixed rows and text in quotes stay. On rows 1–2 the example is kept as written.
 * @example formulaAtRow('=SKOLA.MERITVARDE(C2:S2; $C$1:$S$1; 17)', 105) // '=SKOLA.MERITVARDE(C105:S105; $C$1:$S$1; 17)'
 */
export function formulaAtRow(formula: string, row: number): string {
  const delta = row - 2;
  if (delta <= 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(^|[^A-Za-z0-9_.$])(\$?[A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g, (m, pre: string, col: string, abs: string, r: string) => (abs ? m : `${pre}${col}${Number(r) + delta}`))))
    .join('');
}

/** `SKOLA.MERITVARDE` or `SKOLA_MERITVARDE`. */
export function functionNameForHost(name: string, kind: Host['kind']): string {
  return `${kind === 'sheets' ? 'SKOLA_' : 'SKOLA.'}${name}`;
}

/** Sheets a user can read as input: the add-in's own output sheets are left out. */
export function inputSheets(sheets: readonly SheetInfo[]): string[] {
  return sheets.filter((s) => !s.generated).map((s) => s.name);
}

const SIMPLE_ROLES = ['id', 'personnummer', 'firstName', 'lastName', 'name', 'class', 'school', 'gender', 'englishExemption',
  'newlyArrived', 'arrivalDate', 'unknownBackground', 'subjectName', 'grade'] as const;
const LANGUAGE_SUBJECTS = ['M1', 'M2', 'ML'] as const;

/** Encodes a role as the value of a <select> option: `none`, `class`, `subject:M2:SPA`, `language:M2`, `other`. */
export function roleToValue(role: ColumnRole | null): string {
  if (!role) return 'none';
  switch (role.role) {
    case 'subject':
      return role.language ? `subject:${role.subject}:${role.language}` : `subject:${role.subject}`;
    case 'language':
      return `language:${role.subject}`;
    default:
      return role.role;
  }
}

/** Decodes an option value back to a role; `other` keeps the column's header as its name. */
export function valueToRole(value: string, header: string): ColumnRole | null {
  const [head, a, b] = value.split(':');
  if (head === 'none' || !head) return null;
  if (head === 'subject' && a) return b ? { role: 'subject', subject: a as SubjectCode, language: b } : { role: 'subject', subject: a as SubjectCode };
  if (head === 'language' && (LANGUAGE_SUBJECTS as readonly string[]).includes(a)) return { role: 'language', subject: a as 'M1' | 'M2' | 'ML' };
  if (head === 'other') return { role: 'other', name: header };
  if ((SIMPLE_ROLES as readonly string[]).includes(head)) return { role: head } as ColumnRole;
  return null;
}

/** Human label of an option value in the mapping dropdown. */
export function roleLabel(lang: Lang, value: string, header = ''): string {
  const [head, a, b] = value.split(':');
  if (head === 'subject') return t(lang, 'ui.role.subject', { subject: b ? `${a} ${b}` : a });
  if (head === 'language') return t(lang, 'ui.role.language', { subject: a });
  if (head === 'other') return t(lang, 'ui.role.other', { name: header });
  return t(lang, `ui.role.${head}`);
}

/** Every option of a column's mapping dropdown, with the column's current value included. */
export function roleOptions(current: string): string[] {
  const opts = ['none', ...SIMPLE_ROLES, ...SUBJECT_ORDER.map((s) => `subject:${s}`), ...LANGUAGE_SUBJECTS.map((s) => `language:${s}`), 'other'];
  if (!opts.includes(current)) opts.splice(1, 0, current);
  return opts;
}

/** The key a mapping override uses for a column: its header text, or its letter when headerless. */
export function mappingKey(column: Pick<ColumnInfo, 'header' | 'letter'>): string {
  return column.header.trim() || column.letter;
}

/** Adds (or replaces) one column's override; a copy, so React sees a new object. */
export function withOverride(mapping: ColumnMappingOverride, column: ColumnInfo, value: string): ColumnMappingOverride {
  return { ...mapping, [mappingKey(column)]: valueToRole(value, column.header) };
}

export interface ProblemSummary {
  errors: number;
  warnings: number;
  /** Counts by problem code, largest first (ties by code, for a stable list). */
  byCode: { code: string; n: number }[];
}

/**
 * Each problem once: a report that reads the same sheet for several sources meets the same cell
 * twice. Kept in first-seen order; the same cell with another message stays.
 */
export function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.cell}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Short label of a problem code for the count badges; never the internal code itself. */
export function problemLabel(lang: Lang, code: string): string {
  return MESSAGES[lang][`ui.problemKind.${code}`] ?? MESSAGES.sv[`ui.problemKind.${code}`] ?? t(lang, 'ui.problemKind.other');
}

/**
 * How much a sheet holds, to compare an existing generated sheet with the one that would replace
 * it: the number of cells holding a number. Figures are what a report is for; a report from too
 * few pupils shows `..` or `.` where the fuller one had numbers, so it counts fewer.
 * @example figureCount([['Antal elever', 300], ['Andel', '..']]) // 1
 */
export function figureCount(values: readonly (readonly unknown[])[]): number {
  let n = 0;
  for (const row of values) for (const v of row) if (typeof v === 'number' && Number.isFinite(v)) n++;
  return n;
}

/** Counts problems by severity and by code, for the collapsed view of a long list. */
export function summarizeProblems(problems: readonly Problem[]): ProblemSummary {
  const counts = new Map<string, number>();
  let errors = 0;
  for (const p of problems) {
    if (p.severity === 'error') errors++;
    counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  }
  const byCode = [...counts].map(([code, n]) => ({ code, n })).sort((x, y) => y.n - x.n || x.code.localeCompare(y.code));
  return { errors, warnings: problems.length - errors, byCode };
}

/** Saved settings over the defaults; a partial or stale save never leaves a field undefined. */
export function mergeSettings(saved: Partial<Settings> | null | undefined, lang?: Lang): Settings {
  const s = saved ?? {};
  return {
    ...DEFAULT_SETTINGS,
    ...(lang ? { lang } : {}),
    ...s,
    absence: { ...DEFAULT_SETTINGS.absence, ...(s.absence ?? {}) },
  };
}

/** The settings form holds text as typed; percentages are shown 0–100 and stored 0–1. */
export interface SettingsForm {
  scale: GradeScaleId;
  suppressionThreshold: string;
  finalYear: string;
  /** The grade sheet's year group: '' = from the data, else '6'…'9' (issue 15, the CLI's --arskurs). */
  yearGroup: string;
  problematic: string;
  high: string;
  veryHigh: string;
  invalidHoursFlag: string;
  longAbsenceDays: string;
}

const pct = (share: number) => String(Math.round(share * 1000) / 10);

export function settingsToForm(s: Settings): SettingsForm {
  return {
    scale: s.scale,
    suppressionThreshold: String(s.suppressionThreshold),
    finalYear: String(s.finalYear),
    yearGroup: s.yearGroup ? String(s.yearGroup) : '',
    problematic: pct(s.absence.problematic),
    high: pct(s.absence.high),
    veryHigh: pct(s.absence.veryHigh),
    invalidHoursFlag: String(s.absence.invalidHoursFlag),
    longAbsenceDays: String(s.absence.longAbsenceDays),
  };
}

/** Reads a number typed the Swedish (`12,5`) or English (`12.5`) way; NaN when it is not one. */
export function parseNumber(text: string): number {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}

/**
 * Checks the form and returns settings, or messages per field. Never clamps silently: a value out
 * of range is shown to the user instead.
 */
export function formToSettings(form: SettingsForm, base: Settings, lang: Lang): { settings?: Settings; errors: Partial<Record<keyof SettingsForm, string>> } {
  const errors: Partial<Record<keyof SettingsForm, string>> = {};
  const int = (k: keyof SettingsForm, min: number) => {
    const n = parseNumber(form[k]);
    if (!Number.isInteger(n) || n < min) errors[k] = t(lang, 'ui.settings.invalid.integer', { min });
    return n;
  };
  const percent = (k: keyof SettingsForm) => {
    const n = parseNumber(form[k]);
    if (!(n >= 0 && n <= 100)) errors[k] = t(lang, 'ui.settings.invalid.percent');
    return n / 100;
  };
  const suppressionThreshold = int('suppressionThreshold', 1);
  const finalYear = int('finalYear', 1);
  const longAbsenceDays = int('longAbsenceDays', 1);
  const problematic = percent('problematic');
  const high = percent('high');
  const veryHigh = percent('veryHigh');
  const invalidHoursFlag = parseNumber(form.invalidHoursFlag);
  if (!(invalidHoursFlag >= 0)) errors.invalidHoursFlag = t(lang, 'ui.settings.invalid.number');
  if (!errors.problematic && !errors.high && !errors.veryHigh && !(problematic < high && high < veryHigh)) {
    errors.high = t(lang, 'ui.settings.invalid.order');
  }
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    settings: {
      ...base,
      scale: form.scale === 'old' ? 'old' : 'AF',
      suppressionThreshold,
      finalYear,
      // A choice from a list: '' (from the data) or a year group.
      yearGroup: /^(?:[1-9]|10)$/.test(form.yearGroup) ? Number(form.yearGroup) : null,
      absence: { ...base.absence, problematic, high, veryHigh, invalidHoursFlag, longAbsenceDays },
    },
  };
}

/**
 * Address of the rectangle a host read: one cell (`'Betyg VT2026'!J105`) or a range (`…!A4:AD24`).
 * @example readRange({ sheet: 'Betyg', values: [[1, 2], [3, 4]], origin: { row: 3, col: 0 } }) // 'Betyg!A4:B5'
 */
export function readRange(d: SheetData): string {
  const r = d.origin?.row ?? 0;
  const c = d.origin?.col ?? 0;
  const rows = Math.max(1, d.values.length);
  const cols = Math.max(1, ...d.values.map((row) => row.length));
  const tl = cellAddress(d.sheet, r, c);
  return rows === 1 && cols === 1 ? tl : `${tl}:${columnLetter(c + cols - 1)}${r + rows}`;
}

/** Text of an unknown thrown value, for the error bar. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Optional sheets a report can use besides the grades (earlier terms are a list of their own). */
export type SourceRole = 'attendance' | 'tests' | 'survey';
export const SOURCE_ROLES: readonly SourceRole[] = ['tests', 'attendance', 'survey'];

/**
 * The inputs the panel passes to buildReport, in one place so tests can build the same. Earlier grade
 * sheets feed the Historik, and the latest of them before this period is "previous" (progression and
 * the previous column), as the CLI's repeated --previous.
 */
export function reportInputs(grades: SheetData, mapping: ColumnMappingOverride, extra: Partial<Record<SourceRole, SheetData>>, period: string, earlier: readonly SheetData[] = []): ReportInputs {
  const sources = [grades.sheet, ...earlier.map((e) => e.sheet), ...SOURCE_ROLES.map((r) => extra[r]?.sheet).filter((n): n is string => !!n)];
  const option = period.trim() || undefined;
  const previous = earlier.length ? latestEarlier(earlier.map((e) => ({ grades: e })), { sheet: grades, option })?.grades : undefined;
  return {
    grades,
    ...(Object.keys(mapping).length ? { mapping } : {}),
    ...(extra.tests ? { tests: extra.tests } : {}),
    ...(extra.attendance ? { attendance: extra.attendance } : {}),
    ...(previous ? { previous } : {}),
    ...(earlier.length ? { earlier: earlier.map((e) => ({ grades: e })) } : {}),
    ...(extra.survey ? { survey: extra.survey } : {}),
    sources,
    ...(option ? { period: option } : {}),
  };
}

/**
 * Names a school's own sheet may have (Historik, Mål, Jämförelsetal, Närvaroplan): the pane's language
 * first, then the other, as the CLI looks for them.
 * @example ownSheetNames('mal', 'sv') // ['Mål', 'Targets']
 */
export function ownSheetNames(key: string, lang: Lang): string[] {
  return [lang, ...(['sv', 'en'] as const).filter((l) => l !== lang)].map((l) => t(l, `report.sheet.${key}`));
}
