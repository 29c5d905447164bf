/**
 * The hot path of the grades engine: one pass over a pupil's grades that collects everything the
 * rules need (passes, meritvärde histograms, failures). Internal: the public functions in
 * eligibility.ts, merit.ts and evaluate.ts all read from it, so each rule has one implementation.
 * Scratch state is reused between pupils (no allocation per pupil); it is valid until the next call.
 */
import type { GradeScaleId, SubjectCode, SubjectGrade } from '../types';

/** Index of a subject in SUBJECT_ORDER (checked by a test). */
export const SUBJECT_INDEX: Readonly<Record<SubjectCode, number>> = {
  Sv: 0, Sva: 1, En: 2, Ma: 3, Bi: 4, Fy: 5, Ke: 6, Tk: 7, Ge: 8, Hi: 9, Re: 10, Sh: 11, Bl: 12,
  Hkk: 13, Idh: 14, Mu: 15, Sl: 16, M1: 17, M2: 18, ML: 19, Tn: 20, OVR: 21, No: 22, So: 23,
};

const ORDER = Object.keys(SUBJECT_INDEX) as SubjectCode[];
/** A collision-free hash of the 24 codes (checked by a test) → index; cheaper than a keyed lookup. */
const hashOf = (s: string) => (s.charCodeAt(0) * 9 + s.charCodeAt(1) + s.length * 17) & 63;
const BY_HASH = new Int8Array(64).fill(-1);
for (const code of ORDER) BY_HASH[hashOf(code)] = SUBJECT_INDEX[code];

/**
 * Index of a subject code in SUBJECT_ORDER, -1 for anything else.
 * @example subjectIndex('Hkk') // 13
 * @example subjectIndex('Xx') // -1
 */
export function subjectIndex(subject: string): number {
  if (typeof subject !== 'string' || subject.length < 2) return -1; // malformed records never crash
  const i = BY_HASH[hashOf(subject)];
  return i >= 0 && ORDER[i] === subject ? i : -1;
}

/** One bit per subject; Sva shares the bit of Sv: one Swedish place. */
export const SUBJECT_BIT = Object.fromEntries(
  Object.entries(SUBJECT_INDEX).map(([code, i]) => [code, 1 << (i === 1 ? 0 : i)]),
) as Readonly<Record<SubjectCode, number>>;

/** Slot of a grade in the last scan: its level, then these for non-grades; -1 = not counted. */
export const SLOT_STRECK = 8;
export const SLOT_NOT_STUDIED = 9;
/** Code 2 and blank cells: not results, counted only for the data-quality table. */
export const SLOT_NOT_APPLICABLE = 10;
export const SLOT_MISSING = 11;
/** SCB's åk 6 codes Y and Z: not results, counted only for the data-quality table. */
export const SLOT_CODE_Y = 12;
export const SLOT_CODE_Z = 13;

/** The 16 compulsory subjects (Sv/Sva one place) [C: Skolverket, domain §2]. */
const COMPULSORY_MASK = 0x1ffff & ~(1 << 1);

/** Points by level (0 = best) per scale: A–F [C: Skolverket], MVG–IG [C/S]. */
export const LEVEL_POINTS: Readonly<Record<GradeScaleId, readonly number[]>> = {
  AF: [20, 17.5, 15, 12.5, 10, 0],
  old: [20, 15, 10, 0],
};
/** Levels below this are passes (A–E; MVG, VG, G). */
export const PASS_LEVELS: Readonly<Record<GradeScaleId, number>> = { AF: 5, old: 3 };

/**
 * Level of a mark on a scale (0 = best), -1 when the mark is not on it: scales are never mixed.
 * @example markLevel('E', 'AF') // 4
 * @example markLevel('VG', 'AF') // -1
 */
export function markLevel(mark: string, scale: GradeScaleId): number {
  if (typeof mark !== 'string') return -1;
  if (scale === 'AF') {
    const c = mark.charCodeAt(0) - 65; // 'A' → 0 … 'F' → 5
    return mark.length === 1 && c >= 0 && c <= 5 ? c : -1;
  }
  switch (mark) {
    case 'MVG': return 0;
    case 'VG': return 1;
    case 'G': return 2;
    case 'IG': return 3;
    default: return -1;
  }
}

/** Subject codes by place in the last pupil's grades, and their indexes (see `scanGrades`). */
const lastSubjects: (string | undefined)[] = new Array(64).fill(undefined);
const lastIndexes = new Int32Array(64);

/** The result of the last `scanGrades`. */
export const scanned = {
  /** Histogram by level of the non-M2 grades, Sv/Sva once (the better). */
  others: new Int32Array(8),
  /** Histogram by level of the M2 grades. */
  m2: new Int32Array(8),
  /** Best M2 level, -1 without an M2 grade. */
  bestM2: -1,
  /** Bits of the subjects passed. */
  passMask: 0,
  /** Distinct subjects passed (Sv/Sva once, M1/M2/ML once per language). */
  passCount: 0,
  svGraded: false,
  svaGraded: false,
  /** Grades on the scale (A–F incl. F). */
  graded: 0,
  /** F, streck, or code 3 in a compulsory subject (domain §5 "godkända betyg i alla ämnen"). */
  failed: false,
  /** Marks of the other scale (listed as problems, never counted). */
  wrongScale: 0,
  /** Bits of the subjects with a grade on the scale or a streck (Sv/Sva one bit): a result to judge. */
  assessedMask: 0,
  /** Per grade of the last scan (index as in the grades array): subject index and slot. */
  subject: new Int32Array(64),
  slot: new Int32Array(64),
};

/**
 * Scans a pupil's grades once into `scanned` (valid until the next call).
 * @example scanGrades([{ subject: 'Sva', entry: { kind: 'grade', mark: 'C' } }], 'AF'); scanned.passCount // 1
 */
export function scanGrades(grades: readonly SubjectGrade[], scale: GradeScaleId): void {
  const s = scanned;
  const others = s.others;
  const m2 = s.m2;
  // Plain stores: TypedArray.fill costs a builtin call per pupil on arrays of 8.
  for (let l = 0; l < 8; l++) {
    others[l] = 0;
    m2[l] = 0;
  }
  const passLevels = PASS_LEVELS[scale];
  let swedish = 99;
  let bestM2 = 99;
  let passMask = 0;
  let passCount = 0;
  let graded = 0;
  let failed = false;
  let wrongScale = 0;
  let svGraded = false;
  let svaGraded = false;
  let assessedMask = 0;
  if (s.slot.length < grades.length) {
    s.slot = new Int32Array(grades.length * 2);
    s.subject = new Int32Array(grades.length * 2);
  }
  const slots = s.slot;
  const subjects = s.subject;
  for (let i = 0; i < grades.length; i++) {
    const g = grades[i];
    const e = g.entry;
    const subject = g.subject;
    // Pupils of one table list their subjects in the same order: compare with the previous
    // pupil's subject at this place (one pointer compare) before hashing the code.
    let index: number;
    if (lastSubjects[i] === subject) index = lastIndexes[i];
    else {
      index = subjectIndex(subject);
      if (i < lastIndexes.length) {
        lastSubjects[i] = subject;
        lastIndexes[i] = index;
      }
    }
    const bit = index < 0 ? 0 : 1 << (index === 1 ? 0 : index);
    subjects[i] = index;
    slots[i] = -1;
    if (e.kind !== 'grade') {
      if (e.kind === 'streck') {
        failed = true;
        slots[i] = SLOT_STRECK;
        assessedMask |= bit;
      } else if (e.kind === 'notStudied') {
        slots[i] = SLOT_NOT_STUDIED;
        if ((bit & COMPULSORY_MASK) !== 0) failed = true;
      } else if (e.kind === 'code') {
        // Y/Z say nothing about which Swedish the pupil reads nor whether they passed.
        slots[i] = e.code === 'Y' ? SLOT_CODE_Y : SLOT_CODE_Z;
        continue;
      } else slots[i] = e.kind === 'missing' ? SLOT_MISSING : SLOT_NOT_APPLICABLE;
      if (e.kind !== 'notApplicable' && e.kind !== 'missing') {
        if (subject === 'Sv') svGraded = true;
        else if (subject === 'Sva') svaGraded = true;
      }
      continue;
    }
    const l = markLevel(e.mark, scale);
    if (l < 0) {
      wrongScale++;
      failed = true;
      continue;
    }
    graded++;
    slots[i] = l;
    assessedMask |= bit;
    if (subject === 'M2') {
      m2[l]++;
      if (l < bestM2) bestM2 = l;
    } else if (subject === 'Sv' || subject === 'Sva') {
      if (subject === 'Sv') svGraded = true;
      else svaGraded = true;
      if (l < swedish) swedish = l;
    } else others[l]++;
    if (l >= passLevels) {
      failed = true;
      continue;
    }
    if (g.language !== undefined && (subject === 'M1' || subject === 'M2' || subject === 'ML')) {
      // Each language is its own subject: count it unless the same language passed earlier.
      let dup = false;
      for (let j = 0; j < i && !dup; j++) {
        const h = grades[j];
        const f = h.entry;
        dup = h.subject === subject && h.language === g.language && f.kind === 'grade' && markLevel(f.mark, scale) >= 0 && markLevel(f.mark, scale) < passLevels;
      }
      if (!dup) passCount++;
    } else if (!(passMask & bit)) passCount++;
    passMask |= bit;
  }
  if (swedish !== 99) others[swedish]++;
  s.bestM2 = bestM2 === 99 ? -1 : bestM2;
  s.passMask = passMask;
  s.passCount = passCount;
  s.svGraded = svGraded;
  s.svaGraded = svaGraded;
  s.graded = graded;
  s.failed = failed;
  s.wrongScale = wrongScale;
  s.assessedMask = assessedMask;
}

/**
 * Sum of the `n` best points of the last scan, M2 grades included (less the best M2 when `skipBestM2`).
 * @example scanGrades(grades, 'AF'); bestSum('AF', 16, true) // meritvärde 17 without its 17th grade
 */
export function bestSum(scale: GradeScaleId, n: number, skipBestM2: boolean): number {
  const points = LEVEL_POINTS[scale];
  const { others, m2, bestM2 } = scanned;
  let sum = 0;
  for (let l = 0; l < points.length && n > 0; l++) {
    let have = others[l] + m2[l];
    if (skipBestM2 && l === bestM2) have--;
    const take = have < n ? have : n;
    sum += take * points[l];
    n -= take;
  }
  return sum;
}
