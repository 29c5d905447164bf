import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type GradeTable } from '../types';
import { pupil, table } from '../grades/fixtures/pupils';
import { CELL_NONE, followCohort } from './cohort';
import { cohortJson, validateCohortJson } from './cohort-json';

// Five pupils over åk 6, 7, 8, 9 (only Ma and En graded):
//   a in all four: Ma C C B A, En E F E E
//   b in all four: Ma E E D F, En C C C C
//   c in åk 6 and 7 only (moves away): Ma D C, En D D
//   d joins in åk 8: Ma C C, En B B
//   e in åk 6, 8, 9 (absent in 7): Ma B B C, En A A A
const G: Record<string, [string, string][]> = {
  a: [['C', 'E'], ['C', 'F'], ['B', 'E'], ['A', 'E']],
  b: [['E', 'C'], ['E', 'C'], ['D', 'C'], ['F', 'C']],
  c: [['D', 'D'], ['C', 'D'], ['', ''], ['', '']],
  d: [['', ''], ['', ''], ['C', 'B'], ['C', 'B']],
  e: [['B', 'A'], ['', ''], ['B', 'A'], ['C', 'A']],
};
const IN: Record<string, number[]> = { a: [0, 1, 2, 3], b: [0, 1, 2, 3], c: [0, 1], d: [2, 3], e: [0, 2, 3] };

function term(k: number): GradeTable {
  const ps = Object.keys(G).filter((id) => IN[id].includes(k)).map((id, i) => pupil({ Ma: G[id][k][0], En: G[id][k][1] }, { id, row: i + 2, className: `${6 + k}A` }));
  return table(ps, { sheet: `åk ${6 + k}` });
}
const inputs = [0, 1, 2, 3].map((k) => ({ label: `åk ${6 + k}`, table: term(k) }));
const S1 = { ...DEFAULT_SETTINGS, suppressionThreshold: 1 };

describe('followCohort over four files (issue 15)', () => {
  const c = followCohort(inputs, S1);

  it('match rate per step and over all files', () => {
    // 6→7: {a,b,c,e} → {a,b,c}: 3 matched, 0 new, 1 left, 3/4. 7→8: {a,b,c} → {a,b,d,e}: 2, 2 new, 1 left, 2/3.
    // 8→9: {a,b,d,e} both: 4, rate 1. In all four: a, b → 2 of the first file's 4 = 0.5; 5 distinct pupils.
    expect(c.steps.map((s) => [s.matched, s.new, s.left, s.matchRate])).toEqual([[3, 0, 1, 0.75], [2, 2, 1, 2 / 3], [4, 0, 0, 1]]);
    expect([c.pupils, c.inAll, c.matchRate]).toEqual([5, 2, 0.5]);
    expect(c.terms.map((t) => [t.yearGroup, t.gradeKind])).toEqual([[6, 'terminsbetyg'], [7, 'terminsbetyg'], [8, 'terminsbetyg'], [9, 'slutbetyg']]);
  });

  it('per subject raised / unchanged / lowered and the mean change in grade steps', () => {
    // 6→7 Ma: a C→C 0, b E→E 0, c D→C +1 → raised 1/3, unchanged 2/3, mean (0 + 0 + 1) / 3.
    // 6→7 En: a E→F −1, b C→C, c D→D → lowered 1/3, mean −1/3.
    const s67 = Object.fromEntries(c.steps[0].subjects.map((s) => [s.subject, s]));
    expect([s67.Ma.compared, s67.Ma.raisedShare, s67.Ma.unchangedShare, s67.Ma.loweredShare, s67.Ma.meanStepChange]).toEqual([3, 1 / 3, 2 / 3, 0, 1 / 3]);
    expect([s67.En.loweredShare, s67.En.meanStepChange]).toEqual([1 / 3, -1 / 3]);
    // First → last (åk 6 → åk 9), pupils in both: a, b, e. Ma: a C→A +2, b E→F −1, e B→C −1 → raised 1/3,
    // lowered 2/3, mean (2 − 1 − 1) / 3 = 0. En: E→E, C→C, A→A → unchanged 1, mean 0.
    const all = Object.fromEntries(c.overall.map((s) => [s.subject, s]));
    expect([all.Ma.compared, all.Ma.raisedShare, all.Ma.loweredShare, all.Ma.meanStepChange]).toEqual([3, 1 / 3, 2 / 3, 0]);
    expect([all.En.unchangedShare, all.En.meanStepChange]).toEqual([1, 0]);
  });

  it('each share is suppressed on its own number of pupils compared', () => {
    // Threshold 3: 7→8 Ma compares a and b only (2 < 3) → '..'; 6→7 compares 3 → shown.
    const d = followCohort(inputs, { ...DEFAULT_SETTINGS, suppressionThreshold: 3 });
    const ma = (k: number) => d.steps[k].subjects.find((s) => s.subject === 'Ma')!;
    expect([ma(1).compared, ma(1).raisedShare, ma(1).meanStepChange]).toEqual([2, '..', '..']);
    expect(ma(0).raisedShare).toBe(1 / 3);
    expect(d.steps[1].matched).toBe(2); // pupil counts are shown, as in compareTerms
  });

  it('per pupil a trajectory: passes and passes short of yrkesprogram per file, drops to F, moving away', () => {
    // Two passes (Ma, En) and no Sv: short of YRK = max(1 named missing, 8 − 2) = 6; one pass → max(2, 7) = 7.
    // a: En E→F (åk 6→7): drops En, short 6→7 moving away. b: Ma D→F (åk 8→9): drops Ma, moving away.
    // Sorted by the latest class, then id: c (7A) first, then a, b, d, e (9A).
    const byId = Object.fromEntries(c.trajectories.map((p) => [p.id, p]));
    expect(c.trajectories.map((p) => p.id)).toEqual(['c', 'a', 'b', 'd', 'e']);
    expect(byId.a).toMatchObject({ passed: [2, 1, 2, 2], shortOfYrk: [6, 7, 6, 6], dropsToF: ['En'], movingAway: true });
    expect(byId.b).toMatchObject({ passed: [2, 2, 2, 1], dropsToF: ['Ma'], movingAway: true });
    expect(byId.c).toMatchObject({ passed: [2, 2, null, null], dropsToF: [], movingAway: false });
    expect(byId.e).toMatchObject({ passed: [2, null, 2, 2], movingAway: false });
    // The grid holds each file's grades side by side: a's Ma in åk 9 is A (rank 5); c has nothing in åk 9.
    const S = c.subjectOrder.length;
    const ma = c.subjectOrder.indexOf('Ma');
    expect(c.grid[(1 * 4 + 3) * S + ma]).toBe(5);
    expect(c.grid[(0 * 4 + 3) * S + ma]).toBe(CELL_NONE);
  });

  it('two files are the simple case; the JSON validates', () => {
    const two = followCohort([inputs[0], inputs[3]], S1);
    expect([two.steps.length, two.steps[0].matched, two.inAll]).toEqual([1, 3, 3]);
    expect(two.overall).toEqual(two.steps[0].subjects);
    const j = cohortJson(c);
    expect(validateCohortJson(j)).toEqual([]);
    expect(validateCohortJson(JSON.parse(JSON.stringify(j)))).toEqual([]);
    expect(j.steps[1].matchRate).toBe(0.6667);
  });
});

describe('followCohort: duplicates and rows without id', () => {
  it('a pupil twice in one file counts once (warning); a row without id is an error and left out', () => {
    const t1 = table([pupil({ Ma: 'C' }, { id: 'a', row: 2 }), pupil({ Ma: 'B' }, { id: 'a', row: 3 }), pupil({ Ma: 'E' }, { id: ' ', row: 4 })], { sheet: 'T1' });
    const t2 = table([pupil({ Ma: 'A' }, { id: 'a', row: 2 })], { sheet: 'T2' });
    const c = followCohort([{ label: '1', table: t1 }, { label: '2', read: () => t2 }], S1, { idColumn: 'id' });
    expect(c.terms.map((x) => x.pupils)).toEqual([1, 1]);
    expect(c.problems.map((p) => `${p.code}@${p.cell}`)).toEqual(["progression.cohort.duplicate@'T1'!A3", "progression.noId@'T1'!A4"]); // T1 is a cell address: quoted
    // The first row is kept: Ma C → A, +2 steps.
    expect(c.overall[0]).toMatchObject({ subject: 'Ma', compared: 1, raised: 1, meanStepChange: 2 });
  });
});
