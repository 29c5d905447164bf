import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type GradeEntry, type PupilRecord, type SubjectCode, type SubjectGrade } from '../types';
import { evaluatePupil, allSubjectsPassed } from './evaluate';
import { meritValue16, meritValue17 } from './merit';
import { gradePoints, gradeRank, isPass } from './scale';

// Points: A 20, B 17.5, C 15, D 12.5, E 10, F 0 (domain §1).

function entry(v: string): GradeEntry {
  if (v === '-') return { kind: 'streck' };
  if (v === '3') return { kind: 'notStudied' };
  if (v === '2') return { kind: 'notApplicable' };
  if (v === '') return { kind: 'missing' };
  return { kind: 'grade', mark: v as 'A' };
}

function grades(spec: Record<string, string>): SubjectGrade[] {
  return Object.entries(spec).map(([k, v]) => {
    const [subject, language] = k.split(' ') as [SubjectCode, string | undefined];
    return { subject, ...(language ? { language } : {}), entry: entry(v) };
  });
}

function pupil(spec: Record<string, string>, extra: Partial<PupilRecord> = {}): PupilRecord {
  return { row: 2, id: 'x', personnummer: null, className: '9A', school: 'S', gender: null, grades: grades(spec), ...extra };
}

const example1 = {
  Sv: 'C', En: 'B', Ma: 'D', Bi: 'E', Fy: 'F', Ke: 'E', Tk: 'D', Ge: 'C', Hi: 'C', Re: 'D', Sh: 'C', Bl: 'A', Hkk: 'B', Idh: 'A', Mu: 'B', Sl: 'A', 'M2 SPA': 'C',
};

describe('grade scale', () => {
  it('gives points and passes by domain §1', () => {
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((m) => gradePoints(entry(m)))).toEqual([20, 17.5, 15, 12.5, 10, 0]);
    expect(gradePoints({ kind: 'grade', mark: 'VG' }, 'old')).toBe(15);
    expect(gradePoints({ kind: 'grade', mark: 'VG' }, 'AF')).toBe(0); // never mixed silently
    expect(isPass(entry('E'))).toBe(true);
    expect(isPass(entry('F'))).toBe(false);
    expect(isPass(entry('-'))).toBe(false);
    expect(isPass(entry('3'))).toBe(false);
    expect(gradeRank(entry('A'))).toBe(5);
    expect(gradeRank(entry('F'))).toBe(0);
    expect(gradeRank(entry('-'))).toBeNull();
  });
});

describe('meritvärde (domain §4, worked examples §11)', () => {
  it('§11.1: M2 as the 17th vs among the 16 best', () => {
    // Non-M2: 15+17.5+12.5+10+0+10+12.5+15+15+12.5+15+20+17.5+20+17.5+20 = 230.
    const g = grades(example1);
    expect(meritValue17(g)).toBe(245); // 230 + 15 (M2 C)
    expect(meritValue16(g)).toBe(245); // 230 + 15 − 0 (Fy F drops)
  });

  it('§11.2: same pupil with Fy E', () => {
    const g = grades({ ...example1, Fy: 'E' });
    expect(meritValue17(g)).toBe(255); // 240 + 15
    expect(meritValue16(g)).toBe(245); // 255 − 10 (one E drops)
  });

  it('§11.3: modersmål is never the 17th', () => {
    const spec: Record<string, string> = { 'ML ARA': 'A' };
    for (const s of ['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl']) spec[s] = 'D';
    const g = grades(spec);
    expect(meritValue16(g)).toBe(207.5); // 20 + 15 × 12.5
    expect(meritValue17(g)).toBe(207.5); // nothing to add
  });

  it('M1 is never the 17th either; M2 is', () => {
    // 16 × E = 160; M1 A competes among the 16 (replaces an E): 150 + 20 = 170 for both values.
    const base: Record<string, string> = {};
    for (const s of ['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl']) base[s] = 'E';
    expect(meritValue17(grades({ ...base, 'M1 DEU': 'A' }))).toBe(170);
    // The same A as M2: 17th → 160 + 20 = 180; among 16 → 170.
    expect(meritValue17(grades({ ...base, 'M2 DEU': 'A' }))).toBe(180);
    expect(meritValue16(grades({ ...base, 'M2 DEU': 'A' }))).toBe(170);
  });

  it('two M2 grades: the better is the 17th, the other competes among the 16', () => {
    // 16 × E = 160; M2 SPA B (17.5) and M2 FRA A (20): 17th = 20; B replaces an E: 150 + 17.5 + 20 = 187.5.
    const base: Record<string, string> = {};
    for (const s of ['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl']) base[s] = 'E';
    expect(meritValue17(grades({ ...base, 'M2 SPA': 'B', 'M2 FRA': 'A' }))).toBe(187.5);
  });

  it('fewer than 16 grades: sum what there is; F and streck add 0', () => {
    // C 15 + A 20 + F 0 + streck 0 = 35.
    const g = grades({ Sv: 'C', En: 'A', Ma: 'F', Bi: '-' });
    expect(meritValue16(g)).toBe(35);
    expect(meritValue17(g)).toBe(35);
    expect(meritValue17(grades({}))).toBe(0);
  });

  it('Sv and Sva: only the better counts', () => {
    // Sv C 15 and Sva A 20 (should not both occur): 20 + En E 10 = 30.
    expect(meritValue16(grades({ Sv: 'C', Sva: 'A', En: 'E' }))).toBe(30);
    // Sv marked 2 (not applicable), Sva C: 15.
    expect(meritValue16(grades({ Sv: '2', Sva: 'C' }))).toBe(15);
  });

  it('stays within 0–340', () => {
    const all: Record<string, string> = { 'M2 SPA': 'A', 'M1 DEU': 'A', 'ML ARA': 'A', Tn: 'A' };
    for (const s of ['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl']) all[s] = 'A';
    expect(meritValue16(grades(all))).toBe(320); // 16 × 20
    expect(meritValue17(grades(all))).toBe(340); // 16 × 20 + 20
  });
});

describe('behörighet (domain §3, worked examples §11)', () => {
  it('§11.1: eligible for YRK, ES, EK, HU, SA, PRIV; not NA, TE — missing Fy', () => {
    const e = evaluatePupil(pupil(example1), DEFAULT_SETTINGS);
    for (const c of ['YRK', 'ES', 'EK', 'HU', 'SA', 'PRIV'] as const) expect([c, e.eligibility[c].eligible]).toEqual([c, true]);
    for (const c of ['NA', 'TE'] as const) {
      expect(e.eligibility[c]).toMatchObject({ eligible: false, missing: ['Fy'], missingRequired: ['Fy'], morePassesNeeded: 1 });
    }
    // 16 passes: every subject but Fy, with M2 SPA.
    expect(e.passed).toBe(16);
    expect(e.meritValue17).toBe(245);
  });

  it('§11.2: with Fy E eligible for every target', () => {
    const e = evaluatePupil(pupil({ ...example1, Fy: 'E' }), DEFAULT_SETTINGS);
    for (const c of ['YRK', 'ES', 'EK', 'HU', 'SA', 'NA', 'TE', 'PRIV'] as const) expect([c, e.eligibility[c].eligible]).toEqual([c, true]);
  });

  it('§11.4: 7 passes with 4 other is not YRK; the 8th makes it; 80 is the lowest eligible merit', () => {
    const spec: Record<string, string> = { Sv: 'E', En: 'E', Ma: 'E', Bi: 'E', Ke: 'E', Idh: 'E', Bl: 'E', Fy: 'F', Tk: 'F', Ge: 'F', Hi: 'F', Re: 'F', Sh: 'F', Hkk: 'F', Mu: 'F', Sl: 'F' };
    const seven = evaluatePupil(pupil(spec), DEFAULT_SETTINGS);
    expect(seven.passed).toBe(7);
    expect(seven.eligibility.YRK).toMatchObject({ eligible: false, missing: [], morePassesNeeded: 1 });
    expect(seven.eligibility.PRIV.eligible).toBe(true); // Sv + En + Ma + 3 other (or Sv + En + 4 other)
    expect(seven.nearEligible).toBe(true);
    const eight = evaluatePupil(pupil({ ...spec, Mu: 'E' }), DEFAULT_SETTINGS);
    expect(eight.eligibility.YRK.eligible).toBe(true);
    expect(eight.meritValue17).toBe(80); // 8 × 10
  });

  it('11 vs 12 passes for the högskoleförberedande programmes', () => {
    // Sv En Ma Ge Hi Re Sh Bi + Bl Idh Mu = 11 passes; all named subjects of EK passed.
    const eleven: Record<string, string> = { Sv: 'E', En: 'E', Ma: 'E', Ge: 'E', Hi: 'E', Re: 'E', Sh: 'E', Bi: 'E', Bl: 'E', Idh: 'E', Mu: 'E', Fy: 'F', Ke: 'F', Tk: 'F', Hkk: 'F', Sl: 'F' };
    const e11 = evaluatePupil(pupil(eleven), DEFAULT_SETTINGS);
    expect(e11.eligibility.EK).toMatchObject({ eligible: false, missing: [], morePassesNeeded: 1 });
    expect(e11.eligibility.ES).toMatchObject({ eligible: false, morePassesNeeded: 1 });
    // NA needs Fy and Ke too: 2 named missing; 12 − 11 = 1 → 2 needed.
    expect(e11.eligibility.NA).toMatchObject({ eligible: false, missing: ['Fy', 'Ke'], morePassesNeeded: 2 });
    const e12 = evaluatePupil(pupil({ ...eleven, Tk: 'E' }), DEFAULT_SETTINGS);
    expect(e12.eligibility.EK.eligible).toBe(true);
    expect(e12.eligibility.ES.eligible).toBe(true);
    expect(e12.eligibility.NA.eligible).toBe(false);
  });

  it('one SO subject missing blocks EK/HU/SA even with 12+ passes', () => {
    // 15 passes, Re F.
    const spec: Record<string, string> = {};
    for (const s of ['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl']) spec[s] = 'C';
    spec.Re = 'F';
    const e = evaluatePupil(pupil(spec), DEFAULT_SETTINGS);
    for (const c of ['EK', 'HU', 'SA'] as const) expect(e.eligibility[c]).toMatchObject({ eligible: false, missing: ['Re'], morePassesNeeded: 1 });
    expect(e.eligibility.NA.eligible).toBe(true);
  });

  it('§11.5: Sva meets the Swedish requirement; Sv `2` is not missing', () => {
    const spec: Record<string, string> = { ...example1, Sv: '2', Sva: 'C' };
    const e = evaluatePupil(pupil(spec), DEFAULT_SETTINGS);
    expect(e.eligibility.YRK.eligible).toBe(true);
    expect(e.passed).toBe(16);
    const failed = evaluatePupil(pupil({ ...spec, Sva: 'F' }), DEFAULT_SETTINGS);
    expect(failed.eligibility.YRK.missingCore).toEqual(['Sva']);
  });

  it('§11.6: streck in Ma blocks every national programme; PRIV yes; streck is not F', () => {
    const spec: Record<string, string> = {};
    for (const s of ['Sv', 'En', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl']) spec[s] = 'E';
    spec.Ma = '-';
    const e = evaluatePupil(pupil(spec), DEFAULT_SETTINGS);
    for (const c of ['YRK', 'ES', 'EK', 'HU', 'SA', 'NA', 'TE'] as const) expect(e.eligibility[c]).toMatchObject({ eligible: false, missingCore: ['Ma'] });
    expect(e.eligibility.PRIV.eligible).toBe(true);
  });

  it('PRIV: Sv + (En or Ma) + 4 other, or Sv + En + Ma + 3 other', () => {
    // Sv, Ma + 4 other = 6 passes, En F → alternative 1.
    expect(evaluatePupil(pupil({ Sv: 'E', Ma: 'E', Bi: 'E', Ke: 'E', Bl: 'E', Mu: 'E', En: 'F' }), DEFAULT_SETTINGS).eligibility.PRIV.eligible).toBe(true);
    // Sv + 4 other, neither En nor Ma: one of them missing → 1 more (reported as a one-of group).
    const none = evaluatePupil(pupil({ Sv: 'E', Bi: 'E', Ke: 'E', Bl: 'E', Mu: 'E', En: 'F', Ma: 'F' }), DEFAULT_SETTINGS).eligibility.PRIV;
    expect(none).toMatchObject({ eligible: false, morePassesNeeded: 1, missingOneOf: [['En', 'Ma']] });
    // Sv + En + 3 other = 5 passes: needs one more of anything (alt 1 total 6).
    expect(evaluatePupil(pupil({ Sv: 'E', En: 'E', Bi: 'E', Ke: 'E', Bl: 'E' }), DEFAULT_SETTINGS).eligibility.PRIV.morePassesNeeded).toBe(1);
  });

  it('English exemption is an explicit flag, never inferred', () => {
    // Sv, Ma + 5 other = 7 passes, En F: not YRK without the flag (En missing, 1 short).
    const spec: Record<string, string> = { Sv: 'E', Ma: 'E', Bi: 'E', Ke: 'E', Bl: 'E', Mu: 'E', Idh: 'E', En: 'F' };
    expect(evaluatePupil(pupil(spec), DEFAULT_SETTINGS).eligibility.YRK).toMatchObject({ eligible: false, missingCore: ['En'] });
    // With dispens the En requirement and its place go: 7 of 7.
    expect(evaluatePupil(pupil(spec, { englishExemption: true }), DEFAULT_SETTINGS).eligibility.YRK.eligible).toBe(true);
  });

  it('M1, M2, ML and Tn count as other subjects, each language once', () => {
    // Sv En Ma + Bi + M1 DEU + M2 SPA + ML ARA + Tn = 8 → YRK.
    const e = evaluatePupil(pupil({ Sv: 'E', En: 'E', Ma: 'E', Bi: 'E', 'M1 DEU': 'E', 'M2 SPA': 'E', 'ML ARA': 'E', Tn: 'E' }), DEFAULT_SETTINGS);
    expect(e.passed).toBe(8);
    expect(e.eligibility.YRK.eligible).toBe(true);
  });

  it('near eligibility: at most 2 passes short of YRK', () => {
    const six = evaluatePupil(pupil({ Sv: 'E', En: 'E', Ma: 'E', Bi: 'E', Ke: 'E', Idh: 'E', Bl: 'F' }), DEFAULT_SETTINGS);
    expect([six.nearEligible, six.shortOfYrk]).toEqual([true, 2]);
    const five = evaluatePupil(pupil({ Sv: 'E', En: 'E', Ma: 'E', Bi: 'E', Ke: 'E' }), DEFAULT_SETTINGS);
    expect([five.nearEligible, five.shortOfYrk]).toEqual([false, 3]);
    const eligible = evaluatePupil(pupil(example1), DEFAULT_SETTINGS);
    expect([eligible.nearEligible, eligible.shortOfYrk]).toEqual([false, 0]);
  });
});

describe('all subjects passed (domain §5)', () => {
  it('fails on F, streck or code 3 in a compulsory subject; passes with code 2', () => {
    expect(allSubjectsPassed(pupil({ Sv: 'C', Sva: '2', En: 'E' }))).toBe(true);
    expect(allSubjectsPassed(pupil({ Sv: 'C', En: 'F' }))).toBe(false);
    expect(allSubjectsPassed(pupil({ Sv: 'C', En: '-' }))).toBe(false);
    expect(allSubjectsPassed(pupil({ Sv: 'C', Hkk: '3' }))).toBe(false);
    expect(allSubjectsPassed(pupil({ Sv: 'C', 'M2 SPA': '3' }))).toBe(true); // not compulsory
    expect(allSubjectsPassed(pupil({}))).toBe(false); // no grade at all
  });
});
