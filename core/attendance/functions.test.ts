/** The närvaroplan's custom functions (declared in core/functions/catalog.ts, tested here with the plan). */
import { describe, expect, it } from 'vitest';
import { functionByName } from '../functions/catalog';
import { defaultAttendancePlan, planRuleRows } from './plan-sheet';

const ctx = { lang: 'sv' as const, referenceYear: 2026 };
const call = (name: string, ...args: unknown[]) => functionByName(name)!.impl(args as never, ctx);

describe('SKOLA.NARVAROSTEG', () => {
  it('gives the default plan’s step for a pupil’s shares', () => {
    // 12 % ≥ 10 % → step 2; 6 % total with 5 % ogiltig → step 2 (Sävsjö's line); 4 % → 0 (no step).
    expect(call('NARVAROSTEG', 0.12, 0.02)).toBe(2);
    expect(call('NARVAROSTEG', 0.06, 0.05)).toBe(2);
    expect(call('NARVAROSTEG', 0.04)).toBe(0);
  });
  it('reads the school’s plan from a range of the Närvaroplan sheet', () => {
    const { header, rows } = planRuleRows(defaultAttendancePlan('sv'), 'sv');
    // The school lowers step 2's total line to 8 %: the 4th rule row's Gräns.
    const edited = rows.map((r, i) => (i === 3 ? r.map((v, c) => (c === 4 ? 0.08 : v)) : r));
    expect(call('NARVAROSTEG', 0.09, 0, [header, ...edited])).toBe(2);
    expect(call('NARVAROSTEG', 0.09, 0)).toBe(0);
    // A malformed rule cell is named: the header is row 1 of the range, the 4th rule row 5, Gräns column E.
    const bad = rows.map((r, i) => (i === 3 ? r.map((v, c) => (c === 4 ? 'tio' : v)) : r));
    expect(call('NARVAROSTEG', 0.09, 0, [header, ...bad])).toEqual({ error: '#VALUE!', message: expect.stringMatching(/^närvaroplan!E5: Gränsen "tio"/) });
    expect(call('NARVAROSTEG', 0.09, 0, [['Anteckningar']])).toEqual({ error: '#VALUE!', message: 'närvaroplan: hittade ingen rubrikrad med Steg och Regel i området' });
  });
  it('refuses shares outside 0–1', () => {
    expect(call('NARVAROSTEG', 12)).toMatchObject({ error: '#VALUE!' });
    expect(call('NARVAROSTEG', '')).toMatchObject({ error: '#N/A' });
  });
});

describe('SKOLA.FRANVAROBAND', () => {
  it('bands total and ogiltig absence as Sävsjö does', () => {
    expect([0.03, 0.05, 0.12, 0.15, 0.3, 0.7].map((x) => call('FRANVAROBAND', x))).toEqual(['under 5 %', '5–15 %', '5–15 %', '15–30 %', '30–50 %', 'minst 50 %']);
    expect([0.005, 0.01, 0.05, 0.2].map((x) => call('FRANVAROBAND', x, 'ogiltig'))).toEqual(['under 1 %', '1–5 %', '5–15 %', 'minst 15 %']);
    expect(call('FRANVAROBAND', 0.1, 'giltig')).toEqual({ error: '#VALUE!', message: 'typ ska vara ”total” eller ”ogiltig”, inte ”giltig”' });
  });
});
