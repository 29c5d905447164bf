/**
 * Gathers the Historik of a report: the period of every grade source (this report's file and each
 * earlier one), a problem when a period cannot be found or two sources claim the same one, and the
 * merge of the workbook's Historik with the periods computed now.
 */
import type { ReportInputs, SheetData } from '../app';
import { t } from '../i18n';
import type { Lang, Problem } from '../types';
import type { SchoolGenderParts } from '../grades/analyse';
import { cellAddress } from '../table/address';
import type { GroupFigures } from './model';
import { mergeHistory, periodFigures, readHistory, type HistoryRow, type PeriodFigures } from './history';
import { findPeriod, headValues, periodKey, periodOrder, type Period } from './period';

/** What the Nämndrapport and the Historik sheet need: the merged rows and this report's period. */
export interface HistoryModel {
  rows: HistoryRow[];
  /** The period of this report's grades, null when nothing names it. */
  current: Period | null;
}

/** The figures of one analysed grade file. */
export interface AnalysedFigures {
  whole: { total: GroupFigures; girls: GroupFigures; boys: GroupFigures };
  schools: GroupFigures[];
  /** Each school's girls, boys and unknown gender, summed (`GradeAnalysis.schoolGenders`). */
  schoolGenders: ReadonlyMap<string, SchoolGenderParts>;
}

/** A grade source of the report: this report's file first, then the earlier ones. */
interface Source {
  data: SheetData;
  file?: string;
  option?: string;
  label: string;
}

/**
 * The earlier grade files of a report (`earlier`, and `previous` when it is not among them), in order.
 * @example earlierSources({ grades, previous: p }).length // 1
 */
export function earlierSources(inputs: ReportInputs): { grades: SheetData; file?: string }[] {
  const list = [...(inputs.earlier ?? [])];
  if (inputs.previous && !list.some((e) => e.grades === inputs.previous)) list.unshift({ grades: inputs.previous });
  return list;
}

/**
 * The earlier source with the latest period before this report's (for progression and the "previous"
 * column when many are given); the last one given when no period can be told.
 * @example latestEarlier([{ grades: vt2024 }, { grades: vt2025 }], { sheet: 'Betyg VT2026', values })?.grades === vt2025 // true
 */
export function latestEarlier(earlier: readonly { grades: SheetData; file?: string }[], main?: { sheet: SheetData; file?: string; option?: string }): { grades: SheetData; file?: string } | undefined {
  const now = main ? findPeriod({ option: main.option, sheet: main.sheet.sheet, file: main.file, values: headValues(main.sheet) }) : null;
  let best: { e: { grades: SheetData; file?: string }; o: number } | undefined;
  for (const e of earlier) {
    const p = findPeriod({ sheet: e.grades.sheet, file: e.file, values: headValues(e.grades) });
    const o = p ? periodOrder(p) : Number.NEGATIVE_INFINITY;
    if (now && p && o >= periodOrder(now)) continue;
    if (!best || o >= best.o) best = { e, o };
  }
  return best?.e ?? earlier[earlier.length - 1];
}

/**
 * The Historik of a report. `figuresOf` analyses an earlier grade sheet (the caller keeps one analysis
 * per sheet). Periods come from the data; a source without one, or claiming a period an earlier source
 * in the list already has, is left out with an error problem naming its sheet.
 * @example historyModel(inputs, mainFigures, figuresOf, 10, 'sv').problems // []
 */
export function historyModel(
  inputs: ReportInputs, main: AnalysedFigures, figuresOf: (d: SheetData) => AnalysedFigures, threshold: number, lang: Lang,
): { model: HistoryModel; problems: Problem[] } {
  const problems: Problem[] = [];
  const sources: Source[] = [
    { data: inputs.grades, file: inputs.gradesFile, option: inputs.period, label: inputs.sources?.[0] ?? inputs.gradesFile ?? inputs.grades.sheet },
    ...earlierSources(inputs).map((e) => ({ data: e.grades, file: e.file, label: e.file ? (e.file.includes(e.grades.sheet) ? e.file : `${e.file} (${e.grades.sheet})`) : e.grades.sheet })),
  ];
  const claimed = new Map<string, Source>();
  const computed: PeriodFigures[] = [];
  let current: Period | null = null;
  sources.forEach((s, i) => {
    const found = findPeriod({ option: s.option, sheet: s.data.sheet, file: s.file, values: headValues(s.data) });
    const at = cellAddress(s.data.sheet, s.data.origin?.row ?? 0, s.data.origin?.col ?? 0);
    if (i === 0) current = found;
    if (!found) {
      // A warning: the source is still used for what else it is for (progression), only not in the Historik.
      problems.push({ cell: at, value: null, code: 'report.periodUnknown', severity: 'warning', message: t(lang, 'report.problem.periodUnknown', { source: s.label }) });
      return;
    }
    const key = periodKey(found);
    const first = claimed.get(key);
    if (first) {
      problems.push({ cell: at, value: found.text, code: 'report.periodConflict', severity: 'error', message: t(lang, 'report.problem.periodConflict', { period: key, first: first.label, second: s.label }) });
      return;
    }
    claimed.set(key, s);
    const f = i === 0 ? main : figuresOf(s.data);
    computed.push(periodFigures(found, s.label, f.whole, f.schools, f.schoolGenders, threshold, lang));
  });
  const existing = inputs.history ? readHistory(inputs.history, lang) : { rows: [], problems: [] };
  problems.push(...existing.problems);
  return { model: { rows: mergeHistory(existing.rows, computed, lang), current }, problems };
}
