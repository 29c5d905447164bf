import { describe, expect, it } from 'vitest';
import { findOwned, ownedBy, sheetsToWrite } from './create-once';
import type { ReportPlan, SheetPlan } from './plan';

const sheet = (key: string, name: string, createOnly = false): SheetPlan => ({ key, name, personalData: false, blocks: [], ...(createOnly ? { createOnly } : {}) });
const plan: ReportPlan = { generator: 'skolanalys', version: 1, sheets: [sheet('namndrapport', 'Nämndrapport'), sheet('narvaroplan', 'Närvaroplan', true), sheet('mal', 'Mål', true)] };

describe('sheetsToWrite', () => {
  it('writes every sheet into an empty workbook', () => {
    expect(sheetsToWrite(plan, []).map((s) => s.key)).toEqual(['namndrapport', 'narvaroplan', 'mal']);
  });

  it('leaves out a create-once sheet the workbook has by marker (renamed) or by name without a marker; regenerates the rest', () => {
    const existing = [{ name: 'Nämndrapport', key: 'namndrapport' }, { name: 'Vår närvaroplan', key: 'narvaroplan' }, { name: 'MÅL' }];
    expect(sheetsToWrite(plan, existing).map((s) => s.key)).toEqual(['namndrapport']);
    expect(ownedBy(plan.sheets[1], existing)).toBe('Vår närvaroplan');
    expect(ownedBy(plan.sheets[2], existing)).toBe('MÅL');
  });

  it('a sheet of that name made by the tool for another key does not count', () => {
    expect(ownedBy(plan.sheets[2], [{ name: 'Mål', key: 'namndrapport' }])).toBeUndefined();
  });

  it('findOwned: the marked sheet first, else an unmarked sheet of any of the names (either language)', () => {
    expect(findOwned('mal', ['Mål', 'Targets'], [{ name: 'Betyg' }, { name: 'targets' }])).toBe('targets');
    expect(findOwned('mal', ['Mål'], [{ name: 'Mål' }, { name: 'Våra mål', key: 'mal' }])).toBe('Våra mål');
    expect(findOwned('mal', ['Mål'], [{ name: 'Mål', key: 'historik' }])).toBeUndefined();
  });
});
