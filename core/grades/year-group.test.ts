import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../types';
import { analyseGrades } from './analyse';
import { pupil, table, uniformSpec } from './fixtures/pupils';
import { gradesJson, gradesJsonText, validateGradesJson, type GradesJson, type GradesTermJson } from './json';
import { yearGroupOf } from './year-group';
import { accumulate, groupFigures, medianOfBins, newGroupAccumulator } from '../stats/indicators';
import { evaluatePupil } from './evaluate';
import { readGradeText, SCB6_COLUMNS } from '../table/grades';

const S = { ...DEFAULT_SETTINGS, suppressionThreshold: 1 };

describe('yearGroupOf', () => {
  it('the åk 6 file is 6; the 33-column file is the final year unless the classes say åk 7 or 8', () => {
    expect(yearGroupOf(table([], { layout: 'scb6' }), 9)).toEqual({ yearGroup: 6, source: 'file', gradeKind: 'terminsbetyg' });
    expect(yearGroupOf(table([pupil({}, { className: null })], { layout: 'scb9' }), 9)).toEqual({ yearGroup: 9, source: 'file', gradeKind: 'slutbetyg' });
    // Term grades of åk 7–8 come in the 33-column form: the class names tell them apart.
    expect(yearGroupOf(table([pupil({}, { className: '7A' })], { layout: 'scb9' }), 9)).toEqual({ yearGroup: 7, source: 'class', gradeKind: 'terminsbetyg' });
    expect(yearGroupOf(table([pupil({}, { className: '9X' })], { layout: 'scb6' }), 9).yearGroup).toBe(6);
  });

  it('class names: the leading number of more than half of the pupils with a class', () => {
    // 6A ×2, 6B ×1, 7A ×1, no class ×3: 3 of 4 pupils with a class are in a "6" class (3 × 2 > 4) → 6.
    const ps = ['6A', '6A', '6B', '7A', null, null, null].map((c) => pupil({}, { className: c }));
    expect(yearGroupOf(table(ps), 9)).toEqual({ yearGroup: 6, source: 'class', gradeKind: 'terminsbetyg' });
    // "Klass 8C" → 8; 8 is below the final year: terminsbetyg.
    expect(yearGroupOf(table([pupil({}, { className: 'Klass 8C' })]), 9).yearGroup).toBe(8);
    // 2 of 4 is not more than half → the setting, then the final year.
    const split = ['6A', '6B', '7A', '7B'].map((c) => pupil({}, { className: c }));
    expect(yearGroupOf(table(split), 9, 7)).toEqual({ yearGroup: 7, source: 'setting', gradeKind: 'terminsbetyg' });
    expect(yearGroupOf(table(split), 9)).toEqual({ yearGroup: 9, source: 'finalYear', gradeKind: 'slutbetyg' });
    // Ten-year grundskola: finalYear 10 makes a 9th-grade file terminsbetyg.
    expect(yearGroupOf(table([pupil({}, { className: '9A' })]), 10).gradeKind).toBe('terminsbetyg');
  });
});

describe('medianOfBins (median meritvärde 17)', () => {
  it('odd and even counts; the even case is the mean of the two middle values', () => {
    const h = new Int32Array(137);
    for (const v of [200, 245, 300]) h[v / 2.5]++;
    expect(medianOfBins(h)).toBe(245); // 200, 245, 300 → the middle one
    h[250 / 2.5]++;
    expect(medianOfBins(h)).toBe(247.5); // 200, 245, 250, 300 → (245 + 250) / 2
    expect(medianOfBins(null)).toBeNull();
  });

  it('over pupils with at least one pass only (the mean\'s denominator)', () => {
    // meritvärde 17: all C = 16 × 15 = 240; all E = 16 × 10 = 160; all F = 0 (no pass: left out).
    // Median of 160, 240 → (160 + 240) / 2 = 200, not the 160 that counting the F pupil would give.
    const a = analyseGrades(table([pupil(uniformSpec('C')), pupil(uniformSpec('E'), { id: 'y' }), pupil(uniformSpec('F'), { id: 'z' })]), S);
    expect(a.summary.medianMeritValue17).toBe(200);
    expect(a.summary.withPass).toBe(2);
    // Suppressed on its own denominator: 2 pupils with a pass < threshold 3 → '..' (the 3 pupils are still counted).
    const b = analyseGrades(table([pupil(uniformSpec('C')), pupil(uniformSpec('E'), { id: 'y' }), pupil(uniformSpec('F'), { id: 'z' })]), { ...S, suppressionThreshold: 3 });
    expect([b.summary.pupils, b.summary.medianMeritValue17]).toEqual([3, '..']);
  });
});

describe('åk 6 and åk 9 indicators (issue 15)', () => {
  // Five pupils, hand-made:
  //  p1 Sv A, En B, Ma C                      → all passed, assessed
  //  p2 Sva E, En F, Ma -                     → not all (F, streck); assessed
  //  p3 Sv 2, Sva D, En C, Ma E, Bi 3         → code 3 in Bi (compulsory) fails "all"; assessed
  //  p4 only blanks and code 2 (Sv '', Ma 2)  → not assessed: outside the denominator
  //  p5 Sv -, En E                            → streck in Sv; assessed, not all
  const ps = [
    pupil({ Sv: 'A', En: 'B', Ma: 'C' }, { id: 'p1', gender: 'F' }),
    pupil({ Sva: 'E', En: 'F', Ma: '-' }, { id: 'p2', gender: 'M' }),
    pupil({ Sv: '2', Sva: 'D', En: 'C', Ma: 'E', Bi: '3' }, { id: 'p3', gender: 'F' }),
    pupil({ Sv: '', Ma: '2' }, { id: 'p4', gender: 'M' }),
    pupil({ Sv: '-', En: 'E' }, { id: 'p5', gender: 'F' }),
  ];

  it('all subjects passed: 1 of the 4 pupils with a grade or streck (p4 has neither)', () => {
    const a = analyseGrades(table(ps), S);
    expect(a.summary.assessed).toBe(4);
    expect(a.summary.allSubjectsPassedShare).toBe(0.25); // p1 only: 1 / 4
  });

  it('E or better in Sv/Sva, En, Ma, each over pupils with A–F or streck in it', () => {
    const a = analyseGrades(table(ps), S);
    // Sv or Sva: p1 A, p2 Sva E, p3 Sva D pass; p5 streck counts in the denominator; p4 blank does not → 3 / 4.
    // En: p1 B, p3 C, p5 E pass; p2 F → 3 / 4. Ma: p1 C, p3 E pass; p2 streck; p4 code 2 not → 2 / 3.
    expect(a.summary.subjectPassShare).toEqual({ Sv: 0.75, En: 0.75, Ma: 2 / 3 });
  });

  it('mean grade points per subject over pupils with A–F in it (streck apart)', () => {
    const a = analyseGrades(table(ps), S);
    // En: B 17.5 + F 0 + C 15 + E 10 = 42.5 over 4 graded → 10.625. Ma: C 15 + E 10 over 2 → 12.5 (streck not in it).
    expect(a.meanGradePoints.En).toBe(10.625);
    expect(a.meanGradePoints.Ma).toBe(12.5);
    // Sva: E 10 + D 12.5 over 2 → 11.25; Sv: A 20 over 1 (streck of p5 apart) → 20.
    expect(a.meanGradePoints.Sva).toBe(11.25);
    expect(a.meanGradePoints.Sv).toBe(20);
  });

  it('each share is suppressed on its own denominator', () => {
    // Threshold 4: Sv and En have 4 assessed pupils (shown), Ma only 3 → '..'; all-subjects has 4 → shown.
    const a = analyseGrades(table(ps), { ...S, suppressionThreshold: 4 });
    expect(a.summary.subjectPassShare).toEqual({ Sv: 0.75, En: 0.75, Ma: '..' });
    expect(a.summary.allSubjectsPassedShare).toBe(0.25);
  });

  it('an åk 6 file: yearGroup 6, no eligibility/missing/meritvärde per pupil, the pass shares in summary', () => {
    const six = table(ps.map((p) => ({ ...p, className: '6A' })));
    const j = gradesJson(analyseGrades(six, S)) as GradesTermJson;
    expect(j.yearGroup).toBe(6);
    expect(j.gradeKind).toBe('terminsbetyg');
    expect(j.pupils[0]).toEqual({ row: 2, id: 'p1', class: '6A', school: 'S', gender: 'F', passed: 3, allSubjectsPassed: true });
    expect(j.pupils.some((p) => 'eligibility' in p || 'missing' in p)).toBe(false);
    expect(j.summary).toEqual({
      pupils: 5, allSubjectsPassedShare: 0.25, subjectPassShare: { Sv: 0.75, En: 0.75, Ma: 0.6667 },
      meanGradePoints: { Sv: 20, Sva: 11.25, En: 10.63, Ma: 12.5 }, // Bi has only code 3: no grade, left out
    });
    expect('eligibleShare' in j.summary).toBe(false);
    expect(validateGradesJson(j)).toEqual([]);
    // The streamed text is the object's stringify, for terminsbetyg too.
    expect(gradesJsonText(analyseGrades(six, S))).toBe(JSON.stringify(j));
  });

  it('åk 9 keeps the contract and adds median meritvärde 17, subjectPassShare, meanGradePoints', () => {
    const j = gradesJson(analyseGrades(table(ps), S)) as GradesJson;
    expect(j.yearGroup).toBe(9);
    expect(j.pupils[0]).toHaveProperty('eligibility');
    expect(j.summary.subjectPassShare.Sv).toBe(0.75);
    // meritvärde 17 of the pupils with a pass: p1 20+17.5+15 = 52.5; p2 10; p3 12.5+15+10 = 37.5; p5 10.
    // Sorted 10, 10, 37.5, 52.5 → median (10 + 37.5) / 2 = 23.75.
    expect(j.summary.medianMeritValue17).toBe(23.75);
    expect(validateGradesJson(j)).toEqual([]);
    expect(validateGradesJson({ ...j, gradeKind: 'x' })).toEqual(['gradeKind']);
  });

  it('a pupil evaluated elsewhere is accumulated with the same facts (the scan is redone)', () => {
    const acc = newGroupAccumulator();
    for (const p of ps) accumulate(acc, evaluatePupil(p, S));
    const g = groupFigures(acc, { by: 'all', key: 'all', label: 'Totalt' }, 1);
    expect([g.assessed, acc.svAssessed, acc.enAssessed, acc.maAssessed, acc.svPassed, acc.enPassed, acc.maPassed]).toEqual([4, 4, 4, 3, 3, 3, 2]);
    expect(g.subjectPassShare).toEqual({ Sv: 0.75, En: 0.75, Ma: 2 / 3 });
  });
});

describe('the SCB åk 6 text file end to end', () => {
  it('reads positionally, and is yearGroup 6 even with classes named 9X', () => {
    // SCB6_COLUMNS: Ma is column 13, No 21, Sv 31 (1-based).
    const row = (pnr: string, ma: string, sv: string) => {
      const f = SCB6_COLUMNS.map(() => '');
      Object.assign(f, { 0: 'IST', 1: '2026-06-10', 3: pnr, 4: '12345678', 5: '9X', 12: ma, 20: 'E', 30: sv, 31: '2' });
      return f.join(';');
    };
    const t = readGradeText([row('201001010006', 'C', 'A'), row('201001020005', 'F', 'E')].join('\n'), 'betyg6.txt', { referenceYear: 2026 });
    expect(t.layout).toBe('scb6');
    const j = gradesJson(analyseGrades(t, S)) as GradesTermJson;
    expect(j.yearGroup).toBe(6);
    // Ma: C and F → 1 / 2 pass; Sv: A and E → 2 / 2; all subjects: pupil 1 (Ma C, No E, Sv A) only → 1 / 2.
    expect(j.summary.subjectPassShare).toEqual({ Sv: 1, En: '.', Ma: 0.5 });
    expect(j.summary.allSubjectsPassedShare).toBe(0.5);
    expect(j.summary.meanGradePoints.No).toBe(10);
  });
});

describe('Sv vs Sva split (issue 15)', () => {
  /** All 16 subjects at `mark`, Swedish as Sv or Sva (the other is code 2, as SCB files have it). */
  const spec = (sw: 'Sv' | 'Sva', mark: string, ma = mark) => {
    const s: Record<string, string> = { ...uniformSpec(mark), Ma: ma };
    delete s.Sv;
    return { ...s, Sv: sw === 'Sv' ? mark : '2', Sva: sw === 'Sva' ? mark : '2' };
  };
  const D = { ...DEFAULT_SETTINGS, suppressionThreshold: 10 };

  it('groups "svenska" Sv and Sva with their own figures', () => {
    // 12 Sv pupils all C → all passed 12/12 = 1. 10 Sva pupils: 6 all E, 4 with Ma F → 6/10 = 0.6; Ma pass 6/10.
    const ps = [
      ...Array.from({ length: 12 }, (_, i) => pupil(spec('Sv', 'C'), { id: `s${i}` })),
      ...Array.from({ length: 6 }, (_, i) => pupil(spec('Sva', 'E'), { id: `a${i}` })),
      ...Array.from({ length: 4 }, (_, i) => pupil(spec('Sva', 'E', 'F'), { id: `f${i}` })),
    ];
    const j = gradesJson(analyseGrades(table(ps), D)) as GradesJson;
    const sw = j.groups.filter((g) => g.by === 'svenska');
    expect(sw.map((g) => [g.key, g.pupils, g.allSubjectsPassedShare, g.subjectPassShare.Ma, g.subjectPassShare.Sv])).toEqual([
      ['Sv', 12, 1, 1, 1],
      ['Sva', 10, 0.6, 0.6, 1],
    ]);
    expect(validateGradesJson(j)).toEqual([]);
  });

  it('is suppressed like gender: 16 Sv + 9 Sva → Sva hidden (9 < 10), and Sv too (it would reveal Sva)', () => {
    const ps = [
      ...Array.from({ length: 16 }, (_, i) => pupil(spec('Sv', 'C'), { id: `s${i}` })),
      ...Array.from({ length: 9 }, (_, i) => pupil(spec('Sva', 'E'), { id: `a${i}` })),
    ];
    const j = gradesJson(analyseGrades(table(ps), D)) as GradesJson;
    const sw = j.groups.filter((g) => g.by === 'svenska');
    expect(sw.map((g) => [g.key, g.pupils, g.allSubjectsPassedShare, g.meanMeritValue17])).toEqual([['Sv', 16, '..', '..'], ['Sva', 9, '..', '..']]);
    expect(j.summary.allSubjectsPassedShare).toBe(1); // 25 pupils, all passed: the total stays shown
  });
});
