/**
 * The attendance JSON contract of the CLI (`skolanalys narvaro --json`): pupils, groups, problems.
 * Shares are fractions 0–1.
 */
import type { AbsenceLevel, Figure, Settings } from '../types';
import { DEFAULT_SETTINGS } from '../types';
import { attendanceGroups, ABSENCE_LEVELS, type AttendanceGroup } from './groups';
import type { AttendanceTable } from './types';

export interface AttendanceJsonPupil {
  id: string;
  class: string | null;
  scheduledMinutes: number;
  absentMinutes: number;
  validMinutes: number;
  invalidMinutes: number;
  /** null when no time was scheduled. */
  absenceShare: number | null;
  invalidShare: number | null;
  level: AbsenceLevel;
  longestAbsentStreakDays: number | null;
}

export interface AttendanceJsonGroup {
  by: AttendanceGroup['by'];
  key: string;
  label: string;
  school?: string;
  pupils: number;
  meanAbsenceShare: Figure;
  levelShares: Record<AbsenceLevel, Figure>;
  atLeastProblematicShare: Figure;
}

export interface AttendanceJson {
  pupils: AttendanceJsonPupil[];
  groups: AttendanceJsonGroup[];
  problems: { cell: string; value: unknown; message: string; code: string; severity: 'error' | 'warning' }[];
}

const r = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
const rf = (x: Figure, d: number): Figure => (typeof x === 'number' ? r(x, d) : x);
const rs = (x: number | null): number | null => (x === null ? null : r(x, 6));

/**
 * The CLI's attendance JSON: one entry per pupil (minutes rounded to 0.01, shares to 6 decimals),
 * the suppressed groups of `attendanceGroups`, and every problem.
 * @example attendanceJson(table).pupils[0].level // 'problematic'
 */
export function attendanceJson(table: AttendanceTable, settings: Settings = DEFAULT_SETTINGS, groups: AttendanceGroup[] = attendanceGroups(table, settings)): AttendanceJson {
  return {
    pupils: table.pupils.map((p) => ({
      id: p.id,
      class: p.className,
      scheduledMinutes: r(p.scheduledMinutes, 2),
      absentMinutes: r(p.absentMinutes, 2),
      validMinutes: r(p.validMinutes, 2),
      invalidMinutes: r(p.invalidMinutes, 2),
      absenceShare: rs(p.absenceShare),
      invalidShare: rs(p.invalidShare),
      level: p.level,
      longestAbsentStreakDays: p.longestAbsentStreakDays,
    })),
    groups: groups.map((g) => {
      const levelShares = {} as Record<AbsenceLevel, Figure>;
      for (const l of ABSENCE_LEVELS) levelShares[l] = rf(g.levelShares[l], 6);
      return {
        by: g.by, key: g.key, label: g.label, ...(g.parent ? { school: g.parent } : {}), pupils: g.pupils,
        meanAbsenceShare: rf(g.meanAbsenceShare, 6), levelShares, atLeastProblematicShare: rf(g.atLeastProblematicShare, 6),
      };
    }),
    problems: table.problems.map((p) => ({ cell: p.cell, value: p.value ?? null, message: p.message, code: p.code, severity: p.severity })),
  };
}

const isShareOrNull = (v: unknown) => v === null || (typeof v === 'number' && v >= 0 && v <= 1);
const isShareFigure = (v: unknown) => v === '..' || v === '.' || (typeof v === 'number' && v >= 0 && v <= 1);
const isMinutes = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * Checks an object against the attendance JSON contract; returns the violations (empty = valid).
 * @example validateAttendanceJson({ pupils: [], groups: [], problems: [] }) // []
 */
export function validateAttendanceJson(obj: unknown): string[] {
  const errs: string[] = [];
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return ['not an object'];
  const o = obj as Record<string, unknown>;
  if (!Array.isArray(o.pupils)) errs.push('pupils: not an array');
  else o.pupils.forEach((p: Record<string, unknown>, i: number) => {
    const at = `pupils[${i}]`;
    if (!p || typeof p !== 'object') return void errs.push(at);
    if (typeof p.id !== 'string' || !p.id) errs.push(`${at}.id`);
    if (!(p.class === null || typeof p.class === 'string')) errs.push(`${at}.class`);
    for (const k of ['scheduledMinutes', 'absentMinutes', 'validMinutes', 'invalidMinutes']) if (!isMinutes(p[k])) errs.push(`${at}.${k}`);
    if (isMinutes(p.absentMinutes) && isMinutes(p.scheduledMinutes) && (p.absentMinutes as number) > (p.scheduledMinutes as number) + 2) errs.push(`${at}.absentMinutes > scheduledMinutes`);
    if (isMinutes(p.validMinutes) && isMinutes(p.invalidMinutes) && isMinutes(p.absentMinutes) && Math.abs((p.validMinutes as number) + (p.invalidMinutes as number) - (p.absentMinutes as number)) > 0.05) errs.push(`${at}.absentMinutes ≠ valid + invalid`);
    if (!isShareOrNull(p.absenceShare)) errs.push(`${at}.absenceShare`);
    if (!isShareOrNull(p.invalidShare)) errs.push(`${at}.invalidShare`);
    if (!(ABSENCE_LEVELS as readonly unknown[]).includes(p.level)) errs.push(`${at}.level`);
    if (!(p.longestAbsentStreakDays === null || (Number.isInteger(p.longestAbsentStreakDays) && (p.longestAbsentStreakDays as number) >= 0))) errs.push(`${at}.longestAbsentStreakDays`);
  });
  if (!Array.isArray(o.groups)) errs.push('groups: not an array');
  else o.groups.forEach((g: Record<string, unknown>, i: number) => {
    const at = `groups[${i}]`;
    if (!g || typeof g !== 'object') return void errs.push(at);
    if (!['all', 'school', 'class', 'gender', 'year'].includes(g.by as string)) errs.push(`${at}.by`);
    if (typeof g.key !== 'string') errs.push(`${at}.key`);
    if (!Number.isInteger(g.pupils)) errs.push(`${at}.pupils`);
    if (!isShareFigure(g.meanAbsenceShare)) errs.push(`${at}.meanAbsenceShare`);
    if (!isShareFigure(g.atLeastProblematicShare)) errs.push(`${at}.atLeastProblematicShare`);
    const ls = g.levelShares as Record<string, unknown> | undefined;
    if (!ls || typeof ls !== 'object' || ABSENCE_LEVELS.some((l) => !isShareFigure(ls[l]))) errs.push(`${at}.levelShares`);
  });
  if (!Array.isArray(o.problems)) errs.push('problems: not an array');
  else o.problems.forEach((p: Record<string, unknown>, i: number) => {
    if (!p || typeof p.cell !== 'string' || !p.cell.includes('!')) errs.push(`problems[${i}].cell`);
    if (!p || typeof p.message !== 'string' || !p.message) errs.push(`problems[${i}].message`);
    if (!p || (p.severity !== 'error' && p.severity !== 'warning')) errs.push(`problems[${i}].severity`);
  });
  return errs;
}
