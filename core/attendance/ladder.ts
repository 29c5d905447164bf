/**
 * The närvaroplan as data: the school's insatstrappa (ladder of steps), each step triggered by one or
 * more rules and naming who acts and by when, plus the absence bands and the rapporteringsgrad
 * threshold. The plan lives in the workbook's `Närvaroplan` sheet (plan-sheet.ts); this file holds its
 * shape, the default and the evaluation per pupil.
 *
 * Decisions [D], documented in docs/decisions.md ("Närvaroplanen"):
 * - Rows with the same step number are alternatives: any one of them triggers the step.
 * - A step is reached on the first lesson day on which one of its rules holds. With "dagar efter
 *   föregående steg" set, it also needs the step before it, and that many days since it was reached
 *   ("still over 10 % two weeks after step 2"); without it the step stands on its own rules.
 * - A rule holds on a day by the lessons up to and including that day only, so the step a pupil had
 *   at the end of the previous month is the same evaluation cut at that date.
 * - From per-pupil totals there are no dates: only share rules of steps that need no earlier step can
 *   be evaluated (on the whole period's share), and no date is given.
 */
import type { Lang, Problem } from '../types';
import { t } from '../i18n';
import { DayFlag, isoDate, type LessonDays } from './lessons';
import type { AttendanceTable } from './types';

/** Which absence a rule counts: all absence, or only ogiltig (unexcused) absence. */
export type RuleMeasure = 'total' | 'invalid';

/** One trigger of a step. Shares are fractions 0–1; windows are calendar days ending on the day tested. */
export type LadderRule =
  /** Absence share over the last `windowDays` days (null: the period so far) reaches `min`. */
  | { kind: 'share'; measure: RuleMeasure; min: number; windowDays: number | null; cell?: string }
  /** At least `days` absent school days in a row (the pupil's own lesson days; weekends do not break a run). */
  | { kind: 'consecutive'; measure: RuleMeasure; days: number; cell?: string }
  /** At least `count` absence occasions begun in the same calendar month or term. */
  | { kind: 'occasions'; measure: RuleMeasure; count: number; per: 'month' | 'term'; cell?: string }
  /** At least `count` days with absence on one and the same weekday within `windowDays` days. */
  | { kind: 'weekday'; measure: RuleMeasure; count: number; windowDays: number; cell?: string }
  /** At least `count` absent lessons in one and the same subject within `windowDays` days (needs an Ämne column). */
  | { kind: 'subject'; measure: RuleMeasure; count: number; windowDays: number; cell?: string };

export type RuleKind = LadderRule['kind'];
export const RULE_KINDS: readonly RuleKind[] = ['share', 'consecutive', 'occasions', 'weekday', 'subject'];

/** One step of the ladder. */
export interface LadderStep {
  /** The school's step number (1, 2, 3 …), in ladder order. */
  index: number;
  name: string;
  /** Any one of these triggers the step. */
  rules: LadderRule[];
  /** Days the step before must have been reached first; null = the step stands on its own rules. */
  afterDays: number | null;
  /** Who acts and what they do. */
  action: string;
  /** Days from reaching the step until the action must be done; null = not set. */
  deadlineDays: number | null;
  /** Whether reaching this step means the rektor reports the pupil's absence to the huvudman (skollagen 7 kap. 19 a §). */
  reportToHuvudman: boolean;
  /** Where the default comes from (informational). */
  source?: string;
}

export interface AttendancePlan {
  steps: LadderStep[];
  /** Lower bounds of the absence bands, ascending fractions: total and ogiltig absence separately. */
  bands: { total: number[]; invalid: number[] };
  /** Classes whose rapporteringsgrad is below this are flagged; their absence figures are uncertain. */
  reportingThreshold: number;
}

/** Sävsjö's analysis bands [S: Sävsjö kommun, närvaro- och frånvaroanalys]: total 5/15/30/50 %, ogiltig 1/5/15 %. */
export const DEFAULT_BANDS = { total: [0.05, 0.15, 0.3, 0.5], invalid: [0.01, 0.05, 0.15] } as const;

/** Skola24 reports rapporteringsgrad; below 95 % we call a class's figures uncertain [D]. */
export const DEFAULT_REPORTING_THRESHOLD = 0.95;

/** A whole-period share is not tested in the first two weeks of the period: one absent day would be 100 % [D]. */
export const WHOLE_PERIOD_MIN_DAYS = 14;

const EPS = 1e-9;

/** What the evaluation says about one pupil. */
export interface PupilStep {
  /** The highest step reached, or null when none. */
  step: LadderStep | null;
  /** Day number (days since 1970-01-01) the highest step was first reached; null from totals. */
  reachedDay: number | null;
  /** Day each step was reached (same order as the plan's steps), NaN when not reached. */
  reached: number[];
  /** The highest step reached before the cut-off (start of the last month); 0 = none; null = unknown (totals). */
  previousIndex: number | null;
}

export interface LadderEvaluation {
  /** `lessons`: steps and dates from lesson rows; `totals`: only the step, from per-pupil totals. */
  basis: 'lessons' | 'totals';
  /** One per pupil of the table, same order. */
  pupils: PupilStep[];
  /** First day of the last month of the export (`YYYY-MM-DD`): "the previous period" ends the day before. */
  cutoff: string | null;
  problems: Problem[];
}

/**
 * The step a pupil's share figures alone reach (from totals): the highest step with a share rule that
 * holds and that needs no earlier step. Day-based rules cannot be tested without dates.
 * Worked: default plan, total 12 %, ogiltig 2 % → step 2 (10 % rule); steps 3–4 need dates.
 * @example stepFromShares(defaultPlan, 0.12, 0.02)?.index // 2
 */
export function stepFromShares(plan: AttendancePlan, total: number | null, invalid: number | null): LadderStep | null {
  let best: LadderStep | null = null;
  for (const s of plan.steps) {
    if (s.afterDays !== null) continue;
    const hit = s.rules.some((r) => {
      if (r.kind !== 'share') return false;
      const v = r.measure === 'invalid' ? invalid : total;
      return v !== null && v >= r.min - EPS;
    });
    if (hit && (!best || s.index > best.index)) best = s;
  }
  return best;
}

/** Weekday 0–6 (0 = Monday) of a day number; 1970-01-01 was a Thursday. */
function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function termIndex(m: number): number {
  // Spring term January–July, autumn term August–December (as the report's period label).
  return Math.floor(m / 12) * 2 + (m % 12 < 7 ? 0 : 1);
}

/** A day counts for a rule: for `invalid`, only with an ogiltig absent lesson. */
function absentLesson(flags: number, measure: RuleMeasure): boolean {
  return measure === 'invalid' ? (flags & DayFlag.Invalid) !== 0 : (flags & DayFlag.Absent) !== 0;
}

function absentDay(flags: number, measure: RuleMeasure): boolean {
  // A whole absent day: an absent lesson and none attended (SchoolSoft's rule, lessons.ts).
  return (flags & (DayFlag.Absent | DayFlag.Attended)) === DayFlag.Absent && absentLesson(flags, measure);
}

/**
 * The first day ≥ `minDay` on which `rule` holds for the pupil's days `from … to − 1`; NaN when never.
 * `periodStart` is the export's first day (windows must lie inside the period).
 * @example isoDate(firstHold({ kind: 'consecutive', measure: 'total', days: 3 }, table.days!, 0, 5, -Infinity, 20465, 0)) // '2026-01-20' (Fri, Mon, Tue absent)
 */
export function firstHold(rule: LadderRule, d: LessonDays, from: number, to: number, minDay: number, periodStart: number, pupil: number): number {
  const day = d.day;
  const flags = d.flags;
  switch (rule.kind) {
    case 'share': {
      const part = rule.measure === 'invalid' ? d.invalid : d.absent;
      let s = 0;
      let a = 0;
      if (rule.windowDays === null) {
        for (let x = from; x < to; x++) {
          s += d.scheduled[x];
          a += part[x];
          if (day[x] >= minDay && day[x] - periodStart + 1 >= WHOLE_PERIOD_MIN_DAYS && s > 0 && a / s >= rule.min - EPS) return day[x];
        }
        return NaN;
      }
      const w = rule.windowDays;
      let lo = from;
      for (let x = from; x < to; x++) {
        s += d.scheduled[x];
        a += part[x];
        while (day[lo] <= day[x] - w) {
          s -= d.scheduled[lo];
          a -= part[lo];
          lo++;
        }
        if (day[x] >= minDay && day[x] - w + 1 >= periodStart && s > 0 && a / s >= rule.min - EPS) return day[x];
      }
      return NaN;
    }
    case 'consecutive': {
      let run = 0;
      for (let x = from; x < to; x++) {
        run = absentDay(flags[x], rule.measure) ? run + 1 : 0;
        if (run >= rule.days && day[x] >= minDay) return day[x];
      }
      return NaN;
    }
    case 'occasions': {
      // An occasion begins on a day with an absent lesson when the pupil's previous lesson day had none
      // (a sick week is one occasion); it counts in the month or term it began.
      let key = -1;
      let count = 0;
      for (let x = from; x < to; x++) {
        const k = rule.per === 'month' ? d.month[x] : termIndex(d.month[x]);
        if (k !== key) {
          key = k;
          count = 0;
        }
        if (absentLesson(flags[x], rule.measure) && !(x > from && absentLesson(flags[x - 1], rule.measure))) count++;
        if (count >= rule.count && day[x] >= minDay) return day[x];
      }
      return NaN;
    }
    case 'weekday':
    case 'subject': {
      // Per group (weekday or subject) a queue of the days counted inside the window; `full` counts
      // the groups that have reached the limit.
      const queues: number[][] = [];
      let full = 0;
      const push = (g: number, dayNo: number) => {
        const q = (queues[g] ??= []);
        q.push(dayNo);
        if (q.length === rule.count) full++;
      };
      const expire = (today: number) => {
        for (const q of queues) {
          while (q && q.length && q[0] <= today - rule.windowDays) {
            if (q.length === rule.count) full--;
            q.shift();
          }
        }
      };
      if (rule.kind === 'weekday') {
        for (let x = from; x < to; x++) {
          expire(day[x]);
          if (absentLesson(flags[x], rule.measure)) push(weekday(day[x]), day[x]);
          if (full > 0 && day[x] >= minDay) return day[x];
        }
        return NaN;
      }
      const ab = d.absences;
      if (!ab) return NaN;
      let e = ab.start[pupil];
      const end = ab.start[pupil + 1];
      for (let x = from; x < to; x++) {
        expire(day[x]);
        for (; e < end && ab.day[e] <= day[x]; e++) if (rule.measure === 'total' || ab.invalid[e]) push(ab.subject[e], ab.day[e]);
        if (full > 0 && day[x] >= minDay) return day[x];
      }
      return NaN;
    }
  }
}

/**
 * Evaluates the ladder for every pupil of an attendance table: the highest step reached, the date it
 * was reached (lesson rows with dates) and the step at the end of the previous month. From totals only
 * the step of the share rules (see `stepFromShares`), without a date.
 * @example evaluateLadder(table, plan).pupils[0].step?.index // 2
 */
export function evaluateLadder(table: AttendanceTable, plan: AttendancePlan, lang: Lang = 'sv'): LadderEvaluation {
  const d = table.days;
  const steps = plan.steps;
  const problems: Problem[] = [];
  if (d && !d.absences) {
    for (const s of steps) {
      for (const r of s.rules) {
        if (r.kind === 'subject') problems.push({ cell: r.cell ?? table.sheet, value: null, code: 'attendance.plan.problem.needsSubject', severity: 'warning', message: t(lang, 'attendance.plan.problem.needsSubject') });
      }
    }
  }
  if (!d || !table.firstDate || !table.lastDate) {
    return {
      basis: 'totals', cutoff: null, problems: [],
      pupils: table.pupils.map((p) => ({ step: stepFromShares(plan, p.absenceShare, p.invalidShare), reachedDay: null, reached: steps.map(() => NaN), previousIndex: null })),
    };
  }
  const periodStart = Date.parse(table.firstDate) / 86_400_000;
  const last = table.lastDate;
  const cutoffDay = Date.parse(`${last.slice(0, 8)}01`) / 86_400_000;
  const pupils: PupilStep[] = [];
  for (let i = 0; i < table.pupils.length; i++) {
    const from = d.start[i];
    const to = d.start[i + 1];
    const reached: number[] = [];
    let prev = NaN;
    let best = -1;
    for (let k = 0; k < steps.length; k++) {
      const s = steps[k];
      let day = NaN;
      if (s.afterDays === null || !Number.isNaN(prev)) {
        const minDay = s.afterDays === null ? -Infinity : prev + s.afterDays;
        for (const r of s.rules) {
          const h = firstHold(r, d, from, to, minDay, periodStart, i);
          if (!Number.isNaN(h) && (Number.isNaN(day) || h < day)) day = h;
        }
      }
      reached.push(day);
      prev = day;
      if (!Number.isNaN(day) && (best < 0 || s.index >= steps[best].index)) best = k;
    }
    let previousIndex = 0;
    for (let k = 0; k < steps.length; k++) if (reached[k] < cutoffDay && steps[k].index > previousIndex) previousIndex = steps[k].index;
    pupils.push({ step: best >= 0 ? steps[best] : null, reachedDay: best >= 0 ? reached[best] : null, reached, previousIndex });
  }
  return { basis: 'lessons', cutoff: isoDate(cutoffDay), pupils, problems };
}

/**
 * The day a step's action is due: reached + deadline days; null without a date or a deadline.
 * @example dueDay(20515, { deadlineDays: 7 } as LadderStep) // 20522
 */
export function dueDay(reachedDay: number | null, step: Pick<LadderStep, 'deadlineDays'>): number | null {
  return reachedDay === null || step.deadlineDays === null ? null : reachedDay + step.deadlineDays;
}
