import { describe, expect, it } from 'vitest';
import { PROGRAM_CODES } from '../types';
import { RULE_SETS, ruleSet } from './rulesets';

describe('rule set gy11 (domain §3)', () => {
  const gy11 = ruleSet('gy11');
  it('declares every target', () => {
    expect(Object.keys(gy11.targets).sort()).toEqual([...PROGRAM_CODES].sort());
    expect(RULE_SETS.gy11).toBe(gy11);
  });
  it('totals: yrkesprogram 8, högskoleförberedande 12, PRIV 6 in both alternatives', () => {
    expect(gy11.targets.YRK.alternatives.map((a) => a.totalPasses)).toEqual([8]);
    for (const c of ['ES', 'EK', 'HU', 'SA', 'NA', 'TE'] as const) expect(gy11.targets[c].alternatives.map((a) => a.totalPasses)).toEqual([12]);
    expect(gy11.targets.PRIV.alternatives.map((a) => a.totalPasses)).toEqual([6, 6]);
  });
  it('named subjects: core for all national programmes, Ge/Hi/Re/Sh for EK/HU/SA, Bi/Fy/Ke for NA/TE', () => {
    expect(gy11.targets.ES.alternatives[0].subjects).toEqual(['Sv', 'En', 'Ma']);
    for (const c of ['EK', 'HU', 'SA'] as const) expect(gy11.targets[c].alternatives[0].subjects).toEqual(['Sv', 'En', 'Ma', 'Ge', 'Hi', 'Re', 'Sh']);
    for (const c of ['NA', 'TE'] as const) expect(gy11.targets[c].alternatives[0].subjects).toEqual(['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke']);
  });
  it('PRIV: Sv + (En or Ma) + 4 other, or Sv + En + Ma + 3 other', () => {
    const [a, b] = gy11.targets.PRIV.alternatives;
    expect(a).toEqual({ subjects: ['Sv'], oneOf: [['En', 'Ma']], totalPasses: 6 });
    expect(b.subjects).toEqual(['Sv', 'En', 'Ma']);
  });
  it('English dispens applies to national programmes only, not PRIV [skollagen 16 kap. 32 §]', () => {
    expect(gy11.exemptible).toEqual(['En']);
    expect(PROGRAM_CODES.filter((c) => !gy11.targets[c].exemptionApplies)).toEqual(['PRIV']);
  });
});
