import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS } from '../types';
import { decodeText, parseDelimited } from '../table/text';
import { readAttendance } from './read';
import { absenceLevel } from './level';

const VK = ['Personnummer', 'Elev', 'Klass', 'Undv. tid', 'N min', 'GF min', 'F min', 'Ej reg tid'];
const S24 = ['Personnummer', 'Namn', 'Klass', 'Schemalagd tid (h)', 'Närvaro (h)', 'Giltig frånvaro (h)', 'Ogiltig frånvaro (h)', 'Frånvaro (%)'];

describe('absenceLevel boundaries (domain §7: ≥ 10 %, ≥ 20 %, ≥ 50 %)', () => {
  it('puts each boundary in the higher level', () => {
    expect(absenceLevel(0.1, DEFAULT_SETTINGS)).toBe('problematic');
    expect(absenceLevel(0.0999, DEFAULT_SETTINGS)).toBe('none');
    expect(absenceLevel(0.2, DEFAULT_SETTINGS)).toBe('high');
    expect(absenceLevel(0.1999, DEFAULT_SETTINGS)).toBe('problematic');
    expect(absenceLevel(0.5, DEFAULT_SETTINGS)).toBe('veryHigh');
    expect(absenceLevel(0.4999, DEFAULT_SETTINGS)).toBe('high');
    expect(absenceLevel(null, DEFAULT_SETTINGS)).toBe('none');
  });
  it('follows changed settings', () => {
    const s = { absence: { ...DEFAULT_SETTINGS.absence, problematic: 0.05 } };
    expect(absenceLevel(0.05, s)).toBe('problematic');
  });
});

describe('readAttendance: totals in minutes (Vklass)', () => {
  const data = {
    sheet: 'Frånvaro',
    values: [
      ['Frånvaro vt 2026'],
      [],
      VK,
      // 60 + 40 = 100 absent of 1000 → 0.1 exactly: problematic. 850 + 60 + 40 + 50 = 1000 consistent.
      ['20100130-3799', 'Albin N', '9A', 1000, 850, 60, 40, 50],
      // 0 + 0 absent → share 0; reporting rate (2000 − 0) / 2000 = 1.
      ['201003161062', 'Clara M', '9B', '2000', '2000', '0', '0', '0'],
    ],
  };
  const t = readAttendance(data, { referenceYear: 2026 });
  it('recomputes shares from minutes', () => {
    expect(t.source).toBe('minutes');
    expect(t.headerRow).toBe(3);
    const p = t.pupils[0];
    expect(p.id).toBe('201001303799');
    expect(p.scheduledMinutes).toBe(1000);
    expect(p.absentMinutes).toBe(100);
    expect(p.absenceShare).toBe(0.1);
    expect(p.validShare).toBeCloseTo(0.06, 12); // 60 / 1000
    expect(p.invalidShare).toBeCloseTo(0.04, 12); // 40 / 1000
    expect(p.level).toBe('problematic');
    expect(p.reportingRate).toBeCloseTo(0.95, 12); // (1000 − 50) / 1000
    expect(p.invalidFlag).toBe(true); // 40 min > 0 h
    expect(p.year).toBe(9);
    expect(p.gender).toBe('M'); // 379 9: second-to-last digit 9 odd
    expect(t.pupils[1].absenceShare).toBe(0);
    expect(t.pupils[1].invalidFlag).toBe(false);
    expect(t.pupils[1].reportingRate).toBe(1);
    expect(t.pupils[0].longestAbsentStreakDays).toBeNull();
    expect(t.problems).toEqual([]);
  });
});

describe('readAttendance: totals in hours (Skola24, decimal commas)', () => {
  const data = {
    sheet: 'Skola24',
    values: [
      S24,
      // 15 + 5 = 20 h of 100 h → 0.2 exactly: high. Exported 20 % agrees.
      ['20100130-3799', 'A', '9A', '100,00', '80,00', '15,00', '5,00', '20'],
      // 9,99 h of 100 h → 0.0999: none. The exported 3 % is > 1 point off the recomputed 9.99 %.
      ['201003161062', 'B', '9A', '100,00', '90,01', '9,99', '0,00', '3'],
      // 5 h of 10 h → 0.5: veryHigh.
      ['201003026190', 'C', '9A', '10', '5', '5', '0', '50'],
    ],
  };
  const t = readAttendance(data, { referenceYear: 2026 });
  it('converts hours to minutes and never trusts the exported percent', () => {
    expect(t.source).toBe('hours');
    expect(t.pupils.map((p) => p.scheduledMinutes)).toEqual([6000, 6000, 600]); // 100 h × 60, 10 h × 60
    expect(t.pupils[0].absentMinutes).toBe(1200); // 20 h × 60
    expect(t.pupils[0].absenceShare).toBeCloseTo(0.2, 12);
    expect(t.pupils.map((p) => p.level)).toEqual(['high', 'none', 'veryHigh']);
    expect(t.pupils[1].absenceShare).toBeCloseTo(0.0999, 12);
    // Skola24's Närvaro includes unregistered time: no reporting rate.
    expect(t.pupils[0].reportingRate).toBeNull();
    expect(t.problems.map((p) => [p.cell, p.code])).toEqual([['Skola24!H3', 'attendance.exportedPercent']]);
  });
});

describe('readAttendance: problems with addresses', () => {
  it('lists bad, negative, inconsistent and impossible times, honouring the origin', () => {
    const data = {
      sheet: 'Frånvaro',
      origin: { row: 4, col: 2 }, // values[0][0] is C5
      values: [
        VK,
        ['20100130-3799', 'A', '9A', 'abc', 0, 0, 0, 0], // bad scheduled: F6
        ['201003161062', 'B', '9A', 1000, 900, -10, 0, 0], // negative GF: H7
        ['201003026190', 'C', '9A', 100, 0, 80, 40, 0], // 120 absent > 100 scheduled: F8
        ['201005251929', 'D', '9A', 1000, 800, 100, 0, 0], // 800 + 100 = 900 ≠ 1000: warning F9, still used
        ['', 'E', '9A', 1000, 1000, 0, 0, 0], // no id: C10
        ['201005251929', 'D', '9A', 1000, 800, 100, 0, 0], // duplicate of row 9: C11
      ],
    };
    const t = readAttendance(data, { referenceYear: 2026 });
    expect(t.problems.map((p) => [p.cell, p.code, p.severity])).toEqual([
      ['Frånvaro!F6', 'attendance.badNumber', 'error'],
      ['Frånvaro!H7', 'attendance.negative', 'error'],
      ['Frånvaro!F8', 'attendance.absentOverScheduled', 'error'],
      ['Frånvaro!F9', 'attendance.inconsistent', 'warning'],
      ['Frånvaro!C10', 'attendance.missingId', 'error'],
      ['Frånvaro!C11', 'attendance.duplicatePupil', 'error'],
    ]);
    expect(t.pupils.map((p) => p.row)).toEqual([9]);
    expect(t.problems[0].message).toContain('abc');
  });
  it('reports a missing header and missing columns instead of crashing', () => {
    expect(readAttendance({ sheet: 'X', values: [['hej'], [1, 2]] }, { referenceYear: 2026 }).problems[0].code).toBe('attendance.noHeader');
    expect(readAttendance({ sheet: 'X', values: [] }, { referenceYear: 2026 }).problems[0].code).toBe('attendance.noHeader');
    const t = readAttendance({ sheet: 'X', values: [['Personnummer', 'Klass', 'Undv. tid', 'GF min']] }, { referenceYear: 2026 });
    expect(t.problems.map((p) => p.code)).toEqual(['attendance.missingColumn']);
    expect(t.problems[0].message).toContain('Ogiltig frånvaro');
  });
  it('flags a unit it had to infer', () => {
    const t = readAttendance({ sheet: 'X', values: [['Personnummer', 'Schemalagd', 'Giltig', 'Ogiltig'], ['20100130-3799', '450,5', '10', '0']] }, { referenceYear: 2026 });
    expect(t.source).toBe('hours'); // 450.5 < 2000: hours
    expect(t.pupils[0].scheduledMinutes).toBe(27030); // 450.5 × 60
    expect(t.problems.map((p) => [p.cell, p.code])).toEqual([['X!B1', 'attendance.unitAssumed']]);
  });
});

describe('readAttendance on the demo exports', () => {
  const read = (f: string) => {
    const grid = parseDelimited(decodeText(new Uint8Array(readFileSync(new URL(`../../examples/${f}`, import.meta.url)))).text);
    return readAttendance({ sheet: f.replace('.csv', ''), values: grid }, { referenceYear: 2026 });
  };
  it('reads the Vklass and Skola24 files of the same 300 pupils to the same absence', () => {
    const vk = read('franvaro-vklass-vt2026.csv');
    const s24 = read('franvaro-skola24-vt2026.csv');
    expect(vk.source).toBe('minutes');
    expect(s24.source).toBe('hours');
    // 300 rows, of which one (pupil 5) has a wrong check digit: a warning, still read.
    expect(vk.pupils).toHaveLength(300);
    expect(s24.pupils).toHaveLength(300);
    expect(vk.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(s24.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // Hours are rounded to 0.01 h = 0.6 min per column: the shares agree to within a small margin.
    for (let i = 0; i < 300; i++) expect(Math.abs(vk.pupils[i].absenceShare! - s24.pupils[i].absenceShare!)).toBeLessThan(0.0005);
    // Planted high absence (22–30 %): pupils 12, 77, 133, 210, 255; pupil 40 above 50 %.
    expect(vk.pupils[40].level).toBe('veryHigh');
    for (const i of [12, 77, 133, 210, 255]) expect(vk.pupils[i].level).toBe('high');
  });
});
