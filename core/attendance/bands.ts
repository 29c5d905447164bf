/**
 * Absence bands (the analysts' convention beside our three levels) per group and per month, and the
 * rapporteringsgrad per class and month with the classes under the threshold flagged: their absence
 * figures are uncertain because unregistered lessons count as neither present nor absent.
 */
import type { Figure, GroupKey, Lang, Settings } from '../types';
import { formatPercent, t, compareSvNumeric } from '../i18n';
import { share, suppress } from '../stats';
import { splitWithSuppression } from './groups';
import type { AttendancePlan } from './ladder';
import type { AttendanceTable, PupilAttendance } from './types';

const EPS = 1e-9;

/**
 * The band a share falls in: 0 below the first bound, k when at or above bound k − 1 and below bound
 * k. A share exactly at a bound belongs to the higher band (as the levels do). Null without a share.
 * Worked: bounds 5/15/30/50 %: 4.9 % → 0, 5 % → 1, 14.9 % → 1, 15 % → 2, 50 % → 4.
 * @example bandIndex(0.15, [0.05, 0.15, 0.3, 0.5]) // 2
 */
export function bandIndex(share: number | null, bounds: readonly number[]): number | null {
  if (share === null || !Number.isFinite(share)) return null;
  let k = 0;
  while (k < bounds.length && share >= bounds[k] - EPS) k++;
  return k;
}

/**
 * Labels of the bands of some bounds, e.g. `under 5 %`, `5–15 %`, `minst 50 %`.
 * @example bandLabels([0.05, 0.15], 'sv') // ['under 5 %', '5–15 %', 'minst 15 %']
 */
export function bandLabels(bounds: readonly number[], lang: Lang): string[] {
  const p = (x: number) => formatPercent(lang, x, Number.isInteger(Math.round(x * 1000) / 10) ? 0 : 1);
  const num = (x: number) => p(x).replace(/\s?%$/, '');
  const out = [t(lang, 'attendance.band.below', { p: p(bounds[0] ?? 0) })];
  for (let k = 1; k < bounds.length; k++) out.push(`${t(lang, 'attendance.band.range', { from: num(bounds[k - 1]), to: num(bounds[k]) })}${lang === 'sv' ? ' %' : '%'}`);
  if (bounds.length) out.push(t(lang, 'attendance.band.above', { p: p(bounds[bounds.length - 1]) }));
  return out;
}

/** A pupil's bands, total and ogiltig absence. */
export interface PupilBands {
  total: number | null;
  invalid: number | null;
}

/**
 * A pupil's band indices under a plan's bounds.
 * @example pupilBands({ absenceShare: 0.12, invalidShare: 0.02 } as PupilAttendance, plan) // { total: 1, invalid: 1 }
 */
export function pupilBands(p: Pick<PupilAttendance, 'absenceShare' | 'invalidShare'>, plan: Pick<AttendancePlan, 'bands'>): PupilBands {
  return { total: bandIndex(p.absenceShare, plan.bands.total), invalid: bandIndex(p.invalidShare, plan.bands.invalid) };
}

/** Rapporteringsgrad of one class (over the whole period or one month). */
export interface ReportingRate {
  className: string;
  school: string | null;
  /** `YYYY-MM`, or null for the whole period. */
  month: string | null;
  scheduledMinutes: number;
  /** Registered / scheduled time; null when the export does not say (Skola24 totals). */
  rate: number | null;
  /** Rate below the plan's threshold: the class's absence figures are uncertain. */
  uncertain: boolean;
}

const monthLabel = (mi: number) => `${Math.floor(mi / 12)}-${String((mi % 12) + 1).padStart(2, '0')}`;

/**
 * Rapporteringsgrad per class for the period and, from lesson rows with dates, per class and month:
 * (scheduled − unregistered) / scheduled [C: Skola24, LearnPoint]. Totals without an "Ej reg" column
 * give null (unknown, not 100 %). Classes are flagged below `threshold` (default 95 %).
 * Worked: 9A scheduled 1 000 min, 80 unregistered → 920 / 1 000 = 92 % < 95 % → uncertain.
 * @example reportingRates(table, 0.95).byClass[0].uncertain // true
 */
export function reportingRates(table: AttendanceTable, threshold: number): { byClass: ReportingRate[]; byClassMonth: ReportingRate[] } {
  const key = (p: PupilAttendance) => `${p.school ?? ''}\u0000${p.className ?? ''}`;
  const whole = new Map<string, { p: PupilAttendance; s: number; u: number; known: boolean }>();
  const monthly = new Map<string, { p: PupilAttendance; m: number; s: number; u: number }>();
  const d = table.days;
  table.pupils.forEach((p, i) => {
    if (p.className === null) return;
    const k = key(p);
    let w = whole.get(k);
    if (!w) whole.set(k, (w = { p, s: 0, u: 0, known: true }));
    w.s += p.scheduledMinutes;
    if (p.unregisteredMinutes === null) w.known = false;
    else w.u += p.unregisteredMinutes;
    if (!d) return;
    // One lookup per pupil and month (a pupil's days are in date order).
    let x = d.start[i];
    const end = d.start[i + 1];
    while (x < end) {
      const m = d.month[x];
      let s = 0;
      let u = 0;
      for (; x < end && d.month[x] === m; x++) {
        s += d.scheduled[x];
        u += d.unregistered[x];
      }
      const mk = `${k}\u0000${m}`;
      let e = monthly.get(mk);
      if (!e) monthly.set(mk, (e = { p, m, s: 0, u: 0 }));
      e.s += s;
      e.u += u;
    }
  });
  const rate = (s: number, u: number | null) => (s > 0 && u !== null ? (s - u) / s : null);
  const flag = (r: number | null) => r !== null && r < threshold - EPS;
  const order = (a: ReportingRate, b: ReportingRate) => compareSvNumeric(a.school ?? '', b.school ?? '') || compareSvNumeric(a.className, b.className) || (a.month ?? '').localeCompare(b.month ?? '');
  const byClass = [...whole.values()].map(({ p, s, u, known }) => {
    const r = rate(s, known ? u : null);
    return { className: p.className!, school: p.school, month: null, scheduledMinutes: s, rate: r, uncertain: flag(r) };
  }).sort(order);
  const byClassMonth = [...monthly.values()].map(({ p, m, s, u }) => {
    const r = rate(s, u);
    return { className: p.className!, school: p.school, month: monthLabel(m), scheduledMinutes: s, rate: r, uncertain: flag(r) };
  }).sort(order);
  return { byClass, byClassMonth };
}

/** Band shares of one group: the share of its pupils in each band (they add up to 1), suppressed. */
export interface BandGroup {
  by: Exclude<GroupKey['by'], 'gender'>;
  key: string;
  label: string;
  parent?: string;
  pupils: number;
  total: Figure[];
  invalid: Figure[];
  /** The group's rapporteringsgrad over the period (null = unknown). */
  reportingRate: number | null;
  /** Rapporteringsgrad under the plan's threshold: the figures are uncertain. */
  uncertain: boolean;
}

function bandShares(pupils: readonly PupilAttendance[], bounds: readonly number[], pick: (p: PupilAttendance) => number | null, n: number, threshold: number, hidden: boolean): Figure[] {
  const counts = new Array<number>(bounds.length + 1).fill(0);
  for (const p of pupils) {
    const b = bandIndex(pick(p), bounds);
    if (b !== null) counts[b]++;
  }
  return counts.map((c) => (hidden ? (n ? '..' : '.') : suppress(share(c, n), n, threshold)));
}

function groupRate(pupils: readonly PupilAttendance[]): number | null {
  let s = 0;
  let u = 0;
  for (const p of pupils) {
    if (p.unregisteredMinutes === null) return null;
    s += p.scheduledMinutes;
    u += p.unregisteredMinutes;
  }
  return s > 0 ? (s - u) / s : null;
}

/**
 * Band shares (total and ogiltig separately) for the whole file, each school, each class within its
 * school and each grade year, with per-group and complementary suppression as the level groups have
 * (groups.ts). Each group carries its rapporteringsgrad and is flagged uncertain under the threshold.
 * Worked: 10 pupils at 2, 4, 6, 8, 12, 16, 20, 31, 40, 55 % with bounds 5/15/30/50 → 2/10, 2/10, 2/10, 2/10, 2/10.
 * @example bandGroups(table, plan, DEFAULT_SETTINGS)[0].total // [0.2, 0.2, 0.2, 0.2, 0.2]
 */
export function bandGroups(table: AttendanceTable, plan: AttendancePlan, settings: Settings): BandGroup[] {
  const th = settings.suppressionThreshold;
  const lang = settings.lang;
  const pupils = table.pupils.filter((p) => p.absenceShare !== null);
  const make = (items: readonly PupilAttendance[], g: { by: BandGroup['by']; key: string; label: string; parent?: string }, hidden: boolean): BandGroup => {
    const n = items.length;
    const rate = groupRate(items);
    const out: BandGroup = {
      ...g, pupils: n,
      total: bandShares(items, plan.bands.total, (p) => p.absenceShare, n, th, hidden),
      invalid: bandShares(items, plan.bands.invalid, (p) => p.invalidShare, n, th, hidden),
      reportingRate: rate, uncertain: rate !== null && rate < plan.reportingThreshold - EPS,
    };
    if (g.parent === undefined) delete out.parent;
    return out;
  };
  const out: BandGroup[] = [make(pupils, { by: 'all', key: 'all', label: t(lang, 'common.total') }, false)];
  const allHidden = pupils.length < th;
  const schools = splitWithSuppression(pupils, (p) => p.school, th, allHidden);
  for (const part of schools) out.push(make(part.items, { by: 'school', key: part.key, label: part.key }, part.hidden));
  for (const s of splitWithSuppression(pupils, (p) => p.school ?? '', th, false)) {
    const schoolHidden = s.key === '' ? allHidden : schools.find((x) => x.key === s.key)?.hidden ?? false;
    for (const part of splitWithSuppression(s.items, (p) => p.className, th, schoolHidden)) {
      out.push(make(part.items, { by: 'class', key: part.key, label: part.key, ...(s.key ? { parent: s.key } : {}) }, part.hidden));
    }
  }
  for (const part of splitWithSuppression(pupils, (p) => (p.year === null ? null : String(p.year)), th, allHidden)) {
    out.push(make(part.items, { by: 'year', key: part.key, label: t(lang, 'attendance.yearLabel', { year: part.key }) }, part.hidden));
  }
  return out;
}

/** Band shares of one calendar month (lesson rows with dates). */
export interface MonthBands {
  month: string;
  /** Pupils with scheduled time in the month. */
  pupils: number;
  total: Figure[];
  invalid: Figure[];
  /** The whole file's rapporteringsgrad that month. */
  reportingRate: number | null;
}

/**
 * Band shares per calendar month across the year, from each pupil's absence in that month alone
 * (lesson rows with dates; empty for totals). Suppressed on the month's pupils.
 * @example monthlyBands(table, plan, 10)[0].month // '2026-01'
 */
export function monthlyBands(table: AttendanceTable, plan: AttendancePlan, threshold: number): MonthBands[] {
  const d = table.days;
  if (!d) return [];
  // Per month: band counts, pupils, scheduled and unregistered minutes.
  const months = new Map<number, { n: number; total: number[]; invalid: number[]; s: number; u: number }>();
  for (let i = 0; i < table.pupils.length; i++) {
    let x = d.start[i];
    const end = d.start[i + 1];
    while (x < end) {
      const m = d.month[x];
      let s = 0;
      let a = 0;
      let v = 0;
      let u = 0;
      for (; x < end && d.month[x] === m; x++) {
        s += d.scheduled[x];
        a += d.absent[x];
        v += d.invalid[x];
        u += d.unregistered[x];
      }
      let e = months.get(m);
      if (!e) months.set(m, (e = { n: 0, total: new Array(plan.bands.total.length + 1).fill(0), invalid: new Array(plan.bands.invalid.length + 1).fill(0), s: 0, u: 0 }));
      e.s += s;
      e.u += u;
      if (s <= 0) continue;
      e.n++;
      e.total[bandIndex(a / s, plan.bands.total)!]++;
      e.invalid[bandIndex(v / s, plan.bands.invalid)!]++;
    }
  }
  return [...months.entries()].sort((a, b) => a[0] - b[0]).map(([m, e]) => ({
    month: monthLabel(m), pupils: e.n,
    total: e.total.map((c) => suppress(share(c, e.n), e.n, threshold)),
    invalid: e.invalid.map((c) => suppress(share(c, e.n), e.n, threshold)),
    reportingRate: e.s > 0 ? (e.s - e.u) / e.s : null,
  }));
}
