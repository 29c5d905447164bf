import { describe, expect, it } from 'vitest';
import { readTest3Table, readTestTable, SCB_TEST3_COLUMNS, SCB_TEST6_COLUMNS } from '../table/tests';
import { parseDelimited } from '../table/text';
import { subtest3Figures, testResultFigures } from './tests';

const opts = { referenceYear: 2026 };
// Luhn-valid test numbers (as in core/table/tests.test.ts).
const P = ['201001010014', '201001010022', '201001010030', '201001010048', '201001010055'];

/** A headerless row in the given column order; unnamed fields empty. */
function line(cols: readonly string[], pnr: string, f: Record<string, string>): string {
  return cols.map((c) => (c === 'System' ? 'IST' : c === 'Datum' ? '2026-05-20' : c === 'PersonNr' ? pnr : c === 'Skolenhetskod' ? '12345678' : f[c] ?? '')).join(';');
}

describe('national tests åk 6 (SCB np6 2026, 29 columns)', () => {
  // Ma: A, C, F, 99, 88. Sv (kursplan 1, or 2 → Sva): B, blank (digital, provportal), E(Sva), D, 99. En: all blank but one E.
  const rows = [
    line(SCB_TEST6_COLUMNS, P[0], { MA_PROVB: 'A', SV_KURSPLAN: '1', SV_PROVB: 'B', EN_PROVB: 'E' }),
    line(SCB_TEST6_COLUMNS, P[1], { MA_PROVB: 'C', SV_KURSPLAN: '1', SV_PROVB: '' }),
    line(SCB_TEST6_COLUMNS, P[2], { MA_PROVB: 'F', SV_KURSPLAN: '2', SV_PROVB: 'E' }),
    line(SCB_TEST6_COLUMNS, P[3], { MA_PROVB: '99', SV_KURSPLAN: '1', SV_PROVB: 'D' }),
    line(SCB_TEST6_COLUMNS, P[4], { MA_PROVB: '88', SV_KURSPLAN: '1', SV_PROVB: '99' }),
  ];
  const t = readTestTable({ sheet: 'np6', values: parseDelimited(rows.join('\n')) }, opts);

  it('is read positionally and known as åk 6', () => {
    expect(SCB_TEST6_COLUMNS).toHaveLength(29);
    expect(t.yearGroup).toBe(6);
    expect(t.problems).toEqual([]);
    expect(t.records[2].results.find((r) => r.subject === 'Sva')?.mark).toBe('E');
  });

  it('share with at least E over provbetyg A–F; 99, 88, 77 and blank kept apart and out of the denominator', () => {
    const f = Object.fromEntries(testResultFigures(t, 1).map((x) => [x.subject, x]));
    // Ma: A, C, F graded → 2/3 pass; 99 ×1, 88 ×1.
    expect(f.Ma).toEqual({ subject: 'Ma', graded: 3, passShare: 2 / 3, notTaken: 1, lost: 1, replacement: 0, portal: 0 });
    // Sv: B, D graded → 1; blank (provportal) 1, 99 ×1. Sva: E → 1.
    expect(f.Sv).toMatchObject({ graded: 2, passShare: 1, notTaken: 1, portal: 1 });
    expect(f.Sva).toMatchObject({ graded: 1, passShare: 1 });
    // En: one E, four blank (digital).
    expect(f.En).toMatchObject({ graded: 1, portal: 4 });
  });

  it('suppresses the share on the pupils with a provbetyg', () => {
    const f = testResultFigures(t, 10).find((x) => x.subject === 'Ma')!;
    expect([f.graded, f.passShare, f.notTaken]).toEqual([3, '..', 1]);
  });
});

describe('national tests åk 3 (SCB np3 2026, 35 columns, sub-tests)', () => {
  // Ma sub-tests A–G2 (9); G1 and G2 blank for everyone → not given this year (7 remain).
  // p0 all 1 → took and passed all. p1 all 1 but B 0 → took all, not passed. p2 C 99 → not took all.
  // p3 D 88 → not took all (lost is no result). p4 nothing in Ma at all → outside the denominator.
  const ma = (over: Record<string, string>) => Object.fromEntries(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((s) => [`MA_${s}_PR`, over[s] ?? '1']));
  const sv = Object.fromEntries(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((s) => [`SV_${s}_PR`, '1']));
  const rows = [
    line(SCB_TEST3_COLUMNS, P[0], { ...ma({}), ...sv, SV_KURSPLAN: '1' }),
    line(SCB_TEST3_COLUMNS, P[1], { ...ma({ B: '0' }), ...sv, SV_KURSPLAN: '2' }),
    line(SCB_TEST3_COLUMNS, P[2], { ...ma({ C: '99' }), ...sv }),
    line(SCB_TEST3_COLUMNS, P[3], { ...ma({ D: '88' }), ...sv, SV_H_PR: '0' }),
    line(SCB_TEST3_COLUMNS, P[4], { ...sv, SV_A_PR: '99' }),
  ];
  const t = readTest3Table({ sheet: 'np3', values: parseDelimited(rows.join('\n')) }, opts);

  it('reads the sub-tests in file order, SV_KURSPLAN 2 as Sva', () => {
    expect(SCB_TEST3_COLUMNS).toHaveLength(35);
    expect(t.maSubtests).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'G1', 'G2']);
    expect(t.svSubtests).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(t.records[1]).toMatchObject({ swedish: 'Sva', ma: [1, 0, 1, 1, 1, 1, 1, 'blank', 'blank'] });
    expect(t.problems).toEqual([]);
  });

  it('took every sub-test and passed every sub-test, over the pupils with an entry in the subject', () => {
    const [fm, fs] = subtest3Figures(t, 1);
    // Ma: 4 pupils (p4 has none); took all: p0, p1 → 2/4; passed all: p0 → 1/4; 99: p2; 88: p3.
    expect(fm).toEqual({ subject: 'Ma', subtests: ['A', 'B', 'C', 'D', 'E', 'F', 'G'], pupils: 4, tookAll: 2, passedAll: 1, tookAllShare: 0.5, passedAllShare: 0.25, notTaken: 1, lost: 1 });
    // Sv: 5 pupils; took all: all but p4 (99) → 4/5; passed all: p0, p1, p2 → 3/5 (p3 has H 0).
    expect(fs).toMatchObject({ subject: 'Sv', pupils: 5, tookAll: 4, passedAll: 3, tookAllShare: 0.8, passedAllShare: 0.6, notTaken: 1 });
  });

  it('suppresses both shares below the threshold; an invalid cell is a problem with its address', () => {
    expect(subtest3Figures(t, 5)[0]).toMatchObject({ pupils: 4, tookAllShare: '..', passedAllShare: '..' });
    const bad = readTest3Table({ sheet: 'np3', values: [['PersonNr', 'MA_A_PR', 'MA_B_PR'], [P[0], '1', '2']] }, opts);
    expect(bad.problems.map((p) => `${p.code}@${p.cell}`)).toEqual(["table.test3.invalid@'np3'!C2"]); // NP3 is a cell address: the sheet name is quoted
  });
});

describe('grades --json with an åk 6 test file', () => {
  it('carries the test file\'s own results beside the comparison with the grades', async () => {
    const { analyseGrades } = await import('./analyse');
    const { gradesJson, gradesJsonText } = await import('./json');
    const { DEFAULT_SETTINGS } = await import('../types');
    const { pupil, table } = await import('./fixtures/pupils');
    const t6 = readTestTable({ sheet: 'np6', values: parseDelimited([
      line(SCB_TEST6_COLUMNS, P[0], { MA_PROVB: 'C' }),
      line(SCB_TEST6_COLUMNS, P[1], { MA_PROVB: '99' }),
    ].join('\n')) }, opts);
    const grades = table([pupil({ Ma: 'B' }, { id: P[0], personnummer: P[0], className: '6A' }), pupil({ Ma: 'E' }, { id: P[1], personnummer: P[1], className: '6A' })]);
    const a = analyseGrades(grades, { ...DEFAULT_SETTINGS, suppressionThreshold: 1 }, t6);
    const j = gradesJson(a);
    // Ma: one provbetyg C (pass) → 1/1; one 99 apart. The comparison: final B above test C → higher 1/1.
    expect(j.testResults?.find((x) => x.subject === 'Ma')).toMatchObject({ graded: 1, passShare: 1, notTaken: 1 });
    expect(j.tests?.find((x) => x.subject === 'Ma')).toMatchObject({ n: 1, higherShare: 1 });
    expect(gradesJsonText(a)).toBe(JSON.stringify(j));
  });
});
