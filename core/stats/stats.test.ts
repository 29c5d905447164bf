import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type GradeEntry, type GradeTable, type PupilRecord, type SubjectGrade, type TestTable } from '../types';
import { analyseGrades } from '../grades/analyse';
import { gradesJson, validateGradesJson } from '../grades/json';
import { evaluatePupil } from '../grades/evaluate';
import { groupIndicators, subjectIndicators } from './indicators';
import { hiddenParts } from './suppress-table';
import { mean } from './mean';
import { share } from './share';
import { suppress } from './suppress';

const SUBJECTS16 = ['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl'] as const;

function e(mark: string): GradeEntry {
  return mark === '-' ? { kind: 'streck' } : { kind: 'grade', mark: mark as 'A' };
}

/** A pupil with the same mark in all 16 compulsory subjects. */
function uniform(id: string, mark: string, extra: Partial<PupilRecord> = {}): PupilRecord {
  const grades: SubjectGrade[] = SUBJECTS16.map((s) => ({ subject: s, entry: e(mark) }));
  return { row: 2, id, personnummer: id, className: '9A', school: 'Norrskolan', gender: 'F', grades, ...extra };
}

describe('suppression (domain §6)', () => {
  it('hides a figure under the threshold and marks missing data with .', () => {
    expect(suppress(0.8, 10, 10)).toBe(0.8); // exactly 10 is shown
    expect(suppress(0.8, 9, 10)).toBe('..');
    expect(suppress(null, 0, 10)).toBe('.');
    expect(share(3, 4)).toBe(0.75);
    expect(share(1, 0)).toBeNull();
    expect(mean([245, 200])).toBe(222.5);
  });

  it('§11.8: 25 pupils, 16 flickor, 9 pojkar → both parts hidden', () => {
    expect(hiddenParts([16, 9], 10)).toEqual([true, true]);
    expect(hiddenParts([16, 12], 10)).toEqual([false, false]);
  });

  it('hides the smallest other part until the hidden remainder reaches the threshold', () => {
    // Schools of 40, 30, 12 and 7: 7 hidden → remainder 7 < 10 → hide 12 too (19 ≥ 10).
    expect(hiddenParts([40, 30, 12, 7], 10)).toEqual([false, false, true, true]);
    // Two small parts 6 + 5 = 11 ≥ 10 already: nothing more.
    expect(hiddenParts([40, 6, 5], 10)).toEqual([false, true, true]);
    // An undisplayed part (unknown gender, 3 pupils) counts as hidden.
    expect(hiddenParts([50, 47, 3], 10, [true, true, false])).toEqual([false, true, true]);
    // No unknown-gender pupils: nothing to protect, both genders shown (the empty part stays undisplayed).
    expect(hiddenParts([50, 47, 0], 10, [true, true, false])).toEqual([false, false, true]);
  });
});

describe('group indicators (domain §5)', () => {
  it('§11.7: mean meritvärde over pupils with a pass, eligibility over all', () => {
    // 245: worked example 1; 0: only F and streck; 200: all D (16 × 12.5).
    const ex1: PupilRecord = uniform('a', 'C');
    ex1.grades = (['C', 'B', 'D', 'E', 'F', 'E', 'D', 'C', 'C', 'D', 'C', 'A', 'B', 'A', 'B', 'A'] as const).map((m, i) => ({ subject: SUBJECTS16[i], entry: e(m) }));
    ex1.grades.push({ subject: 'M2', language: 'SPA', entry: e('C') });
    const zero = uniform('b', 'F');
    zero.grades[0] = { subject: 'Sv', entry: e('-') };
    const d = uniform('c', 'D');
    const evals = [ex1, zero, d].map((p) => evaluatePupil(p, DEFAULT_SETTINGS));
    expect(evals.map((x) => x.meritValue17)).toEqual([245, 0, 200]);
    const g = groupIndicators(evals, { by: 'all', key: 'all', label: 'Totalt' }, 1);
    expect(g.meanMeritValue17).toBe(222.5); // (245 + 200) / 2
    expect(g.eligibleShare.YRK).toBeCloseTo(2 / 3, 10); // 2 eligible of all 3
    expect(g.eligibleShare.NA).toBeCloseTo(1 / 3, 10); // ex1 lacks Fy
    expect(g.allSubjectsPassedShare).toBeCloseTo(1 / 3, 10); // only the all-D pupil
    // The same three under threshold 10: every figure suppressed.
    expect(groupIndicators(evals, { by: 'all', key: 'all', label: 'Totalt' }, 10).meanMeritValue17).toBe('..');
  });

  it('counts streck apart from F in the subject table', () => {
    // 10 pupils in Ma: 6 E, 2 F, 2 streck → graded 8 (< 10: shares hidden), streck 2.
    const pupils = Array.from({ length: 10 }, (_, i) => uniform(String(i), i < 6 ? 'E' : i < 8 ? 'F' : '-'));
    const ma = subjectIndicators(pupils.map((p) => evaluatePupil(p, DEFAULT_SETTINGS)), 5).find((s) => s.subject === 'Ma')!;
    expect(ma.graded).toBe(8);
    expect(ma.counts.F).toBe(2);
    expect(ma.streck).toBe(2);
    expect(ma.shares.E).toBe(0.75); // 6 / 8
    expect(ma.meanPoints).toBe(7.5); // (6 × 10 + 2 × 0) / 8
    expect(ma.passShare).toBe(0.75);
  });
});

function table(pupils: PupilRecord[]): GradeTable {
  return { sheet: 'Betyg', layout: 'wide', scale: 'AF', headerRow: 1, columns: [], unmapped: [], pupils, problems: [] };
}

describe('analyseGrades', () => {
  it('§11.8 through the analysis: a class of 25 with 9 pojkar shows only the total', () => {
    const pupils = Array.from({ length: 25 }, (_, i) => uniform(`p${i}`, 'C', { gender: i < 16 ? 'F' : 'M' }));
    const a = analyseGrades(table(pupils), DEFAULT_SETTINGS);
    expect(a.summary.eligibleShare.YRK).toBe(1);
    const gender = a.groups.filter((g) => g.by === 'gender');
    expect(gender.map((g) => [g.key, g.pupils, g.eligibleShare.YRK])).toEqual([['F', 16, '..'], ['M', 9, '..']]);
  });

  it('masks a class of 7 and its smallest sibling class, within the school', () => {
    // Class 9A 20 pupils, 9B 12, 9D 7 in one school: 9D hidden; remainder 7 < 10 → 9B hidden too.
    const pupils = [
      ...Array.from({ length: 20 }, (_, i) => uniform(`a${i}`, 'C', { className: '9A' })),
      ...Array.from({ length: 12 }, (_, i) => uniform(`b${i}`, 'C', { className: '9B' })),
      ...Array.from({ length: 7 }, (_, i) => uniform(`d${i}`, 'C', { className: '9D' })),
    ];
    const a = analyseGrades(table(pupils), DEFAULT_SETTINGS);
    const classes = a.groups.filter((g) => g.by === 'class');
    expect(classes.map((g) => [g.key, g.meanMeritValue17])).toEqual([['9A', 240], ['9B', '..'], ['9D', '..']]); // 16 × 15 = 240
  });

  it('compares test grades with final grades (lower / same / higher)', () => {
    // 10 pupils graded Ma C: tests B (final lower) ×2, C ×5, D (final higher) ×3; one test code 99 ignored.
    const pupils = Array.from({ length: 11 }, (_, i) => uniform(`p${i}`, 'C'));
    const marks = ['B', 'B', 'C', 'C', 'C', 'C', 'C', 'D', 'D', 'D'] as const;
    const tests: TestTable = {
      sheet: 'NP', headerRow: null, problems: [],
      records: [
        ...marks.map((m, i) => ({ row: i + 1, id: `p${i}`, personnummer: `p${i}`, school: null, results: [{ subject: 'Ma' as const, mark: m }] })),
        { row: 11, id: 'p10', personnummer: 'p10', school: null, results: [{ subject: 'Ma' as const, mark: null, code: '99' as const }] },
      ],
    };
    const a = analyseGrades(table(pupils), DEFAULT_SETTINGS, tests);
    expect(a.tests).toEqual([{ subject: 'Ma', n: 10, lower: 2, same: 5, higher: 3, lowerShare: 0.2, sameShare: 0.5, higherShare: 0.3 }]);
  });

  it('produces JSON that validates against the CLI contract', () => {
    const pupils = Array.from({ length: 12 }, (_, i) => uniform(`p${i}`, i === 0 ? 'F' : 'C', { gender: i % 2 ? 'M' : 'F' }));
    const json = gradesJson(analyseGrades(table(pupils), DEFAULT_SETTINGS));
    expect(validateGradesJson(json)).toEqual([]);
    expect(json.summary.pupils).toBe(12);
    expect(json.summary.eligibleShare.YRK).toBe(0.9167); // 11 / 12 rounded to 4 decimals
    expect(json.pupils[0].missing.YRK).toEqual(['Sv', 'En', 'Ma']);
    expect(json.pupils[1].missing).toEqual({});
    expect(validateGradesJson({ pupils: [], summary: {}, groups: [], problems: [] }).length).toBeGreaterThan(0);
  });
});
