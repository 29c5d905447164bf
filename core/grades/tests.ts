/**
 * Provbetyg vs slutbetyg (domain §5): national test grades compared with final grades.
 * [C: Skolverket publishes exactly the three shares lower / same / higher]
 */
import type { Figure, PupilRecord, SubjectCode, TestRecord, TestTable } from '../types';
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
