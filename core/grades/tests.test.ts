import { describe, expect, it } from 'vitest';
import type { TestRecord, TestTable } from '../types';
import { pupil, uniformSpec } from './fixtures/pupils';
import { compareTestsWithGrades, matchTests, testShares } from './tests';

const P = (id: string, spec: Record<string, string>) => pupil(spec, { id, personnummer: id });
const rec = (row: number, id: string, results: TestRecord['results']): TestRecord => ({ row, id, personnummer: id, school: null, results });
const tests = (records: TestRecord[]): TestTable => ({ sheet: 'NP', headerRow: null, records, problems: [] });

describe('compareTestsWithGrades (domain §5)', () => {
  // 11 pupils graded Ma C: tests B, B (final lower) · C × 5 (same) · D × 3 (final higher) · one code 99.
  const pupils = Array.from({ length: 11 }, (_, i) => P(`p${i}`, uniformSpec('C')));
  const marks = ['B', 'B', 'C', 'C', 'C', 'C', 'C', 'D', 'D', 'D'] as const;
  const table = tests([
    ...marks.map((m, i) => rec(i + 2, `p${i}`, [{ subject: 'Ma', mark: m }])),
    rec(12, 'p10', [{ subject: 'Ma', mark: null, code: '99' }]),
  ]);

  it('counts lower / same / higher over pupils with both an A–F test grade and an A–F final grade', () => {
    expect(compareTestsWithGrades(pupils, table)).toEqual([{ subject: 'Ma', n: 10, lower: 2, same: 5, higher: 3 }]);
  });

  it('shares 2/10, 5/10, 3/10, suppressed on n', () => {
    const c = compareTestsWithGrades(pupils, table)[0];
    expect(testShares(c, 10)).toMatchObject({ lowerShare: 0.2, sameShare: 0.5, higherShare: 0.3 });
    expect(testShares(c, 11)).toMatchObject({ lowerShare: '..', sameShare: '..', higherShare: '..' });
  });

  it('streck, code 3 or a missing final grade leave the pupil out; codes 99/88/77 are no test grades', () => {
    const ps = [P('a', { Ma: '-' }), P('b', { Ma: '3' }), P('c', { En: 'C' }), P('d', { Ma: 'E', En: 'A' })];
    const t = tests([
      rec(2, 'a', [{ subject: 'Ma', mark: 'E' }]),
      rec(3, 'b', [{ subject: 'Ma', mark: 'E' }]),
      rec(4, 'c', [{ subject: 'Ma', mark: 'E' }, { subject: 'En', mark: null, code: '88' }]),
      rec(5, 'd', [{ subject: 'Ma', mark: 'F' }, { subject: 'En', mark: null, code: '77' }]),
    ]);
    // Only d's Ma counts: final E (1) above test F (0) → higher.
    expect(compareTestsWithGrades(ps, t)).toEqual([{ subject: 'Ma', n: 1, lower: 0, same: 0, higher: 1 }]);
  });

  it('joins on the normalised personnummer, else the id; subjects in report order', () => {
    const ps = [pupil({ Sv: 'A', En: 'B' }, { id: '200501012384', personnummer: '200501012384' }), pupil({ En: 'E' }, { id: 'X7', personnummer: null })];
    const t = tests([
      { row: 2, id: '050101-2384', personnummer: '200501012384', school: null, results: [{ subject: 'En', mark: 'C' }, { subject: 'Sv', mark: 'A' }] },
      { row: 3, id: ' X7 ', personnummer: null, results: [{ subject: 'En', mark: 'E' }], school: null },
    ]);
    expect(compareTestsWithGrades(ps, t)).toEqual([
      { subject: 'Sv', n: 1, lower: 0, same: 1, higher: 0 },
      { subject: 'En', n: 2, lower: 0, same: 1, higher: 1 }, // B over C: higher; E = E
    ]);
  });
});

describe('matchTests', () => {
  it('counts matched and unmatched test records and pupils without a test', () => {
    const ps = [P('a', {}), P('b', {}), P('c', {})];
    const m = matchTests(ps, tests([rec(2, 'a', []), rec(3, 'zz', []), rec(4, 'b', [])]));
    expect(m).toEqual({ matched: 2, unmatched: 1, unmatchedRows: [3], pupilsWithoutTest: 1 });
  });
});
