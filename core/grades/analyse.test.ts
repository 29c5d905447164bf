import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type PupilRecord, type TestTable } from '../types';
import { analyseGrades } from './analyse';
import { EXAMPLE_1, pupil, table, uniformSpec } from './fixtures/pupils';

const many = (n: number, prefix: string, spec: Record<string, string>, extra: Partial<PupilRecord> = {}) =>
  Array.from({ length: n }, (_, i) => pupil(spec, { id: `${prefix}${i}`, personnummer: `${prefix}${i}`, ...extra }));

describe('analyseGrades', () => {
  it('§11.7 over a file: mean meritvärde over pupils with a pass, eligibility over all (threshold 1)', () => {
    const a = analyseGrades(table([pupil(EXAMPLE_1), pupil({ ...uniformSpec('F'), Sv: '-' }), pupil(uniformSpec('D'))]), { ...DEFAULT_SETTINGS, suppressionThreshold: 1 });
    expect(a.summary.pupils).toBe(3);
    expect(a.summary.meanMeritValue17).toBe(222.5); // (245 + 200) / 2
    expect(a.summary.eligibleShare.YRK).toBeCloseTo(2 / 3, 10);
  });

  it('§11.8: class 9A of 25, 16 flickor and 9 pojkar → only the total', () => {
    const pupils = [...many(16, 'f', uniformSpec('C'), { gender: 'F' }), ...many(9, 'm', uniformSpec('C'), { gender: 'M' })];
    const a = analyseGrades(table(pupils), DEFAULT_SETTINGS);
    expect(a.summary.eligibleShare.YRK).toBe(1);
    const gender = a.groups.filter((g) => g.by === 'gender');
    expect(gender.map((g) => [g.key, g.label, g.pupils, g.eligibleShare.YRK, g.meanMeritValue17])).toEqual([['F', 'Flickor', 16, '..', '..'], ['M', 'Pojkar', 9, '..', '..']]);
    // The class 9A itself (25 pupils) is shown: 16 × 15 = 240.
    expect(a.groups.filter((g) => g.by === 'class').map((g) => [g.key, g.meanMeritValue17])).toEqual([['9A', 240]]);
  });

  it('gender split shown when both parts reach the threshold; labels follow the language', () => {
    const pupils = [...many(12, 'f', uniformSpec('A'), { gender: 'F' }), ...many(10, 'm', uniformSpec('E'), { gender: 'M' })];
    const a = analyseGrades(table(pupils), { ...DEFAULT_SETTINGS, lang: 'en' });
    expect(a.groups.filter((g) => g.by === 'gender').map((g) => [g.label, g.meanMeritValue17])).toEqual([['Girls', 320], ['Boys', 160]]); // 16 × 20, 16 × 10
    expect(a.summary.label).toBe('Total');
  });

  it('unknown gender is never a group, but protects the split: 20 F + 17 M + 3 unknown → M hidden', () => {
    const pupils = [...many(20, 'f', uniformSpec('C'), { gender: 'F' }), ...many(17, 'm', uniformSpec('C'), { gender: 'M' }), ...many(3, 'u', uniformSpec('C'))];
    const a = analyseGrades(table(pupils), DEFAULT_SETTINGS);
    expect(a.groups.filter((g) => g.by === 'gender').map((g) => [g.key, g.eligibleShare.YRK])).toEqual([['F', 1], ['M', '..']]);
  });

  it('masks a class of 7 and its smallest sibling class, within the school', () => {
    // 9A 20, 9B 12, 9D 7 in one school: 9D hidden; 7 < 10 → 9B hidden too (7 + 12 = 19).
    const pupils = [...many(20, 'a', uniformSpec('C'), { className: '9A' }), ...many(12, 'b', uniformSpec('C'), { className: '9B' }), ...many(7, 'd', uniformSpec('C'), { className: '9D' })];
    const a = analyseGrades(table(pupils), DEFAULT_SETTINGS);
    expect(a.groups.filter((g) => g.by === 'class').map((g) => [g.parent, g.key, g.meanMeritValue17])).toEqual([['S', '9A', 240], ['S', '9B', '..'], ['S', '9D', '..']]);
  });

  it('schools of a municipality: a small school hides the next smallest; classes of a hidden school are hidden', () => {
    // Norr 30, Syd 15, Väst 6: Väst hidden; 6 < 10 → Syd hidden too; Syd's only class (15) hidden with it.
    const pupils = [
      ...many(30, 'n', uniformSpec('C'), { school: 'Norr', className: '9A' }),
      ...many(15, 's', uniformSpec('C'), { school: 'Syd', className: '9A' }),
      ...many(6, 'v', uniformSpec('C'), { school: 'Väst', className: '9A' }),
    ];
    const a = analyseGrades(table(pupils), DEFAULT_SETTINGS);
    expect(a.groups.filter((g) => g.by === 'school').map((g) => [g.key, g.eligibleShare.YRK])).toEqual([['Norr', 1], ['Syd', '..'], ['Väst', '..']]);
    expect(a.groups.filter((g) => g.by === 'class').map((g) => [g.parent, g.eligibleShare.YRK])).toEqual([['Norr', 1], ['Syd', '..'], ['Väst', '..']]);
  });

  it('the threshold is a setting', () => {
    const pupils = [...many(6, 'f', uniformSpec('C'), { gender: 'F' }), ...many(5, 'm', uniformSpec('C'), { gender: 'M' })];
    const a = analyseGrades(table(pupils), { ...DEFAULT_SETTINGS, suppressionThreshold: 5 });
    expect(a.groups.filter((g) => g.by === 'gender').map((g) => g.eligibleShare.YRK)).toEqual([1, 1]);
  });

  it('subject table for the whole file and by gender', () => {
    const pupils = [...many(10, 'f', uniformSpec('B'), { gender: 'F' }), ...many(10, 'm', { ...uniformSpec('B'), Ma: 'F' }, { gender: 'M' })];
    const ma = analyseGrades(table(pupils), DEFAULT_SETTINGS).subjects.find((s) => s.subject === 'Ma')!;
    expect([ma.graded, ma.counts.B, ma.counts.F, ma.meanPoints]).toEqual([20, 10, 10, 8.75]); // 10 × 17.5 / 20
    expect([ma.meanPointsGirls, ma.meanPointsBoys, ma.byGender.M.passShare]).toEqual([17.5, 0, 0]);
  });

  it('lists a mark of the other scale as a problem and does not count it', () => {
    const p = pupil({ ...uniformSpec('C'), Bl: 'VG' });
    p.grades.find((g) => g.subject === 'Bl')!.cell = 'Betyg!M2';
    const a = analyseGrades(table([p]), DEFAULT_SETTINGS);
    expect(a.problems).toEqual([expect.objectContaining({ cell: 'Betyg!M2', value: 'VG', code: 'grades.wrongScale', severity: 'error' })]);
    expect(a.problems[0].message).toContain('VG');
    expect(a.pupils[0].meritValue16).toBe(225); // 15 × 15, Bl adds nothing
  });

  it('keeps the readers\u2019 problems and warns about test records with no pupil', () => {
    const readerProblem = { cell: 'Betyg!F12', value: 'G', message: 'x', code: 'grade.invalid', severity: 'error' as const };
    const pupils = many(10, 'p', uniformSpec('C'));
    const tests: TestTable = {
      sheet: 'NP', headerRow: 1, problems: [],
      records: [
        { row: 2, id: 'p0', personnummer: 'p0', school: null, results: [{ subject: 'Ma', mark: 'C' }] },
        { row: 3, id: 'nobody', personnummer: 'nobody', school: null, results: [{ subject: 'Ma', mark: 'A' }] },
      ],
    };
    const a = analyseGrades(table(pupils, { problems: [readerProblem] }), DEFAULT_SETTINGS, tests);
    expect(a.problems.map((p) => [p.cell, p.code, p.severity])).toEqual([['Betyg!F12', 'grade.invalid', 'error'], ['NP!A3', 'grades.testUnmatched', 'warning']]);
    expect(a.testMatch).toEqual({ matched: 1, unmatched: 1, unmatchedRows: [3], pupilsWithoutTest: 9 });
    expect(a.tests).toEqual([{ subject: 'Ma', n: 1, lower: 0, same: 1, higher: 0, lowerShare: '..', sameShare: '..', higherShare: '..' }]);
  });

  it('problem addresses quote sheet names that need it', () => {
    const tests: TestTable = { sheet: 'NP 2026', headerRow: 1, problems: [], records: [{ row: 4, id: 'z', personnummer: 'z', school: null, results: [] }] };
    const p = pupil({ Bl: 'VG' }, { row: 7 });
    const a = analyseGrades(table([p], { sheet: 'Vt 2026' }), DEFAULT_SETTINGS, tests);
    expect(a.problems.map((x) => x.cell)).toEqual(["'Vt 2026'!A7", "'NP 2026'!A4"]);
  });

  it('an empty file gives `.` everywhere and no groups', () => {
    const a = analyseGrades(table([]), DEFAULT_SETTINGS);
    expect([a.summary.pupils, a.summary.eligibleShare.YRK, a.summary.meanMeritValue17, a.groups.length, a.subjects.length]).toEqual([0, '.', '.', 0, 0]);
    expect(a.tests).toBeNull();
  });

  it('old-scale files are analysed on their own scale', () => {
    const spec = Object.fromEntries(Object.keys(uniformSpec('G')).map((s) => [s, 'VG']));
    const a = analyseGrades(table(many(10, 'o', spec), { scale: 'old' }), DEFAULT_SETTINGS);
    expect([a.scale, a.summary.meanMeritValue17, a.summary.eligibleShare.YRK]).toEqual(['old', 240, 1]); // 16 × 15
    expect(a.problems).toEqual([]);
  });
});
