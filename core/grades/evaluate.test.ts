import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, PROGRAM_CODES } from '../types';
import { allSubjectsPassed, createEvaluator, evaluatePupil } from './evaluate';
import { EXAMPLE_1, pupil, uniformSpec } from './fixtures/pupils';

describe('evaluatePupil', () => {
  it('§11.1 in one record: meritvärde 245/245, 16 passes, NA/TE miss Fy', () => {
    const e = evaluatePupil(pupil(EXAMPLE_1), DEFAULT_SETTINGS);
    expect([e.meritValue16, e.meritValue17, e.passed]).toEqual([245, 245, 16]);
    expect(PROGRAM_CODES.filter((c) => !e.eligibility[c].eligible)).toEqual(['NA', 'TE']);
    expect(e.eligibility.NA.missing).toEqual(['Fy']);
    expect(e.allSubjectsPassed).toBe(false); // Fy F
    expect([e.nearEligible, e.shortOfYrk]).toEqual([false, 0]);
  });

  it('§11.4: 7 passes → near eligible, 1 short; with Mu E eligible, meritvärde 80', () => {
    const spec = { Sv: 'E', En: 'E', Ma: 'E', Bi: 'E', Ke: 'E', Idh: 'E', Bl: 'E', Fy: 'F', Tk: 'F', Ge: 'F', Hi: 'F', Re: 'F', Sh: 'F', Hkk: 'F', Mu: 'F', Sl: 'F' };
    const seven = evaluatePupil(pupil(spec), DEFAULT_SETTINGS);
    expect([seven.passed, seven.nearEligible, seven.shortOfYrk]).toEqual([7, true, 1]);
    const eight = evaluatePupil(pupil({ ...spec, Mu: 'E' }), DEFAULT_SETTINGS);
    expect([eight.eligibility.YRK.eligible, eight.meritValue17, eight.nearEligible]).toEqual([true, 80, false]); // 8 × 10
  });

  it('near eligibility: at most 2 passes short of YRK [D]', () => {
    // 6 passes: 8 − 6 = 2 → near. 5 passes: 3 short → not near.
    const six = evaluatePupil(pupil({ Sv: 'E', En: 'E', Ma: 'E', Bi: 'E', Ke: 'E', Idh: 'E', Bl: 'F' }), DEFAULT_SETTINGS);
    expect([six.nearEligible, six.shortOfYrk]).toEqual([true, 2]);
    const five = evaluatePupil(pupil({ Sv: 'E', En: 'E', Ma: 'E', Bi: 'E', Ke: 'E' }), DEFAULT_SETTINGS);
    expect([five.nearEligible, five.shortOfYrk]).toEqual([false, 3]);
    // 13 passes but Sv, En, Ma F: 3 named subjects short → not near.
    const core = evaluatePupil(pupil({ ...uniformSpec('E'), Sv: 'F', En: 'F', Ma: 'F' }), DEFAULT_SETTINGS);
    expect([core.nearEligible, core.shortOfYrk]).toEqual([false, 3]);
  });

  it('reads the scale from the settings: an old-scale pupil', () => {
    const spec = Object.fromEntries(Object.keys(uniformSpec('G')).map((s) => [s, 'VG']));
    const e = evaluatePupil(pupil(spec), { ...DEFAULT_SETTINGS, scale: 'old' });
    expect([e.meritValue17, e.passed, e.eligibility.NA.eligible]).toEqual([240, 16, true]); // 16 × 15
  });

  it('createEvaluator gives the same answers as evaluatePupil, pupil after pupil', () => {
    const ev = createEvaluator(DEFAULT_SETTINGS);
    const specs = [EXAMPLE_1, uniformSpec('F'), { ...EXAMPLE_1, Fy: 'E' }, uniformSpec('D')];
    for (const s of specs) {
      const a = ev(pupil(s));
      const b = evaluatePupil(pupil(s), DEFAULT_SETTINGS);
      expect({ ...a, eligibility: { ...a.eligibility } }).toEqual({ ...b, eligibility: { ...b.eligibility } });
    }
  });
});

describe('allSubjectsPassed (domain §5)', () => {
  it('fails on F, streck or code 3 in a compulsory subject; passes with code 2', () => {
    expect(allSubjectsPassed(pupil({ Sv: 'C', Sva: '2', En: 'E' }))).toBe(true);
    expect(allSubjectsPassed(pupil({ Sv: 'C', En: 'F' }))).toBe(false);
    expect(allSubjectsPassed(pupil({ Sv: 'C', En: '-' }))).toBe(false);
    expect(allSubjectsPassed(pupil({ Sv: 'C', Hkk: '3' }))).toBe(false);
    expect(allSubjectsPassed(pupil({ Sv: 'C', 'M2 SPA': '3' }))).toBe(true); // not compulsory
    expect(allSubjectsPassed(pupil({ Sv: 'C', 'M2 SPA': 'F' }))).toBe(false); // F in any subject
    expect(allSubjectsPassed(pupil({ Sv: 'C', En: '' }))).toBe(true); // a blank is a listed problem, not a fail
    expect(allSubjectsPassed(pupil({}))).toBe(false); // no grade at all
  });
});
