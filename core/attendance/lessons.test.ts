import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeText, parseDelimited } from '../table/text';
import { readAttendance } from './read';
import { dayNumber, lessonStatus, LessonStatus } from './lessons';

const H = ['Personnummer', 'Klass', 'Datum', 'Starttid', 'Minuter', 'Status', 'Sen min'];
const A = '201001303799';
const B = '201003161062';
const C = '201003026190';

function lessons(rows: unknown[][]) {
  return readAttendance({ sheet: 'Lektioner', values: [H, ...rows] as never }, { referenceYear: 2026 });
}

describe('dayNumber and lessonStatus', () => {
  it('reads ISO dates, Excel serials and Date objects to the same day', () => {
    // 1970-01-01 → 2026-01-12: 56 years × 365 + 14 leap days (1972…2024) + 11 = 20465.
    expect(dayNumber('2026-01-12')).toBe(20465);
    expect(dayNumber('20260112')).toBe(20465);
    expect(dayNumber(46034)).toBe(20465); // 20465 + 25569 (Excel day 0 = 1899-12-30)
    expect(dayNumber(46034.35)).toBe(20465); // a time part stays on the day
    expect(dayNumber(new Date(Date.UTC(2026, 0, 12)))).toBe(20465);
    expect(dayNumber(new Date(Date.UTC(2026, 0, 11, 23)))).toBe(20465); // local midnight in Stockholm (UTC+1)
    expect(dayNumber('2026-02-30')).toBeNull();
    expect(dayNumber('igår')).toBeNull();
  });
  it('knows the statuses in any case', () => {
    expect(lessonStatus('NÄRVARANDE')).toBe(LessonStatus.Present);
    expect(lessonStatus('Sen ankomst')).toBe(LessonStatus.Late);
    expect(lessonStatus('ej rapporterad')).toBe(LessonStatus.Unregistered);
    expect(lessonStatus('Sjuk')).toBeNull();
  });
});

describe('readAttendance: lesson rows', () => {
  const t = lessons([
    // A, Mon 12 Jan: one present, one absent lesson → not an absent day (SchoolSoft rule).
    [A, '9A', '2026-01-12', '08:15', 60, 'Närvarande', ''],
    [A, '9A', '2026-01-12', '09:25', 60, 'Giltig frånvaro', ''],
    // A, Tue 13 Jan: late 10 of 60 min → 10 min ogiltig, 50 present; the day is attended.
    [A, '9A', '2026-01-13', '08:15', 60, 'Sen ankomst', '10'],
    // A, Wed 14 Jan: an unreported lesson → reporting rate.
    [A, '9A', '2026-01-14', '08:15', 60, 'Ej rapporterad', ''],
    // B: Thu 15 present; Fri 16 and Mon 19 wholly absent (weekend between); Tue 20 present.
    [B, '9A', '2026-01-15', '08:15', 60, 'Närvarande', ''],
    [B, '9A', '2026-01-16', '08:15', 60, 'Ogiltig frånvaro', ''],
    [B, '9A', '2026-01-16', '09:25', 60, 'Ogiltig frånvaro', ''],
    [B, '9A', 46041, '08:15', 60, 'Giltig frånvaro', ''], // serial 46041 = 2026-01-19 (46034 + 7)
    [B, '9A', new Date(Date.UTC(2026, 0, 20)), '08:15', 60, 'Närvarande', ''],
    // Bad rows: unknown status, bad date, late longer than the lesson, negative minutes.
    [C, '9B', '2026-02-02', '08:15', 60, 'Sjuk', ''],
    [C, '9B', '2026-02-31', '08:15', 60, 'Närvarande', ''],
    [C, '9B', '2026-02-03', '08:15', 40, 'Sen ankomst', '45'],
    [C, '9B', '2026-02-03', '09:25', -5, 'Närvarande', ''],
    [C, '9B', '2026-02-04', '08:15', 50, 'Närvarande', ''],
  ]);
  const [a, b, c] = t.pupils;
  it('sums minutes by status, late arrival as ogiltig', () => {
    expect(t.source).toBe('lessons');
    expect(a.scheduledMinutes).toBe(240); // 4 lessons × 60
    expect(a.validMinutes).toBe(60);
    expect(a.invalidMinutes).toBe(10); // the late minutes
    expect(a.lateMinutes).toBe(10);
    expect(a.presentMinutes).toBe(110); // 60 + 50
    expect(a.unregisteredMinutes).toBe(60);
    expect(a.absenceShare).toBeCloseTo(70 / 240, 12); // (60 + 10) / 240 = 0.2917 → high
    expect(a.level).toBe('high');
    expect(a.reportingRate).toBe(0.75); // (240 − 60) / 240
  });
  it('counts absent days and streaks over school days only', () => {
    expect(a.absentDays).toBe(0); // Mon has a present lesson, Tue is attended (late), Wed unregistered
    expect(a.longestAbsentStreakDays).toBe(0);
    expect(b.absentDays).toBe(2); // Fri 16 and Mon 19
    expect(b.longestAbsentStreakDays).toBe(2); // the weekend does not break it
    expect(b.absenceShare).toBe(0.6); // (60 + 60 + 60) / 300
    expect(b.longAbsence).toBe(false); // 2 < 5
  });
  it('lists bad lessons with their addresses and does not use them', () => {
    expect(t.problems.map((p) => [p.cell, p.code])).toEqual([
      ['Lektioner!F11', 'attendance.unknownStatus'],
      ['Lektioner!C12', 'attendance.badDate'],
      ['Lektioner!G13', 'attendance.lateOverLesson'],
      ['Lektioner!E14', 'attendance.negative'],
    ]);
    expect(c.scheduledMinutes).toBe(50); // only the good row
    expect(c.row).toBe(11); // first seen on sheet row 11
  });
  it('gives a monthly trend and the period', () => {
    expect(t.firstDate).toBe('2026-01-12');
    expect(t.lastDate).toBe('2026-02-04');
    expect(b.months).toEqual([{ month: '2026-01', scheduledMinutes: 300, absentMinutes: 180, absenceShare: 0.6 }]);
    // All pupils: January 240 + 300 = 540 scheduled, 70 + 180 = 250 absent; February 50, 0.
    expect(t.months).toEqual([
      { month: '2026-01', scheduledMinutes: 540, absentMinutes: 250, absenceShare: 250 / 540 },
      { month: '2026-02', scheduledMinutes: 50, absentMinutes: 0, absenceShare: 0 },
    ]);
  });
  it('marks längre frånvaro at the setting', () => {
    // Five school days Mon 19 … Fri 23 Jan, absent all: a run of 5 ≥ 5.
    const rows = [19, 20, 21, 22, 23].map((d) => [A, '9A', `2026-01-${d}`, '08:15', 60, 'Giltig frånvaro', '']);
    const p = lessons(rows).pupils[0];
    expect(p.longestAbsentStreakDays).toBe(5);
    expect(p.longAbsence).toBe(true);
    expect(p.invalidFlag).toBe(false); // all giltig
  });
});

describe('the demo lesson file', () => {
  it('finds the planted sick periods', () => {
    const grid = parseDelimited(decodeText(new Uint8Array(readFileSync(new URL('../../examples/franvaro-lektioner-vt2026.csv', import.meta.url)))).text);
    const t = readAttendance({ sheet: 'Lektioner', values: grid }, { referenceYear: 2026 });
    expect(t.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(t.pupils).toHaveLength(300);
    expect(t.firstDate).toBe('2026-01-12');
    expect(t.lastDate).toBe('2026-03-06'); // 40 school days (examples/generator.ts LESSON_DAYS)
    // examples/README: pupil 3 Fri 23/1 → Tue 27/1 over a weekend = Fri, Mon, Tue: 3 school days;
    // pupil 120 all of week 6 = 5 days; pupil 215 Wed–Fri week 3 = 3 days.
    expect(t.pupils[3].longestAbsentStreakDays).toBe(3);
    expect(t.pupils[120].longestAbsentStreakDays).toBe(5);
    expect(t.pupils[120].longAbsence).toBe(true);
    expect(t.pupils[215].longestAbsentStreakDays).toBe(3);
  });
});

describe('lessonReader (streaming)', () => {
  it('gives the same pupils and problem addresses as reading the whole grid', async () => {
    const { lessonReader } = await import('./read');
    const rows = [
      [A, '9A', '2026-01-16', '08:15', 60, 'Ogiltig frånvaro', ''],
      [A, '9A', '2026-01-19', '08:15', 60, 'Giltig frånvaro', ''],
      [B, '9A', '2026-01-19', '08:15', 60, 'Sjuk', ''], // sheet row 4: F4
      [B, '9A', '2026-01-20', '08:15', 60, 'Närvarande', ''],
    ];
    const whole = lessons(rows);
    const reader = lessonReader('Lektioner', H, 0, { referenceYear: 2026 })!;
    reader.add(rows.slice(0, 3) as never, 1); // rows[0] is sheet row 2 (0-based 1)
    reader.add(rows.slice(3) as never, 4);
    const streamed = reader.finish();
    expect(streamed.pupils).toEqual(whole.pupils);
    expect(streamed.problems.map((p) => p.cell)).toEqual(['Lektioner!F4']);
    expect(whole.problems.map((p) => p.cell)).toEqual(['Lektioner!F4']);
    expect(streamed.pupils[0].longestAbsentStreakDays).toBe(2); // Fri 16 + Mon 19
    expect(lessonReader('X', ['Namn', 'Klass'], 0, { referenceYear: 2026 })).toBeNull();
  });
});

describe('rows out of order', () => {
  it('merges a day met again later and still counts runs in date order', async () => {
    const { monthIndex } = await import('./lessons');
    expect(monthIndex(20465)).toBe(2026 * 12); // 2026-01-12 → January 2026
    expect(monthIndex(20485)).toBe(2026 * 12 + 1); // 2026-02-01 (20465 + 20)
    expect(monthIndex(0)).toBe(1970 * 12);
    const t = lessons([
      [A, '9A', '2026-01-19', '08:15', 60, 'Giltig frånvaro', ''],
      [B, '9A', '2026-01-19', '08:15', 60, 'Närvarande', ''],
      [A, '9A', '2026-01-16', '08:15', 60, 'Ogiltig frånvaro', ''],
      [A, '9A', '2026-01-19', '09:25', 60, 'Närvarande', ''], // Mon 19 again: now attended → not absent
      [A, '9A', '2026-01-15', '08:15', 60, 'Giltig frånvaro', ''],
    ]);
    const a = t.pupils[0];
    // Days in order: Thu 15 absent, Fri 16 absent, Mon 19 mixed → absent days 2, run 2.
    expect([a.absentDays, a.longestAbsentStreakDays]).toEqual([2, 2]);
    expect(a.months).toEqual([{ month: '2026-01', scheduledMinutes: 240, absentMinutes: 180, absenceShare: 0.75 }]);
  });
});
