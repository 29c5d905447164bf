/**
 * Absence against results: the grade indicators of the pupils in each total-absence band, and per
 * subject the mean grade points by band. Every figure is suppressed on its own denominator, and the
 * bands are parts of the whole file, so a hidden band is protected by complementary suppression.
 */
import type { Figure, GradeScaleId, PupilEvaluation, SubjectCode } from '../types';
import { gradePoints, isGraded } from '../grades/scale';
import { hiddenParts } from '../stats/suppress-table';
import { mean, share, suppress } from '../stats';
import { bandIndex } from './bands';
import type { AttendancePlan } from './ladder';
import type { PupilAttendance } from './types';

export interface BandResult {
  band: number;
  /** Pupils with grades and an absence share in this band. */
  pupils: number;
  /** Share eligible for yrkesprogram (åk 9). */
  eligibleShare: Figure;
  /** Mean meritvärde 17 over the band's pupils with at least one pass (Skolverket's rule). */
  meanMeritValue17: Figure;
  /** Share with a pass (A–E) in all subjects (the åk 6 indicator; shown for åk 9 too). */
  allSubjectsPassedShare: Figure;
}

export interface SubjectBandResult {
  subject: SubjectCode;
  /** Per band: mean grade points of the pupils graded A–F in the subject, suppressed on that count. */
  meanPoints: Figure[];
  graded: number[];
}

export interface AbsenceResults {
  bands: BandResult[];
  subjects: SubjectBandResult[];
}

/**
 * Joins evaluations with attendance (on personnummer, else id) and groups the pupils by their
 * total-absence band. Worked: a band of 10 pupils, 7 eligible → 0.7; a band of 9 → `..` and, when
 * only one band is hidden, the smallest shown band too (else total − shown bands reveals it).
 * @example absenceAgainstResults(evaluations, attendance, plan, 10, 'AF').bands[0].pupils // 12
 */
export function absenceAgainstResults(evaluations: readonly PupilEvaluation[], attendance: readonly PupilAttendance[], plan: Pick<AttendancePlan, 'bands'>, threshold: number, scale: GradeScaleId = 'AF'): AbsenceResults {
  const byId = new Map<string, PupilAttendance>();
  for (const a of attendance) byId.set(a.personnummer ?? a.id, a);
  const k = plan.bands.total.length + 1;
  const members: PupilEvaluation[][] = Array.from({ length: k }, () => []);
  for (const e of evaluations) {
    const a = byId.get(e.pupil.personnummer ?? e.pupil.id);
    const b = a ? bandIndex(a.absenceShare, plan.bands.total) : null;
    if (b !== null) members[b].push(e);
  }
  const hidden = hiddenParts(members.map((m) => m.length), threshold);
  const fig = (v: number | null, n: number, i: number): Figure => (hidden[i] ? (n > 0 ? '..' : '.') : suppress(v, n, threshold));
  const bands = members.map((m, i) => {
    const withPass = m.filter((e) => e.passed > 0);
    return {
      band: i,
      pupils: m.length,
      eligibleShare: fig(share(m.filter((e) => e.eligibility.YRK.eligible).length, m.length), m.length, i),
      meanMeritValue17: fig(mean(withPass.map((e) => e.meritValue17)), withPass.length, i),
      allSubjectsPassedShare: fig(share(m.filter((e) => e.allSubjectsPassed).length, m.length), m.length, i),
    };
  });
  // Subjects in the order first met; M1/M2/ML pooled as one subject each.
  const subjects = new Map<SubjectCode, { sum: number[]; n: number[] }>();
  members.forEach((m, i) => {
    for (const e of m) {
      for (const g of e.pupil.grades) {
        if (!isGraded(g.entry, scale)) continue;
        let s = subjects.get(g.subject);
        if (!s) subjects.set(g.subject, (s = { sum: new Array(k).fill(0), n: new Array(k).fill(0) }));
        s.sum[i] += gradePoints(g.entry, scale);
        s.n[i]++;
      }
    }
  });
  return {
    bands,
    subjects: [...subjects.entries()].map(([subject, s]) => ({
      subject, graded: s.n,
      meanPoints: s.n.map((n, i) => fig(n > 0 ? s.sum[i] / n : null, n, i)),
    })),
  };
}
