/**
 * Grade scales and points (domain §1).
 *
 * A–F: A 20, B 17.5, C 15, D 12.5, E 10, F 0 [C: Skolverket, "17 ämnen ger nytt meritvärde"].
 * Old scale, for history only: MVG 20, VG 15, G 10, IG 0 (last åk 9 cohort spring 2012) [C/S].
 * Streck, SCB code 3, code 2 and missing carry no points and are never a pass.
 */
import type { GradeEntry, GradeMark, GradeScaleId } from '../types';

const AF_POINTS: Readonly<Record<string, number>> = { A: 20, B: 17.5, C: 15, D: 12.5, E: 10, F: 0 };
const OLD_POINTS: Readonly<Record<string, number>> = { MVG: 20, VG: 15, G: 10, IG: 0 };

/** The marks of a scale, best first. */
export const SCALE_MARKS: Readonly<Record<GradeScaleId, readonly GradeMark[]>> = {
  AF: ['A', 'B', 'C', 'D', 'E', 'F'],
  old: ['MVG', 'VG', 'G', 'IG'],
};

/**
 * The points lookup of a scale (mark → points); marks of the other scale are absent. For hot loops.
 * @example pointsTable('old').VG // 15
 */
export function pointsTable(scale: GradeScaleId): Readonly<Record<string, number>> {
  return scale === 'old' ? OLD_POINTS : AF_POINTS;
}
const table = pointsTable;

/**
 * Points of a grade entry on a scale; 0 for F/IG, streck, code 3, code 2 and missing.
 * A mark of the other scale is not a grade here and gives 0 (readers never mix scales).
 * @example gradePoints({ kind: 'grade', mark: 'B' }, 'AF') // 17.5
 * @example gradePoints({ kind: 'streck' }, 'AF') // 0
 */
export function gradePoints(entry: GradeEntry, scale: GradeScaleId = 'AF'): number {
  return entry.kind === 'grade' ? (table(scale)[entry.mark] ?? 0) : 0;
}

/**
 * A passing grade: A–E (or MVG/VG/G on the old scale). F, streck, code 3 and code 2 are not.
 * @example isPass({ kind: 'grade', mark: 'E' }) // true
 * @example isPass({ kind: 'grade', mark: 'F' }) // false
 */
export function isPass(entry: GradeEntry, scale: GradeScaleId = 'AF'): boolean {
  if (entry.kind !== 'grade') return false;
  const p = table(scale)[entry.mark];
  return p !== undefined && p > 0;
}

/**
 * A grade on this scale at all (A–F incl. F), as opposed to streck, codes and blanks.
 * @example isGraded({ kind: 'grade', mark: 'F' }) // true
 * @example isGraded({ kind: 'streck' }) // false
 */
export function isGraded(entry: GradeEntry, scale: GradeScaleId = 'AF'): boolean {
  return entry.kind === 'grade' && table(scale)[entry.mark] !== undefined;
}

/**
 * Rank for comparing grades between terms: F 0, E 1, D 2, C 3, B 4, A 5 (old scale IG 0 … MVG 3);
 * null when the entry is no grade on the scale.
 * @example gradeRank({ kind: 'grade', mark: 'C' }) // 3
 */
export function gradeRank(entry: GradeEntry, scale: GradeScaleId = 'AF'): number | null {
  if (entry.kind !== 'grade') return null;
  const marks = SCALE_MARKS[scale];
  const i = marks.indexOf(entry.mark);
  return i < 0 ? null : marks.length - 1 - i;
}
