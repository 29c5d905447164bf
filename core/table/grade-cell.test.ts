import { describe, expect, it } from 'vitest';
import { parseGradeCell } from './grade-cell';

describe('parseGradeCell, A–F scale', () => {
  it.each(['A', 'B', 'C', 'D', 'E', 'F'])('%s, lower case and spaced', (m) => {
    expect(parseGradeCell(m, 'AF')).toEqual({ entry: { kind: 'grade', mark: m } });
    expect(parseGradeCell(` ${m.toLowerCase()}\u00a0`, 'AF')).toEqual({ entry: { kind: 'grade', mark: m } });
  });
  it.each(['-', '–', '—', '9', ' - ', 9])('streck %s', (v) => {
    expect(parseGradeCell(v, 'AF')).toEqual({ entry: { kind: 'streck' } });
  });
  it('SCB codes 3 and 2, as text or number', () => {
    expect(parseGradeCell('3', 'AF')).toEqual({ entry: { kind: 'notStudied' } });
    expect(parseGradeCell(3, 'AF')).toEqual({ entry: { kind: 'notStudied' } });
    expect(parseGradeCell('2', 'AF')).toEqual({ entry: { kind: 'notApplicable' } });
    expect(parseGradeCell(2, 'AF')).toEqual({ entry: { kind: 'notApplicable' } });
  });
  it('empty is missing', () => {
    for (const v of ['', '  ', null, undefined]) expect(parseGradeCell(v, 'AF')).toEqual({ entry: { kind: 'missing' } });
  });
  it('old-scale marks in an A–F table are errors, never guessed', () => {
    for (const v of ['G', 'VG', 'MVG', 'IG', 'vg']) expect(parseGradeCell(v, 'AF')).toEqual({ error: 'table.grade.oldScale' });
  });
  it('X, numbers, booleans, dates are errors', () => {
    for (const v of ['X', 'AB', 'E+', '1', 4, 15, 2.5, true, new Date(0), '10', 'YZ']) {
      expect(parseGradeCell(v, 'AF')).toEqual({ error: 'table.grade.invalid' });
    }
  });
  it('Y and Z are SCB åk 6 codes, not errors and not grades (datafilsbeskrivning betyg åk 6 vt2026)', () => {
    expect(parseGradeCell('Y', 'AF')).toEqual({ entry: { kind: 'code', code: 'Y' } });
    expect(parseGradeCell(' z ', 'AF')).toEqual({ entry: { kind: 'code', code: 'Z' } });
    // The old scale predates them: still invalid there.
    expect(parseGradeCell('Y', 'old')).toEqual({ error: 'table.grade.invalidOld' });
  });
});

describe('parseGradeCell, old scale', () => {
  it('MVG/VG/G/IG in any case', () => {
    expect(parseGradeCell('mvg', 'old')).toEqual({ entry: { kind: 'grade', mark: 'MVG' } });
    expect(parseGradeCell(' VG ', 'old')).toEqual({ entry: { kind: 'grade', mark: 'VG' } });
    expect(parseGradeCell('G', 'old')).toEqual({ entry: { kind: 'grade', mark: 'G' } });
    expect(parseGradeCell('IG', 'old')).toEqual({ entry: { kind: 'grade', mark: 'IG' } });
    expect(parseGradeCell('-', 'old')).toEqual({ entry: { kind: 'streck' } });
  });
  it('A–F in an old-scale table is an error', () => {
    expect(parseGradeCell('A', 'old')).toEqual({ error: 'table.grade.invalidOld' });
    expect(parseGradeCell('E', 'old')).toEqual({ error: 'table.grade.invalidOld' });
  });
});
