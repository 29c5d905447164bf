/**
 * Attendance beside grades: the pupils near eligibility whose absence is at least problematic are
 * the ones where attendance work may decide eligibility (domain §3 "nära behörighet", §7).
 */
import type { PupilEvaluation } from '../types';
import type { AttendanceTable, PupilAttendance } from './types';

export interface AttendanceGradeRow {
  id: string;
  className: string | null;
  attendance: PupilAttendance | null;
  evaluation: PupilEvaluation | null;
  /** Not eligible for yrkesprogram but at most 2 subjects short, and absence ≥ the problematic line. */
  nearEligibleWithAbsence: boolean;
  /** Not eligible for yrkesprogram and absence ≥ the problematic line. */
  notEligibleWithAbsence: boolean;
}

export interface AttendanceGradeJoin {
  rows: AttendanceGradeRow[];
  /** Ids in the attendance file without grades, and with grades but without attendance. */
  attendanceOnly: string[];
  gradesOnly: string[];
}

/**
 * Joins attendance with grade evaluations on normalised personnummer (else id) and marks pupils near
 * eligibility (§3, [D]: ≤ 2 passes short of yrkesprogram) with absence at or above the problematic
 * level (§7). Rows follow the grade file's order, then attendance-only pupils.
 * @example joinAttendanceWithGrades(table, evals).rows.filter((r) => r.nearEligibleWithAbsence).length // 1
 */
export function joinAttendanceWithGrades(attendance: AttendanceTable, evaluations: readonly PupilEvaluation[]): AttendanceGradeJoin {
  const byId = new Map<string, PupilAttendance>();
  for (const p of attendance.pupils) byId.set(p.personnummer ?? p.id, p);
  const used = new Set<string>();
  const rows: AttendanceGradeRow[] = [];
  const gradesOnly: string[] = [];
  for (const e of evaluations) {
    const key = e.pupil.personnummer ?? e.pupil.id;
    const a = byId.get(key) ?? null;
    if (a) used.add(key);
    else gradesOnly.push(key);
    const absent = a !== null && a.level !== 'none';
    const notYrk = !e.eligibility.YRK.eligible;
    rows.push({ id: key, className: e.pupil.className ?? a?.className ?? null, attendance: a, evaluation: e, nearEligibleWithAbsence: absent && e.nearEligible, notEligibleWithAbsence: absent && notYrk });
  }
  const attendanceOnly: string[] = [];
  for (const [key, a] of byId) {
    if (used.has(key)) continue;
    attendanceOnly.push(key);
    rows.push({ id: key, className: a.className, attendance: a, evaluation: null, nearEligibleWithAbsence: false, notEligibleWithAbsence: false });
  }
  return { rows, attendanceOnly, gradesOnly };
}
