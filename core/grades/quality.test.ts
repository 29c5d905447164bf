import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../types';
import { analyseGrades } from './analyse';
import { gradesJson, gradesJsonText } from './json';
import { readGradeTable, readGradeText, SCB6_COLUMNS } from '../table/grades';

/** An åk 6 row (SCB6_COLUMNS order) with the given cells by variable name. */
function row6(pnr: string, cells: Record<string, string>): string {
  return SCB6_COLUMNS.map((c, i) => (i === 0 ? 'IST' : i === 1 ? '2026-06-10' : i === 3 ? pnr : i === 4 ? '12345678' : i === 5 ? '6A' : cells[c] ?? '2')).join(';');
}

describe('data quality per subject (issue 15)', () => {
  // Ma over six pupils: A, '-', '9', '', 'Z', 'G' → valid 1, streck 2 (- and 9), blank 1, Z 1, invalid 1 (G).
  // En: 'Y' for pupil 1, 'C' ×4, '3' for pupil 6 → Y 1, valid 4, code3 1.
  // Every other column holds 2 (code2 = 6 in each, e.g. Bl).
  const pnrs = ['201001010006', '201001020005', '201001030004', '201001040003', '201001050002', '201001060001'];
  const ma = ['A', '-', '9', '', 'Z', 'G'];
  const en = ['Y', 'C', 'C', 'C', 'C', '3'];
  const text = pnrs.map((p, i) => row6(p, { Ma: ma[i], En: en[i] })).join('\n');

  it('counts valid, blank, streck, 2, 3, Y, Z and invalid per subject', () => {
    const t = readGradeText(text, 'betyg6', { referenceYear: 2026 });
    const a = analyseGrades(t, DEFAULT_SETTINGS);
    const q = Object.fromEntries(a.dataQuality.map((x) => [x.subject, x]));
    expect(q.Ma).toEqual({ subject: 'Ma', valid: 1, blank: 1, streck: 2, code2: 0, code3: 0, codeY: 0, codeZ: 1, invalid: 1 });
    expect(q.En).toEqual({ subject: 'En', valid: 4, blank: 0, streck: 0, code2: 0, code3: 1, codeY: 1, codeZ: 0, invalid: 0 });
    expect(q.Bl).toMatchObject({ valid: 0, code2: 6 });
    // Report order: En before Ma (SUBJECT_ORDER: Sv, Sva, En, Ma, …).
    expect(a.dataQuality.map((x) => x.subject).indexOf('En')).toBeLessThan(a.dataQuality.map((x) => x.subject).indexOf('Ma'));
  });

  it('Y, Z and other rejected cells are not results: they stay out of the shares', () => {
    const a = analyseGrades(readGradeText(text, 'betyg6', { referenceYear: 2026 }), { ...DEFAULT_SETTINGS, suppressionThreshold: 1 });
    // Ma assessed: A, -, 9 → 3 pupils (blank, Z and G are not); passed 1 → 1/3.
    // En assessed: C ×4 → 4 pupils (Y and 3 are not); passed 4 → 1.
    expect(a.summary.subjectPassShare).toMatchObject({ En: 1, Ma: 1 / 3 });
  });

  it('is in the JSON for both contracts, and the streamed text matches', () => {
    const a = analyseGrades(readGradeText(text, 'betyg6', { referenceYear: 2026 }), DEFAULT_SETTINGS);
    expect(gradesJson(a).dataQuality.find((x) => x.subject === 'Ma')?.codeZ).toBe(1);
    expect(gradesJsonText(a)).toBe(JSON.stringify(gradesJson(a)));
  });

  it('a wide sheet places rejected cells by column; the grid and text readers agree', () => {
    const t = readGradeTable({ sheet: 'B', values: [['Personnummer', 'Sv', 'Ma'], ['201001010006', 'X', 'Y'], ['201001020005', 'A', '']] }, { referenceYear: 2026 });
    const q = Object.fromEntries(analyseGrades(t, DEFAULT_SETTINGS).dataQuality.map((x) => [x.subject, x]));
    expect([q.Sv.valid, q.Sv.invalid, q.Ma.codeY, q.Ma.blank]).toEqual([1, 1, 1, 1]);
  });
});
