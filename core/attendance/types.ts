/**
 * Data shapes of the attendance area (domain §7). Times are minutes throughout, shares fractions 0–1.
 * The canonical record follows SOU 2025:8's proposed register: offered teaching time and giltig/ogiltig
 * absence per pupil and term.
 */
import type { AbsenceLevel, Gender, Problem } from '../types';
import type { LessonDays } from './lessons';

/** How the input was laid out: per-pupil totals in minutes or hours, or one row per lesson. */
export type AttendanceSource = 'minutes' | 'hours' | 'lessons';

/** Absence of one calendar month (`YYYY-MM`), from lesson-level input. */
export interface MonthAbsence {
  month: string;
  scheduledMinutes: number;
  absentMinutes: number;
  absenceShare: number | null;
}

/** One pupil's attendance over the period of the input. */
export interface PupilAttendance {
  /** 1-based sheet row where the pupil was first read. */
  row: number;
  /** Normalised 12-digit personnummer when there is one, else the id as read. */
  id: string;
  personnummer: string | null;
  name?: string;
  className: string | null;
  school: string | null;
  gender: Gender;
  /** Grade year (årskurs) from a year column, else the leading digits of the class name. */
  year: number | null;
  scheduledMinutes: number;
  /** Registered present time; null when the export does not separate unregistered time (Skola24). */
  presentMinutes: number | null;
  validMinutes: number;
  /** Ogiltig absence including late-arrival minutes. */
  invalidMinutes: number;
  /** Late-arrival minutes (part of invalidMinutes); null when the input has none. */
  lateMinutes: number | null;
  /** Unregistered (ej rapporterad) time; null when unknown. */
  unregisteredMinutes: number | null;
  absentMinutes: number;
  /** absent / scheduled, recomputed from time (never the exported %); null when nothing was scheduled. */
  absenceShare: number | null;
  validShare: number | null;
  invalidShare: number | null;
  level: AbsenceLevel;
  /** Ogiltig absence above the setting (default: any). */
  invalidFlag: boolean;
  /** Share of scheduled time that was registered; null when the export does not say. */
  reportingRate: number | null;
  /** Lesson-level input only: days with ≥ 1 absent lesson and none present. */
  absentDays: number | null;
  /** Lesson-level input only: longest run of consecutive absent school days. */
  longestAbsentStreakDays: number | null;
  /** Longest run ≥ the "längre frånvaro" setting. */
  longAbsence: boolean;
  /** Lesson-level input with dates: absence per month. */
  months?: MonthAbsence[];
}

/** An attendance export as read. */
export interface AttendanceTable {
  sheet: string;
  source: AttendanceSource;
  /** 1-based header row, null when none was found. */
  headerRow: number | null;
  pupils: PupilAttendance[];
  problems: Problem[];
  /** First and last lesson date (`YYYY-MM-DD`), lesson-level input with dates only. */
  firstDate?: string;
  lastDate?: string;
  /** Whole-file absence per month, lesson-level input with dates only. */
  months?: MonthAbsence[];
  /** Each pupil's lesson days in date order (lesson-level input with dates only), for the närvaroplan. */
  days?: LessonDays;
}
