import { describe, expect, it } from 'vitest';
import { entry } from './fixtures/pupils';
import { gradePoints, gradeRank, isGraded, isPass, pointsTable } from './scale';

describe('gradePoints (domain §1)', () => {
  it('A–F: A 20, B 17.5, C 15, D 12.5, E 10, F 0 [Skolverket]', () => {
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((m) => gradePoints(entry(m), 'AF'))).toEqual([20, 17.5, 15, 12.5, 10, 0]);
  });
  it('old scale: MVG 20, VG 15, G 10, IG 0', () => {
    expect(['MVG', 'VG', 'G', 'IG'].map((m) => gradePoints(entry(m), 'old'))).toEqual([20, 15, 10, 0]);
  });
  it('streck, code 3, code 2 and blank give 0', () => {
    expect(['-', '3', '2', ''].map((v) => gradePoints(entry(v)))).toEqual([0, 0, 0, 0]);
  });
  it('never mixes scales: VG on A–F and B on the old scale are no grades', () => {
    expect(gradePoints(entry('VG'), 'AF')).toBe(0);
    expect(gradePoints(entry('B'), 'old')).toBe(0);
    expect(isGraded(entry('VG'), 'AF')).toBe(false);
    expect(isGraded(entry('F'), 'AF')).toBe(true);
    expect(pointsTable('old').VG).toBe(15);
  });
});

describe('isPass', () => {
  it('A–E pass; F, streck, codes 3/2 and blank do not', () => {
    expect(['A', 'B', 'C', 'D', 'E'].every((m) => isPass(entry(m)))).toBe(true);
    expect(['F', '-', '3', '2', ''].some((v) => isPass(entry(v)))).toBe(false);
  });
  it('old scale: G passes, IG does not; an old mark is no pass on A–F', () => {
    expect(isPass(entry('G'), 'old')).toBe(true);
    expect(isPass(entry('IG'), 'old')).toBe(false);
    expect(isPass(entry('G'), 'AF')).toBe(false);
  });
});

describe('gradeRank (progression, domain §9)', () => {
  it('F 0 … A 5; no rank for streck or codes', () => {
    expect(['F', 'E', 'D', 'C', 'B', 'A'].map((m) => gradeRank(entry(m)))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(gradeRank(entry('-'))).toBeNull();
    expect(gradeRank(entry('3'))).toBeNull();
  });
  it('old scale: IG 0 … MVG 3', () => {
    expect(['IG', 'G', 'VG', 'MVG'].map((m) => gradeRank(entry(m), 'old'))).toEqual([0, 1, 2, 3]);
  });
});
