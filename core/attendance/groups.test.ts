import { describe, expect, it } from 'vitest';
import type { Gender, PupilRecord, SubjectCode } from '../types';
import { DEFAULT_SETTINGS } from '../types';
import { evaluatePupil } from '../grades';
import { pupilAttendance } from './level';
import { attendanceGroup, attendanceGroups } from './groups';
import { joinAttendanceWithGrades } from './join';
import { attendanceJson, validateAttendanceJson } from './json';
import { readAttendance } from './read';
import type { AttendanceTable } from './types';

function pupil(id: string, absentOf1000: number, opts: { cls?: string; school?: string | null; gender?: Gender } = {}) {
  return pupilAttendance({
    row: 2, id, personnummer: id, className: opts.cls ?? '9A', school: opts.school ?? null, gender: opts.gender ?? null, year: 9,
    scheduledMinutes: 1000, presentMinutes: 1000 - absentOf1000, validMinutes: absentOf1000, invalidMinutes: 0, lateMinutes: null, unregisteredMinutes: 0,
  }, DEFAULT_SETTINGS);
}
const table = (pupils: ReturnType<typeof pupil>[]): AttendanceTable => ({ sheet: 'F', source: 'minutes', headerRow: 1, pupils, problems: [] });

describe('attendanceGroup', () => {
  it('averages pupil shares and gives level shares', () => {
    // Shares 0.05, 0.10, 0.25: mean 0.40 / 3; levels none, problematic, high → 1/3 each; ≥ 10 %: 2/3.
    const g = attendanceGroup([pupil('a', 50), pupil('b', 100), pupil('c', 250)], { by: 'all', key: 'all', label: 'Totalt' }, 1);
    expect(g.pupils).toBe(3);
    expect(g.meanAbsenceShare).toBeCloseTo(0.4 / 3, 12);
    expect(g.levelShares).toEqual({ none: 1 / 3, problematic: 1 / 3, high: 1 / 3, veryHigh: 0 });
    expect(g.atLeastProblematicShare).toBeCloseTo(2 / 3, 12);
  });
  it('shows `..` under the threshold and `.` for no pupils', () => {
    expect(attendanceGroup([pupil('a', 50)], { by: 'all', key: 'all', label: 'T' }, 10).meanAbsenceShare).toBe('..');
    expect(attendanceGroup([], { by: 'all', key: 'all', label: 'T' }, 10).meanAbsenceShare).toBe('.');
  });
});

describe('attendanceGroups: suppression (domain §6, worked example §11.8)', () => {
  // Class 9A of 25: 16 flickor, 9 pojkar.
  const ps = [...Array.from({ length: 16 }, (_, i) => pupil(`f${i}`, 100, { gender: 'F', school: 'Norr' })), ...Array.from({ length: 9 }, (_, i) => pupil(`m${i}`, 200, { gender: 'M', school: 'Norr' }))];
  const groups = attendanceGroups(table(ps));
  const get = (by: string, key: string) => groups.find((g) => g.by === by && g.key === key)!;
  it('hides pojkar (9 < 10) and flickor too, but shows the total', () => {
    // Total mean (16 × 0.1 + 9 × 0.2) / 25 = 3.4 / 25 = 0.136.
    expect(get('all', 'all').meanAbsenceShare).toBeCloseTo(0.136, 12);
    expect(get('gender', 'M').meanAbsenceShare).toBe('..');
    expect(get('gender', 'F').meanAbsenceShare).toBe('..');
    expect(get('gender', 'F').levelShares.problematic).toBe('..');
    expect(get('class', '9A').meanAbsenceShare).toBeCloseTo(0.136, 12);
    expect(get('class', '9A').parent).toBe('Norr');
    expect(get('year', '9').label).toBe('Årskurs 9');
  });
  it('hides a small school, the school beside it, and their classes', () => {
    const more = [...ps, ...Array.from({ length: 7 }, (_, i) => pupil(`v${i}`, 0, { school: 'Väst', cls: '9D' }))];
    const g = attendanceGroups(table(more));
    const at = (by: string, key: string) => g.find((x) => x.by === by && x.key === key)!;
    expect(typeof at('all', 'all').meanAbsenceShare).toBe('number');
    expect(at('school', 'Väst').meanAbsenceShare).toBe('..'); // 7 < 10
    expect(at('school', 'Norr').meanAbsenceShare).toBe('..'); // total − Norr would reveal Väst
    expect(at('class', '9D').meanAbsenceShare).toBe('..');
    expect(at('class', '9A').meanAbsenceShare).toBe('..'); // 9A is all of Norr
    // Pojkar 9 beside 7 pupils of unknown gender: hidden 16 ≥ 10, so flickor can be shown.
    expect(at('gender', 'M').meanAbsenceShare).toBe('..');
    expect(at('gender', 'F').meanAbsenceShare).toBe(0.1);
  });
});

describe('joinAttendanceWithGrades', () => {
  const rec = (id: string, grades: Partial<Record<SubjectCode, string>>): PupilRecord => ({
    row: 2, id, personnummer: id, className: '9A', school: null, gender: null,
    grades: Object.entries(grades).map(([s, g]) => ({ subject: s as SubjectCode, entry: { kind: 'grade', mark: g as 'E' } })),
  });
  // Domain §11.4: Sv En Ma Bi Ke Idh Bl E = 7 passes, one short of YRK → nära behörighet.
  const near = evaluatePupil(rec('201001303799', { Sv: 'E', En: 'E', Ma: 'E', Bi: 'E', Ke: 'E', Idh: 'E', Bl: 'E' }), DEFAULT_SETTINGS);
  const eligible = evaluatePupil(rec('201003161062', { Sv: 'E', En: 'E', Ma: 'E', Bi: 'E', Ke: 'E', Idh: 'E', Bl: 'E', Mu: 'E' }), DEFAULT_SETTINGS);
  const att = table([pupil('201001303799', 150), pupil('201003161062', 300), pupil('201005251929', 0)]);
  const j = joinAttendanceWithGrades(att, [near, eligible]);
  it('marks near-eligible pupils with absence ≥ 10 %', () => {
    expect(near.nearEligible).toBe(true);
    expect(j.rows.map((r) => [r.id, r.nearEligibleWithAbsence, r.notEligibleWithAbsence])).toEqual([
      ['201001303799', true, true], // 15 % absence, one pass short
      ['201003161062', false, false], // 30 % absence but eligible
      ['201005251929', false, false], // attendance only
    ]);
    expect(j.attendanceOnly).toEqual(['201005251929']);
    expect(j.gradesOnly).toEqual([]);
  });
});

describe('attendanceJson', () => {
  const t = readAttendance({ sheet: 'Frånvaro', values: [
    ['Personnummer', 'Klass', 'Undv. tid', 'N min', 'GF min', 'F min', 'Ej reg tid'],
    ['20100130-3799', '9A', 1000, 850, 60, 40, 50],
    ['201003161062', '9A', 'x', 0, 0, 0, 0],
  ] }, { referenceYear: 2026 });
  const json = attendanceJson(t);
  it('has exactly the contract fields', () => {
    expect(Object.keys(json)).toEqual(['pupils', 'groups', 'ladder', 'reporting', 'problems']);
    // Bands (Sävsjö): 10 % total is in 5–15 %, 4 % ogiltig in 1–5 %. From totals the step is the share
    // rules' (10 % → step 2, Kartlägga) without a date, and the previous period is unknown.
    expect(json.pupils).toEqual([{ id: '201001303799', class: '9A', scheduledMinutes: 1000, absentMinutes: 100, validMinutes: 60, invalidMinutes: 40, absenceShare: 0.1, invalidShare: 0.04, level: 'problematic', longestAbsentStreakDays: null,
      bands: { total: { index: 1, from: 0.05, to: 0.15 }, invalid: { index: 1, from: 0.01, to: 0.05 } },
      step: { index: 2, name: 'Kartlägga', reachedOn: null, dueOn: null }, previousStep: null }]);
    expect(json.ladder).toMatchObject({ source: 'default', basis: 'totals', previousPeriodEnds: null, bands: { total: [0.05, 0.15, 0.3, 0.5], invalid: [0.01, 0.05, 0.15] } });
    expect(json.ladder.steps.map((x) => [x.index, x.rules])).toEqual([[1, ['consecutive', 'occasions', 'occasions']], [2, ['share', 'weekday', 'share']], [3, ['share']], [4, ['share']]]);
    // Rapporteringsgrad 9A: (1000 − 50) / 1000 = 95 %, not under 95 %.
    expect(json.reporting).toEqual({ threshold: 0.95, classes: [{ class: '9A', school: null, month: null, rate: 0.95, uncertain: false }] });
    expect(json.problems.map((p) => p.cell)).toEqual(['Frånvaro!C3']);
    expect(json.groups[0]).toMatchObject({ by: 'all', pupils: 1, meanAbsenceShare: '..' });
    expect(validateAttendanceJson(JSON.parse(JSON.stringify(json)))).toEqual([]);
  });
  it('finds violations', () => {
    expect(validateAttendanceJson([])).toEqual(['not an object']);
    const bad = JSON.parse(JSON.stringify(json));
    bad.pupils[0].level = 'medium';
    bad.pupils[0].absenceShare = 1.2;
    bad.pupils[0].absentMinutes = 2000;
    delete bad.groups[0].levelShares;
    bad.problems[0].cell = 'C3';
    expect(validateAttendanceJson(bad)).toEqual([
      'pupils[0].absentMinutes > scheduledMinutes', 'pupils[0].absentMinutes ≠ valid + invalid', 'pupils[0].absenceShare', 'pupils[0].level', 'groups[0].levelShares', 'problems[0].cell',
    ]);
  });
  it('accepts output without the närvaroplan fields (older consumers), and checks them when present', () => {
    const old = JSON.parse(JSON.stringify(json));
    for (const p of old.pupils) for (const k of ['bands', 'step', 'previousStep']) delete p[k];
    delete old.ladder;
    delete old.reporting;
    expect(validateAttendanceJson(old)).toEqual([]);
    const bad = JSON.parse(JSON.stringify(json));
    bad.pupils[0].step.reachedOn = '4 mars';
    bad.pupils[0].bands.total = { index: 'one' };
    bad.pupils[0].previousStep = -1;
    bad.ladder.steps[0].rules = ['sometimes'];
    bad.reporting.classes[0].rate = 2;
    expect(validateAttendanceJson(bad)).toEqual(['pupils[0].bands', 'pupils[0].step', 'pupils[0].previousStep', 'ladder', 'reporting']);
  });
});
