/**
 * The group indicators Skolverket publishes (domain §5), per group, suppressed per cell (§6).
 *
 * - Andel behöriga: eligible / all pupils of the group (everyone with a slutbetyg record) [C].
 * - Genomsnittligt meritvärde: mean over pupils with at least one passing grade [C: Skolverket].
 * - Andel med godkända betyg i alla ämnen: see `allSubjectsPassed` [S/D].
 * - Per subject: distribution of A–F over pupils graded A–F, streck and code 3 counted apart, mean
 *   points over pupils with A–F [D].
 */
import type { Figure, Gender, GradeMark, GradeScaleId, GroupKey, ProgramCode, PupilEvaluation, SubjectCode } from '../types';
import { PROGRAM_CODES } from '../types';
import { SCALE_MARKS } from '../grades/scale';
import { LEVEL_POINTS, PASS_LEVELS, SUBJECT_BIT, scanGrades, scanned } from '../grades/scan';
import { SUBJECT_ORDER } from '../grades/subjects';
import { share } from './share';
import { suppress } from './suppress';
import { hiddenParts } from './suppress-table';

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
  /** True when complementary suppression hid the whole group. */
  hidden?: boolean;
  eligibleShare: Record<ProgramCode, Figure>;
  meanMeritValue16: Figure;
  meanMeritValue17: Figure;
  /** Over the pupils with an A–F grade or a streck in at least one subject (docs/decisions.md, issue 15). */
  allSubjectsPassedShare: Figure;
  /** Share not eligible for yrkesprogram but at most 2 passes short [D, §3]. */
  nearEligibleShare?: Figure;
  /** Pupils with an A–F grade or a streck in at least one subject: the denominator of `allSubjectsPassedShare`. */
  assessed?: number;
  /** E or better in Sv (Sv or Sva), En and Ma, each over the pupils with A–F or streck in it. */
  subjectPassShare?: Record<CoreSubject, Figure>;
  /** Median meritvärde 17 over the pupils with at least one pass (the mean's denominator); the whole file only. */
  medianMeritValue17?: Figure;
}

/** The three subjects of `subjectPassShare`; `Sv` means Sv or Sva. */
export type CoreSubject = 'Sv' | 'En' | 'Ma';
export const CORE_SUBJECTS: readonly CoreSubject[] = ['Sv', 'En', 'Ma'];
const SV_BIT = SUBJECT_BIT.Sv;
const EN_BIT = SUBJECT_BIT.En;
const MA_BIT = SUBJECT_BIT.Ma;

/** Bit of `extra` (see `pupilExtra`): an A–F grade or a streck in some subject. */
const EXTRA_ASSESSED = 1;

/**
 * The per-pupil facts beyond the evaluation that the group sums need, as bits, from the last
 * `scanGrades` (the pupil's): bit 0 assessed (A–F or streck somewhere), bits 1–3 Sv/En/Ma assessed,
 * bits 4–6 Sv/En/Ma passed.
 * @example scanGrades(grades, 'AF'); accumulate(acc, e, eligibleMask(e), pupilExtra())
 */
export function pupilExtra(): number {
  const a = scanned.assessedMask;
  const p = scanned.passMask;
  // Unrolled: Sv bit 0, En bit 2, Ma bit 3 of the subject masks (SUBJECT_BIT).
  return (a !== 0 ? EXTRA_ASSESSED : 0) | ((a & SV_BIT) !== 0 ? 2 : 0) | ((a & EN_BIT) !== 0 ? 4 : 0) | ((a & MA_BIT) !== 0 ? 8 : 0)
    | ((p & SV_BIT) !== 0 ? 16 : 0) | ((p & EN_BIT) !== 0 ? 32 : 0) | ((p & MA_BIT) !== 0 ? 64 : 0);
}


/** Running sums of one group, filled pupil by pupil (one pass over a file for every group). */
export interface GroupAccumulator {
  n: number;
  /** Eligible pupils per target, in `PROGRAM_CODES` order. */
  eligible: number[];
  withPass: number;
  sum16: number;
  sum17: number;
  allPassed: number;
  nearEligible: number;
  /** Pupils with A–F or streck somewhere (denominator of all-subjects-passed). */
  assessed: number;
  /** Sv (or Sva), En, Ma: pupils with A–F or streck in it, and pupils with A–E in it. */
  svAssessed: number;
  enAssessed: number;
  maAssessed: number;
  svPassed: number;
  enPassed: number;
  maPassed: number;
}

/** Bins of a meritvärde 17 histogram: 0, 2.5, …, 340. */
export const MERIT_BINS = 137;

/**
 * An empty group accumulator.
 * @example newGroupAccumulator().n // 0
 */
export function newGroupAccumulator(): GroupAccumulator {
  return { n: 0, eligible: PROGRAM_CODES.map(() => 0), withPass: 0, sum16: 0, sum17: 0, allPassed: 0, nearEligible: 0,
    assessed: 0, svAssessed: 0, enAssessed: 0, maAssessed: 0, svPassed: 0, enPassed: 0, maPassed: 0 };
}

/**
 * The targets a pupil is eligible for as bits in `PROGRAM_CODES` order (YRK = bit 0 … PRIV = bit 7).
 * @example eligibleMask(evaluation) // 0b11111111 when eligible for every target
 */
export function eligibleMask(e: PupilEvaluation): number {
  const el = e.eligibility;
  // Unrolled: constant property names keep this cheap on the hot path.
  return (el.YRK.eligible ? 1 : 0) | (el.ES.eligible ? 2 : 0) | (el.EK.eligible ? 4 : 0) | (el.HU.eligible ? 8 : 0)
    | (el.SA.eligible ? 16 : 0) | (el.NA.eligible ? 32 : 0) | (el.TE.eligible ? 64 : 0) | (el.PRIV.eligible ? 128 : 0);
}

/**
 * Adds one evaluated pupil to a group's sums. Meritvärde sums only pupils with a pass (§4).
 * Pass `mask` (`eligibleMask(e)`) when adding one pupil to several groups.
 * @example accumulate(acc, evaluation) // acc.n grows by 1
 */
export function accumulate(acc: GroupAccumulator, e: PupilEvaluation, mask = eligibleMask(e), extra = extraOf(e)): void {
  acc.n++;
  const n = acc.eligible;
  for (let i = 0; mask !== 0; i++, mask >>>= 1) if (mask & 1) n[i]++;
  if (e.passed > 0) {
    acc.withPass++;
    acc.sum16 += e.meritValue16;
    acc.sum17 += e.meritValue17;
  }
  if (extra !== 0) {
    // Branch-free: each bit of `pupilExtra` adds 0 or 1.
    acc.assessed += extra & 1;
    acc.svAssessed += (extra >> 1) & 1;
    acc.enAssessed += (extra >> 2) & 1;
    acc.maAssessed += (extra >> 3) & 1;
    acc.svPassed += (extra >> 4) & 1;
    acc.enPassed += (extra >> 5) & 1;
    acc.maPassed += (extra >> 6) & 1;
  }
  if (e.allSubjectsPassed) acc.allPassed++;
  if (e.nearEligible) acc.nearEligible++;
}

/**
 * Adds the sums of `src` to `into` (a group made of parts: the total of its genders, a school of its classes).
 * @example mergeInto(school, classAcc) // school.n grows by classAcc.n
 */
export function mergeInto(into: GroupAccumulator, src: GroupAccumulator, sign: 1 | -1 = 1): void {
  // sign −1 takes a part out of a whole (Sv pupils = all − Sva − neither): every sum is additive.
  into.n += sign * src.n;
  for (let i = 0; i < into.eligible.length; i++) into.eligible[i] += sign * src.eligible[i];
  into.withPass += sign * src.withPass;
  into.sum16 += sign * src.sum16;
  into.sum17 += sign * src.sum17;
  into.allPassed += sign * src.allPassed;
  into.nearEligible += sign * src.nearEligible;
  into.assessed += sign * src.assessed;
  into.svAssessed += sign * src.svAssessed;
  into.enAssessed += sign * src.enAssessed;
  into.maAssessed += sign * src.maAssessed;
  into.svPassed += sign * src.svPassed;
  into.enPassed += sign * src.enPassed;
  into.maPassed += sign * src.maPassed;
}

/** The extra bits of a pupil evaluated elsewhere: scans its grades again (A–F scale). */
function extraOf(e: PupilEvaluation): number {
  scanGrades(e.pupil.grades, 'AF');
  return pupilExtra();
}

/**
 * Median of a meritvärde 17 histogram (bins of 2.5), the mean of the two middle values for an
 * even count; null when empty. Example: 200, 245, 250, 300 → (245 + 250) / 2 = 247.5.
 * @example medianOfBins(hist) // 247.5
 */
export function medianOfBins(h: Int32Array | null): number | null {
  if (!h) return null;
  let total = 0;
  for (let i = 0; i < h.length; i++) total += h[i];
  if (total === 0) return null;
  // 0-based ranks of the middle value(s): (total - 1) >> 1 and total >> 1.
  const lo = (total - 1) >> 1;
  const hi = total >> 1;
  let seen = 0;
  let a = -1;
  for (let i = 0; i < h.length; i++) {
    seen += h[i];
    if (a < 0 && seen > lo) a = i;
    if (seen > hi) return ((a + i) / 2) * 2.5;
  }
  return a * 2.5;
}

/**
 * The figures of a group from its sums, each suppressed on its own denominator: shares on the
 * group's pupils, mean meritvärde on the pupils with a pass [C: SIRIS; domain §6]. `hidden`
 * (complementary suppression decided by the caller) turns every figure into `..`.
 * Worked example §11.7: meritvärde 17 of 245, 0 and 200 → (245 + 200) / 2 = 222.5; shares over all 3.
 * @example groupFigures(acc, { by: 'all', key: 'all', label: 'Totalt' }, 1).meanMeritValue17 // 222.5
 */
export function groupFigures(acc: GroupAccumulator, group: { by: GroupKey['by']; key: string; label: string; parent?: string }, threshold: number, hidden = false): GroupIndicators {
  const n = acc.n;
  // Plain loops and literals: this runs once per class (5 000 for 100 000 pupils), mostly before the JIT has warmed.
  const eligibleShare = {} as Record<ProgramCode, Figure>;
  for (let i = 0; i < PROGRAM_CODES.length; i++) eligibleShare[PROGRAM_CODES[i]] = groupFigure(share(acc.eligible[i], n), n, threshold, hidden);
  const out: GroupIndicators = { by: group.by, key: group.key, label: group.label } as GroupIndicators;
  if (group.parent !== undefined) out.parent = group.parent;
  out.pupils = n;
  out.withPass = acc.withPass;
  out.eligibleShare = eligibleShare;
  out.meanMeritValue16 = groupFigure(share(acc.sum16, acc.withPass), acc.withPass, threshold, hidden);
  out.meanMeritValue17 = groupFigure(share(acc.sum17, acc.withPass), acc.withPass, threshold, hidden);
  out.allSubjectsPassedShare = groupFigure(share(acc.allPassed, acc.assessed), acc.assessed, threshold, hidden);
  out.nearEligibleShare = groupFigure(share(acc.nearEligible, n), n, threshold, hidden);
  out.assessed = acc.assessed;
  out.subjectPassShare = {
    Sv: groupFigure(share(acc.svPassed, acc.svAssessed), acc.svAssessed, threshold, hidden),
    En: groupFigure(share(acc.enPassed, acc.enAssessed), acc.enAssessed, threshold, hidden),
    Ma: groupFigure(share(acc.maPassed, acc.maAssessed), acc.maAssessed, threshold, hidden),
  };
  if (hidden) out.hidden = true;
  return out;
}

/** A figure suppressed on its own denominator, and `..` whenever the group is hidden (unless there is no data). */
function groupFigure(v: number | null, d: number, threshold: number, hidden: boolean): Figure {
  const f = suppress(v, d, threshold);
  return hidden && f !== '.' ? '..' : f;
}

/**
 * Indicators of one group of evaluated pupils (domain §5), suppressed per cell (§6).
 * Worked example §11.7: meritvärde 17 of 245, 0 and 200 → mean over pupils with a pass
 * (245 + 200) / 2 = 222.5; eligibility shares divide by all 3.
 * @example groupIndicators(evals, { by: 'all', key: 'all', label: 'Totalt' }, 1).meanMeritValue17 // 222.5
 */
export function groupIndicators(evals: readonly PupilEvaluation[], group: { by: GroupKey['by']; key: string; label: string }, threshold: number, hidden = false): GroupIndicators {
  const acc = newGroupAccumulator();
  for (const e of evals) accumulate(acc, e);
  return groupFigures(acc, group, threshold, hidden);
}

export type DistributionMark = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
const MARKS: readonly DistributionMark[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/** Grade distribution of one subject in one group of pupils. */
export interface SubjectDistribution {
  /** Pupils graded on the scale (A–F, or MVG–IG) in the subject. */
  graded: number;
  /** A–F counts (all 0 on the old scale: see `markCounts`). */
  counts: Record<DistributionMark, number>;
  /** Shares of the graded pupils, suppressed when graded < threshold. */
  shares: Record<DistributionMark, Figure>;
  /** Counts and shares by the table's own scale marks (A–F, or MVG/VG/G/IG: never mixed). */
  markCounts: Partial<Record<GradeMark, number>>;
  markShares: Partial<Record<GradeMark, Figure>>;
  /** Streck (SCB 9): not a grade, counted apart from F. */
  streck: number;
  /** Streck / (graded + streck): the share of assessed pupils without a basis for a grade. */
  streckShare: Figure;
  /** SCB code 3 (not studied). */
  notStudied: number;
  /** A–E / graded. */
  passShare: Figure;
  /** Mean points over pupils graded A–F in the subject [D, domain §5]. */
  meanPoints: Figure;
}

export interface SubjectIndicators extends SubjectDistribution {
  subject: SubjectCode;
  meanPointsGirls: Figure;
  meanPointsBoys: Figure;
  /** The same distribution for flickor and pojkar, with complementary suppression against the total. */
  byGender: { F: SubjectDistribution; M: SubjectDistribution };
}

const W = 15; // per tally: 8 levels, streck, code 3, code 2, blank, Y, Z, points sum (slots of scan.ts)
const STRECK = 8;
const NOT_STUDIED = 9;
const NOT_APPLICABLE = 10;
const MISSING = 11;
const CODE_Y = 12;
const CODE_Z = 13;
const POINTS = 14;

/** Per subject, what the cells of a file held (data quality, issue 15): counts over all pupils. */
export interface SubjectCellCounts {
  subject: SubjectCode;
  /** A grade on the table's scale (A–F, or MVG–IG). */
  valid: number;
  /** Empty cells. */
  blank: number;
  /** Streck: `-` or SCB code 9. */
  streck: number;
  /** SCB code 2 (not graded in a non-compulsory subject). */
  code2: number;
  /** SCB code 3 (not studied: anpassad studiegång). */
  code3: number;
  /** SCB åk 6 code Y: "ej erhållit kunskapsrelaterade betyg" (waldorf, international schools). */
  codeY: number;
  /** SCB åk 6 code Z: "ej undervisats i ämnet i åk 6". */
  codeZ: number;
}

function distribution(t: Float64Array, marks: readonly GradeMark[], passLevels: number, threshold: number, hidden: boolean): SubjectDistribution {
  let graded = 0;
  let passes = 0;
  for (let l = 0; l < marks.length; l++) {
    graded += t[l];
    if (l < passLevels) passes += t[l];
  }
  const streck = t[STRECK];
  const fig = (v: number | null, d: number): Figure => {
    const f = suppress(v, d, threshold);
    return hidden && f !== '.' ? '..' : f;
  };
  const counts = { A: 0, B: 0, C: 0, D: 0, E: 0, F: 0 } as Record<DistributionMark, number>;
  const shares = { A: '.', B: '.', C: '.', D: '.', E: '.', F: '.' } as Record<DistributionMark, Figure>;
  const markCounts: Partial<Record<GradeMark, number>> = {};
  const markShares: Partial<Record<GradeMark, Figure>> = {};
  marks.forEach((m, l) => {
    markCounts[m] = t[l];
    markShares[m] = fig(share(t[l], graded), graded);
    if (m in counts) {
      counts[m as DistributionMark] = t[l];
      shares[m as DistributionMark] = markShares[m]!;
    }
  });
  return {
    graded,
    counts,
    shares,
    markCounts,
    markShares,
    streck,
    streckShare: fig(share(streck, graded + streck), graded + streck),
    notStudied: t[NOT_STUDIED],
    passShare: fig(share(passes, graded), graded),
    meanPoints: fig(share(t[POINTS], graded), graded),
  };
}

/**
 * Running counts of the subject table (all pupils, flickor, pojkar), filled pupil by pupil. One
 * flat array, no allocation per pupil; `addScanned` reuses the grades engine's scan of the pupil.
 * @example const t = new SubjectTally('AF'); evals.forEach((e) => t.add(e)); t.figures(10) // = subjectIndicators(evals, 10)
 */
export class SubjectTally {
  private readonly t = new Float64Array(SUBJECT_ORDER.length * 3 * W);
  private readonly points: readonly number[];
  constructor(readonly scale: GradeScaleId = 'AF') {
    this.points = LEVEL_POINTS[scale];
  }

  /** Adds the grades of the pupil that `scanGrades` saw last. */
  addScanned(gender: Gender, grades: number): void {
    const t = this.t;
    const { slot, subject } = scanned;
    const block = gender === 'F' ? W : gender === 'M' ? 2 * W : -1;
    for (let i = 0; i < grades; i++) {
      const s = slot[i];
      const si = subject[i];
      if (s < 0 || si < 0) continue;
      const base = si * 3 * W;
      t[base + s]++;
      // Point sums are counts × points per level, filled in by `figures` (exact: multiples of 2.5).
      if (block > 0) t[base + block + s]++;
    }
  }

  /** Adds one evaluated pupil. */
  add(e: PupilEvaluation): void {
    scanGrades(e.pupil.grades, this.scale);
    this.addScanned(e.pupil.gender, e.pupil.grades.length);
  }

  /** Per subject with any cell read, the counts of the data-quality table (no suppression: a file check, not a result). */
  cellCounts(): SubjectCellCounts[] {
    const levels = SCALE_MARKS[this.scale].length;
    const out: SubjectCellCounts[] = [];
    SUBJECT_ORDER.forEach((subject, si) => {
      const base = si * 3 * W;
      let valid = 0;
      for (let l = 0; l < levels; l++) valid += this.t[base + l];
      const c = { subject, valid, blank: this.t[base + MISSING], streck: this.t[base + STRECK], code2: this.t[base + NOT_APPLICABLE], code3: this.t[base + NOT_STUDIED],
        codeY: this.t[base + CODE_Y], codeZ: this.t[base + CODE_Z] };
      if (c.valid + c.blank + c.streck + c.code2 + c.code3 + c.codeY + c.codeZ > 0) out.push(c);
    });
    return out;
  }

  /** The subject table: see `subjectIndicators`. */
  figures(threshold: number): SubjectIndicators[] {
    const marks = SCALE_MARKS[this.scale];
    const passLevels = PASS_LEVELS[this.scale];
    const out: SubjectIndicators[] = [];
    const points = this.points;
    for (let k = 0; k < this.t.length; k += W) {
      let sum = 0;
      for (let l = 0; l < points.length; l++) sum += this.t[k + l] * points[l];
      this.t[k + POINTS] = sum;
    }
    SUBJECT_ORDER.forEach((subject, si) => {
      const base = si * 3 * W;
      const all = this.t.subarray(base, base + W);
      if (!all.some((v, i) => i < NOT_APPLICABLE && v > 0)) return;
      const girls = this.t.subarray(base + W, base + 2 * W);
      const boys = this.t.subarray(base + 2 * W, base + 3 * W);
      const total = distribution(all, marks, passLevels, threshold, false);
      let nF = 0;
      let nM = 0;
      for (let l = 0; l < marks.length; l++) {
        nF += girls[l];
        nM += boys[l];
      }
      // Girls/boys beside a shown total: complementary suppression, unknown gender counted as hidden.
      const [hideF, hideM] = total.graded >= threshold ? hiddenParts([nF, nM, total.graded - nF - nM], threshold, [true, true, false]) : [false, false];
      const F = distribution(girls, marks, passLevels, threshold, hideF);
      const M = distribution(boys, marks, passLevels, threshold, hideM);
      out.push({ subject, ...total, meanPointsGirls: F.meanPoints, meanPointsBoys: M.meanPoints, byGender: { F, M } });
    });
    return out;
  }
}

/**
 * Grade distribution and mean points per subject, in report order, for all pupils and for flickor
 * and pojkar (domain §5): counts and shares of each mark over the pupils graded in the subject,
 * streck and code 3 counted apart (streck is not F), mean points over pupils with a grade. Each
 * figure is suppressed on its own denominator; the gender split gets complementary suppression
 * against the shown total, pupils of unknown gender counting as a hidden part (§6). M1/M2/ML are
 * pooled over languages. Subjects with no grade, streck or code 3 are left out.
 * Example: 10 pupils in Ma, 6 E, 2 F, 2 streck → graded 8, shares E 6/8 = 0.75, mean (6 × 10) / 8 = 7.5.
 * @example subjectIndicators(evals, 5).find((s) => s.subject === 'Ma')?.meanPoints // 7.5
 */
export function subjectIndicators(evals: readonly PupilEvaluation[], threshold: number, scale: GradeScaleId = 'AF'): SubjectIndicators[] {
  const tally = new SubjectTally(scale);
  for (const e of evals) tally.add(e);
  return tally.figures(threshold);
}
