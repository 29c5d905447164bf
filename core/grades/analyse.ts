/**
 * The grades analysis of one file: every pupil evaluated, the §5 indicators for the whole file and
 * per gender, school and class (suppressed per cell, complementary suppression within each split),
 * the subject table, and national tests compared with final grades.
 */
import { t } from '../i18n';
import type { Figure, GradeScaleId, Lang, Problem, PupilEvaluation, Settings, SubjectCode, TestTable } from '../types';
import { groupIndicators, subjectIndicators, type GroupIndicators, type SubjectIndicators } from '../stats/indicators';
import { hiddenParts, share, suppress } from '../stats/suppress';
import type { GradeTable } from '../types';
import { evaluatePupil } from './evaluate';
import { gradeRank, isGraded } from './scale';

export interface TestComparison {
  subject: SubjectCode;
  /** Pupils with both an A–F test grade and an A–F final grade in the subject. */
  n: number;
  lower: number;
  same: number;
  higher: number;
  lowerShare: Figure;
  sameShare: Figure;
  higherShare: Figure;
}

export interface GradeAnalysis {
  sheet: string;
  scale: GradeScaleId;
  pupils: PupilEvaluation[];
  summary: GroupIndicators;
  /** Gender (F, M), school and class groups, in that order. */
  groups: GroupIndicators[];
  subjects: SubjectIndicators[];
  tests: TestComparison[] | null;
  problems: Problem[];
}

function label(lang: Lang, by: 'gender', key: string): string {
  return key === 'F' ? t(lang, 'common.girls') : key === 'M' ? t(lang, 'common.boys') : t(lang, 'common.unknownGender');
}

function groupsOf<K>(evals: readonly PupilEvaluation[], keyOf: (e: PupilEvaluation) => K): Map<K, PupilEvaluation[]> {
  const m = new Map<K, PupilEvaluation[]>();
  for (const e of evals) {
    const k = keyOf(e);
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  }
  return m;
}

/** Splits a shown whole into parts with complementary suppression; parts with a null key are never displayed. */
function splitGroups(
  evals: readonly PupilEvaluation[],
  by: 'gender' | 'school' | 'class',
  keyOf: (e: PupilEvaluation) => string | null,
  labelOf: (key: string) => string,
  threshold: number,
  wholeHidden: boolean,
): GroupIndicators[] {
  const groups = groupsOf(evals, keyOf);
  const keys = [...groups.keys()].filter((k): k is string => k !== null).sort((a, b) => a.localeCompare(b, 'sv'));
  const sizes = keys.map((k) => groups.get(k)!.length);
  const unknown = groups.get(null)?.length ?? 0;
  const hidden = wholeHidden ? keys.map(() => true) : hiddenParts([...sizes, unknown], threshold, [...keys.map(() => true), false]);
  return keys.map((k, i) => groupIndicators(groups.get(k)!, { by, key: k, label: labelOf(k) }, threshold, hidden[i]));
}

/**
 * Provbetyg vs slutbetyg (domain §5): for pupils with both an A–F test grade and an A–F final grade
 * in a subject, how many final grades are lower, the same, higher [C: Skolverket publishes these
 * three shares]. Joined on normalised personnummer (else id). Codes 99/88/77 and blanks are not
 * test grades.
 * @example compareTestsWithGrades(evals, tests, 10)[0] // { subject: 'Ma', n: 120, lower: 10, same: 80, higher: 30, … }
 */
export function compareTestsWithGrades(evals: readonly PupilEvaluation[], tests: TestTable, threshold: number): TestComparison[] {
  const byId = new Map<string, PupilEvaluation>();
  for (const e of evals) byId.set(e.pupil.personnummer ?? e.pupil.id, e);
  const acc = new Map<SubjectCode, { n: number; lower: number; same: number; higher: number }>();
  for (const rec of tests.records) {
    const e = byId.get(rec.personnummer ?? rec.id);
    if (!e) continue;
    for (const r of rec.results) {
      if (!r.mark) continue;
      const test = gradeRank({ kind: 'grade', mark: r.mark });
      const final = e.pupil.grades.find((g) => g.subject === r.subject && isGraded(g.entry));
      if (test === null || !final) continue;
      const fr = gradeRank(final.entry);
      if (fr === null) continue;
      let a = acc.get(r.subject);
      if (!a) acc.set(r.subject, (a = { n: 0, lower: 0, same: 0, higher: 0 }));
      a.n++;
      if (fr < test) a.lower++;
      else if (fr === test) a.same++;
      else a.higher++;
    }
  }
  const order: SubjectCode[] = ['Sv', 'Sva', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Ge', 'Hi', 'Re', 'Sh'];
  return order.filter((s) => acc.has(s)).map((subject) => {
    const a = acc.get(subject)!;
    return {
      subject, ...a,
      lowerShare: suppress(share(a.lower, a.n), a.n, threshold),
      sameShare: suppress(share(a.same, a.n), a.n, threshold),
      higherShare: suppress(share(a.higher, a.n), a.n, threshold),
    };
  });
}

/**
 * Analyses a grade table: evaluates every pupil and computes the group indicators.
 * Denominators follow domain §5: eligibility shares over all pupils of the file; mean meritvärde
 * over pupils with at least one pass.
 * @example analyseGrades(table, DEFAULT_SETTINGS).summary.meanMeritValue17 // 226.1
 */
export function analyseGrades(table: GradeTable, settings: Settings, tests?: TestTable): GradeAnalysis {
  const threshold = settings.suppressionThreshold;
  const lang = settings.lang;
  const pupils = table.pupils.map((p) => evaluatePupil(p, { ...settings, scale: table.scale }));
  const summary = groupIndicators(pupils, { by: 'all', key: 'all', label: t(lang, 'common.total') }, threshold);
  const gender = splitGroups(pupils, 'gender', (e) => e.pupil.gender, (k) => label(lang, 'gender', k), threshold, false);
  const schools = splitGroups(pupils, 'school', (e) => e.pupil.school, (k) => k, threshold, false);
  // Classes are parts of their school: complementary suppression within each school.
  const classes: GroupIndicators[] = [];
  const bySchool = groupsOf(pupils, (e) => e.pupil.school ?? '');
  for (const [school, list] of bySchool) {
    const schoolHidden = schools.find((s) => s.key === school);
    const hidden = schoolHidden ? schoolHidden.eligibleShare.YRK === '..' : false;
    for (const g of splitGroups(list, 'class', (e) => e.pupil.className, (k) => k, threshold, hidden)) {
      if (school) g.parent = school;
      classes.push(g);
    }
  }
  classes.sort((a, b) => (a.parent ?? '').localeCompare(b.parent ?? '', 'sv') || a.key.localeCompare(b.key, 'sv'));
  const problems = [...table.problems, ...(tests?.problems ?? [])];
  return {
    sheet: table.sheet,
    scale: table.scale,
    pupils,
    summary,
    groups: [...gender, ...schools, ...classes],
    subjects: subjectIndicators(pupils, threshold),
    tests: tests ? compareTestsWithGrades(pupils, tests, threshold) : null,
    problems,
  };
}
