import { describe, expect, it } from 'vitest';
import type { SubjectGrade } from '../types';
import { grades } from './fixtures/pupils';
import { SUBJECT_BIT, SUBJECT_INDEX, markLevel, scanGrades, scanned, subjectIndex } from './scan';
import { SUBJECT_ORDER } from './subjects';

describe('scan (the one pass behind every rule)', () => {
  it('subject indexes follow SUBJECT_ORDER; Sv and Sva share one bit', () => {
    SUBJECT_ORDER.forEach((s, i) => expect([s, SUBJECT_INDEX[s]]).toEqual([s, i]));
    expect(SUBJECT_BIT.Sva).toBe(SUBJECT_BIT.Sv);
    expect(new Set(Object.values(SUBJECT_BIT)).size).toBe(SUBJECT_ORDER.length - 1);
  });
  it('levels per scale, -1 off the scale', () => {
    expect(['A', 'E', 'F', 'G'].map((m) => markLevel(m, 'AF'))).toEqual([0, 4, 5, -1]);
    expect(['MVG', 'IG', 'A'].map((m) => markLevel(m, 'old'))).toEqual([0, 3, -1]);
  });
  it('counts passes once per subject and language, flags failures and wrong-scale marks', () => {
    // Passes: Sv (Sva is the same place), M2 SPA, M2 FRA → 3.
    scanGrades(grades({ Sv: 'C', Sva: 'E', 'M2 SPA': 'B', 'M2 FRA': 'E', Ma: 'F', Bl: 'VG' }), 'AF');
    expect(scanned.passCount).toBe(3);
    expect(scanned.failed).toBe(true); // Ma F
    expect(scanned.wrongScale).toBe(1); // Bl VG
    expect(scanned.graded).toBe(5); // Sv, Sva, M2 × 2, Ma
    expect(scanned.bestM2).toBe(1); // B
  });
  it('leaves no state behind between pupils', () => {
    scanGrades(grades({ Sv: 'A', Ma: '-' }), 'AF');
    scanGrades(grades({ En: 'E' }), 'AF');
    expect([scanned.passCount, scanned.failed, scanned.bestM2, scanned.others[0]]).toEqual([1, false, -1, 0]);
  });
});

describe('subjectIndex', () => {
  it('finds every code and nothing else (the hash has no collisions)', () => {
    SUBJECT_ORDER.forEach((s, i) => expect(subjectIndex(s)).toBe(i));
    for (const x of ['', 'S', 'sv', 'SV', 'Svb', 'Xx', 'M3', 'Hk', 'OVRx', 'Sv ']) expect([x, subjectIndex(x)]).toEqual([x, -1]);
  });
});

describe('robustness', () => {
  it('many grades (scratch grows) and malformed records (cast past the types) never crash', () => {
    const long = Array.from({ length: 150 }, () => grades({ Bi: 'C' })[0]);
    scanGrades(long, 'AF');
    expect([scanned.passCount, scanned.graded]).toEqual([1, 150]); // one subject, 150 grades in it
    const bad = [{ subject: undefined, entry: { kind: 'grade', mark: undefined } }, { subject: 'Xx', entry: { kind: 'grade', mark: 7 } }] as unknown as SubjectGrade[];
    expect(() => scanGrades(bad, 'AF')).not.toThrow();
    expect(scanned.wrongScale).toBe(2); // neither is a grade on A–F
  });
});
