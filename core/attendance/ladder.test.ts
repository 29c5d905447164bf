import { describe, expect, it } from 'vitest';
import { readAttendance } from './read';
import { evaluateLadder, stepFromShares, type AttendancePlan, type LadderRule, type LadderStep } from './ladder';
import { defaultAttendancePlan } from './plan-sheet';
import { isoDate } from './lessons';

/**
 * Lesson rows from a compact spec: per pupil, per date, the statuses of its 60-minute lessons
 * (P present, G giltig, F ogiltig, U unreported, L late 10 min) and optionally their subjects.
 */
type Spec = Record<string, Record<string, string | [string, string[]]>>;
function table(spec: Spec, withSubject = false) {
  const names: Record<string, string> = { P: 'Närvarande', G: 'Giltig frånvaro', F: 'Ogiltig frånvaro', U: 'Ej rapporterad', L: 'Sen ankomst' };
  const rows: unknown[][] = [['Elev-id', 'Klass', 'Datum', 'Minuter', 'Status', 'Sen min', ...(withSubject ? ['Ämne'] : [])]];
  for (const [id, days] of Object.entries(spec)) {
    for (const [date, v] of Object.entries(days)) {
      const [codes, subjects] = typeof v === 'string' ? [v, []] : v;
      [...codes].forEach((c, i) => rows.push([id, '9A', date, 60, names[c], c === 'L' ? 10 : '', ...(withSubject ? [subjects[i] ?? 'Sv'] : [])]));
    }
  }
  return readAttendance({ sheet: 'Lektioner', values: rows as never }, { referenceYear: 2026 });
}

const step = (index: number, rules: LadderRule[], afterDays: number | null = null): LadderStep =>
  ({ index, name: `S${index}`, rules, afterDays, action: '', deadlineDays: null, reportToHuvudman: false });
const plan = (...steps: LadderStep[]): AttendancePlan => ({ steps, bands: { total: [0.05, 0.15, 0.3, 0.5], invalid: [0.01, 0.05, 0.15] }, reportingThreshold: 0.95 });
/** The date the pupil reached its highest step, or null; and that step's index. */
function reached(spec: Spec, p: AttendancePlan, id: string, withSubject = false) {
  const t = table(spec, withSubject);
  const e = evaluateLadder(t, p);
  const i = t.pupils.findIndex((x) => x.id === id);
  const r = e.pupils[i];
  return { index: r.step?.index ?? 0, on: r.reachedDay === null ? null : isoDate(r.reachedDay), previous: r.previousIndex, e };
}

// Mon 12 Jan 2026 … : a week of school days and the next.
const WEEK1 = ['2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16'];

describe('share of absence over a window', () => {
  // A: one 60-min lesson a day; absent Mon 19 (giltig) and Wed 21 (ogiltig).
  const A: Spec[string] = { ...Object.fromEntries(WEEK1.map((d) => [d, 'P'])), '2026-01-19': 'G', '2026-01-20': 'P', '2026-01-21': 'F', '2026-01-22': 'P', '2026-01-23': 'P', '2026-01-26': 'P' };
  // B: absent the first two days only, then present.
  const B: Spec[string] = { '2026-01-12': 'G', '2026-01-13': 'G', '2026-01-14': 'P', '2026-01-15': 'P', '2026-01-16': 'P', '2026-01-19': 'P', '2026-01-20': 'P' };
  const spec = { A, B };
  it('7-day window, total ≥ 25 %: reached the day the window first holds it', () => {
    // Windows are full from 12 + 6 = 18 Jan. 19 Jan: lessons 13–16, 19 → 1/5 = 20 %. 20 Jan: 14–16, 19, 20 → 1/5.
    // 21 Jan: 15, 16, 19, 20, 21 → 2/5 = 40 % ≥ 25 % → reached 2026-01-21.
    const p = plan(step(1, [{ kind: 'share', measure: 'total', min: 0.25, windowDays: 7 }]));
    expect(reached(spec, p, 'A')).toMatchObject({ index: 1, on: '2026-01-21' });
    // B: 100 % on 12–13 Jan, but no window is full then; 19 Jan: 13 (absent), 14, 15, 16, 19 → 1/5 = 20 % < 25 %.
    expect(reached(spec, p, 'B')).toMatchObject({ index: 0, on: null });
  });
  it('ogiltig only: the giltig lesson does not count', () => {
    // 21 Jan: ogiltig 1 of 15, 16, 19, 20, 21 = 20 % ≥ 20 % → reached; total at 20 % would be 19 Jan (1/5, giltig).
    expect(reached(spec, plan(step(1, [{ kind: 'share', measure: 'invalid', min: 0.2, windowDays: 7 }])), 'A')).toMatchObject({ index: 1, on: '2026-01-21' });
    expect(reached(spec, plan(step(1, [{ kind: 'share', measure: 'total', min: 0.2, windowDays: 7 }])), 'A')).toMatchObject({ index: 1, on: '2026-01-19' });
    expect(reached(spec, plan(step(1, [{ kind: 'share', measure: 'invalid', min: 0.25, windowDays: 7 }])), 'A').index).toBe(0);
  });
  it('the period so far: tested from the 14th day of the period', () => {
    // Period starts 12 Jan; tested from 25 Jan. A on 26 Jan: 2 absent of 11 lessons = 18.2 % ≥ 10 % → 2026-01-26.
    // B would have been 100 % on 12 Jan; by 20 Jan 2/7 = 28.6 %, but 20 Jan is before the 14th day, and B has no later lesson.
    const p = plan(step(1, [{ kind: 'share', measure: 'total', min: 0.1, windowDays: null }]));
    expect(reached(spec, p, 'A')).toMatchObject({ index: 1, on: '2026-01-26' });
    expect(reached(spec, p, 'B').index).toBe(0);
  });
});

describe('consecutive absent days', () => {
  const spec: Spec = {
    // D: Thu present; Fri, Mon, Tue wholly absent (the weekend neither breaks nor counts) → run 3 on Tue 20 Jan.
    D: { '2026-01-15': 'P', '2026-01-16': 'FF', '2026-01-19': 'GG', '2026-01-20': 'FF', '2026-01-21': 'P' },
    // C: Tue 20 Jan has one present lesson → not an absent day: runs 16, 19 (2) then 21 (1).
    C: { '2026-01-15': 'P', '2026-01-16': 'G', '2026-01-19': 'G', '2026-01-20': 'PG', '2026-01-21': 'G' },
    // Late arrival is attendance, an unreported day ends a run: 13, 14 (2), 15 late → 0, 16 (1), 19 U → 0, 20 (1).
    K: { '2026-01-13': 'G', '2026-01-14': 'G', '2026-01-15': 'L', '2026-01-16': 'G', '2026-01-19': 'U', '2026-01-20': 'G' },
  };
  const three = plan(step(1, [{ kind: 'consecutive', measure: 'total', days: 3 }]));
  it('three days in a row, across a weekend', () => {
    expect(reached(spec, three, 'D')).toMatchObject({ index: 1, on: '2026-01-20' });
    expect(reached(spec, three, 'C').index).toBe(0);
    expect(reached(spec, plan(step(1, [{ kind: 'consecutive', measure: 'total', days: 2 }])), 'C')).toMatchObject({ index: 1, on: '2026-01-19' });
    expect(reached(spec, plan(step(1, [{ kind: 'consecutive', measure: 'total', days: 2 }])), 'K')).toMatchObject({ index: 1, on: '2026-01-14' });
    expect(reached(spec, three, 'K').index).toBe(0);
  });
  it('ogiltig only: a giltig day breaks the run', () => {
    // D ogiltig: 16 (1), 19 giltig → 0, 20 (1).
    expect(reached(spec, plan(step(1, [{ kind: 'consecutive', measure: 'invalid', days: 2 }])), 'D').index).toBe(0);
  });
});

describe('absence occasions per month and term', () => {
  // E: absence on 14 and 15 Jan (one occasion: consecutive days), 20 Jan (2nd), 2 Feb (Feb's 1st), 4 Feb (Feb's 2nd).
  const E = { '2026-01-13': 'P', '2026-01-14': 'PG', '2026-01-15': 'G', '2026-01-16': 'P', '2026-01-19': 'P', '2026-01-20': 'FP', '2026-01-21': 'P',
    '2026-02-02': 'G', '2026-02-03': 'P', '2026-02-04': 'L', '2026-02-05': 'F' };
  const spec: Spec = { E };
  it('the second occasion in a month', () => {
    expect(reached(spec, plan(step(1, [{ kind: 'occasions', measure: 'total', count: 2, per: 'month' }])), 'E')).toMatchObject({ index: 1, on: '2026-01-20' });
    // Three in one month never happens: Jan has 2, Feb 2 (4 Feb is only late, 5 Feb is the 2nd).
    expect(reached(spec, plan(step(1, [{ kind: 'occasions', measure: 'total', count: 3, per: 'month' }])), 'E').index).toBe(0);
  });
  it('occasions in a term count across months: 14 Jan, 20 Jan, 2 Feb → the 3rd on 2 Feb', () => {
    expect(reached(spec, plan(step(1, [{ kind: 'occasions', measure: 'total', count: 3, per: 'term' }])), 'E')).toMatchObject({ index: 1, on: '2026-02-02' });
  });
  it('ogiltig occasions: 20 Jan and 5 Feb only → 2 in the term on 5 Feb', () => {
    expect(reached(spec, plan(step(1, [{ kind: 'occasions', measure: 'invalid', count: 2, per: 'term' }])), 'E')).toMatchObject({ index: 1, on: '2026-02-05' });
  });
});

describe('pattern: the same weekday', () => {
  // F: absent Mondays 12, 19, 26 Jan and Tue 13 Jan; present otherwise.
  const F = { '2026-01-12': 'G', '2026-01-13': 'G', '2026-01-14': 'P', '2026-01-19': 'PG', '2026-01-20': 'P', '2026-01-26': 'F', '2026-01-27': 'P' };
  const spec: Spec = { F };
  it('three Mondays within 21 days', () => {
    // On 26 Jan the window 6–26 Jan holds Mondays 12, 19, 26 → 3 → reached 2026-01-26.
    expect(reached(spec, plan(step(1, [{ kind: 'weekday', measure: 'total', count: 3, windowDays: 21 }])), 'F')).toMatchObject({ index: 1, on: '2026-01-26' });
  });
  it('not within 14 days (13–26 Jan: Mondays 19 and 26 only), and not by mixing weekdays', () => {
    expect(reached(spec, plan(step(1, [{ kind: 'weekday', measure: 'total', count: 3, windowDays: 14 }])), 'F').index).toBe(0);
    // Two Mondays (12, 19) within 14 days on 19 Jan; Mon 12 + Tue 13 are two days but two weekdays.
    expect(reached(spec, plan(step(1, [{ kind: 'weekday', measure: 'total', count: 2, windowDays: 14 }])), 'F')).toMatchObject({ index: 1, on: '2026-01-19' });
  });
});

describe('pattern: the same subject', () => {
  // G: absent from Ma on 12, 14 and 19 Jan, from Sv on 13 Jan.
  const G = { '2026-01-12': ['GP', ['Ma', 'Sv']], '2026-01-13': ['PG', ['Ma', 'Sv']], '2026-01-14': ['FP', ['Ma', 'Sv']], '2026-01-15': ['PP', ['Ma', 'Sv']], '2026-01-19': ['GP', ['Ma', 'Sv']] } as Spec[string];
  it('three Ma lessons within 14 days → 19 Jan', () => {
    expect(reached({ G }, plan(step(1, [{ kind: 'subject', measure: 'total', count: 3, windowDays: 14 }])), 'G', true)).toMatchObject({ index: 1, on: '2026-01-19' });
    // Ogiltig only: one Ma lesson (14 Jan).
    expect(reached({ G }, plan(step(1, [{ kind: 'subject', measure: 'invalid', count: 2, windowDays: 14 }])), 'G', true).index).toBe(0);
  });
  it('without an Ämne column the rule is not tested, and the rule cell is named', () => {
    const r = reached({ G }, plan(step(1, [{ kind: 'subject', measure: 'total', count: 1, windowDays: 14, cell: 'Närvaroplan!C9' }])), 'G', false);
    expect(r.index).toBe(0);
    expect(r.e.problems.map((p) => [p.cell, p.code])).toEqual([['Närvaroplan!C9', 'attendance.plan.problem.needsSubject']]);
  });
});

describe('the ladder: order, days after the step before, the previous period', () => {
  // H: wholly absent 12–13 Jan, then present with one absent lesson of two each Monday and a bad February.
  const H = { '2026-01-12': 'GG', '2026-01-13': 'GG', '2026-01-14': 'PP', '2026-01-15': 'PP', '2026-01-16': 'PP', '2026-01-19': 'PG', '2026-01-20': 'PP',
    '2026-01-26': 'PG', '2026-01-27': 'PP', '2026-02-02': 'GG', '2026-02-03': 'GG', '2026-02-04': 'PP' };
  const ladder = plan(
    step(1, [{ kind: 'consecutive', measure: 'total', days: 2 }]),
    step(2, [{ kind: 'share', measure: 'total', min: 0.2, windowDays: null }]),
    step(3, [{ kind: 'share', measure: 'total', min: 0.2, windowDays: null }], 14),
  );
  it('step 1 on 13 Jan; step 2 from the 14th day; step 3 fourteen days after step 2', () => {
    // Step 1: run of 2 whole days on 13 Jan.
    // Step 2 (period so far ≥ 20 %, tested from 25 Jan): 26 Jan → 8 days × 2 = 16 lessons, absent 2 + 2 + 1 + 1 = 6
    // → 37.5 % → 2026-01-26.
    // Step 3: same rule, from 26 Jan + 14 = 9 Feb; H has no lesson on or after 9 Feb → not reached.
    const r = reached({ H }, ladder, 'H');
    expect(r.index).toBe(2);
    expect(r.on).toBe('2026-01-26');
    const i = 0;
    expect(r.e.pupils[i].reached.map((d) => (Number.isNaN(d) ? null : isoDate(d)))).toEqual(['2026-01-13', '2026-01-26', null]);
    // With 7 days: from 26 Jan + 7 = 2 Feb; 2 Feb: 16 + 2 (27 Jan) + 2 = 20 lessons, 6 + 2 = 8 absent → 40 % → 2026-02-02.
    const seven = plan(ladder.steps[0], ladder.steps[1], { ...ladder.steps[2], afterDays: 7 });
    expect(reached({ H }, seven, 'H')).toMatchObject({ index: 3, on: '2026-02-02' });
  });
  it('the previous period ends before the first day of the last month: step 2 then', () => {
    const seven = plan(ladder.steps[0], ladder.steps[1], { ...ladder.steps[2], afterDays: 7 });
    const r = reached({ H }, seven, 'H');
    expect(r.e.cutoff).toBe('2026-02-01');
    expect(r.previous).toBe(2);
  });
  it('a step with days after the step before is not reached without it', () => {
    // Step 1 needs 5 days in a row (never); step 2 then waits for it.
    const p = plan(step(1, [{ kind: 'consecutive', measure: 'total', days: 5 }]), step(2, [{ kind: 'consecutive', measure: 'total', days: 2 }], 0));
    expect(reached({ H }, p, 'H').index).toBe(0);
    // Without the condition step 2 stands alone: 13 Jan.
    expect(reached({ H }, plan(p.steps[0], { ...p.steps[1], afterDays: null }), 'H')).toMatchObject({ index: 2, on: '2026-01-13' });
  });
});

describe('from totals: only the step, no date', () => {
  const plan4 = defaultAttendancePlan('sv');
  it('share rules of steps that need no earlier step', () => {
    // 12 % total → step 2 (≥ 10 %); steps 3 and 4 need dates ("still … days after").
    expect(stepFromShares(plan4, 0.12, 0.02)?.index).toBe(2);
    // 4 % total, 6 % ogiltig is impossible (ogiltig ≤ total), but 6 % total with 5 % ogiltig → step 2 by Sävsjö's line.
    expect(stepFromShares(plan4, 0.06, 0.05)?.index).toBe(2);
    expect(stepFromShares(plan4, 0.06, 0.049)).toBeNull();
    expect(stepFromShares(plan4, null, null)).toBeNull();
  });
  it('evaluateLadder on totals says so', () => {
    const t = readAttendance({ sheet: 'F', values: [['Personnummer', 'Klass', 'Undv. tid', 'N min', 'GF min', 'F min', 'Ej reg tid'], ['201001303799', '9A', 1000, 850, 60, 40, 50], ['201003161062', '9A', 1000, 950, 50, 0, 0]] }, { referenceYear: 2026 });
    const e = evaluateLadder(t, plan4);
    expect(e.basis).toBe('totals');
    // (60 + 40) / 1000 = 10 % → step 2; 5 % → none.
    expect(e.pupils.map((p) => [p.step?.index ?? 0, p.reachedDay, p.previousIndex])).toEqual([[2, null, null], [0, null, null]]);
  });
});

describe('attendance JSON from lesson rows', () => {
  it('gives the step with the date reached, the due date, the previous period and the rapporteringsgrad per month', async () => {
    const { attendanceJson, validateAttendanceJson } = await import('./json');
    // H of the ladder tests, and the default plan: 12–13 Jan wholly absent (2 days in a row: no default rule),
    // Monday absences 19 and 26 Jan, 2–3 Feb wholly absent.
    const H = { '2026-01-12': 'GG', '2026-01-13': 'GG', '2026-01-14': 'PP', '2026-01-15': 'PP', '2026-01-16': 'PU', '2026-01-19': 'PG', '2026-01-20': 'PP',
      '2026-01-26': 'PG', '2026-01-27': 'PP', '2026-02-02': 'GG', '2026-02-03': 'GG', '2026-02-04': 'PP' };
    const t = table({ H });
    const j = attendanceJson(t);
    // Step 1 (2nd occasion in a month): 12–13 Jan is one occasion, 19 Jan the second → 19 Jan.
    // Step 2 (≥ 10 % of the period, from 25 Jan): 26 Jan: 6 absent of 16 lessons = 37.5 % → 26 Jan, due + 7 = 2 Feb.
    // Step 3 (14 days after step 2 = 9 Feb): no lessons then → the highest step is 2. Before 1 Feb (the last
    // month's start) it was step 2 already.
    expect(j.pupils[0].step).toEqual({ index: 2, name: 'Kartlägga', reachedOn: '2026-01-26', dueOn: '2026-02-02' });
    expect(j.pupils[0].previousStep).toBe(2);
    expect(j.ladder).toMatchObject({ source: 'default', basis: 'lessons', previousPeriodEnds: '2026-01-31' });
    // Rapporteringsgrad 9A: January 9 days × 2 = 18 lessons, 1 unreported → 17/18 = 94.4444 % (uncertain);
    // February 6 of 6.
    expect(j.reporting.classes.filter((c) => c.month !== null)).toEqual([
      { class: '9A', school: null, month: '2026-01', rate: 0.944444, uncertain: true },
      { class: '9A', school: null, month: '2026-02', rate: 1, uncertain: false },
    ]);
    expect(validateAttendanceJson(JSON.parse(JSON.stringify(j)))).toEqual([]);
  });
});
