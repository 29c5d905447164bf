/**
 * Attendance per group (school, class, gender, grade year) with small-group suppression (domain §6).
 */
import type { AbsenceLevel, Figure, GroupKey, Lang, Settings } from '../types';
import { DEFAULT_SETTINGS } from '../types';
import { hiddenParts, mean, share, suppress } from '../stats';
import { compareSvNumeric, t } from '../i18n';
import type { AttendanceTable, PupilAttendance } from './types';

export const ABSENCE_LEVELS: readonly AbsenceLevel[] = ['none', 'problematic', 'high', 'veryHigh'];

/** One group's attendance figures; every figure is `..` under the threshold, `.` with no pupils. */
export interface AttendanceGroup {
  by: GroupKey['by'];
  key: string;
  label: string;
  /** For a class: its school. */
  parent?: string;
  /** Pupils with scheduled time (the denominator of every figure). */
  pupils: number;
  /** Mean of the pupils' absence shares (each pupil weighs the same). */
  meanAbsenceShare: Figure;
  meanValidShare: Figure;
  meanInvalidShare: Figure;
  /** Share of pupils at each level (they add up to 1). */
  levelShares: Record<AbsenceLevel, Figure>;
  /** Share of pupils at 10 % or more (problematic, high or very high). */
  atLeastProblematicShare: Figure;
}

/** One part of a split, and whether it must be hidden. */
export interface SplitPart<T> {
  key: string;
  items: T[];
  hidden: boolean;
}

/**
 * Splits items into keyed parts of a shown whole with per-part and complementary suppression
 * (core/stats `hiddenParts`): items with a null key are a part that is never shown, so it counts as
 * hidden. With `wholeHidden` every part is hidden (a hidden whole must not be recoverable from parts).
 * [C: SIRIS per-cell suppression; D: complementary suppression, domain §6]
 * @example splitWithSuppression(['a', 'a', 'b'], (x) => x, 2, false).map((p) => p.hidden) // [true, true] (b: 1 < 2, then a too, else the total minus a reveals b)
 */
export function splitWithSuppression<T>(items: readonly T[], keyOf: (x: T) => string | null, threshold: number, wholeHidden: boolean): SplitPart<T>[] {
  const groups = new Map<string | null, T[]>();
  for (const x of items) {
    const k = keyOf(x);
    const list = groups.get(k);
    if (list) list.push(x);
    else groups.set(k, [x]);
  }
  const keys = [...groups.keys()].filter((k): k is string => k !== null).sort(compareSvNumeric);
  const sizes = keys.map((k) => groups.get(k)!.length);
  const unknown = groups.get(null)?.length ?? 0;
  const hidden = wholeHidden ? keys.map(() => true) : hiddenParts([...sizes, unknown], threshold, [...keys.map(() => true), false]);
  return keys.map((k, i) => ({ key: k, items: groups.get(k)!, hidden: hidden[i] }));
}

/**
 * Attendance figures of one group of pupils. Only pupils with scheduled time count. Mean absence
 * share = mean of the pupils' shares [D: each pupil weighs the same, as the level shares do].
 * Worked: shares 0.05, 0.10, 0.25 → mean 0.40 / 3 = 0.1333…; levels none 1/3, problematic 1/3, high 1/3.
 * @example attendanceGroup(pupils, { by: 'all', key: 'all', label: 'Totalt' }, 1).meanAbsenceShare // 0.1333…
 */
export function attendanceGroup(pupils: readonly PupilAttendance[], group: { by: GroupKey['by']; key: string; label: string; parent?: string }, threshold: number, hidden = false): AttendanceGroup {
  const with_ = pupils.filter((p) => p.absenceShare !== null);
  const n = with_.length;
  const fig = (v: number | null): Figure => (hidden ? (n ? '..' : '.') : suppress(v, n, threshold));
  const counts: Record<AbsenceLevel, number> = { none: 0, problematic: 0, high: 0, veryHigh: 0 };
  for (const p of with_) counts[p.level]++;
  const levelShares = {} as Record<AbsenceLevel, Figure>;
  for (const l of ABSENCE_LEVELS) levelShares[l] = fig(share(counts[l], n));
  const out: AttendanceGroup = {
    by: group.by, key: group.key, label: group.label,
    pupils: n,
    meanAbsenceShare: fig(mean(with_.map((p) => p.absenceShare!))),
    meanValidShare: fig(mean(with_.map((p) => p.validShare!))),
    meanInvalidShare: fig(mean(with_.map((p) => p.invalidShare!))),
    levelShares,
    atLeastProblematicShare: fig(share(n - counts.none, n)),
  };
  if (group.parent !== undefined) out.parent = group.parent;
  return out;
}

function genderLabel(lang: Lang, k: string): string {
  return k === 'F' ? t(lang, 'common.girls') : t(lang, 'common.boys');
}

/**
 * Groups of an attendance table: the whole file, gender, school, class (within its school) and grade
 * year, each split with complementary suppression against its whole (domain §6).
 * @example attendanceGroups(table, DEFAULT_SETTINGS)[0].by // 'all'
 */
export function attendanceGroups(table: AttendanceTable, settings: Settings = DEFAULT_SETTINGS): AttendanceGroup[] {
  const th = settings.suppressionThreshold;
  const lang = settings.lang;
  const pupils = table.pupils.filter((p) => p.absenceShare !== null);
  const out: AttendanceGroup[] = [attendanceGroup(pupils, { by: 'all', key: 'all', label: t(lang, 'common.total') }, th)];
  const allHidden = pupils.length < th;
  for (const part of splitWithSuppression(pupils, (p) => p.gender, th, allHidden)) {
    out.push(attendanceGroup(part.items, { by: 'gender', key: part.key, label: genderLabel(lang, part.key) }, th, part.hidden));
  }
  const schools = splitWithSuppression(pupils, (p) => p.school, th, allHidden);
  for (const part of schools) out.push(attendanceGroup(part.items, { by: 'school', key: part.key, label: part.key }, th, part.hidden));
  // Classes are parts of their school (or of the whole file when there is no school column).
  const bySchool = splitWithSuppression(pupils, (p) => p.school ?? '', th, false);
  for (const s of bySchool) {
    const schoolHidden = s.key === '' ? allHidden : schools.find((x) => x.key === s.key)?.hidden ?? false;
    for (const part of splitWithSuppression(s.items, (p) => p.className, th, schoolHidden)) {
      out.push(attendanceGroup(part.items, { by: 'class', key: part.key, label: part.key, ...(s.key ? { parent: s.key } : {}) }, th, part.hidden));
    }
  }
  for (const part of splitWithSuppression(pupils, (p) => (p.year === null ? null : String(p.year)), th, allHidden)) {
    out.push(attendanceGroup(part.items, { by: 'year', key: part.key, label: t(lang, 'attendance.yearLabel', { year: part.key }) }, th, part.hidden));
  }
  return out;
}
