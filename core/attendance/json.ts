/**
 * The attendance JSON contract of the CLI (`skolanalys narvaro --json`): pupils, groups, problems.
 * Shares are fractions 0–1.
 */
import type { AbsenceLevel, Figure, Settings } from '../types';
import { DEFAULT_SETTINGS } from '../types';
import { attendanceGroups, ABSENCE_LEVELS, type AttendanceGroup } from './groups';
import type { AttendanceTable } from './types';
import { dueDay, evaluateLadder, RULE_KINDS, type AttendancePlan, type LadderEvaluation } from './ladder';
import { defaultAttendancePlan, type PlanRead } from './plan-sheet';
import { bandIndex, reportingRates } from './bands';
import { isoDate } from './lessons';

/** A pupil's band: its index under the plan's bounds and the bounds themselves (`to` null for the top band). */
export interface AttendanceJsonBand {
  index: number;
  from: number;
  to: number | null;
}

/** The highest step of the närvaroplan a pupil reached. `reachedOn` and `dueOn` are null from totals. */
export interface AttendanceJsonStep {
  index: number;
  name: string;
  reachedOn: string | null;
  dueOn: string | null;
}

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
  /** Band of total and of ogiltig absence (null without scheduled time). */
  bands: { total: AttendanceJsonBand | null; invalid: AttendanceJsonBand | null };
  /** The highest step reached, null when none. */
  step: AttendanceJsonStep | null;
  /** Step index at the end of the previous period (0 = none); null when unknown (totals). */
  previousStep: number | null;
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

export interface AttendanceJsonLadder {
  /** `sheet`: the school's Närvaroplan sheet; `default`: Skolanalys' default plan. */
  source: 'sheet' | 'default';
  /** `lessons`: steps with dates; `totals`: only the step, from share rules. */
  basis: 'lessons' | 'totals';
  /** Last day of the previous period (`previousStep`), null from totals. */
  previousPeriodEnds: string | null;
  steps: { index: number; name: string; action: string; deadlineDays: number | null; reportToHuvudman: boolean; rules: string[] }[];
  bands: { total: number[]; invalid: number[] };
}

export interface AttendanceJsonReporting {
  class: string;
  school: string | null;
  /** `YYYY-MM`, or null for the whole period. */
  month: string | null;
  rate: number | null;
  uncertain: boolean;
}

export interface AttendanceJson {
  pupils: AttendanceJsonPupil[];
  groups: AttendanceJsonGroup[];
  ladder: AttendanceJsonLadder;
  /** Rapporteringsgrad per class (month null) and per class and month, flagged under `threshold`. */
  reporting: { threshold: number; classes: AttendanceJsonReporting[] };
  problems: { cell: string; value: unknown; message: string; code: string; severity: 'error' | 'warning' }[];
}

function band(share: number | null, bounds: readonly number[]): AttendanceJsonBand | null {
  const i = bandIndex(share, bounds);
  return i === null ? null : { index: i, from: i === 0 ? 0 : bounds[i - 1], to: i < bounds.length ? bounds[i] : null };
}

const r = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
const rf = (x: Figure, d: number): Figure => (typeof x === 'number' ? r(x, d) : x);
const rs = (x: number | null): number | null => (x === null ? null : r(x, 6));

/**
 * The CLI's attendance JSON: one entry per pupil (minutes rounded to 0.01, shares to 6 decimals,
 * bands and the närvaroplan's step), the suppressed groups of `attendanceGroups`, the ladder used,
 * the rapporteringsgrad per class and month, and every problem (the plan sheet's included).
 * @example attendanceJson(table).pupils[0].step // { index: 2, name: 'Kartlägga', reachedOn: '2026-03-04', dueOn: '2026-03-11' }
 */
export function attendanceJson(table: AttendanceTable, settings: Settings = DEFAULT_SETTINGS, groups: AttendanceGroup[] = attendanceGroups(table, settings), plan?: PlanRead): AttendanceJson {
  const read: PlanRead = plan ?? { plan: defaultAttendancePlan(settings.lang), from: 'default', problems: [] };
  const ap: AttendancePlan = read.plan;
  const ladder: LadderEvaluation = evaluateLadder(table, ap, settings.lang);
  const rates = reportingRates(table, ap.reportingThreshold);
  const day = (d: number | null) => (d === null ? null : isoDate(d));
  return {
    pupils: table.pupils.map((p, i) => ({
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
      bands: { total: band(p.absenceShare, ap.bands.total), invalid: band(p.invalidShare, ap.bands.invalid) },
      step: (() => {
        const e = ladder.pupils[i];
        return e.step ? { index: e.step.index, name: e.step.name, reachedOn: day(e.reachedDay), dueOn: day(dueDay(e.reachedDay, e.step)) } : null;
      })(),
      previousStep: ladder.pupils[i].previousIndex,
    })),
    groups: groups.map((g) => {
      const levelShares = {} as Record<AbsenceLevel, Figure>;
      for (const l of ABSENCE_LEVELS) levelShares[l] = rf(g.levelShares[l], 6);
      return {
        by: g.by, key: g.key, label: g.label, ...(g.parent ? { school: g.parent } : {}), pupils: g.pupils,
        meanAbsenceShare: rf(g.meanAbsenceShare, 6), levelShares, atLeastProblematicShare: rf(g.atLeastProblematicShare, 6),
      };
    }),
    ladder: {
      source: read.from, basis: ladder.basis, previousPeriodEnds: ladder.cutoff === null ? null : isoDate(Date.parse(ladder.cutoff) / 86_400_000 - 1),
      steps: ap.steps.map((s) => ({ index: s.index, name: s.name, action: s.action, deadlineDays: s.deadlineDays, reportToHuvudman: s.reportToHuvudman, rules: s.rules.map((r) => r.kind) })),
      bands: { total: [...ap.bands.total], invalid: [...ap.bands.invalid] },
    },
    reporting: {
      threshold: ap.reportingThreshold,
      classes: [...rates.byClass, ...rates.byClassMonth].map((x) => ({ class: x.className, school: x.school, month: x.month, rate: rs(x.rate), uncertain: x.uncertain })),
    },
    problems: [...read.problems, ...ladder.problems, ...table.problems].map((p) => ({ cell: p.cell, value: p.value ?? null, message: p.message, code: p.code, severity: p.severity })),
  };
}

const isBand = (v: unknown) => v === null || (!!v && typeof v === 'object' && Number.isInteger((v as AttendanceJsonBand).index) && typeof (v as AttendanceJsonBand).from === 'number');
const isDate = (v: unknown) => v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));

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
    // Fields added with the närvaroplan (issue 16): checked when present, so older output stays valid.
    if ('bands' in p) {
      const b = p.bands as Record<string, unknown> | null;
      if (!b || typeof b !== 'object' || !isBand(b.total) || !isBand(b.invalid)) errs.push(`${at}.bands`);
    }
    if ('step' in p) {
      const s = p.step as Record<string, unknown> | null;
      if (s !== null && (!s || !Number.isInteger(s.index) || typeof s.name !== 'string' || !isDate(s.reachedOn) || !isDate(s.dueOn))) errs.push(`${at}.step`);
    }
    if ('previousStep' in p && !(p.previousStep === null || (Number.isInteger(p.previousStep) && (p.previousStep as number) >= 0))) errs.push(`${at}.previousStep`);
  });
  if ('ladder' in o) {
    const l = o.ladder as Record<string, unknown> | null;
    if (!l || typeof l !== 'object' || !['sheet', 'default'].includes(l.source as string) || !['lessons', 'totals'].includes(l.basis as string) || !Array.isArray(l.steps)
      || (l.steps as Record<string, unknown>[]).some((s) => !Number.isInteger(s.index) || !Array.isArray(s.rules) || (s.rules as unknown[]).some((r) => !(RULE_KINDS as readonly unknown[]).includes(r)))) errs.push('ladder');
  }
  if ('reporting' in o) {
    const r = o.reporting as Record<string, unknown> | null;
    if (!r || typeof r.threshold !== 'number' || !Array.isArray(r.classes) || (r.classes as Record<string, unknown>[]).some((c) => typeof c.class !== 'string' || !isShareOrNull(c.rate) || typeof c.uncertain !== 'boolean')) errs.push('reporting');
  }
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
