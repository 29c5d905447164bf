/**
 * The grades analysis of one file: every pupil evaluated, the §5 indicators for the whole file and
 * per gender, school and class (suppressed per cell, complementary suppression within each split),
 * the subject table (whole file and by gender), and national tests compared with final grades.
 */
import { compareSv, t } from '../i18n';
import { quoteSheet } from '../table/address';
import type { GradeScaleId, GradeTable, GroupKey, Problem, PupilEvaluation, PupilRecord, Settings, TestTable } from '../types';
import { MERIT_BINS, SubjectTally, accumulate, eligibleMask, groupFigures, medianOfBins, mergeInto, newGroupAccumulator, pupilExtra, type GroupAccumulator, type GroupIndicators, type SubjectIndicators } from '../stats/indicators';
import type { Figure, SubjectCode } from '../types';
import { ClassYears, yearGroupOf, type GradeKind, type YearGroupSource } from './year-group';
import { subjectQuality, type SubjectQuality } from './quality';
import { arrivalCutoff, backgroundColumns, isExcludedBackground, type Term } from './background';
import { hiddenParts } from '../stats/suppress-table';
import { createEvaluator } from './evaluate';
import { pointsTable } from './scale';
import { scanned } from './scan';
import { compareTestsWithGrades, matchTests, testResultFigures, testShares, type TestComparisonFigures, type TestMatch, type TestResultFigures } from './tests';

export type { TestComparison, TestComparisonFigures, TestMatch } from './tests';

/** Everything the grades engine says about one grade file. */
export interface GradeAnalysis {
  sheet: string;
  scale: GradeScaleId;
  /** Year group of the file (6 for SCB's åk 6 file, the final year for slutbetyg), see `yearGroupOf`. */
  yearGroup: number;
  yearGroupSource: YearGroupSource;
  /** `slutbetyg` in the final year (eligibility and meritvärde apply), else `terminsbetyg`. */
  gradeKind: GradeKind;
  /** Per subject: valid grades, blanks, streck, codes 2/3/Y/Z and invalid values (issue 15). */
  dataQuality: SubjectQuality[];
  /** Mean grade points per subject over the pupils graded A–F in it (from `subjects`). */
  meanGradePoints: Partial<Record<SubjectCode, Figure>>;
  pupils: PupilEvaluation[];
  /** The whole file. */
  summary: GroupIndicators;
  /**
   * Gender (F, M), then schools, then classes (each class with its school as `parent`), then Sv and Sva
   * pupils, then (with a nyanländ, ankomstdatum or okänd bakgrund column) `nyanland`: `med-nyanlanda`
   * (all pupils) and `utan-nyanlanda` (without newly arrived and unknown background).
   */
  groups: GroupIndicators[];
  /** Per subject, whole file, with `byGender` for flickor and pojkar. */
  subjects: SubjectIndicators[];
  /** Provbetyg vs slutbetyg per subject, or null without a test file. */
  tests: TestComparisonFigures[] | null;
  /** How the test file joined the grade file, or null without a test file. */
  testMatch: TestMatch | null;
  /** The test file's own results per subject (share with at least E, codes apart), or null without one. */
  testResults: TestResultFigures[] | null;
  /** The reader's problems, the test reader's, and this analysis's own (marks of the wrong scale, unmatched tests). */
  problems: Problem[];
  /**
   * Per school (`''` for pupils without one), the sums of its girls, boys and pupils of unknown gender,
   * in that order: the Historik's rows of a school by gender are made from these (`fileFigures`).
   */
  schoolGenders: Map<string, SchoolGenderParts>;
}

/** A school's girls, boys and pupils of unknown gender, summed (see `GradeAnalysis.schoolGenders`). */
export type SchoolGenderParts = readonly [GroupAccumulator, GroupAccumulator, GroupAccumulator];

/** What the caller knows beyond the table. */
export interface AnalyseOptions {
  /** The year group when the file does not say (a setting); the file kind and class names win. */
  yearGroup?: number | null;
  /**
   * The year group the user gave for this file (`--arskurs`, Settings.yearGroup): wins over everything
   * the file says. Hosts pass it for the grade file the user chose, not for earlier files.
   */
  yearGroupOverride?: number | null;
  /**
   * The term of the grades, for arrival dates (newly arrived = arrived within four years before the
   * term's start, `arrivalCutoff`). Without it a file with arrival dates gets no nyanland split and a warning.
   */
  period?: Term | null;
}

interface Part {
  key: string;
  acc: GroupAccumulator;
}

/** Accumulators by key, in first-seen order; a null key collects pupils who are never shown as a group. */
class Split {
  readonly parts = new Map<string, GroupAccumulator>();
  readonly unknown = newGroupAccumulator();
  private lastKey: string | null = null;
  private lastAcc: GroupAccumulator | null = null;
  add(key: string | null, e: PupilEvaluation, mask: number, extra: number): void {
    if (key === null || key === '') return accumulate(this.unknown, e, mask, extra);
    // Files come sorted by school and class: the previous pupil's group is the likely one.
    if (key !== this.lastKey || !this.lastAcc) {
      let acc = this.parts.get(key);
      if (!acc) this.parts.set(key, (acc = newGroupAccumulator()));
      this.lastKey = key;
      this.lastAcc = acc;
    }
    accumulate(this.lastAcc, e, mask, extra);
  }
  /** Shown parts, sorted, with complementary suppression against a whole that is shown unless `wholeHidden`. */
  figures(by: GroupKey['by'], threshold: number, wholeHidden: boolean, label: (key: string) => string, parent?: string): GroupIndicators[] {
    const parts: Part[] = [...this.parts].map(([key, acc]) => ({ key, acc })).sort((a, b) => compareSv(a.key, b.key));
    const hidden = wholeHidden
      ? parts.map(() => true)
      : hiddenParts([...parts.map((p) => p.acc.n), this.unknown.n], threshold, [...parts.map(() => true), false]);
    return parts.map((p, i) => groupFigures(p.acc, { by, key: p.key, label: label(p.key), ...(parent ? { parent } : {}) }, threshold, hidden[i]));
  }
}

/**
 * Analyses a grade table (domain §3–§6): evaluates every pupil and computes the group indicators
 * for the whole file and by gender, school and class. Denominators follow §5: eligibility shares
 * over all pupils of the group; mean meritvärde over pupils with at least one pass. Every figure is
 * suppressed on its own denominator, and each split (flickor/pojkar of the total, schools of the
 * total, classes of their school) gets complementary suppression [§6]. One pass over the pupils.
 * Worked example §11.8: class of 25 with 16 flickor and 9 pojkar → both gender groups `..`.
 * @example analyseGrades(table, DEFAULT_SETTINGS).summary.pupils // 25
 */
export function analyseGrades(table: GradeTable, settings: Settings, tests?: TestTable, options: AnalyseOptions = {}): GradeAnalysis {
  const analyser = gradeAnalyser(table, settings, options, table.pupils.length);
  for (let i = 0; i < table.pupils.length; i++) analyser.add(table.pupils[i]);
  return analyser.finish(table, tests);
}

/** `analyseGrades` pupil by pupil: see `gradeAnalyser`. */
export interface GradeAnalyser {
  add(pupil: PupilRecord): void;
  /** The analysis of the pupils added, for `table` (its problems, columns, layout; its pupils only when kept). */
  finish(table: GradeTable, tests?: TestTable): GradeAnalysis;
}

/**
 * `analyseGrades` for pupils handed over one by one, as a reader makes them: with `keep` false no
 * pupil is held (the analysis's `pupils` is then empty, and no test file can be compared), so a
 * 100 000-pupil earlier file for the Historik never lives in memory whole. The figures and problems
 * are the same as `analyseGrades` gives on the whole table (it is this, with `keep`).
 * `meta` is the table as the reader has it before the pupils (sheet, scale, columns).
 * @example const a = gradeAnalyser(meta, DEFAULT_SETTINGS, {}, false); for (const p of pupils) a.add(p); a.finish(table).summary.pupils // pupils.length
 */
export function gradeAnalyser(meta: Pick<GradeTable, 'sheet' | 'scale' | 'columns'>, settings: Settings, options: AnalyseOptions = {}, keep: number | false = 0): GradeAnalyser {
  const threshold = settings.suppressionThreshold;
  const lang = settings.lang;
  const scale = meta.scale;
  const evaluate = createEvaluator({ ruleSet: settings.ruleSet, scale });
  const points = pointsTable(scale);
  // This analysis's own problems found pupil by pupil (after the reader's in the result).
  const own: Problem[] = [];

  // Per pupil only gender and class are counted; the total and the schools are sums of those
  // (exact: meritvärden are multiples of 2.5), which halves the work of the hot loop.
  const gender = new Split();
  // Sv vs Sva pupils (issue 15): the Swedish subject the pupil is graded in; neither → never shown.
  // Only Sva pupils and pupils with neither are summed here (a tenth of a file); Sv = total − both.
  const sva = newGroupAccumulator();
  const noSwedish = newGroupAccumulator();
  const classes = new Map<string, Split>();
  // Newly arrived and unknown background (issue 15): only the excluded are summed; utan = total − excluded.
  const background = backgroundColumns(meta);
  const cutoff = background.dates && options.period ? arrivalCutoff(options.period) : null;
  // Arrival dates without a term cannot be read: then no split at all (flags alone would understate it).
  const splitBackground = (background.flag || background.unknown || background.dates) && !(background.dates && cutoff === null);
  const excluded = newGroupAccumulator();
  const tally = new SubjectTally(scale);
  const merit17 = new Int32Array(MERIT_BINS);
  const pupils: PupilEvaluation[] = keep === false ? [] : new Array(keep);
  let count = 0;
  const years = new ClassYears();
  // Without the pupils kept, those with an SCB code (Y/Z) are, for codeProblems at the end.
  const coded: PupilRecord[] = [];
  let lastSchool: string | null = null;
  let cls: Split | undefined;
  const schoolGenders = new Map<string, SchoolGenderParts>();
  let sg: SchoolGenderParts | undefined;
  let lastEligibility: PupilEvaluation['eligibility'] | null = null;
  let lastMask = 0;
  const add = (p: PupilRecord): void => {
    const e = evaluate(p);
    // The scan of `evaluate` is still p's: reuse it for the subject table and the scale check.
    tally.addScanned(p.gender, p.grades.length);
    const extra = pupilExtra();
    // The median meritvärde 17 of the file: a histogram of the pupils with a pass (bins of 2.5).
    if (e.passed > 0) {
      const bin = (e.meritValue17 * 0.4 + 0.5) | 0;
      merit17[bin < MERIT_BINS ? bin : MERIT_BINS - 1]++;
    }
    if (scanned.wrongScale > 0) for (const g of p.grades) {
      // The reader never mixes scales; a mark of the other scale that slips through is listed, not counted.
      if (g.entry.kind === 'grade' && points[g.entry.mark] === undefined) {
        own.push({
          cell: g.cell ?? `${quoteSheet(meta.sheet)}!A${p.row}`,
          value: g.entry.mark,
          code: 'grades.wrongScale',
          severity: 'error',
          message: t(lang, 'grades.problem.wrongScale', { value: g.entry.mark, subject: g.subject, scale: t(lang, `grades.scale.${scale}`) }),
        });
      }
    }
    if (keep !== false) pupils[count] = e;
    else {
      years.add(p.className);
      for (const g of p.grades) {
        if (g.entry.kind === 'code') {
          coded.push(p);
          break;
        }
      }
    }
    count++;
    // Pupils with the same passes share one eligibility record (most share "eligible for all").
    if (e.eligibility !== lastEligibility) {
      lastEligibility = e.eligibility;
      lastMask = eligibleMask(e);
    }
    const mask = lastMask;
    gender.add(p.gender, e, mask, extra);
    if (!scanned.svGraded) accumulate(scanned.svaGraded ? sva : noSwedish, e, mask, extra);
    if (splitBackground && isExcludedBackground(p, cutoff)) accumulate(excluded, e, mask, extra);
    const school = p.school ?? '';
    if (school !== lastSchool || !cls || !sg) {
      cls = classes.get(school);
      if (!cls) classes.set(school, (cls = new Split()));
      sg = schoolGenders.get(school);
      if (!sg) schoolGenders.set(school, (sg = [newGroupAccumulator(), newGroupAccumulator(), newGroupAccumulator()]));
      lastSchool = school;
    }
    cls.add(p.className, e, mask, extra);
    accumulate(sg[p.gender === 'F' ? 0 : p.gender === 'M' ? 1 : 2], e, mask, extra);
  };
  const finish = (table: GradeTable, tests?: TestTable): GradeAnalysis => {
    if (keep !== false && count !== pupils.length) pupils.length = count;
    if (tests && keep === false) throw new Error('gradeAnalyser: a test file needs the pupils kept');
    const problems: Problem[] = [...table.problems, ...own];
    const total = newGroupAccumulator();
    for (const acc of gender.parts.values()) mergeInto(total, acc);
    mergeInto(total, gender.unknown);
    const schools = new Split();
    for (const [school, split] of classes) {
      // A pupil without a school counts in the total but is never shown as a school of its own.
      const acc = school === '' ? schools.unknown : newGroupAccumulator();
      for (const part of split.parts.values()) mergeInto(acc, part);
      mergeInto(acc, split.unknown);
      if (school !== '') schools.parts.set(school, acc);
    }

    const summary = groupFigures(total, { by: 'all', key: 'all', label: t(lang, 'common.total') }, threshold);
    const median = medianOfBins(merit17);
    summary.medianMeritValue17 = median === null ? '.' : total.withPass < threshold ? '..' : median;
    const totalHidden = total.n < threshold;
    const genderLabel = (k: string) => t(lang, k === 'F' ? 'common.girls' : k === 'M' ? 'common.boys' : 'common.unknownGender');
    const genderGroups = gender.figures('gender', threshold, totalHidden, genderLabel);
    const schoolGroups = schools.figures('school', threshold, totalHidden, (k) => k);
    const swedish = new Split();
    const sv = newGroupAccumulator();
    mergeInto(sv, total);
    mergeInto(sv, sva, -1);
    mergeInto(sv, noSwedish, -1);
    if (sv.n > 0) swedish.parts.set('Sv', sv);
    if (sva.n > 0) swedish.parts.set('Sva', sva);
    mergeInto(swedish.unknown, noSwedish);
    const swedishGroups = swedish.figures('svenska', threshold, totalHidden, (k) => t(lang, `grades.group.${k}`));
    const backgroundGroups = splitBackground ? nyanlandGroups(total, excluded, threshold, totalHidden, lang) : [];
    if (background.dates && !options.period) {
      problems.push({ cell: `${quoteSheet(table.sheet)}!A1`, value: null, code: 'grades.noPeriodForArrival', severity: 'warning', message: t(lang, 'grades.problem.noPeriodForArrival', { sheet: table.sheet }) });
    }
    const classGroups: GroupIndicators[] = [];
    const schoolByKey = new Map(schoolGroups.map((s) => [s.key, s]));
    for (const [school, split] of [...classes].sort((a, b) => compareSv(a[0], b[0]))) {
      // Classes are parts of their school: hidden whenever the school is (or is never shown).
      const shownSchool = schoolByKey.get(school);
      const wholeHidden = school === '' ? totalHidden : !shownSchool || shownSchool.hidden === true || shownSchool.pupils < threshold;
      classGroups.push(...split.figures('class', threshold, wholeHidden, (k) => k, school || undefined));
    }

    let testFigures: TestComparisonFigures[] | null = null;
    let testMatch: TestMatch | null = null;
    if (tests) {
      problems.push(...tests.problems);
      testFigures = compareTestsWithGrades(table.pupils, tests).map((c) => testShares(c, threshold));
      testMatch = matchTests(table.pupils, tests);
      const unmatched = new Set(testMatch.unmatchedRows);
      for (const rec of tests.records) {
        if (!unmatched.has(rec.row)) continue;
        const id = rec.personnummer ?? rec.id;
        problems.push({
          cell: `${quoteSheet(tests.sheet)}!A${rec.row}`,
          value: id,
          code: 'grades.testUnmatched',
          severity: 'warning',
          message: t(lang, 'grades.problem.testUnmatched', { id, sheet: table.sheet }),
        });
      }
    }

    const subjects = tally.figures(threshold);
    const meanGradePoints: GradeAnalysis['meanGradePoints'] = {};
    for (const s of subjects) if (s.graded > 0 || s.streck > 0) meanGradePoints[s.subject] = s.meanPoints;
    const year = keep !== false ? yearGroupOf(table, settings.finalYear, options.yearGroup, options.yearGroupOverride) : years.yearGroup(table.layout, settings.finalYear, options.yearGroup, options.yearGroupOverride);
    const dataQuality = subjectQuality(table, tally.cellCounts(), table.problems);
    // SCB's åk 6 codes have no meaning in a slutbetyg file: listed, never counted as grades.
    if (year.gradeKind === 'slutbetyg' && dataQuality.some((q) => q.codeY + q.codeZ > 0)) problems.push(...codeProblems(keep !== false ? table : { ...table, pupils: coded }, year.yearGroup, lang));
    return {
      sheet: table.sheet,
      scale,
      yearGroup: year.yearGroup,
      yearGroupSource: year.source,
      gradeKind: year.gradeKind,
      meanGradePoints,
      dataQuality,
      pupils,
      summary,
      groups: [...genderGroups, ...schoolGroups, ...classGroups, ...swedishGroups, ...backgroundGroups],
      subjects,
      tests: testFigures,
      testMatch,
      testResults: tests ? testResultFigures(tests, threshold) : null,
      problems,
      schoolGenders,
    };
  };
  return { add, finish };
}

/**
 * The `nyanland` groups: all pupils (`med-nyanlanda`, the total's figures) and all but the newly
 * arrived and those of unknown background (`utan-nyanlanda` = total − excluded). The excluded are never
 * shown as a group of their own, so they count as a hidden part: while they are 1–9 pupils, showing
 * `utan` beside the total would give their figures away, and `utan` is hidden (`hiddenParts`, §6).
 * Example: 30 pupils, 4 newly arrived: utan (26) would give the 4 away, so it is `..`; with 12 newly
 * arrived, utan (18) is shown.
 */
function nyanlandGroups(total: GroupAccumulator, excluded: GroupAccumulator, threshold: number, totalHidden: boolean, lang: Settings['lang']): GroupIndicators[] {
  const label = (k: string) => t(lang, `grades.group.${k}`);
  const utan = newGroupAccumulator();
  mergeInto(utan, total);
  mergeInto(utan, excluded, -1);
  const split = new Split();
  split.parts.set('utan-nyanlanda', utan);
  mergeInto(split.unknown, excluded);
  const withAll = groupFigures(total, { by: 'nyanland', key: 'med-nyanlanda', label: label('med-nyanlanda') }, threshold);
  return [withAll, ...split.figures('nyanland', threshold, totalHidden, label)];
}

/** Column letters of the subject columns, by subject (and subject + language), for cell addresses. */
function subjectLetters(table: GradeTable): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of table.columns) {
    const m = c.mapping;
    if (m?.role !== 'subject') continue;
    if (m.language) out.set(`${m.subject} ${m.language}`, c.letter);
    if (!out.has(m.subject)) out.set(m.subject, c.letter);
  }
  return out;
}

/** A problem per Y/Z cell of a file read as slutbetyg, with its address. */
function codeProblems(table: GradeTable, year: number, lang: Settings['lang']): Problem[] {
  const letters = subjectLetters(table);
  const sheet = quoteSheet(table.sheet);
  const out: Problem[] = [];
  for (const p of table.pupils) {
    for (const g of p.grades) {
      if (g.entry.kind !== 'code') continue;
      const letter = (g.language && letters.get(`${g.subject} ${g.language}`)) || letters.get(g.subject);
      const cell = g.cell ?? `${sheet}!${letter ?? 'A'}${p.row}`;
      const value = g.entry.code;
      out.push({
        cell, value, code: 'grades.codeNotInFile', severity: 'error',
        message: t(lang, 'grades.problem.codeNotInFile', { value, subject: g.subject, cell, meaning: t(lang, `grades.code.${value}`), year }),
      });
    }
  }
  return out;
}
