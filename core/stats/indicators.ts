/**
 * The group indicators Skolverket publishes (domain §5), per group, suppressed per cell (§6).
 *
 * - Andel behöriga: eligible / all pupils of the group (everyone with a slutbetyg record) [C].
 * - Genomsnittligt meritvärde: mean over pupils with at least one passing grade [C: Skolverket].
 * - Andel med godkända betyg i alla ämnen: see `allSubjectsPassed` [S/D].
 * - Per subject: distribution of A–F over pupils graded A–F, streck and code 3 counted apart, mean
 *   points over pupils with A–F [D].
 */
import type { Figure, GradeMark, GroupKey, ProgramCode, PupilEvaluation, SubjectCode } from '../types';
import { PROGRAM_CODES } from '../types';
import { gradePoints } from '../grades/scale';
import { SUBJECT_ORDER } from '../grades/subjects';
import { hiddenParts, share, suppress } from './suppress';

export interface GroupIndicators {
  by: GroupKey['by'];
  key: string;
  /** Display label (school name, class, Flickor/Pojkar, Totalt). */
  label: string;
  /** For a class: the school it belongs to. */
  parent?: string;
  pupils: number;
  /** Pupils with at least one passing grade: the merit mean's denominator. */
  withPass: number;
  eligibleShare: Record<ProgramCode, Figure>;
  meanMeritValue16: Figure;
  meanMeritValue17: Figure;
  allSubjectsPassedShare: Figure;
}

const HIDDEN_ELIGIBILITY = Object.fromEntries(PROGRAM_CODES.map((c) => [c, '..'])) as Record<ProgramCode, Figure>;

/**
 * Indicators of one group of evaluated pupils. `hidden` (complementary suppression decided by the
 * caller) turns every figure into `..`.
 * Worked example §11.7: meritvärde 17 of 245, 0 and 200 → mean over pupils with a pass (245 + 200) / 2
 * = 222.5; shares divide by all 3 (threshold 1 here so nothing is suppressed).
 * @example groupIndicators(evals, { by: 'all', key: 'all', label: 'Totalt' }, 10).eligibleShare.YRK // 0.85
 */
export function groupIndicators(evals: readonly PupilEvaluation[], group: { by: GroupKey['by']; key: string; label: string }, threshold: number, hidden = false): GroupIndicators {
  const n = evals.length;
  const eligible = Object.fromEntries(PROGRAM_CODES.map((c) => [c, 0])) as Record<ProgramCode, number>;
  let withPass = 0;
  let sum16 = 0;
  let sum17 = 0;
  let allPassed = 0;
  for (const e of evals) {
    for (const c of PROGRAM_CODES) if (e.eligibility[c].eligible) eligible[c]++;
    if (e.passed > 0) {
      withPass++;
      sum16 += e.meritValue16;
      sum17 += e.meritValue17;
    }
    if (e.allSubjectsPassed) allPassed++;
  }
  if (hidden) {
    return { ...group, pupils: n, withPass, eligibleShare: { ...HIDDEN_ELIGIBILITY }, meanMeritValue16: n ? '..' : '.', meanMeritValue17: n ? '..' : '.', allSubjectsPassedShare: n ? '..' : '.' };
  }
  const eligibleShare = {} as Record<ProgramCode, Figure>;
  for (const c of PROGRAM_CODES) eligibleShare[c] = suppress(share(eligible[c], n), n, threshold);
  return {
    ...group,
    pupils: n,
    withPass,
    eligibleShare,
    meanMeritValue16: suppress(withPass ? sum16 / withPass : null, withPass, threshold),
    meanMeritValue17: suppress(withPass ? sum17 / withPass : null, withPass, threshold),
    allSubjectsPassedShare: suppress(share(allPassed, n), n, threshold),
  };
}

export type DistributionMark = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
const MARKS: readonly DistributionMark[] = ['A', 'B', 'C', 'D', 'E', 'F'];

export interface SubjectIndicators {
  subject: SubjectCode;
  /** Pupils graded A–F in the subject. */
  graded: number;
  counts: Record<DistributionMark, number>;
  /** Shares of the graded pupils, suppressed when graded < threshold. */
  shares: Record<DistributionMark, Figure>;
  streck: number;
  notStudied: number;
  passShare: Figure;
  meanPoints: Figure;
  meanPointsGirls: Figure;
  meanPointsBoys: Figure;
}

/**
 * Grade distribution and mean points per subject (A–F scale), in report order. M1/M2/ML are
 * pooled over languages. Subjects nobody was graded in (and with no streck or code 3) are left out.
 * @example subjectIndicators(evals, 10)[0].subject // 'Sv'
 */
export function subjectIndicators(evals: readonly PupilEvaluation[], threshold: number): SubjectIndicators[] {
  type Acc = { counts: Record<DistributionMark, number>; streck: number; notStudied: number; sum: number; sumF: number; nF: number; sumM: number; nM: number };
  const acc = new Map<SubjectCode, Acc>();
  const get = (s: SubjectCode): Acc => {
    let a = acc.get(s);
    if (!a) {
      a = { counts: { A: 0, B: 0, C: 0, D: 0, E: 0, F: 0 }, streck: 0, notStudied: 0, sum: 0, sumF: 0, nF: 0, sumM: 0, nM: 0 };
      acc.set(s, a);
    }
    return a;
  };
  for (const e of evals) {
    const gender = e.pupil.gender;
    for (const g of e.pupil.grades) {
      const en = g.entry;
      if (en.kind === 'grade') {
        if (!(MARKS as readonly GradeMark[]).includes(en.mark)) continue;
        const a = get(g.subject);
        a.counts[en.mark as DistributionMark]++;
        const p = gradePoints(en, 'AF');
        a.sum += p;
        if (gender === 'F') { a.sumF += p; a.nF++; }
        else if (gender === 'M') { a.sumM += p; a.nM++; }
      } else if (en.kind === 'streck') get(g.subject).streck++;
      else if (en.kind === 'notStudied') get(g.subject).notStudied++;
    }
  }
  const out: SubjectIndicators[] = [];
  for (const subject of SUBJECT_ORDER) {
    const a = acc.get(subject);
    if (!a) continue;
    const graded = MARKS.reduce((s, m) => s + a.counts[m], 0);
    const shares = {} as Record<DistributionMark, Figure>;
    for (const m of MARKS) shares[m] = suppress(share(a.counts[m], graded), graded, threshold);
    const passes = graded - a.counts.F;
    // Girls/boys split: the smaller of the two hides the other too when it is under the threshold.
    // Girls/boys beside the shown total: complementary suppression, unknown gender counted as hidden.
    const [hideF, hideM] = graded >= threshold ? hiddenParts([a.nF, a.nM, graded - a.nF - a.nM], threshold, [true, true, false]) : [true, true];
    out.push({
      subject,
      graded,
      counts: a.counts,
      shares,
      streck: a.streck,
      notStudied: a.notStudied,
      passShare: suppress(share(passes, graded), graded, threshold),
      meanPoints: suppress(graded ? a.sum / graded : null, graded, threshold),
      meanPointsGirls: hideF ? (a.nF ? '..' : '.') : suppress(a.sumF / a.nF, a.nF, threshold),
      meanPointsBoys: hideM ? (a.nM ? '..' : '.') : suppress(a.sumM / a.nM, a.nM, threshold),
    });
  }
  return out;
}
