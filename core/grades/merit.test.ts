import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SubjectGrade } from '../types';
import { EXAMPLE_1, SUBJECTS16, grades, uniformSpec } from './fixtures/pupils';
import { meritValue16, meritValue17 } from './merit';

// Points: A 20, B 17.5, C 15, D 12.5, E 10, F 0 (domain §1).

describe('meritvärde (domain §4, worked examples §11)', () => {
  it('§11.1: M2 as the 17th vs among the 16 best', () => {
    // Non-M2: 15+17.5+12.5+10+0+10+12.5+15+15+12.5+15+20+17.5+20+17.5+20 = 230.
    const g = grades(EXAMPLE_1);
    expect(meritValue17(g)).toBe(245); // 230 + 15 (M2 C)
    expect(meritValue16(g)).toBe(245); // 230 + 15 − 0 (Fy F drops)
  });

  it('§11.2: same pupil with Fy E', () => {
    const g = grades({ ...EXAMPLE_1, Fy: 'E' });
    expect(meritValue17(g)).toBe(255); // 240 + 15
    expect(meritValue16(g)).toBe(245); // 255 − 10 (one E drops)
  });

  it('§11.3: modersmål is never the 17th', () => {
    const g = grades({ ...uniformSpec('D'), 'ML ARA': 'A' });
    expect(meritValue16(g)).toBe(207.5); // 20 + 15 × 12.5
    expect(meritValue17(g)).toBe(207.5); // nothing to add
  });

  it('§11.4: the lowest merit of a YRK-eligible pupil is 8 × E = 80', () => {
    const g = grades({ Sv: 'E', En: 'E', Ma: 'E', Bi: 'E', Ke: 'E', Idh: 'E', Bl: 'E', Mu: 'E', Fy: 'F', Tk: 'F', Ge: 'F', Hi: 'F', Re: 'F', Sh: 'F', Hkk: 'F', Sl: 'F' });
    expect(meritValue17(g)).toBe(80); // 8 × 10 + 8 × 0
  });

  it('M1, Tn and an extra En are never the 17th; M2 is', () => {
    // 16 × E = 160; M1 A competes among the 16 (replaces an E): 150 + 20 = 170 for both values.
    expect(meritValue17(grades({ ...uniformSpec('E'), 'M1 DEU': 'A' }))).toBe(170);
    expect(meritValue17(grades({ ...uniformSpec('E'), Tn: 'A' }))).toBe(170);
    // A second En grade (hand-made sheet) is just another grade among the 16: 150 + 20 = 170.
    const extraEn: SubjectGrade[] = [...grades(uniformSpec('E')), { subject: 'En', entry: { kind: 'grade', mark: 'A' } }];
    expect(meritValue17(extraEn)).toBe(170);
    // The same A as M2: 17th → 160 + 20 = 180; among the 16 → 170.
    expect(meritValue17(grades({ ...uniformSpec('E'), 'M2 DEU': 'A' }))).toBe(180);
    expect(meritValue16(grades({ ...uniformSpec('E'), 'M2 DEU': 'A' }))).toBe(170);
  });

  it('M2 may be among the 16 best for meritvärde 16 but is set aside for 17', () => {
    // 15 × C (225) + Sl F (0) + M2 A (20): 16 best = 225 + 20 = 245; 17 = (225 + 0) + 20 = 245.
    const g = grades({ ...uniformSpec('C'), Sl: 'F', 'M2 SPA': 'A' });
    expect(meritValue16(g)).toBe(245);
    expect(meritValue17(g)).toBe(245);
    // With Sl B: 16 best of {A, B, 15 × C} = 20 + 17.5 + 14 × 15 = 247.5; 17 = (15 × 15 + 17.5) + 20 = 262.5.
    const h = grades({ ...uniformSpec('C'), Sl: 'B', 'M2 SPA': 'A' });
    expect(meritValue16(h)).toBe(247.5);
    expect(meritValue17(h)).toBe(262.5);
  });

  it('two M2 grades: the better is the 17th, the other competes among the 16', () => {
    // 16 × E = 160; M2 SPA B (17.5) and M2 FRA A (20): 17th = 20; B replaces an E: 150 + 17.5 + 20 = 187.5.
    expect(meritValue17(grades({ ...uniformSpec('E'), 'M2 SPA': 'B', 'M2 FRA': 'A' }))).toBe(187.5);
    // Meritvärde 16: both M2 among the 16 best: 14 × 10 + 17.5 + 20 = 177.5.
    expect(meritValue16(grades({ ...uniformSpec('E'), 'M2 SPA': 'B', 'M2 FRA': 'A' }))).toBe(177.5);
  });

  it('fewer than 16 grades: sum what there is; F and streck add 0', () => {
    // C 15 + A 20 + F 0 + streck 0 = 35.
    const g = grades({ Sv: 'C', En: 'A', Ma: 'F', Bi: '-' });
    expect(meritValue16(g)).toBe(35);
    expect(meritValue17(g)).toBe(35);
    expect(meritValue17(grades({}))).toBe(0);
    // Only an M2: it is the 17th, nothing among the 16 → 17.5.
    expect(meritValue17(grades({ 'M2 SPA': 'B' }))).toBe(17.5);
  });

  it('streck is 0 like F but codes 2/3 and blanks are not grades at all', () => {
    // 15 × B = 262.5; the 16th place: streck 0, F 0, code 3 nothing, blank nothing → 262.5 each.
    for (const v of ['-', 'F', '3', '2', '']) expect(meritValue16(grades({ ...uniformSpec('B'), Sl: v }))).toBe(262.5);
  });

  it('Sv and Sva: only the better counts (one Swedish place)', () => {
    // Sv C 15 and Sva A 20 (should not both occur): 20 + En E 10 = 30, not 45.
    expect(meritValue16(grades({ Sv: 'C', Sva: 'A', En: 'E' }))).toBe(30);
    // Sv marked 2 (not applicable, §11.5), Sva C: 15.
    expect(meritValue16(grades({ Sv: '2', Sva: 'C' }))).toBe(15);
  });

  it('stays within 0–340: 16 × A = 320, plus M2 A = 340', () => {
    const all = { ...uniformSpec('A'), 'M2 SPA': 'A', 'M1 DEU': 'A', 'ML ARA': 'A', Tn: 'A' };
    expect(meritValue16(grades(all))).toBe(320); // 16 × 20
    expect(meritValue17(grades(all))).toBe(340); // 16 × 20 + 20
  });

  it('old scale kept separate: MVG 20, VG 15, G 10; A–F marks add nothing there', () => {
    // 16 × G = 160, M2 MVG as the 17th = 180.
    const spec = Object.fromEntries(SUBJECTS16.map((s) => [s, 'G']));
    expect(meritValue17(grades({ ...spec, 'M2 SPA': 'MVG' }), 'old')).toBe(180);
    // A 16 × A sheet read as old scale: no grade on that scale → 0.
    expect(meritValue16(grades(uniformSpec('A')), 'old')).toBe(0);
  });
});

describe('meritvärde properties (fast-check)', () => {
  const POINTS: Record<string, number> = { A: 20, B: 17.5, C: 15, D: 12.5, E: 10, F: 0 };
  const subjects = ['Sv', 'Sva', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl', 'M1', 'M2', 'ML', 'Tn'] as const;
  const arbGrades = fc.array(
    fc.record({ subject: fc.constantFrom(...subjects), mark: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', '-', '3', '2', '') }),
    { maxLength: 24 },
  ).map((xs) => xs.map((x): SubjectGrade => ({ subject: x.subject, ...(x.subject.startsWith('M') ? { language: 'SPA' } : {}), entry: grades({ s: x.mark })[0].entry })));

  /** §4 read literally, with sorting: the reference the fast implementation must agree with. */
  function reference(gs: SubjectGrade[]): [number, number] {
    const pts = (g: SubjectGrade) => (g.entry.kind === 'grade' ? POINTS[g.entry.mark] : -1);
    const sw = Math.max(-1, ...gs.filter((g) => g.subject === 'Sv' || g.subject === 'Sva').map(pts));
    const others = gs.filter((g) => g.subject !== 'M2' && g.subject !== 'Sv' && g.subject !== 'Sva').map(pts).filter((p) => p >= 0);
    if (sw >= 0) others.push(sw);
    const m2 = gs.filter((g) => g.subject === 'M2').map(pts).filter((p) => p >= 0).sort((a, b) => b - a);
    const best16 = (xs: number[]) => [...xs].sort((a, b) => b - a).slice(0, 16).reduce((a, b) => a + b, 0);
    return [best16([...others, ...m2]), m2.length ? best16([...others, ...m2.slice(1)]) + m2[0] : best16(others)];
  }

  it('agrees with a literal sort-based reading of §4', () => {
    fc.assert(fc.property(arbGrades, (gs) => {
      expect([meritValue16(gs), meritValue17(gs)]).toEqual(reference(gs));
    }), { numRuns: 500 });
  });

  it('0 ≤ meritvärde 16 ≤ 320, meritvärde 16 ≤ meritvärde 17 ≤ 340', () => {
    fc.assert(fc.property(arbGrades, (gs) => {
      const m16 = meritValue16(gs);
      const m17 = meritValue17(gs);
      expect(m16 >= 0 && m16 <= 320 && m16 <= m17 && m17 <= 340).toBe(true);
    }), { numRuns: 500 });
  });
});
