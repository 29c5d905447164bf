/**
 * The närvaroplan in the report: the create-once sheet, the steps on the Närvaro sheet and the
 * Åtgärdslista, and the Nämndrapport's suppressed counts per step and per month.
 */
import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../personnummer';
import { DEFAULT_SETTINGS } from '../types';
import { buildReport } from './build';
import { defaultAttendancePlan, planRuleRows, planSettingRows, readPlanSheet, type AttendancePlan } from '../attendance';
import type { PlanValue, SheetPlan } from './plan';
import type { SheetData } from '../app';

const NOW = new Date('2026-03-02T12:00:00Z');

/** School days Mon 12 Jan … Fri 27 Feb 2026 (35 days). */
function schoolDays(): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(2026, 0, 12); out.length < 35; t += 86_400_000) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

function pnr(i: number): string {
  const nine = `1003${String(10 + i).padStart(2, '0')}${String(100 + i).padStart(3, '0')}`;
  return `20${nine}${luhnCheckDigit(nine)}`;
}

/**
 * `n` pupils in 9A with one 60-minute lesson a day. Pupil 0 is absent Mon 19 – Mon 26 Jan (6 days in a
 * row); pupil 1 on Tue 13 and Thu 15 Jan (two occasions); everyone else is always present.
 */
function inputs(n: number): { grades: SheetData; attendance: SheetData } {
  const grades: PlanValue[][] = [['Personnummer', 'Förnamn', 'Efternamn', 'Klass', 'Sv', 'En', 'Ma']];
  const lessons: PlanValue[][] = [['Personnummer', 'Klass', 'Datum', 'Minuter', 'Status']];
  const absent0 = new Set(['2026-01-19', '2026-01-20', '2026-01-21', '2026-01-22', '2026-01-23', '2026-01-26']);
  const absent1 = new Set(['2026-01-13', '2026-01-15']);
  for (let i = 0; i < n; i++) {
    grades.push([pnr(i), `Elev${i}`, 'Test', '9A', 'C', 'C', 'C']);
    for (const d of schoolDays()) {
      const absent = (i === 0 && absent0.has(d)) || (i === 1 && absent1.has(d));
      lessons.push([pnr(i), '9A', d, 60, absent ? 'Giltig frånvaro' : 'Närvarande']);
    }
  }
  return { grades: { sheet: 'Betyg', values: grades }, attendance: { sheet: 'Lektioner', values: lessons } };
}

const kinds = ['namndrapport', 'atgardslista', 'narvaro', 'narvaroplan'] as const;
const block = (s: SheetPlan, id: string) => s.blocks.find((b) => b.id === id)!;
const sheetOf = (plan: { sheets: SheetPlan[] }, key: string) => plan.sheets.find((s) => s.key === key)!;

describe('the Närvaroplan sheet', () => {
  it('is offered with attendance, marked create-once, holds no personal data, and reads back as the default', () => {
    const r = buildReport(inputs(12), kinds, DEFAULT_SETTINGS, NOW);
    const s = sheetOf(r.plan, 'narvaroplan');
    expect(s.createOnly).toBe(true);
    expect(s.personalData).toBe(false);
    expect(s.name).toBe('Närvaroplan');
    const steps = s.blocks.filter((b) => b.id === 'steps-header' || b.id.startsWith('steps-'));
    expect(steps[0].values[0]).toEqual(planRuleRows(defaultAttendancePlan('sv'), 'sv').header);
    // Laid out as a host writes it, the sheet reads back as the default plan, without a problem.
    const grid: PlanValue[][] = [];
    for (const b of s.blocks) b.values.forEach((row, i) => row.forEach((v, j) => { (grid[b.row + i] ??= [])[b.col + j] = v; }));
    const read = readPlanSheet({ sheet: 'Närvaroplan', values: Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? null)) }, 'sv');
    expect(read.problems).toEqual([]);
    const strip = (p: AttendancePlan) => p.steps.map(({ source: _s, ...x }) => ({ ...x, rules: x.rules.map(({ cell: _c, ...r }) => r) }));
    expect(strip(read.plan)).toEqual(strip(defaultAttendancePlan('sv')));
    expect([read.plan.bands, read.plan.reportingThreshold]).toEqual([defaultAttendancePlan('sv').bands, 0.95]);
    // Without an attendance input there is nothing to plan.
    expect(buildReport({ grades: inputs(12).grades }, kinds, DEFAULT_SETTINGS, NOW).plan.sheets.some((x) => x.key === 'narvaroplan')).toBe(false);
  });
});

describe('steps in the report (default plan, lesson rows)', () => {
  // Pupil 0: 6 absent days in a row on 26 Jan → step 1; the period so far (tested from 25 Jan): 6 of 11
  // lessons = 54.5 % on 26 Jan → step 2 the same day; step 3 fourteen days later, 9 Feb: 6 of 21 =
  // 28.6 % ≥ 10 % → step 3 on 2026-02-09 (reported to the huvudman: February); step 4 would be 2 Mar,
  // after the export's last day.
  // Pupil 1: occasions 13 and 15 Jan → step 1 on 15 Jan; 26 Jan: 2 of 11 = 18.2 % → step 2; 9 Feb:
  // 2 of 21 = 9.5 % < 10 %, and lower after → stays at step 2.
  const r = buildReport(inputs(12), kinds, DEFAULT_SETTINGS, NOW);
  it('shows each pupil’s step and date on the Närvaro sheet', () => {
    const pupils = block(sheetOf(r.plan, 'narvaro'), 'pupils');
    const h = pupils.values[0];
    const col = (name: string) => h.indexOf(name);
    const row = (i: number) => pupils.values.find((x) => x[2] === pnr(i))!;
    expect([row(0)[col('Steg i närvaroplanen')], row(0)[col('Nått')], row(0)[col('Steg förra perioden')]]).toEqual(['3 Utreda', '2026-02-09', 2]);
    expect([row(1)[col('Steg i närvaroplanen')], row(1)[col('Nått')], row(1)[col('Steg förra perioden')]]).toEqual(['2 Kartlägga', '2026-01-26', 2]);
    expect([row(2)[col('Steg i närvaroplanen')], row(2)[col('Nått')]]).toEqual(['Inget steg', '']);
    // Bands: pupil 0 6/35 = 17.1 % → 15–30 %; pupil 1 2/35 = 5.7 % → 5–15 %.
    expect([row(0)[col('Band total')], row(1)[col('Band total')], row(2)[col('Band total')]]).toEqual(['15–30 %', '5–15 %', 'under 5 %']);
  });
  it('puts the step, its action and the deadline on the Åtgärdslista', () => {
    const list = sheetOf(r.plan, 'atgardslista').blocks.find((b) => b.table)!;
    const h = list.values[0];
    const row = list.values.find((x) => x[3] === pnr(0))!;
    expect(row[h.indexOf('Anledning')]).toBe('Steg 3 Utreda (nått 2026-02-09)');
    // Step 3's deadline is 21 days: 9 Feb + 21 = 2 Mar.
    expect([row[h.indexOf('Senast')], row[h.indexOf('Åtgärd')]]).toEqual(['2026-03-02', defaultAttendancePlan('sv').steps[2].action]);
    // Pupils without a step and not near eligibility are not listed.
    expect(list.values.length - 1).toBe(2);
  });
  it('lists pupils of the attendance export without grades who reached a step, after the graded ones', () => {
    const i = inputs(12);
    // Pupil 0 is left out of the grade file: still at step 3 on the Åtgärdslista, by the export's data.
    const grades = { ...i.grades, values: i.grades.values.filter((r) => r[0] !== pnr(0)) };
    const list = sheetOf(buildReport({ ...i, grades }, kinds, DEFAULT_SETTINGS, NOW).plan, 'atgardslista').blocks.find((b) => b.table)!;
    const h = list.values[0];
    expect(list.values.length - 1).toBe(2);
    const last = list.values[list.values.length - 1];
    expect([last[h.indexOf('Klass')], last[3], last[h.indexOf('Anledning')], last[h.indexOf('Senast')]]).toEqual(['9A', pnr(0), 'Steg 3 Utreda (nått 2026-02-09)', '2026-03-02']);
  });
  it('counts pupils per step and pupils to report per month on the Nämndrapport (12 pupils: shown)', () => {
    const nr = sheetOf(r.plan, 'namndrapport');
    expect(block(nr, 'ladder').values.slice(1).map((x) => [x[0], x[2]])).toEqual([[1, 0], [2, 1], [3, 1], [4, 0]]);
    expect(block(nr, 'huvudman').values.slice(1)).toEqual([['2026-01', 0], ['2026-02', 1]]);
  });
  it('suppresses the counts under 10 pupils with data', () => {
    const small = buildReport(inputs(9), kinds, DEFAULT_SETTINGS, NOW);
    const nr = sheetOf(small.plan, 'namndrapport');
    expect(block(nr, 'ladder').values.slice(1).map((x) => x[2])).toEqual(['..', '..', '..', '..']);
    expect(block(nr, 'huvudman').values.slice(1)).toEqual([['2026-01', '..'], ['2026-02', '..']]);
    // The board paper names no pupil.
    const cells = nr.blocks.flatMap((b) => b.values.flat());
    expect(cells.some((c) => typeof c === 'string' && /Elev\d|\d{12}/.test(c))).toBe(false);
  });
});

describe('the school’s own Närvaroplan sheet is read, never rewritten', () => {
  /** The default sheet's cells, as a host reads them back, with edits. */
  function planSheet(edit: (rows: PlanValue[][]) => void): SheetData {
    const p = defaultAttendancePlan('sv');
    const { header, rows } = planRuleRows(p, 'sv');
    const body = rows.map((x) => [...x]);
    edit(body);
    return { sheet: 'Närvaroplan', values: [['Närvaroplan'], [], header, ...body, [], ...planSettingRows(p, 'sv')] };
  }
  it('uses the school’s rules: step 3 after 7 days instead of 14', () => {
    // Step 3's row is the 7th rule row (3 + 3 rules before it); column G is "Dagar efter föregående steg".
    const attendancePlan = planSheet((rows) => { rows[6][6] = 7; });
    const r = buildReport({ ...inputs(12), attendancePlan }, kinds, DEFAULT_SETTINGS, NOW);
    // Pupil 0: step 2 on 26 Jan + 7 = 2 Feb: 6 of 16 lessons = 37.5 % → step 3 on 2026-02-02; step 4 (21
    // days later, 23 Feb): 6 of 31 = 19.4 % ≥ 10 % → step 4 on 2026-02-23.
    const pupils = block(sheetOf(r.plan, 'narvaro'), 'pupils');
    const h = pupils.values[0];
    const row = pupils.values.find((x) => x[2] === pnr(0))!;
    expect([row[h.indexOf('Steg i närvaroplanen')], row[h.indexOf('Nått')]]).toEqual(['4 Samverka med socialtjänsten', '2026-02-23']);
    expect(r.problems.filter((p) => p.cell.startsWith('Närvaroplan!'))).toEqual([]);
    // The plan still offers the sheet; the host skips it because the workbook has one (createOnly).
    expect(sheetOf(r.plan, 'narvaroplan').createOnly).toBe(true);
  });
  it('names a malformed rule cell by its address and keeps the other steps', () => {
    const attendancePlan = planSheet((rows) => { rows[6][4] = 'tio procent'; });
    const r = buildReport({ ...inputs(12), attendancePlan }, kinds, DEFAULT_SETTINGS, NOW);
    // Header on row 3, rule rows from row 4: the 7th is row 10; Gräns is column E.
    const p = r.problems.filter((x) => x.cell.startsWith('Närvaroplan!'));
    expect(p.map((x) => [x.cell, x.code])).toEqual([['Närvaroplan!E10', 'attendance.plan.problem.badShare']]);
    expect(p[0].message).toContain('tio procent');
    // Step 3 is gone, so step 4 follows step 2, the step before it in the plan: 26 Jan + 21 = 16 Feb,
    // 6 of 26 lessons = 23.1 % ≥ 10 % → step 4 on 2026-02-16.
    const pupils = block(sheetOf(r.plan, 'narvaro'), 'pupils');
    const h = pupils.values[0];
    const row = pupils.values.find((x) => x[2] === pnr(0))!;
    expect([row[h.indexOf('Steg i närvaroplanen')], row[h.indexOf('Nått')]]).toEqual(['4 Samverka med socialtjänsten', '2026-02-16']);
    expect(block(sheetOf(r.plan, 'namndrapport'), 'ladder').values.slice(1).map((x) => x[0])).toEqual([1, 2, 4]);
  });
});
