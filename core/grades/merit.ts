/**
 * Meritvärde (domain §4).
 *
 * [C: Skolverket, "17 ämnen ger nytt meritvärde"; S: FrågaSYV worked example]
 * - Meritvärde 16: the sum of the 16 best grade points. An M2 (språkval) grade may be among them. Max 320.
 * - Meritvärde 17: set the M2 grade aside, take the 16 best of the rest, add the M2 grade. Max 340.
 *   Only M2 may be the 17th — never modersmål (ML), M1, Tn or an extra Sv/Sva/En.
 * - Two M2 grades: the better is the 17th, the other competes among the 16 [D].
 * - Fewer than 16 grades: sum what there is. F and streck add 0.
 * - Sv and Sva both graded (rare; SCB files mark the other `2`): only the better counts, as for
 *   eligibility [D, docs/decisions.md].
 */
import type { GradeScaleId, SubjectGrade } from '../types';
import { gradePoints } from './scale';

/** Points of the grades that take part in the merit value, with the M2 grades apart. */
function collect(grades: readonly SubjectGrade[], scale: GradeScaleId): { others: number[]; m2: number[] } {
  const others: number[] = [];
  const m2: number[] = [];
  let sv = -1;
  let sva = -1;
  for (const g of grades) {
    if (g.entry.kind !== 'grade') continue;
    const p = gradePoints(g.entry, scale);
    if (g.subject === 'M2') m2.push(p);
    else if (g.subject === 'Sv') sv = Math.max(sv, p);
    else if (g.subject === 'Sva') sva = Math.max(sva, p);
    else others.push(p);
  }
  const swedish = Math.max(sv, sva);
  if (swedish >= 0) others.push(swedish);
  return { others, m2 };
}

function sumBest(points: number[], n: number): number {
  points.sort((a, b) => b - a);
  let s = 0;
  for (let i = 0; i < points.length && i < n; i++) s += points[i];
  return s;
}

/**
 * Meritvärde over the 16 best grades (M2 may be among them).
 * Worked example §11.1: 16 non-M2 grades summing 230 plus M2 C (15); the 16 best drop Fy F (0) → 245.
 * @example meritValue16([{ subject: 'Sv', entry: { kind: 'grade', mark: 'C' } }, { subject: 'M2', language: 'SPA', entry: { kind: 'grade', mark: 'A' } }]) // 35
 */
export function meritValue16(grades: readonly SubjectGrade[], scale: GradeScaleId = 'AF'): number {
  const { others, m2 } = collect(grades, scale);
  return sumBest(others.concat(m2), 16);
}

/**
 * Meritvärde 17: the 16 best without M2, plus the best M2 grade as the 17th.
 * Worked example §11.3: 16 × D (200) and modersmål A, no M2 → 20 + 15 × 12.5 = 207.5 (ML is never the 17th).
 * @example meritValue17([{ subject: 'Sv', entry: { kind: 'grade', mark: 'C' } }, { subject: 'M2', language: 'SPA', entry: { kind: 'grade', mark: 'A' } }]) // 35
 */
export function meritValue17(grades: readonly SubjectGrade[], scale: GradeScaleId = 'AF'): number {
  const { others, m2 } = collect(grades, scale);
  if (m2.length === 0) return sumBest(others, 16);
  m2.sort((a, b) => b - a);
  const seventeenth = m2[0];
  return sumBest(others.concat(m2.slice(1)), 16) + seventeenth;
}
