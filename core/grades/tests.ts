/**
 * Provbetyg vs slutbetyg (domain §5): national test grades compared with final grades.
 * [C: Skolverket publishes exactly the three shares lower / same / higher]
 */
import type { Figure, PupilRecord, SubjectCode, TestRecord, TestTable } from '../types';
import type { Test3Table } from '../table/tests';
import { share } from '../stats/share';
import { suppress } from '../stats/suppress';
import { SUBJECT_ORDER } from './subjects';

/** One subject: pupils with both an A–F test grade and an A–F final grade, and how the final grade relates. */
export interface TestComparison {
  subject: SubjectCode;
  /** Pupils with both an A–F test grade and an A–F final grade in the subject. */
  n: number;
  /** Final grade lower than the test grade. */
  lower: number;
  same: number;
  /** Final grade higher than the test grade. */
  higher: number;
}

/** A comparison with its three shares, each suppressed on `n` (domain §6). */
export interface TestComparisonFigures extends TestComparison {
  lowerShare: Figure;
  sameShare: Figure;
  higherShare: Figure;
}

/** How the test file joined the grade file. */
export interface TestMatch {
  /** Test records whose pupil is in the grade file. */
  matched: number;
  /** Test records with no pupil in the grade file (listed as problems by `analyseGrades`). */
  unmatched: number;
  /** 1-based rows of the unmatched test records. */
  unmatchedRows: number[];
  /** Pupils of the grade file with no test record. */
  pupilsWithoutTest: number;
}

const AF_RANK: Readonly<Record<string, number>> = { F: 0, E: 1, D: 2, C: 3, B: 4, A: 5 };

/** The join key: normalised personnummer, else the id (trimmed), on both files alike. */
function joinKey(r: { personnummer: string | null; id: string }): string {
  return r.personnummer ?? String(r.id).trim();
}

function indexPupils(pupils: readonly PupilRecord[]): Map<string, PupilRecord> {
  const byKey = new Map<string, PupilRecord>();
  for (const p of pupils) {
    const k = joinKey(p);
    if (!byKey.has(k)) byKey.set(k, p); // a duplicate id is the reader's problem; the first row wins
  }
  return byKey;
}

/**
 * Compares national test grades with final grades per subject (domain §5): among pupils with both an
 * A–F test grade and an A–F final grade in the subject (joined on normalised personnummer, else id),
 * how many final grades are lower than, the same as, higher than the test grade (rank F 0 … A 5).
 * Codes 99/88/77 and blanks are no test grades; streck and codes 2/3 are no final grades.
 * [C: Skolverket publishes these three shares]
 * Example: Ma final C for 10 pupils, tests B, B, C×5, D×3 → lower 2, same 5, higher 3.
 * @example compareTestsWithGrades(pupils, tests)[0] // { subject: 'Ma', n: 10, lower: 2, same: 5, higher: 3 }
 */
export function compareTestsWithGrades(pupils: readonly PupilRecord[], tests: TestTable): TestComparison[] {
  const byKey = indexPupils(pupils);
  const acc = new Map<SubjectCode, TestComparison>();
  for (const rec of tests.records) {
    const p = byKey.get(joinKey(rec));
    if (!p) continue;
    for (const r of rec.results) {
      const test = r.mark ? AF_RANK[r.mark] : undefined;
      if (test === undefined) continue;
      let final: number | undefined;
      for (const g of p.grades) {
        if (g.subject === r.subject && g.entry.kind === 'grade' && AF_RANK[g.entry.mark] !== undefined) {
          final = AF_RANK[g.entry.mark];
          break;
        }
      }
      if (final === undefined) continue;
      let a = acc.get(r.subject);
      if (!a) acc.set(r.subject, (a = { subject: r.subject, n: 0, lower: 0, same: 0, higher: 0 }));
      a.n++;
      if (final < test) a.lower++;
      else if (final === test) a.same++;
      else a.higher++;
    }
  }
  return SUBJECT_ORDER.filter((s) => acc.has(s)).map((s) => acc.get(s)!);
}

/**
 * How a test file joins a grade file: matched and unmatched test records, pupils without a test.
 * Example: 11 pupils, test records for 10 of them and one for an unknown id → matched 10, unmatched 1,
 * pupils without test 1.
 * @example matchTests(pupils, tests).unmatched // 1
 */
export function matchTests(pupils: readonly PupilRecord[], tests: TestTable): TestMatch {
  const byKey = indexPupils(pupils);
  const seen = new Set<string>();
  const unmatchedRows: number[] = [];
  let matched = 0;
  for (const rec of tests.records as readonly TestRecord[]) {
    const k = joinKey(rec);
    if (byKey.has(k)) {
      matched++;
      seen.add(k);
    } else unmatchedRows.push(rec.row);
  }
  return { matched, unmatched: unmatchedRows.length, unmatchedRows, pupilsWithoutTest: byKey.size - seen.size };
}

/**
 * Adds the three shares, each suppressed on the comparison's own `n` (domain §6).
 * Example: lower 2, same 5, higher 3 of n 10 → 0.2, 0.5, 0.3 at threshold 10.
 * @example testShares({ subject: 'Ma', n: 10, lower: 2, same: 5, higher: 3 }, 10).sameShare // 0.5
 */
export function testShares(c: TestComparison, threshold: number): TestComparisonFigures {
  return {
    ...c,
    lowerShare: suppress(share(c.lower, c.n), c.n, threshold),
    sameShare: suppress(share(c.same, c.n), c.n, threshold),
    higherShare: suppress(share(c.higher, c.n), c.n, threshold),
  };
}

/** National test results per subject (åk 6 and åk 9): provbetyg A–F and the codes kept apart. */
export interface TestResultFigures {
  subject: SubjectCode;
  /** Pupils with a provbetyg A–F: the denominator of `passShare`. */
  graded: number;
  /** Provbetyg A–E / A–F, suppressed when `graded` < threshold. */
  passShare: Figure;
  /** Code 99: did not take every sub-test (no provbetyg). */
  notTaken: number;
  /** Code 88: the result was lost. */
  lost: number;
  /** Code 77: took the replacement test (åk 9). */
  replacement: number;
  /** Blank: taken digitally, reported through Skolverket's provportal (no result in the file). */
  portal: number;
}

/**
 * Per subject of an åk 6 or åk 9 test file: the share with at least E (provbetyg A–E over
 * provbetyg A–F) and, kept apart, the counts of 99 (not every sub-test taken), 88 (lost), 77
 * (replacement test) and blank (reported through the provportal). None of the codes is a result
 * or in the denominator. The files have no separate code for exempt or ill pupils: 99 covers both.
 * [C: SCB datafilsbeskrivning np6 and np9 2026] Counts are about the file, not results: not suppressed.
 * Example: Ma A, C, F, 99, 88 → graded 3, passShare 2/3, notTaken 1, lost 1.
 * @example testResultFigures(tests, 1).find((x) => x.subject === 'Ma')?.passShare // 0.6667
 */
export function testResultFigures(tests: TestTable, threshold: number): TestResultFigures[] {
  const by = new Map<SubjectCode, { graded: number; passed: number; notTaken: number; lost: number; replacement: number; portal: number }>();
  for (const rec of tests.records) {
    for (const r of rec.results) {
      let x = by.get(r.subject);
      if (!x) by.set(r.subject, (x = { graded: 0, passed: 0, notTaken: 0, lost: 0, replacement: 0, portal: 0 }));
      if (r.mark) {
        x.graded++;
        if (r.mark !== 'F') x.passed++;
      } else if (r.code === '99') x.notTaken++;
      else if (r.code === '88') x.lost++;
      else if (r.code === '77') x.replacement++;
      else if (r.code === 'blank') x.portal++;
    }
  }
  const order = new Map(SUBJECT_ORDER.map((s, i) => [s, i]));
  return [...by].sort((a, b) => (order.get(a[0]) ?? 99) - (order.get(b[0]) ?? 99)).map(([subject, x]) => ({
    subject, graded: x.graded, passShare: suppress(share(x.passed, x.graded), x.graded, threshold),
    notTaken: x.notTaken, lost: x.lost, replacement: x.replacement, portal: x.portal,
  }));
}

/** The åk 3 test per subject (Ma; Sv meaning svenska/svenska som andraspråk). */
export interface Subtest3Figures {
  subject: 'Ma' | 'Sv';
  /** Sub-tests given this year: those with an entry for some pupil of the file. */
  subtests: string[];
  /** Pupils with any entry (result or code) in the subject's sub-tests: the denominator. */
  pupils: number;
  /** A result (0 or 1) in every given sub-test. */
  tookAll: number;
  /** 1 (nått kravnivån) in every given sub-test. */
  passedAll: number;
  tookAllShare: Figure;
  passedAllShare: Figure;
  /** Pupils with 99 (ej deltagit) in at least one sub-test. */
  notTaken: number;
  /** Pupils with 88 (försvunnit) in at least one sub-test. */
  lost: number;
}

/**
 * The åk 3 national test (no provbetyg): per subject the share of pupils who took every sub-test
 * and the share who passed (reached the required level in) every sub-test. A sub-test blank for every
 * pupil of the file is taken as not given that year; a pupil counts when they have any entry in the
 * subject. 99 (not taken) and 88 (lost) are not results: such a pupil did not take (or has no result
 * in) every sub-test; they are also counted apart. Shares suppressed on the pupils (< threshold → `..`).
 * [C: SCB datafilsbeskrivning np3 2026; D: denominators, docs/decisions.md]
 * Example: Ma over 4 pupils with sub-tests 1 1, 1 0, 99 1, 1 88 → took all 2/4, passed all 1/4.
 * @example subtest3Figures(table3, 1)[0].tookAllShare // 0.5
 */
export function subtest3Figures(table: Test3Table, threshold: number): Subtest3Figures[] {
  const out: Subtest3Figures[] = [];
  for (const [subject, field, names] of [['Ma', 'ma', table.maSubtests], ['Sv', 'sv', table.svSubtests]] as const) {
    if (!names.length) continue;
    const given = names.map((_, i) => table.records.some((r) => r[field][i] !== 'blank'));
    let pupils = 0;
    let tookAll = 0;
    let passedAll = 0;
    let notTaken = 0;
    let lost = 0;
    for (const r of table.records) {
      const v = r[field].filter((_, i) => given[i]);
      if (v.every((x) => x === 'blank')) continue;
      pupils++;
      if (v.every((x) => x === 0 || x === 1)) tookAll++;
      if (v.every((x) => x === 1)) passedAll++;
      if (v.includes('99')) notTaken++;
      if (v.includes('88')) lost++;
    }
    const f = (x: number) => suppress(share(x, pupils), pupils, threshold);
    out.push({ subject, subtests: names.filter((_, i) => given[i]), pupils, tookAll, passedAll, tookAllShare: f(tookAll), passedAllShare: f(passedAll), notTaken, lost });
  }
  return out;
}
