/**
 * Meritvärde (domain §4).
 *
 * [C: Skolverket, "17 ämnen ger nytt meritvärde"; S: FrågaSYV worked example]
 * - Meritvärde 16: the sum of the 16 best grade points. An M2 (språkval) grade may be among them. Max 320.
 * - Meritvärde 17: set the M2 grade aside, take the 16 best of the rest, add the M2 grade. Max 340.
 *   Only M2 may be the 17th — never modersmål (ML), M1, Tn or an extra Sv/Sva/En.
 * - Two M2 grades: the better is the 17th, the other competes among the 16 [D].
 * - Fewer than 16 grades: sum what there is. F and streck add 0; codes 2/3 and blanks are no grades.
 * - Sv and Sva both graded: only the better counts [D, docs/decisions.md "Meritvärde"]. The 16
 *   compulsory subjects hold one Swedish place ("Sv **or** Sva", domain §2), eligibility counts only one
 *   (§3), and §4 forbids an extra Sv/Sva as the 17th; counting both would let one subject fill two of
 *   the 16 places. SCB files mark the unused one `2`, so this only arises in hand-made sheets.
 */
import type { GradeScaleId, SubjectGrade } from '../types';
import { LEVEL_POINTS, bestSum, scanGrades, scanned } from './scan';

/**
 * Meritvärde 16 of the pupil `scanGrades` saw last (internal: lets `evaluatePupil` scan once).
 * @example scanGrades(grades, 'AF'); merit16FromScan('AF') // === meritValue16(grades)
 */
export function merit16FromScan(scale: GradeScaleId): number {
  return bestSum(scale, 16, false);
}

/**
 * Meritvärde 17 of the pupil `scanGrades` saw last (internal: lets `evaluatePupil` scan once).
 * @example scanGrades(grades, 'AF'); merit17FromScan('AF') // === meritValue17(grades)
 */
export function merit17FromScan(scale: GradeScaleId): number {
  const m2 = scanned.bestM2;
  return bestSum(scale, 16, true) + (m2 >= 0 ? LEVEL_POINTS[scale][m2] : 0);
}

/**
 * Meritvärde over the 16 best grades, M2 (språkval) among them.
 * Worked example §11.1: 16 non-M2 grades summing 230 plus M2 C (15); the 16 best drop Fy F (0):
 * 230 + 15 − 0 = 245. Worked example §11.2 (Fy E): 240 + 15 − 10 (one E drops) = 245.
 * @example meritValue16([{ subject: 'Sv', entry: { kind: 'grade', mark: 'C' } }, { subject: 'M2', language: 'SPA', entry: { kind: 'grade', mark: 'A' } }]) // 35
 */
export function meritValue16(grades: readonly SubjectGrade[], scale: GradeScaleId = 'AF'): number {
  scanGrades(grades, scale);
  return merit16FromScan(scale);
}

/**
 * Meritvärde 17: the best M2 (språkval) grade set aside, the 16 best of the rest, plus that M2.
 * Worked example §11.1: 230 (16 non-M2) + 15 (M2 C) = 245. §11.3: 16 × D and ML A, no M2 →
 * 20 + 15 × 12.5 = 207.5 (modersmål is never the 17th).
 * @example meritValue17([{ subject: 'Sv', entry: { kind: 'grade', mark: 'C' } }, { subject: 'M2', language: 'SPA', entry: { kind: 'grade', mark: 'A' } }]) // 35
 */
export function meritValue17(grades: readonly SubjectGrade[], scale: GradeScaleId = 'AF'): number {
  scanGrades(grades, scale);
  return merit17FromScan(scale);
}
