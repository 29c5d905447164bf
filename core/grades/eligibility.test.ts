import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROGRAM_CODES, type ProgramCode, type SubjectGrade } from '../types';
import { evaluateAllTargets, evaluateEligibility, summarizePasses, type EligibilityCache } from './eligibility';
import { EXAMPLE_1, grades, pupil, uniformSpec } from './fixtures/pupils';
import { ruleSet } from './rulesets';

const gy11 = ruleSet('gy11');
const all = (spec: Record<string, string>, extra = {}) =>
  Object.fromEntries(PROGRAM_CODES.map((c) => [c, evaluateEligibility(pupil(spec, extra), c, gy11)])) as Record<ProgramCode, ReturnType<typeof evaluateEligibility>>;

/** Sv, En, Ma passed + the given other subjects passed; every other compulsory subject F. */
function withPasses(others: string[], core: Record<string, string> = { Sv: 'E', En: 'E', Ma: 'E' }): Record<string, string> {
  const spec = { ...uniformSpec('F'), ...core };
  for (const s of others) spec[s] = 'E';
  return spec;
}

describe('behörighet (domain §3, worked examples §11)', () => {
  it('§11.1: eligible for YRK, ES, EK, HU, SA, PRIV; not NA, TE — missing Fy', () => {
    const r = all(EXAMPLE_1);
    for (const c of ['YRK', 'ES', 'EK', 'HU', 'SA', 'PRIV'] as const) expect([c, r[c].eligible]).toEqual([c, true]);
    // 16 passes (all but Fy, M2 counted) ≥ 12, but Fy is a named subject: 1 more pass.
    for (const c of ['NA', 'TE'] as const) expect(r[c]).toEqual({ eligible: false, missingCore: [], missingRequired: ['Fy'], morePassesNeeded: 1, missing: ['Fy'] });
    expect(summarizePasses(grades(EXAMPLE_1)).count).toBe(16);
  });

  it('§11.2: with Fy E eligible for every target', () => {
    const r = all({ ...EXAMPLE_1, Fy: 'E' });
    expect(PROGRAM_CODES.filter((c) => !r[c].eligible)).toEqual([]);
  });

  it('§11.4: 7 passes (4 other) is not YRK, PRIV yes; adding Mu E makes 8 → YRK', () => {
    const seven = withPasses(['Bi', 'Ke', 'Idh', 'Bl']);
    const r = all(seven);
    expect(r.YRK).toEqual({ eligible: false, missingCore: [], missingRequired: [], morePassesNeeded: 1, missing: [] }); // 8 − 7 = 1
    expect(r.PRIV.eligible).toBe(true); // Sv + En + Ma + 3 other (or Sv + En + 4 other)
    expect(all({ ...seven, Mu: 'E' }).YRK.eligible).toBe(true);
  });

  it('11 vs 12 passes for ES, EK, HU, SA', () => {
    // Sv En Ma + Ge Hi Re Sh + Bi Bl Idh Mu = 11 passes; every named subject of EK passed.
    const eleven = withPasses(['Ge', 'Hi', 'Re', 'Sh', 'Bi', 'Bl', 'Idh', 'Mu']);
    const r11 = all(eleven);
    for (const c of ['ES', 'EK', 'HU', 'SA'] as const) expect(r11[c]).toMatchObject({ eligible: false, missing: [], morePassesNeeded: 1 }); // 12 − 11
    const r12 = all({ ...eleven, Tk: 'E' });
    for (const c of ['ES', 'EK', 'HU', 'SA'] as const) expect(r12[c].eligible).toBe(true);
  });

  it('11 vs 12 passes for NA, TE', () => {
    // Sv En Ma + Bi Fy Ke + Bl Idh Mu Sl Tk = 11; Bi/Fy/Ke all passed.
    const eleven = withPasses(['Bi', 'Fy', 'Ke', 'Bl', 'Idh', 'Mu', 'Sl', 'Tk']);
    expect(all(eleven).NA).toMatchObject({ eligible: false, missing: [], morePassesNeeded: 1 });
    expect(all({ ...eleven, Ge: 'E' }).TE.eligible).toBe(true);
  });

  it('one required subject missing blocks NA/TE even with 15 passes', () => {
    // 15 passes, Ke F: NA needs Ke → 1 more; YRK, ES and EK fine.
    const r = all({ ...uniformSpec('C'), Ke: 'F' });
    for (const c of ['NA', 'TE'] as const) expect(r[c]).toEqual({ eligible: false, missingCore: [], missingRequired: ['Ke'], morePassesNeeded: 1, missing: ['Ke'] });
    expect([r.YRK.eligible, r.ES.eligible, r.EK.eligible]).toEqual([true, true, true]);
  });

  it('one required subject missing blocks EK/HU/SA even with 15 passes', () => {
    const r = all({ ...uniformSpec('C'), Re: 'F' });
    for (const c of ['EK', 'HU', 'SA'] as const) expect(r[c]).toEqual({ eligible: false, missingCore: [], missingRequired: ['Re'], morePassesNeeded: 1, missing: ['Re'] });
    expect(r.NA.eligible).toBe(true);
  });

  it('named gaps and the total close together: NA with Fy, Ke missing and 11 passes needs 2, not 3', () => {
    // Sv En Ma Ge Hi Re Sh Bi Bl Idh Mu = 11; Fy, Ke F: 2 named missing, 12 − 11 = 1 → max(2, 1) = 2.
    const r = all(withPasses(['Ge', 'Hi', 'Re', 'Sh', 'Bi', 'Bl', 'Idh', 'Mu']));
    expect(r.NA).toMatchObject({ eligible: false, missing: ['Fy', 'Ke'], morePassesNeeded: 2 });
  });

  it('core subjects failed are reported as core, Swedish first', () => {
    // Only Bi..Sl passed (13 other), Sv, En, Ma F: YRK misses all three core subjects; total is fine.
    const r = all({ ...uniformSpec('E'), Sv: 'F', En: 'F', Ma: 'F' });
    expect(r.YRK).toEqual({ eligible: false, missingCore: ['Sv', 'En', 'Ma'], missingRequired: [], morePassesNeeded: 3, missing: ['Sv', 'En', 'Ma'] });
  });

  it('§11.5: Sva meets the Swedish requirement; Sv `2` is not missing; a failed Sva is named Sva', () => {
    const spec = { ...EXAMPLE_1, Sv: '2', Sva: 'C' };
    expect(all(spec).YRK.eligible).toBe(true);
    expect(summarizePasses(grades(spec)).count).toBe(16); // Sva in the place of Sv
    expect(all({ ...spec, Sva: 'F' }).YRK.missingCore).toEqual(['Sva']);
  });

  it('Sv and Sva both passed count once', () => {
    // Sv, Sva, En, Ma + 4 other = 7 distinct subjects (Sv/Sva one place) → not YRK.
    const r = all({ Sv: 'E', Sva: 'E', En: 'E', Ma: 'E', Bi: 'E', Ke: 'E', Bl: 'E', Mu: 'E' });
    expect(r.YRK.morePassesNeeded).toBe(1);
  });

  it('§11.6: streck in Ma blocks every national programme (missing Ma); PRIV yes', () => {
    const r = all({ ...uniformSpec('E'), Ma: '-' });
    for (const c of ['YRK', 'ES', 'EK', 'HU', 'SA', 'NA', 'TE'] as const) expect(r[c]).toMatchObject({ eligible: false, missingCore: ['Ma'], missing: ['Ma'] });
    expect(r.PRIV.eligible).toBe(true); // Sv + En + ≥ 4 other
  });

  it('PRIV: Sv + (En or Ma) + 4 other, or Sv + En + Ma + 3 other', () => {
    // Sv, Ma + 4 other = 6 passes, En F → alternative 1.
    expect(all({ Sv: 'E', Ma: 'E', Bi: 'E', Ke: 'E', Bl: 'E', Mu: 'E', En: 'F' }).PRIV.eligible).toBe(true);
    // Sv, En, Ma + 3 other = 6 → alternative 2 (alternative 1 is also met: En + 4 other incl. Ma).
    expect(all({ Sv: 'E', En: 'E', Ma: 'E', Bi: 'E', Ke: 'E', Bl: 'E' }).PRIV.eligible).toBe(true);
    // Sv + 4 other, neither En nor Ma: one of them missing → 1 more, reported as a one-of group.
    expect(all({ Sv: 'E', Bi: 'E', Ke: 'E', Bl: 'E', Mu: 'E', En: 'F', Ma: 'F' }).PRIV).toEqual({
      eligible: false, missingCore: [], missingRequired: [], morePassesNeeded: 1, missing: [], missingOneOf: [['En', 'Ma']],
    });
    // Sv + En + 3 other = 5 passes: one more of anything (alternative 1 total 6).
    expect(all({ Sv: 'E', En: 'E', Bi: 'E', Ke: 'E', Bl: 'E' }).PRIV.morePassesNeeded).toBe(1);
    // No Swedish: Sv is missing whatever else is passed.
    expect(all({ ...uniformSpec('E'), Sv: 'F' }).PRIV).toMatchObject({ eligible: false, missingCore: ['Sv'], morePassesNeeded: 1 });
  });

  it('English exemption: only from the flag; waives the En place for national programmes', () => {
    // Sv, Ma + 5 other = 7 passes, En F.
    const spec = { Sv: 'E', Ma: 'E', Bi: 'E', Ke: 'E', Bl: 'E', Mu: 'E', Idh: 'E', En: 'F' };
    expect(all(spec).YRK).toMatchObject({ eligible: false, missingCore: ['En'], morePassesNeeded: 1 }); // no flag, never inferred
    expect(all(spec, { englishExemption: false }).YRK.eligible).toBe(false);
    // With dispens: Sv + Ma + 5 other satisfy YRK ("övriga behörighetskrav").
    expect(all(spec, { englishExemption: true }).YRK.eligible).toBe(true);
    // Still 5 other needed: with only 4 other, one more pass.
    expect(all({ ...spec, Idh: 'F' }, { englishExemption: true }).YRK).toMatchObject({ eligible: false, missingCore: [], morePassesNeeded: 1 });
    // A pupil who passed En anyway gets no extra place: Sv En Ma + 4 other = 7 → still 1 short.
    expect(all({ ...spec, En: 'E', Idh: 'F' }, { englishExemption: true }).YRK.morePassesNeeded).toBe(1);
    // NA with dispens: Sv Ma + Bi Fy Ke + 6 other = 11 passes, En F → eligible.
    expect(all({ ...uniformSpec('E'), En: 'F', Hkk: 'F', Sl: 'F', Tk: 'F', Mu: 'F' }, { englishExemption: true }).NA.eligible).toBe(true);
  });

  it('English exemption does not apply to PRIV (introduktionsprogram)', () => {
    // Sv + 4 other, En F, Ma F: PRIV needs En or Ma even with the flag.
    const r = all({ Sv: 'E', Bi: 'E', Ke: 'E', Bl: 'E', Mu: 'E', En: 'F', Ma: 'F' }, { englishExemption: true });
    expect(r.PRIV).toMatchObject({ eligible: false, missingOneOf: [['En', 'Ma']] });
  });

  it('M1, M2, ML and Tn count as other subjects, each language once', () => {
    // Sv En Ma + Bi + M1 DEU + M2 SPA + ML ARA + Tn = 8 → YRK.
    const spec = { Sv: 'E', En: 'E', Ma: 'E', Bi: 'E', 'M1 DEU': 'E', 'M2 SPA': 'E', 'ML ARA': 'E', Tn: 'E' };
    expect(summarizePasses(grades(spec)).count).toBe(8);
    expect(all(spec).YRK.eligible).toBe(true);
    // The same language twice counts once; two languages of M2 count twice.
    const twice: SubjectGrade[] = [...grades({ Sv: 'E' }), { subject: 'M2', language: 'SPA', entry: { kind: 'grade', mark: 'E' } }, { subject: 'M2', language: 'SPA', entry: { kind: 'grade', mark: 'C' } }];
    expect(summarizePasses(twice).count).toBe(2);
    expect(summarizePasses([...twice, { subject: 'M2', language: 'FRA', entry: { kind: 'grade', mark: 'E' } }]).count).toBe(3);
  });

  it('shared results: a cache gives pupils with the same passes the same read-only object', () => {
    const cache: EligibilityCache = new Map();
    const a = evaluateAllTargets(summarizePasses(grades(EXAMPLE_1)), gy11, cache);
    const b = evaluateAllTargets(summarizePasses(grades({ ...EXAMPLE_1, Bl: 'C' })), gy11, cache);
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    // A different named subject changes the key.
    expect(evaluateAllTargets(summarizePasses(grades({ ...EXAMPLE_1, Fy: 'E' })), gy11, cache)).not.toBe(a);
  });

  it('old scale: G passes, IG does not', () => {
    const spec = Object.fromEntries(Object.entries(uniformSpec('G')).map(([k, v]) => [k, k === 'Fy' ? 'IG' : v]));
    const p = pupil(spec);
    expect(evaluateEligibility(p, 'YRK', gy11, 'old').eligible).toBe(true);
    expect(evaluateEligibility(p, 'NA', gy11, 'old').missing).toEqual(['Fy']);
    // The same sheet read as A–F has no passes at all.
    expect(evaluateEligibility(p, 'YRK', gy11, 'AF').missingCore).toEqual(['Sv', 'En', 'Ma']);
  });
});

describe('eligibility properties (fast-check)', () => {
  const marks = fc.constantFrom('A', 'C', 'E', 'F', '-', '3');
  const arbSpec = fc.record(Object.fromEntries([...Object.keys(uniformSpec('E')), 'M2 SPA', 'ML ARA'].map((s) => [s, marks]))) as fc.Arbitrary<Record<string, string>>;

  it('stricter targets imply the looser: NA/TE/EK ⇒ ES ⇒ YRK ⇒ PRIV', () => {
    fc.assert(fc.property(arbSpec, fc.boolean(), (spec, ex) => {
      const r = all(spec, { englishExemption: ex });
      for (const c of ['NA', 'TE', 'EK', 'HU', 'SA'] as const) if (r[c].eligible) expect(r.ES.eligible).toBe(true);
      if (r.ES.eligible) expect(r.YRK.eligible).toBe(true);
      // With dispens YRK means Sv, Ma + 5 other, which meets PRIV's Sv + (En or Ma) + 4 other.
      if (r.YRK.eligible) expect(r.PRIV.eligible).toBe(true);
    }), { numRuns: 300 });
  });

  it('passing one more subject never loses a target, and never raises what is still needed', () => {
    fc.assert(fc.property(arbSpec, fc.constantFrom(...Object.keys(uniformSpec('E'))), (spec, subject) => {
      const before = all(spec);
      const after = all({ ...spec, [subject]: 'E' });
      for (const c of PROGRAM_CODES) {
        if (before[c].eligible) expect(after[c].eligible).toBe(true);
        expect(after[c].morePassesNeeded).toBeLessThanOrEqual(before[c].morePassesNeeded);
      }
    }), { numRuns: 300 });
  });

  it('the shared cache changes nothing', () => {
    const cache: EligibilityCache = new Map();
    fc.assert(fc.property(arbSpec, fc.boolean(), (spec, ex) => {
      const s = summarizePasses(grades(spec), 'AF', ex);
      expect(evaluateAllTargets(s, gy11, cache)).toEqual(evaluateAllTargets(s, gy11));
    }), { numRuns: 300 });
  });
});
