/**
 * Newly arrived and unknown background (issue 15): the reader's columns, the cutoff, the
 * `nyanland` groups with and without them, and their suppression. Hand-worked numbers.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../types';
import { DEFAULT_SETTINGS } from '../types';
import { readGradeTable } from '../table/grades';
import { analyseGrades } from './analyse';
import { arrivalCutoff, isExcludedBackground } from './background';
import { gradesJson, gradesJsonText, validateGradesJson } from './json';

const HEADER = ['Elev-ID', 'Klass', 'Nyanländ', 'Okänd bakgrund', 'Ankomstdatum', 'Sv', 'En', 'Ma'];
type Row = { nyanland?: string; okand?: string; ankomst?: CellValue; sv: string; en: string; ma: string };
const rows = (list: Row[]): CellValue[][] =>
  [HEADER, ...list.map((r, i) => [`e${i + 1}`, '9A', r.nyanland ?? '', r.okand ?? '', r.ankomst ?? '', r.sv, r.en, r.ma])];
const times = (n: number, r: Row): Row[] => Array.from({ length: n }, () => ({ ...r }));
const VT2026 = { term: 'VT' as const, year: 2026 };
const byKey = (a: ReturnType<typeof analyseGrades>) => Object.fromEntries(a.groups.filter((g) => g.by === 'nyanland').map((g) => [g.key, g]));

describe('arrivalCutoff and isExcludedBackground', () => {
  it('newly arrived = arrived within four years before the term starts (1 Jan / 1 Jul)', () => {
    expect(arrivalCutoff(VT2026)).toBe('2022-01-01');
    expect(arrivalCutoff({ term: 'HT', year: 2025 })).toBe('2021-07-01');
    const p = (x: object) => ({ row: 2, id: 'x', personnummer: null, className: null, school: null, gender: null, grades: [], ...x });
    expect(isExcludedBackground(p({ arrivalDate: '2022-01-01' }), '2022-01-01')).toBe(true); // on the day: in
    expect(isExcludedBackground(p({ arrivalDate: '2021-12-31' }), '2022-01-01')).toBe(false);
    expect(isExcludedBackground(p({ arrivalDate: '2023-05-01' }), null)).toBe(false); // no term: dates unused
    expect(isExcludedBackground(p({ newlyArrived: true }), null)).toBe(true);
    expect(isExcludedBackground(p({ unknownBackground: true, newlyArrived: false }), null)).toBe(true);
  });
});

describe('nyanland groups (med/utan nyanlända och okänd bakgrund)', () => {
  // 24 pupils, VT2026 (cutoff 2022-01-01). Excluded 12: 4 "Nyanländ: ja", 3 "Okänd bakgrund: x",
  // 5 arrived 2022-01-01 … 2025-09-01. Kept 12: 10 without any mark, 2 arrived 2021-12-31 (before the cutoff).
  // Kept: 9 pass Sv, En, Ma (E); 3 have F in Ma. Excluded: 6 pass all; 6 have F in Sv.
  const kept: Row[] = [...times(7, { sv: 'E', en: 'E', ma: 'E' }), ...times(2, { ankomst: '2021-12-31', sv: 'E', en: 'E', ma: 'E' }), ...times(3, { sv: 'E', en: 'E', ma: 'F' })];
  const excluded: Row[] = [
    ...times(4, { nyanland: 'ja', sv: 'E', en: 'E', ma: 'E' }),
    ...times(2, { okand: 'x', sv: 'E', en: 'E', ma: 'E' }),
    { okand: 'x', sv: 'F', en: 'E', ma: 'E' },
    { ankomst: '2022-01-01', sv: 'F', en: 'E', ma: 'E' },
    ...times(3, { ankomst: '2023-08-15', sv: 'F', en: 'E', ma: 'E' }),
    { ankomst: new Date(Date.UTC(2025, 8, 1)), sv: 'F', en: 'E', ma: 'E' },
  ];
  const table = () => readGradeTable({ sheet: 'Betyg', values: rows([...kept, ...excluded]) }, { referenceYear: 2026 });

  it('reads the three columns', () => {
    const t = table();
    expect(t.columns.slice(2, 5).map((c) => c.mapping?.role)).toEqual(['newlyArrived', 'unknownBackground', 'arrivalDate']);
    expect(t.pupils[7].arrivalDate).toBe('2021-12-31');
    expect(t.pupils[23].arrivalDate).toBe('2025-09-01');
    expect(t.problems).toEqual([]);
  });

  it('figures with and without, hand-worked', () => {
    const g = byKey(analyseGrades(table(), DEFAULT_SETTINGS, undefined, { period: VT2026 }));
    // Med (all 24): all subjects passed 9 + 6 = 15 → 15/24 = 0.625; Sv 12 + 6 = 18/24 = 0.75; Ma 9 + 12 = 21/24 = 0.875.
    expect(g['med-nyanlanda']).toMatchObject({ pupils: 24, allSubjectsPassedShare: 0.625, subjectPassShare: { Sv: 0.75, En: 1, Ma: 0.875 } });
    // Utan (24 − 12 = 12): all passed 9/12 = 0.75; Sv 12/12 = 1; Ma 9/12 = 0.75. Excluded 12 ≥ 10: shown.
    expect(g['utan-nyanlanda']).toMatchObject({ pupils: 12, allSubjectsPassedShare: 0.75, subjectPassShare: { Sv: 1, En: 1, Ma: 0.75 } });
    // Eligibility needs 8 passes: nobody has it, 0/12 — a number, not suppressed.
    expect(g['utan-nyanlanda'].eligibleShare.YRK).toBe(0);
  });

  it('suppression: utan is hidden while the excluded (never shown) are 1–9 pupils', () => {
    // 16 pupils: the 12 kept + 4 "Nyanländ: ja". Utan 12 ≥ 10 on its own, but total − utan would give
    // away the 4 newly arrived (4 < 10): utan is '..'; med (16) is shown.
    const t = readGradeTable({ sheet: 'Betyg', values: rows([...kept, ...excluded.slice(0, 4)]) }, { referenceYear: 2026 });
    const g = byKey(analyseGrades(t, DEFAULT_SETTINGS, undefined, { period: VT2026 }));
    // Med: all passed (9 + 4) / 16 = 0.8125.
    expect(g['med-nyanlanda'].allSubjectsPassedShare).toBe(0.8125);
    expect(g['utan-nyanlanda']).toMatchObject({ pupils: 12, allSubjectsPassedShare: '..', subjectPassShare: { Sv: '..', En: '..', Ma: '..' }, hidden: true });
  });

  it('suppression: a total under the threshold hides both', () => {
    // 8 pupils (< 10): med '..' on its own denominator, utan (5) '..' too.
    const t = readGradeTable({ sheet: 'Betyg', values: rows([...kept.slice(0, 5), ...excluded.slice(0, 3)]) }, { referenceYear: 2026 });
    const g = byKey(analyseGrades(t, DEFAULT_SETTINGS, undefined, { period: VT2026 }));
    expect([g['med-nyanlanda'].allSubjectsPassedShare, g['utan-nyanlanda'].allSubjectsPassedShare]).toEqual(['..', '..']);
  });

  it('nobody excluded: utan is the total and shown', () => {
    const t = readGradeTable({ sheet: 'Betyg', values: rows(kept) }, { referenceYear: 2026 });
    const g = byKey(analyseGrades(t, DEFAULT_SETTINGS, undefined, { period: VT2026 }));
    // 12 pupils, 9 passed all → 0.75 both.
    expect([g['med-nyanlanda'].allSubjectsPassedShare, g['utan-nyanlanda'].allSubjectsPassedShare]).toEqual([0.75, 0.75]);
  });

  it('arrival dates without a term: no split, a warning that says how to give the term', () => {
    const a = analyseGrades(table(), DEFAULT_SETTINGS);
    expect(byKey(a)).toEqual({});
    expect(a.problems.find((p) => p.code === 'grades.noPeriodForArrival')).toMatchObject({ cell: 'Betyg!A1', severity: 'warning' });
  });

  it('no background column: no nyanland groups', () => {
    const t = readGradeTable({ sheet: 'B', values: [['Elev-ID', 'Sv', 'En', 'Ma'], ['e1', 'E', 'E', 'E']] }, { referenceYear: 2026 });
    expect(analyseGrades(t, DEFAULT_SETTINGS, undefined, { period: VT2026 }).groups.some((g) => g.by === 'nyanland')).toBe(false);
  });

  it('bad cells are listed with their address, never a crash', () => {
    const t = readGradeTable({ sheet: 'Betyg', values: rows([{ nyanland: 'kanske', sv: 'E', en: 'E', ma: 'E' }, { ankomst: 'i fjol', sv: 'E', en: 'E', ma: 'E' }]) }, { referenceYear: 2026 });
    expect(t.problems.map((p) => [p.cell, p.code])).toEqual([['Betyg!C2', 'table.newlyArrived.invalid'], ['Betyg!E3', 'table.arrivalDate.invalid']]);
    expect(t.pupils.map((p) => [p.newlyArrived, p.arrivalDate])).toEqual([[undefined, undefined], [false, undefined]]);
  });

  it('in grades --json as groups {"by":"nyanland"}; streamed text = the object', () => {
    const a = analyseGrades(table(), DEFAULT_SETTINGS, undefined, { period: VT2026 });
    const j = gradesJson(a);
    expect(j.groups.filter((g) => g.by === 'nyanland').map((g) => [g.key, g.pupils])).toEqual([['med-nyanlanda', 24], ['utan-nyanlanda', 12]]);
    expect(validateGradesJson(j)).toEqual([]);
    expect(gradesJsonText(a)).toBe(JSON.stringify(j));
  });
});

describe('SCB åk 6 codes Y and Z', () => {
  const values = [['Elev-ID', 'Klass', 'Sv', 'En', 'Ma'], ['e1', '9A', 'E', 'Y', 'C'], ['e2', '9A', 'E', 'E', 'Z']];

  it('in a file read as slutbetyg they are listed with their cell, not counted', () => {
    const a = analyseGrades(readGradeTable({ sheet: 'Betyg', values }, { referenceYear: 2026 }), DEFAULT_SETTINGS);
    expect(a.gradeKind).toBe('slutbetyg');
    expect(a.problems.filter((p) => p.code === 'grades.codeNotInFile').map((p) => [p.cell, p.value])).toEqual([['Betyg!D2', 'Y'], ['Betyg!E3', 'Z']]);
    expect(a.dataQuality.find((q) => q.subject === 'En')).toMatchObject({ valid: 1, codeY: 1, invalid: 0 });
  });

  it('with the year group set to 6 (--arskurs 6) they are codes of the file: no problem', () => {
    const a = analyseGrades(readGradeTable({ sheet: 'Betyg', values }, { referenceYear: 2026 }), DEFAULT_SETTINGS, undefined, { yearGroupOverride: 6 });
    expect([a.yearGroup, a.yearGroupSource, a.gradeKind]).toEqual([6, 'override', 'terminsbetyg']);
    expect(a.problems).toEqual([]);
    // Not results: En assessed 1 (e2's E), Ma assessed 1 (e1's C) → both 1/1, suppressed below 10.
    expect(a.dataQuality.find((q) => q.subject === 'Ma')).toMatchObject({ valid: 1, codeZ: 1 });
  });
});
