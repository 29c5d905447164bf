import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type PupilRecord } from '../types';
import { evaluatePupil } from '../grades/evaluate';
import { EXAMPLE_1, pupil, uniformSpec } from '../grades/fixtures/pupils';
import { accumulate, eligibleMask, groupFigures, groupIndicators, newGroupAccumulator, subjectIndicators } from './indicators';

const ev = (p: PupilRecord) => evaluatePupil(p, DEFAULT_SETTINGS);
const ALL = { by: 'all' as const, key: 'all', label: 'Totalt' };

describe('groupIndicators (domain §5)', () => {
  // §11.7: meritvärde 17 of 245 (example 1), 0 (only F and streck) and 200 (all D: 16 × 12.5).
  const three = [ev(pupil(EXAMPLE_1)), ev(pupil({ ...uniformSpec('F'), Sv: '-' })), ev(pupil(uniformSpec('D')))];

  it('§11.7: mean meritvärde over pupils with a pass, eligibility over all 3', () => {
    expect(three.map((x) => x.meritValue17)).toEqual([245, 0, 200]);
    const g = groupIndicators(three, ALL, 1);
    expect(g.meanMeritValue17).toBe(222.5); // (245 + 200) / 2
    expect(g.meanMeritValue16).toBe(222.5); // (245 + 200) / 2: both 16-values equal the 17-values here
    expect(g.withPass).toBe(2);
    expect(g.eligibleShare.YRK).toBeCloseTo(2 / 3, 10); // 2 eligible of all 3
    expect(g.eligibleShare.NA).toBeCloseTo(1 / 3, 10); // example 1 lacks Fy
    expect(g.allSubjectsPassedShare).toBeCloseTo(1 / 3, 10); // only the all-D pupil
  });

  it('the same three under threshold 10: every figure `..`; an empty group `.`', () => {
    const g = groupIndicators(three, ALL, 10);
    expect([g.meanMeritValue17, g.eligibleShare.YRK, g.allSubjectsPassedShare]).toEqual(['..', '..', '..']);
    expect(g.pupils).toBe(3); // the count itself is shown
    const none = groupIndicators([], ALL, 10);
    expect([none.meanMeritValue17, none.eligibleShare.YRK]).toEqual(['.', '.']);
  });

  it('mean meritvärde has its own denominator: 12 pupils of whom 9 with a pass → `..`, shares shown', () => {
    // 9 pupils all C (240 each), 3 with only F: shares over 12 ≥ 10 shown, mean over 9 < 10 suppressed.
    const evals = [...Array.from({ length: 9 }, () => ev(pupil(uniformSpec('C')))), ...Array.from({ length: 3 }, () => ev(pupil(uniformSpec('F'))))];
    const g = groupIndicators(evals, ALL, 10);
    expect(g.eligibleShare.YRK).toBe(0.75); // 9 / 12
    expect(g.meanMeritValue17).toBe('..');
  });

  it('hidden by complementary suppression: all figures `..`', () => {
    const evals = Array.from({ length: 12 }, () => ev(pupil(uniformSpec('C'))));
    const g = groupIndicators(evals, ALL, 10, true);
    expect([g.eligibleShare.YRK, g.meanMeritValue17, g.hidden]).toEqual(['..', '..', true]);
  });

  it('accumulating pupil by pupil gives the same figures', () => {
    const acc = newGroupAccumulator();
    for (const e of three) accumulate(acc, e);
    expect(groupFigures(acc, ALL, 1)).toEqual(groupIndicators(three, ALL, 1));
    expect(acc.eligible).toEqual([2, 2, 2, 2, 2, 1, 1, 2]); // YRK ES EK HU SA NA TE PRIV
  });
});

describe('subjectIndicators (domain §5)', () => {
  it('§11.6 / streck vs F: 10 pupils in Ma, 6 E, 2 F, 2 streck', () => {
    const specs = Array.from({ length: 10 }, (_, i) => ({ ...uniformSpec('C'), Ma: i < 6 ? 'E' : i < 8 ? 'F' : '-' }));
    const ma = subjectIndicators(specs.map((s) => ev(pupil(s))), 5).find((s) => s.subject === 'Ma')!;
    expect(ma.graded).toBe(8); // 6 E + 2 F; streck is no grade
    expect([ma.counts.E, ma.counts.F, ma.streck]).toEqual([6, 2, 2]);
    expect(ma.shares.E).toBe(0.75); // 6 / 8
    expect(ma.shares.F).toBe(0.25); // 2 / 8
    expect(ma.streckShare).toBe(0.2); // 2 / (8 + 2)
    expect(ma.meanPoints).toBe(7.5); // (6 × 10 + 2 × 0) / 8
    expect(ma.passShare).toBe(0.75);
    // With the default threshold 10, 8 graded pupils are too few: shares `..`, counts kept.
    const ma10 = subjectIndicators(specs.map((s) => ev(pupil(s))), 10).find((s) => s.subject === 'Ma')!;
    expect([ma10.shares.E, ma10.meanPoints, ma10.counts.E]).toEqual(['..', '..', 6]);
  });

  it('code 3 is counted apart and is no grade', () => {
    const specs = Array.from({ length: 10 }, (_, i) => ({ ...uniformSpec('B'), Hkk: i < 2 ? '3' : 'B' }));
    const hkk = subjectIndicators(specs.map((s) => ev(pupil(s))), 5).find((s) => s.subject === 'Hkk')!;
    expect([hkk.graded, hkk.notStudied, hkk.meanPoints]).toEqual([8, 2, 17.5]);
  });

  it('by gender with complementary suppression: 16 F + 9 M → both `..`; 12 F + 12 M shown', () => {
    const mk = (nF: number, nM: number) => [
      ...Array.from({ length: nF }, () => ev(pupil(uniformSpec('A'), { gender: 'F' }))),
      ...Array.from({ length: nM }, () => ev(pupil(uniformSpec('C'), { gender: 'M' }))),
    ];
    const sv = subjectIndicators(mk(16, 9), 10).find((s) => s.subject === 'Sv')!;
    expect(sv.meanPoints).toBeCloseTo((16 * 20 + 9 * 15) / 25, 10); // 455 / 25 = 18.2
    expect([sv.meanPointsGirls, sv.meanPointsBoys, sv.byGender.F.shares.A, sv.byGender.M.graded]).toEqual(['..', '..', '..', 9]);
    const sv2 = subjectIndicators(mk(12, 12), 10).find((s) => s.subject === 'Sv')!;
    expect([sv2.meanPointsGirls, sv2.meanPointsBoys, sv2.byGender.F.shares.A, sv2.byGender.M.shares.C]).toEqual([20, 15, 1, 1]);
  });

  it('old scale: distribution by MVG/VG/G/IG, never by A–F', () => {
    const evals = Array.from({ length: 10 }, (_, i) => evaluatePupil(pupil({ Ma: i < 4 ? 'VG' : 'IG' }), { ...DEFAULT_SETTINGS, scale: 'old' }));
    const ma = subjectIndicators(evals, 10, 'old').find((s) => s.subject === 'Ma')!;
    expect([ma.markCounts.VG, ma.markCounts.IG, ma.markShares.VG, ma.counts.A]).toEqual([4, 6, 0.4, 0]);
    expect(ma.meanPoints).toBe(6); // 4 × 15 / 10
    expect(ma.passShare).toBe(0.4);
  });
});

describe('eligibleMask', () => {
  it('bits in PROGRAM_CODES order: §11.1 misses NA (bit 5) and TE (bit 6)', () => {
    expect(eligibleMask(ev(pupil(EXAMPLE_1)))).toBe(0b10011111); // 255 − 32 − 64 = 159
    expect(eligibleMask(ev(pupil(uniformSpec('F'))))).toBe(0);
  });
});
