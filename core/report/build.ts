/**
 * detect() and buildReport(): the whole pipeline behind every host. Read sheets with the readers,
 * run the engines, gather the figures into a ReportModel and lay out the sheets the user asked for.
 */
import type { DetectOptions, Detection, ReportInputs, ReportKind, ReportResult, SheetData } from '../app';
import { t } from '../i18n';
import { analyseGrades, gradeAnalyser, type GradeAnalyser, type GradeAnalysis } from '../grades/analyse';
import { cachedGradeSheet, readGradeSheet, readGradeText, type ReadGradeOptions } from '../table/grades';
import { readTestTable } from '../table/tests';
import { cellAddress } from '../table/address';
import type { GradeTable, Problem, Settings, SubjectCode, TestTable } from '../types';
import { DEFAULT_SETTINGS } from '../types';
import type { GroupIndicators } from '../stats/indicators';
import { suppress } from '../stats';
import { buildNamndrapport } from './namndrapport';
import { buildAtgardslista, buildElevlista, buildNarvaro, buildProblemSheet, buildProgressionSheet } from './lists';
import type { GroupFigures, ReportModel } from './model';
import { PLAN_VERSION, type ReportPlan, type SheetPlan } from './plan';
import { attendanceModel, detectAttendance, detectSurvey, progressionModel, surveyModel } from './extras';
import { buildNarvaroplan } from './narvaroplan';
import { gradesExtras, gradesTerm } from './grades-extras';
import { resultatdialogSheets, sameCohort } from './resultatdialog-report';
import { findPeriod, headValues, periodLabel } from './period';
import { historyModel, type AnalysedFigures } from './history-model';
import { buildHistorik } from './history-sheet';
import { buildMal, readTargets } from './targets';
import { buildJamforelse, mergeBenchmarks, readBenchmarks } from './benchmarks';
import { readBenchmarkFiles } from './benchmark-import';

/** The label of the grades' period: from `--period`, the names or SCB's Datum, never from the clock; else empty. */
function reportPeriod(inputs: ReportInputs, lang: Settings['lang']): string {
  const p = findPeriod({ option: inputs.period, sheet: inputs.grades.sheet, file: inputs.gradesFile, values: headValues(inputs.grades) });
  // A period typed as free text ("Läsåret 2025/26") is shown as typed.
  return p ? periodLabel(p, lang) : inputs.period ?? '';
}

/** Pupils are born in this century; used only when a host passes no date. */
const FALLBACK_YEAR = 2099;

function yearOf(now: Date | undefined): number {
  return now ? now.getFullYear() : FALLBACK_YEAR;
}

function emptyGroup(label: string): GroupFigures {
  return {
    label, pupils: 0,
    eligibleShare: { YRK: '.', ES: '.', EK: '.', HU: '.', SA: '.', NA: '.', TE: '.', PRIV: '.' },
    meanMeritValue16: '.', meanMeritValue17: '.', allSubjectsPassedShare: '.',
  };
}

function toGroup(g: GroupIndicators | undefined, label: string): GroupFigures {
  return g ? { label, pupils: g.pupils, eligibleShare: g.eligibleShare, meanMeritValue16: g.meanMeritValue16, meanMeritValue17: g.meanMeritValue17, allSubjectsPassedShare: g.allSubjectsPassedShare } : emptyGroup(label);
}

function subjectsOf(table: GradeTable): SubjectCode[] {
  const seen = new Set<SubjectCode>();
  for (const c of table.columns) if (c.mapping?.role === 'subject') seen.add(c.mapping.subject);
  if (seen.size === 0) for (const p of table.pupils.slice(0, 50)) for (const g of p.grades) seen.add(g.subject);
  return [...seen];
}

/** How many of a test table's records carry at least one result: a measure of "is this an NP file". */
function testScore(tt: TestTable): number {
  return tt.records.filter((r) => r.results.some((x) => x.mark || x.code)).length;
}

/**
 * Reads a sheet and says what it is: grades, national tests, attendance, lessons or survey
 * answers, with the mapped columns and the problems found.
 * @example detect({ sheet: 'Betyg', values: grid }, { now }).kind // 'grades'
 */
export function detect(data: SheetData, options: DetectOptions = {}): Detection {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const referenceYear = yearOf(options.now);
  const lang = settings.lang;
  // The same read as the report's (readGradeSheet): a refusal's detect() does not read a big sheet twice.
  const grades = readGradeSheet(data, { referenceYear, scale: settings.scale, lang, ...(options.mapping ? { mapping: options.mapping } : {}) });
  const gradeSubjects = subjectsOf(grades);
  // An SCB national-test file also has personnummer; grades win only with real subject columns.
  const tests = readTestTable(data, { referenceYear, lang });
  if (testScore(tests) > 0 && testScore(tests) >= grades.pupils.length * 0.5 && gradeSubjects.length < 3) {
    return { sheet: data.sheet, kind: 'tests', headerRow: tests.headerRow, layout: 'scb-np', pupils: tests.records.length, subjects: [], columns: [], unmapped: [], problems: tests.problems };
  }
  if (grades.pupils.length > 0 && gradeSubjects.length >= 3) {
    return { sheet: data.sheet, kind: 'grades', headerRow: grades.headerRow, layout: grades.layout, pupils: grades.pupils.length, subjects: gradeSubjects, columns: grades.columns, unmapped: grades.unmapped, problems: grades.problems };
  }
  const att = detectAttendance(data, referenceYear, settings);
  if (att) return att;
  const survey = detectSurvey(data, settings);
  if (survey) return survey;
  const first = data.origin ? cellAddress(data.sheet, data.origin.row, data.origin.col) : cellAddress(data.sheet, 0, 0);
  return {
    sheet: data.sheet, kind: 'unknown', headerRow: null, layout: 'unknown', pupils: 0, subjects: [], columns: grades.columns, unmapped: grades.unmapped,
    problems: [{ cell: first, value: null, code: 'report.unknownKind', severity: 'error', message: t(lang, 'report.problem.unknownKind', { sheet: data.sheet }) }],
  };
}

function groupFigures(a: GradeAnalysis, lang: Settings['lang']) {
  const g = a.groups.filter((x) => x.by === 'gender');
  return {
    total: toGroup(a.summary, t(lang, 'common.total')),
    girls: toGroup(g.find((x) => x.key === 'F'), t(lang, 'common.girls')),
    boys: toGroup(g.find((x) => x.key === 'M'), t(lang, 'common.boys')),
  };
}

/**
 * An earlier text export analysed as it is read (`readGradeText` into `gradeAnalyser`), no pupil kept,
 * and whether at least half its pupils are in `ids` (`sameCohort`); null when the sheet is no text
 * export or its table is already read (then the table is analysed). The analysis is analyseGrades's.
 */
function analyseAsRead(d: SheetData, opts: ReadGradeOptions, settings: Settings, ids: ReadonlySet<string>): { table: GradeTable; analysis: GradeAnalysis; sameCohort: boolean } | null {
  if (d.text === undefined || opts.mapping || cachedGradeSheet(d, opts)) return null;
  let analyser: GradeAnalyser | undefined;
  let n = 0;
  let shared = 0;
  const table = readGradeText(d.text, d.sheet, opts, d, (p, columns) => {
    (analyser ??= gradeAnalyser({ sheet: d.sheet, scale: opts.scale ?? 'AF', columns: [...columns] }, settings, {}, false)).add(p);
    n++;
    if (ids.has(p.id)) shared++;
  });
  const analysis = (analyser ?? gradeAnalyser(table, settings, {}, false)).finish(table);
  return { table, analysis, sameCohort: n > 0 && shared * 2 >= n };
}

/**
 * Builds the report plan for the chosen sheets from the user's data. Deterministic for the same
 * inputs, settings and date. Problems of every input are returned with their addresses.
 * @example buildReport({ grades: { sheet: 'Betyg', values } }, ['namndrapport'], DEFAULT_SETTINGS, new Date('2026-06-15')).plan.sheets[0].key // 'namndrapport'
 */
export function buildReport(inputs: ReportInputs, kinds: readonly ReportKind[], settings: Settings, now: Date): ReportResult {
  const lang = settings.lang;
  const referenceYear = now.getFullYear();
  const opts = { referenceYear, scale: settings.scale, lang };
  const problems: Problem[] = [];

  const gradeTable = readGradeSheet(inputs.grades, { ...opts, mapping: inputs.mapping });
  const testTable = inputs.tests ? readTestTable(inputs.tests, opts) : undefined;
  // The term reads arrival dates (newly arrived); --arskurs overrides the year group of this file only.
  const term = gradesTerm(inputs, gradeTable);
  const analysis = analyseGrades(gradeTable, settings, testTable, { period: term, yearGroupOverride: settings.yearGroup });
  problems.push(...analysis.problems);
  if (gradeTable.pupils.length === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push({ cell: cellAddress(inputs.grades.sheet, inputs.grades.origin?.row ?? 0, inputs.grades.origin?.col ?? 0), value: null, code: 'report.noGrades', severity: 'error', message: t(lang, 'report.problem.noGrades', { sheet: inputs.grades.sheet }) });
  }

  // Each earlier grade sheet is read and analysed once, for progression, the Historik and the
  // Resultatdialog alike. Only the previous term's and those of this term's pupils (the Resultatdialog
  // follows them) are kept; another year's cohort leaves its figures to the Historik and is dropped.
  const earlier = new Map<SheetData, { table: GradeTable; analysis: GradeAnalysis }>();
  const dropped = new Set<SheetData>();
  let ids: Set<string> | undefined;
  const analyseEarlier = (d: SheetData) => {
    let hit = earlier.get(d);
    if (!hit) {
      ids ??= new Set(gradeTable.pupils.map((p) => p.id));
      const streamed = d === inputs.previous ? null : analyseAsRead(d, opts, settings, ids);
      if (streamed) {
        // Read and analysed pupil by pupil, none kept: the table is read again only for the same pupils' Resultatdialog.
        problems.push(...streamed.analysis.problems);
        hit = { table: streamed.table, analysis: streamed.analysis };
        if (kinds.includes('resultatdialog') && streamed.sameCohort) earlier.set(d, (hit = { table: readGradeSheet(d, opts, false), analysis: streamed.analysis }));
        else dropped.add(d);
        return hit;
      }
      const table = readGradeSheet(d, opts, d === inputs.previous);
      hit = { table, analysis: analyseGrades(table, settings) };
      problems.push(...hit.analysis.problems);
      if (d === inputs.previous || (kinds.includes('resultatdialog') && sameCohort(table, ids))) earlier.set(d, hit);
      else dropped.add(d);
    }
    return hit;
  };
  let previousTable: GradeTable | undefined;
  let previous: ReportModel['previous'];
  if (inputs.previous) {
    const pa = analyseEarlier(inputs.previous);
    previousTable = pa.table;
    previous = { label: inputs.previous.sheet, total: toGroup(pa.analysis.summary, t(lang, 'common.total')) };
  }

  const { total, girls, boys } = groupFigures(analysis, lang);
  const model: ReportModel = {
    lang,
    settings,
    madeOn: now.toISOString().slice(0, 10),
    period: reportPeriod(inputs, lang),
    sources: inputs.sources ?? [inputs.grades, inputs.tests, inputs.attendance, inputs.previous, inputs.survey].filter((x): x is SheetData => !!x).map((x) => x.sheet),
    pupils: analysis.pupils,
    total,
    girls,
    boys,
    previous,
    reference: inputs.reference,
    schools: analysis.groups.filter((g) => g.by === 'school').map((g) => toGroup(g, g.label)),
    // Streck and code-3 counts belong to the subject's pupils: hidden with them when too few.
    subjects: analysis.subjects.map((x) => {
      const n = x.graded + x.streck + x.notStudied;
      return { ...x, streck: suppress(x.streck, n, settings.suppressionThreshold), notStudied: suppress(x.notStudied, n, settings.suppressionThreshold) };
    }),
    tests: analysis.tests?.map((x) => ({ subject: x.subject, n: x.n, lower: x.lowerShare, same: x.sameShare, higher: x.higherShare })),
    ...gradesExtras(analysis, gradeTable, term),
  };
  if (inputs.attendance) {
    const a = attendanceModel(inputs.attendance, analysis, settings, referenceYear, inputs.attendancePlan);
    problems.push(...a.problems);
    model.absence = a.absence;
  }
  if (previousTable) {
    const p = progressionModel(previousTable, gradeTable, settings, `${inputs.previous!.sheet} → ${inputs.grades.sheet}`);
    problems.push(...p.problems);
    model.progression = p.progression;
  }
  if (inputs.survey) {
    const s = surveyModel(inputs.survey, settings, inputs.surveyQuestions);
    problems.push(...s.problems);
    model.survey = s.areas;
  }

  if (kinds.includes('historik') || kinds.includes('namndrapport')) {
    const figuresOf = (a: GradeAnalysis): AnalysedFigures => ({
      whole: groupFigures(a, lang), schools: a.groups.filter((g) => g.by === 'school').map((g) => toGroup(g, g.label)), schoolGenders: a.schoolGenders,
    });
    const h = historyModel(inputs, figuresOf(analysis), (d) => figuresOf(analyseEarlier(d).analysis), settings.suppressionThreshold, lang);
    problems.push(...h.problems);
    model.history = h.model;
  }

  if (inputs.targets) {
    const tg = readTargets(inputs.targets, lang);
    problems.push(...tg.problems);
    model.targets = tg.targets;
  } else model.targets = [];

  if (inputs.benchmarks || inputs.benchmarkFiles?.length) {
    const kept = inputs.benchmarks ? readBenchmarks(inputs.benchmarks, lang) : { rows: [], problems: [] };
    problems.push(...kept.problems);
    // The same reader as the pane's import, so every format it knows works here too.
    const imported = readBenchmarkFiles(inputs.benchmarkFiles ?? [], lang);
    problems.push(...imported.problems);
    model.benchmarks = mergeBenchmarks(kept.rows, imported.rows);
  }

  const sheets: SheetPlan[] = [];
  for (const kind of kinds) {
    // One Resultatdialog sheet per class, when earlier files of the same pupils are given.
    if (kind === 'resultatdialog') {
      sheets.push(...resultatdialogSheets(inputs, gradeTable, (d) => (dropped.has(d) ? null : analyseEarlier(d).table), settings));
      continue;
    }
    const sheet =
      kind === 'namndrapport' ? buildNamndrapport(model)
        : kind === 'elevlista' ? buildElevlista(model)
          : kind === 'atgardslista' ? buildAtgardslista(model)
            : kind === 'narvaro' ? buildNarvaro(model)
              : kind === 'kontroll' ? buildProblemSheet(model, problems)
                : kind === 'narvaroplan' ? buildNarvaroplan(model)
                  : kind === 'historik' ? buildHistorik(model)
                    : kind === 'mal' ? buildMal(model)
                      : kind === 'jamforelse' ? buildJamforelse(model)
                  : buildProgressionSheet(model);
    if (sheet) sheets.push(sheet);
  }
  const plan: ReportPlan = { generator: 'skolanalys', version: PLAN_VERSION, sheets };
  return { plan, problems };
}
