import { describe, expect, it } from 'vitest';
import type { GradeEntry, GradeTable, PupilRecord, SubjectCode } from '../types';
import { DEFAULT_SETTINGS } from '../types';
import { compareTerms, matchKey } from './compare';
import { progressionJson, validateProgressionJson } from './json';

const entry = (g: string): GradeEntry => (g === '-' ? { kind: 'streck' } : { kind: 'grade', mark: g as 'A' });
function pupil(row: number, id: string, pnr: string | null, grades: Partial<Record<SubjectCode, string>>, className = '9A'): PupilRecord {
  return { row, id, personnummer: pnr, className, school: null, gender: null, grades: Object.entries(grades).map(([s, g]) => ({ subject: s as SubjectCode, entry: entry(g!) })) };
}
function table(sheet: string, pupils: PupilRecord[]): GradeTable {
  return { sheet, layout: 'wide', scale: 'AF', headerRow: 1, columns: [], unmapped: [], pupils, problems: [] };
}
const all = (g: string) => ({ Sv: g, En: g, Ma: g, Bi: g, Fy: g, Ke: g, Tk: g, Ge: g });

const P1 = '201001303799', P2 = '201003161062', P3 = '201003026190', N = '201005251929', L = '201009290147', Y = '201011111111';
// Before (åk 8). P1 is written ååmmdd-nnnk without a normalised personnummer, and twice (identical).
const before = table('Betyg8', [
  pupil(2, '100130-3799', null, { ...all('E'), Ma: 'F' }), // 7 passes, no Ma → not YRK; meritvärde 7 × 10 = 70
  pupil(3, P2, P2, { ...all('C'), En: 'A' }), // YRK; 20 + 7 × 15 = 125
  pupil(4, P3, P3, { ...all('B'), En: 'C' }), // YRK; 15 + 7 × 17.5 = 137.5
  pupil(5, L, L, { Sv: 'A', En: 'A', Ma: 'A' }), // leaves
  pupil(6, Y, Y, all('C')),
  pupil(7, '100130-3799', null, { ...all('E'), Ma: 'F' }), // identical duplicate of row 2: merged
  pupil(8, P2, P2, { ...all('C'), En: 'A' }, '9A'),
]);
// After (åk 9): Hkk only here (not compared); N is new; Y twice with different grades (conflict).
const after = table('Betyg9', [
  pupil(2, P1, P1, all('E')), // 8 passes → YRK; meritvärde 80
  pupil(3, P2, P2, { ...all('C'), En: 'A', Hkk: 'A' }), // 125 + 20 = 145
  pupil(4, P3, P3, { ...all('B'), Ma: 'D', Ge: 'F' }), // Sv En Ma + Bi Fy Ke Tk = 4 other → not YRK; 17.5 × 6 + 12.5 = 117.5
  pupil(5, N, N, all('A')), // new; 160
  pupil(6, Y, Y, all('C')),
  pupil(7, Y, Y, all('D')), // conflicting duplicate
]);
const settings = { ...DEFAULT_SETTINGS, suppressionThreshold: 1 };
const res = compareTerms(before, after, settings);

describe('compareTerms: matching', () => {
  it('matches ååmmdd-nnnk with 12 digits', () => {
    expect(matchKey(before.pupils[0])).toBe('1001303799');
    expect(matchKey(after.pupils[0])).toBe('1001303799');
    expect(res.pupils.map((p) => p.id)).toEqual([P1, P2, P3]);
  });
  it('counts matched, new and left, leaving conflicting duplicates out', () => {
    expect([res.matched, res.new, res.left]).toEqual([3, 1, 1]);
    expect(res.newIds).toEqual([N]);
    expect(res.leftIds).toEqual([L]);
    expect(res.conflicts).toEqual(['1011111111']);
  });
  it('merges identical duplicates with a warning and lists conflicts as errors', () => {
    expect(res.problems.map((p) => [p.cell, p.code, p.severity])).toEqual([
      ['Betyg8!A7', 'progression.duplicateMerged', 'warning'],
      ['Betyg8!A8', 'progression.duplicateMerged', 'warning'],
      ['Betyg9!A7', 'progression.duplicateConflict', 'error'],
    ]);
    expect(res.problems[2].message).toContain('rad 6');
  });
  it('can match on the id column instead', () => {
    // By raw id P1 no longer meets ('100130-3799' ≠ '201001303799'): 2 matched, 2 new, 2 left.
    const r = compareTerms(before, after, settings, { idColumn: 'id' });
    expect([r.matched, r.new, r.left]).toEqual([2, 2, 2]);
  });
});

describe('compareTerms: subjects', () => {
  it('compares only subjects graded in both files', () => {
    expect(res.subjects.map((s) => s.subject)).toEqual(['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge']); // no Hkk
  });
  it('counts raised, unchanged, lowered and pass/fail transitions by rank', () => {
    const by = Object.fromEntries(res.subjects.map((s) => [s.subject, s]));
    // Ma: P1 F→E raised (and F→pass), P2 C→C, P3 B→D lowered.
    expect(by.Ma).toMatchObject({ compared: 3, raised: 1, unchanged: 1, lowered: 1, failToPass: 1, passToFail: 0 });
    expect(by.Ma.raisedShare).toBeCloseTo(1 / 3, 12);
    // En: P1 E→E, P2 A→A, P3 C→B raised.
    expect(by.En).toMatchObject({ raised: 1, unchanged: 2, lowered: 0, failToPass: 0, passToFail: 0 });
    // Ge: P3 B→F lowered and pass→F.
    expect(by.Ge).toMatchObject({ raised: 0, unchanged: 2, lowered: 1, failToPass: 0, passToFail: 1 });
    expect(by.Sv).toMatchObject({ unchanged: 3, raised: 0, lowered: 0 });
  });
});

describe('compareTerms: pupils and cohort over the same pupils', () => {
  it('gives each pupil the change in passes, meritvärde and eligibility', () => {
    const [p1, p2, p3] = res.pupils;
    expect([p1.passedChange, p1.meritValue17Change]).toEqual([1, 10]); // 7 → 8, 70 → 80
    expect(p1.gained).toContain('YRK');
    expect(p2.meritValue17Change).toBe(20); // 125 → 145 (Hkk A)
    expect([p3.before.meritValue17, p3.after.meritValue17]).toEqual([137.5, 117.5]);
    expect(p3.lost).toContain('YRK');
    expect(p3.raised).toEqual(['En']);
    expect(p3.lowered).toEqual(['Ma', 'Ge']);
  });
  it('computes cohort figures over the matched pupils only', () => {
    // YRK before: P2, P3 = 2/3; after: P1, P2 = 2/3 (the new pupil N is not counted).
    expect(res.cohort.eligibleShareBefore.YRK).toBeCloseTo(2 / 3, 12);
    expect(res.cohort.eligibleShareAfter.YRK).toBeCloseTo(2 / 3, 12);
    // Mean meritvärde 17: (70 + 125 + 137.5) / 3 = 110.833…; after (80 + 145 + 117.5) / 3 = 114.166…
    // (with N it would be (342.5 + 160) / 4 = 125.625: a change of cohort, not progress).
    expect(res.cohort.meanMeritValue17Before).toBeCloseTo(332.5 / 3, 10);
    expect(res.cohort.meanMeritValue17After).toBeCloseTo(342.5 / 3, 10);
  });
  it('suppresses cohort figures under the threshold', () => {
    const r = compareTerms(before, after, DEFAULT_SETTINGS); // 3 matched < 10
    expect(r.cohort.eligibleShareBefore.YRK).toBe('..');
    expect(r.cohort.meanMeritValue17After).toBe('..');
    expect(r.subjects[0].raisedShare).toBe('..');
  });
  it('does not compare grades across scales', () => {
    const r = compareTerms({ ...before, scale: 'old' }, after, settings);
    expect(r.subjects).toEqual([]);
    expect(r.problems.some((p) => p.code === 'progression.scaleMismatch')).toBe(true);
  });
});

describe('progressionJson', () => {
  it('produces the contract and validates it', () => {
    const j = progressionJson(res);
    expect(Object.keys(j)).toEqual(['matched', 'new', 'left', 'subjects', 'cohort', 'pupils', 'problems']);
    expect(j.subjects[2]).toEqual({ subject: 'Ma', raised: 1, unchanged: 1, lowered: 1, failToPass: 1, passToFail: 0 });
    expect(j.cohort.meanMeritValue17Before).toBe(110.83); // 110.8333 rounded to 2 decimals
    expect(j.pupils[0]).toMatchObject({ id: P1, passedBefore: 7, passedAfter: 8, meritValue17Before: 70, meritValue17After: 80 });
    expect(validateProgressionJson(JSON.parse(JSON.stringify(j)))).toEqual([]);
  });
  it('rejects broken objects', () => {
    expect(validateProgressionJson(null)).toEqual(['not an object']);
    const j = JSON.parse(JSON.stringify(progressionJson(res)));
    j.subjects[0].raised = -1;
    j.cohort.eligibleShareAfter.YRK = 1.5;
    j.pupils.pop();
    expect(validateProgressionJson(j)).toEqual(['subjects[0].raised', 'cohort.eligibleShareAfter', 'pupils.length ≠ matched']);
  });
});

describe('the demo files: åk 8 vt 2025 → åk 9 vt 2026', () => {
  it('matches the pupils examples/README describes', async () => {
    const { readFileSync } = await import('node:fs');
    const { decodeText, parseDelimited } = await import('../table/text');
    const { readGradeTable } = await import('../table/grades');
    const read = (f: string) => ({ sheet: f.replace(/\..*/, ''), values: parseDelimited(decodeText(new Uint8Array(readFileSync(new URL(`../../examples/${f}`, import.meta.url)))).text) });
    const ak8 = readGradeTable(read('betyg-ak8-vt2025.csv'), { referenceYear: 2026 });
    const ak9 = readGradeTable(read('betyg-ak9-vt2026.txt'), { referenceYear: 2026 });
    const r = compareTerms(ak8, ak9, DEFAULT_SETTINGS);
    // README: 302 åk 8 rows, 10 of whom moved away; 300 åk 9 pupils, 8 of whom are new; one åk 8 id written ååmmdd-nnnk.
    expect([r.matched, r.new, r.left]).toEqual([292, 8, 10]);
    expect(r.conflicts).toEqual([]);
    for (const s of r.subjects) expect(s.raised + s.unchanged + s.lowered).toBe(s.compared);
    expect(r.cohort.pupils).toBe(292);
    expect(validateProgressionJson(JSON.parse(JSON.stringify(progressionJson(r))))).toEqual([]);
  });
});
