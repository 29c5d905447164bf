/**
 * Refuse before writing: says, before any host writes a sheet, whether each input of a report can
 * give that report. A survey chosen as grades, a notes sheet chosen as the earlier term or a sheet
 * without absence time would otherwise give a report of zeros and dots that replaces a good one.
 * The CLI, the Excel pane and the Sheets sidebar all call this, so they refuse alike.
 */
import type { ReportInputs, ReportKind, SheetData } from '../app';
import type { GradeTable, Settings } from '../types';
import { t } from '../i18n';
import { readGradeSheet } from '../table/grades';
import { readTestTable } from '../table/tests';
import { readAttendance } from '../attendance';
import { readSurvey } from '../survey';
import { matchKey } from '../progression';
import { detect } from './build';

/** The inputs a refusal can name. */
export type RefusedInput = 'grades' | 'tests' | 'attendance' | 'previous' | 'survey';

/** Why a report's input cannot give that report; null when it can. */
export interface Refusal {
  input: RefusedInput;
  /** The sheet that was chosen for the input; '' when none was chosen but the report needs one. */
  sheet: string;
  /**
   * What the sheet looks like instead: 'survey' | 'attendance' | 'grades' | 'tests' | 'notes' | 'empty' | 'unknown',
   * or 'missing' when no sheet was chosen.
   */
  found: string;
  /** Catalogue key of the message (`report.refuse.*`); `params` fill it. */
  key: string;
  params: Record<string, string | number>;
  /** A sheet of `others` that would do for this input, when one does. */
  suggest?: string;
  /** The message in the settings' language: `t(lang, key, params)`. */
  message: string;
}

const ROLES: readonly RefusedInput[] = ['grades', 'previous', 'tests', 'attendance', 'survey'];
/** What a sheet offered for an input must look like (foundIn's words). */
const KIND_OF: Record<RefusedInput, readonly string[]> = { grades: ['grades'], previous: ['grades'], tests: ['tests'], attendance: ['attendance'], survey: ['survey'] };

function hasContent(data: SheetData): boolean {
  return data.values.some((row) => row.some((v) => v !== null && v !== undefined && String(v).trim() !== ''));
}

/**
 * What a sheet holds, in the words of a refusal (`report.refuse.found.<this>`): a kind detect() gives
 * (lessons as attendance), or 'notes', 'empty', 'unknown'.
 * @example foundIn({ sheet: 'Läs mig', values: [['Min arbetsbok']] }, DEFAULT_SETTINGS, new Date('2026-06-15')) // 'notes'
 */
export function foundIn(data: SheetData, settings: Settings, now: Date, mapping?: ReportInputs['mapping']): string {
  if (!hasContent(data)) return 'empty';
  let kind = 'unknown';
  try {
    kind = detect(data, { settings, now, ...(mapping ? { mapping } : {}) }).kind;
  } catch {
    // A sheet no reader understands is "unknown"; the refusal still names it.
  }
  if (kind === 'lessons') return 'attendance';
  if (kind !== 'unknown') return kind;
  // Prose: no row with three or more filled cells (a table of pupils has more columns than that).
  const wide = data.values.some((row) => row.filter((v) => v !== null && v !== undefined && String(v).trim() !== '').length >= 3);
  return wide ? 'unknown' : 'notes';
}

function gradeTable(data: SheetData, settings: Settings, now: Date, mapping?: ReportInputs['mapping']): GradeTable {
  return readGradeSheet(data, { referenceYear: now.getFullYear(), scale: settings.scale, lang: settings.lang, ...(mapping ? { mapping } : {}) });
}

function hasGrades(table: GradeTable): boolean {
  return table.pupils.some((p) => p.grades.some((g) => g.entry.kind === 'grade'));
}

/** Enough rows for a header under title rows and the first pupils. */
const HEAD_ROWS = 64;

/**
 * Whether a sheet holds a pupil with a grade, looking at its first rows before reading it all: a
 * grade sheet shows one at once, so a 100 000-pupil sheet is not read twice (here and for the report).
 * @example gradedPupilIn({ sheet: 'Läs mig', values: [['Min arbetsbok']] }, DEFAULT_SETTINGS, new Date('2026-06-15')) // false
 */
export function gradedPupilIn(data: SheetData, settings: Settings, now: Date, mapping?: ReportInputs['mapping']): boolean {
  // A text export is read line by line (and kept for the report), never split into a grid for this.
  if (data.text !== undefined) return hasGrades(gradeTable(data, settings, now, mapping));
  const rows = data.values;
  if (rows.length > HEAD_ROWS && hasGrades(gradeTable({ sheet: data.sheet, origin: data.origin, values: rows.slice(0, HEAD_ROWS) }, settings, now, mapping))) return true;
  return hasGrades(gradeTable(data, settings, now, mapping));
}

/** Number of the earlier table's pupils with a grade that are in the current one (by personnummer, as core/progression matches). */
function matched(previous: GradeTable, current: GradeTable): number {
  const keys = new Set<string>();
  for (const p of current.pupils) {
    const k = matchKey(p);
    if (k) keys.add(k);
  }
  let n = 0;
  for (const p of previous.pupils) {
    const k = matchKey(p);
    if (k && keys.has(k) && p.grades.some((g) => g.entry.kind === 'grade')) n++;
  }
  return n;
}

/**
 * Whether the earlier grade sheet shares at least one graded pupil with the grades (by personnummer),
 * i.e. whether Progression can be made from it; the CLI asks this of the latest earlier file to tell
 * the same cohort from another year's, which then feeds only the Historik.
 * @example sharesPupils(vt2025, vt2026, DEFAULT_SETTINGS, new Date('2026-06-15')) // true for the same class a year on
 */
export function sharesPupils(previous: SheetData, grades: SheetData, settings: Settings, now: Date, mapping?: ReportInputs['mapping']): boolean {
  return matched(gradeTable(previous, settings, now), gradeTable(grades, settings, now, mapping)) > 0;
}

/** Whether `data` can serve as `role`; `current` is the grades table an earlier term must share pupils with. */
function fits(role: RefusedInput, data: SheetData, settings: Settings, now: Date, current: () => GradeTable, mapping?: ReportInputs['mapping']): boolean {
  const referenceYear = now.getFullYear();
  const lang = settings.lang;
  switch (role) {
    case 'grades':
      return gradedPupilIn(data, settings, now, mapping);
    case 'previous':
      return matched(gradeTable(data, settings, now), current()) > 0;
    case 'tests':
      return readTestTable(data, { referenceYear, lang }).records.some((r) => r.results.some((x) => x.mark || x.code));
    case 'attendance': {
      const a = readAttendance(data, { referenceYear, settings, lang });
      return a.headerRow !== null && a.pupils.length > 0;
    }
    case 'survey': {
      const s = readSurvey(data, { lang });
      return s.respondents.length > 0 && s.items.length > 0;
    }
  }
}

/**
 * Checks every input a report would read, before anything is written. Rules: the grades must hold
 * at least one pupil with a grade; an attendance sheet must have absence columns and at least one
 * pupil (Närvaro needs one); the earlier term must share at least one pupil with the grades, by
 * personnummer (Progression needs one); a national-test sheet must hold at least one result; a
 * survey at least one answer. Each refusal says what the sheet looks like instead and, when one of
 * `others` (the workbook's other sheets) fits, which sheet to choose. Only `kontroll` (the list of
 * problems) is never refused. Returns [] when the report can be made.
 * @example
 * checkReportInputs({ grades: { sheet: 'Läs mig', values: [['Min arbetsbok'], ['Ändra inte i bladen.']] } }, ['namndrapport'], DEFAULT_SETTINGS, new Date('2026-06-15'))[0].message
 * // 'Rapporten skapades inte: Läs mig har inga elever med betyg – bladet ser ut som anteckningar (text). Välj ett blad med betyg i stället.'
 */
export function checkReportInputs(inputs: ReportInputs, kinds: readonly ReportKind[], settings: Settings, now: Date, others: readonly SheetData[] = []): Refusal[] {
  if (kinds.every((k) => k === 'kontroll')) return [];
  const lang = settings.lang;
  let currentTable: GradeTable | null = null;
  const current = () => (currentTable ??= gradeTable(inputs.grades, settings, now, inputs.mapping));
  const refusals: Refusal[] = [];
  const chosen: Record<RefusedInput, SheetData | undefined> = {
    grades: inputs.grades, previous: inputs.previous, tests: inputs.tests, attendance: inputs.attendance, survey: inputs.survey,
  };
  const used = new Set(Object.values(chosen).filter((d): d is SheetData => !!d).map((d) => d.sheet));

  const suggestion = (role: RefusedInput): string | undefined => {
    for (const o of others) {
      if (used.has(o.sheet) || o.sheet === chosen[role]?.sheet) continue;
      // Only a sheet that reads as this kind is offered (an NP file also has pupils that match).
      if (!KIND_OF[role].includes(foundIn(o, settings, now))) continue;
      if (fits(role, o, settings, now, current)) return o.sheet;
    }
    return undefined;
  };

  for (const role of ROLES) {
    const data = chosen[role];
    if (!data) {
      const needs = role === 'attendance' ? kinds.find((k) => k === 'narvaro') : role === 'previous' ? kinds.find((k) => k === 'progression') : undefined;
      if (!needs) continue;
      const suggest = suggestion(role);
      const key = `report.refuse.missing.${role}`;
      const params = { report: t(lang, `report.sheet.${needs}`) };
      const r: Refusal = { input: role, sheet: '', found: 'missing', key, params, message: t(lang, key, params) };
      if (suggest) {
        r.suggest = suggest;
        r.message += t(lang, 'report.refuse.choose', { suggest, role: t(lang, `report.refuse.role.${role}`) });
      }
      refusals.push(r);
      continue;
    }
    const ok = role === 'grades' ? gradedPupilIn(data, settings, now, inputs.mapping) : fits(role, data, settings, now, current);
    if (ok) continue;
    const found = foundIn(data, settings, now, role === 'grades' ? inputs.mapping : undefined);
    const suggest = suggestion(role);
    const roleName = t(lang, `report.refuse.role.${role}`);
    const key = `report.refuse.${role}`;
    const foundKey = role === 'grades' && found === 'grades' ? 'gradesNone' : found;
    const params: Record<string, string | number> = {
      sheet: data.sheet,
      grades: inputs.grades.sheet,
      found: t(lang, `report.refuse.found.${foundKey}`),
      choose: suggest ? t(lang, 'report.refuse.choose', { suggest, role: roleName }) : t(lang, 'report.refuse.chooseAny', { role: roleName }),
    };
    refusals.push({ input: role, sheet: data.sheet, found, key, params, ...(suggest ? { suggest } : {}), message: t(lang, key, params) });
  }
  return refusals;
}
