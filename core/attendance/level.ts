/**
 * Absence levels and the per-pupil figures derived from time (domain §7).
 */
import type { AbsenceLevel, Settings } from '../types';
import type { PupilAttendance } from './types';

// Shares recomputed from hours (454,17 h × 60) carry float noise; a share that is a threshold up to
// this tolerance counts as reaching it, so "exactly 10 %" is always problematic.
const EPS = 1e-9;

/**
 * The absence level of a share by the settings' thresholds: ≥ problematic (10 %) problematisk,
 * ≥ high (20 %) hög, ≥ veryHigh (50 %) mycket hög. Boundaries belong to the higher level.
 * [D: domain §7, thresholds as settings; 10 % = US chronic absenteeism / England persistent absence,
 * 50 % = England severe absence]
 * @example absenceLevel(0.1, DEFAULT_SETTINGS) // 'problematic'
 * @example absenceLevel(0.0999, DEFAULT_SETTINGS) // 'none'
 * @example absenceLevel(0.5, DEFAULT_SETTINGS) // 'veryHigh'
 */
export function absenceLevel(share: number | null, settings: Pick<Settings, 'absence'>): AbsenceLevel {
  if (share === null || !Number.isFinite(share)) return 'none';
  const a = settings.absence;
  if (share >= a.veryHigh - EPS) return 'veryHigh';
  if (share >= a.high - EPS) return 'high';
  if (share >= a.problematic - EPS) return 'problematic';
  return 'none';
}

/** Raw times of one pupil before the shares are derived: the read fields of PupilAttendance. */
export type PupilTimes = Pick<PupilAttendance,
  'row' | 'id' | 'personnummer' | 'name' | 'className' | 'school' | 'gender' | 'year' | 'scheduledMinutes' | 'presentMinutes'
  | 'validMinutes' | 'invalidMinutes' | 'lateMinutes' | 'unregisteredMinutes' | 'months'>
  & { absentDays?: number | null; longestAbsentStreakDays?: number | null };

/**
 * Derives shares, level, flags and reporting rate from a pupil's times. Shares are absent time /
 * scheduled time [C: Skola24, LearnPoint]; the reporting rate is registered / scheduled time
 * [C: LearnPoint, Skola24]. Ogiltig absence over `invalidHoursFlag` hours is flagged (default 0 h:
 * any ogiltig absence) and a run of absent days ≥ `longAbsenceDays` is "längre frånvaro" [D].
 * @example pupilAttendance({ row: 2, id: 'x', personnummer: null, className: '9A', school: null, gender: null, year: 9, scheduledMinutes: 1000, presentMinutes: 850, validMinutes: 60, invalidMinutes: 40, lateMinutes: null, unregisteredMinutes: 50 }, DEFAULT_SETTINGS).absenceShare // 0.1 ((60 + 40) / 1000)
 */
export function pupilAttendance(p: PupilTimes, settings: Pick<Settings, 'absence'>): PupilAttendance {
  const s = p.scheduledMinutes;
  const absent = p.validMinutes + p.invalidMinutes;
  const absenceShare = s > 0 ? absent / s : null;
  const streak = p.longestAbsentStreakDays ?? null;
  const out: PupilAttendance = {
    row: p.row,
    id: p.id,
    personnummer: p.personnummer,
    className: p.className,
    school: p.school,
    gender: p.gender,
    year: p.year,
    scheduledMinutes: s,
    presentMinutes: p.presentMinutes,
    validMinutes: p.validMinutes,
    invalidMinutes: p.invalidMinutes,
    lateMinutes: p.lateMinutes,
    unregisteredMinutes: p.unregisteredMinutes,
    absentMinutes: absent,
    absenceShare,
    validShare: s > 0 ? p.validMinutes / s : null,
    invalidShare: s > 0 ? p.invalidMinutes / s : null,
    level: absenceLevel(absenceShare, settings),
    invalidFlag: p.invalidMinutes / 60 > settings.absence.invalidHoursFlag + EPS,
    reportingRate: s > 0 && p.unregisteredMinutes !== null ? (s - p.unregisteredMinutes) / s : null,
    absentDays: p.absentDays ?? null,
    longestAbsentStreakDays: streak,
    longAbsence: streak !== null && streak >= settings.absence.longAbsenceDays,
  };
  if (p.name !== undefined) out.name = p.name;
  if (p.months) out.months = p.months;
  return out;
}

/**
 * Grade year from a class name's leading digits (`9A` → 9, `10B` → 10); null when there are none.
 * [D: a year column wins when the export has one]
 * @example yearFromClass('9A') // 9
 * @example yearFromClass('Fritids') // null
 */
export function yearFromClass(className: string | null): number | null {
  const m = className ? /^\s*(\d{1,2})/.exec(className) : null;
  return m ? Number(m[1]) : null;
}
