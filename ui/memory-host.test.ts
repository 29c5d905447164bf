import { describe, expect, it } from 'vitest';
import type { ReportPlan, SheetPlan } from '../core/report/plan';
import { DEFAULT_SETTINGS } from '../core/types';
import { MemoryHost, planSheetValues } from './memory-host';

const sheetPlan = (key: string, name: string, v: string): SheetPlan => ({
  key, name, personalData: false,
  blocks: [{ id: 'a', row: 0, col: 0, values: [[v]] }, { id: 'b', row: 2, col: 1, values: [[1, 2], [3, 4]] }],
});
const plan = (...sheets: SheetPlan[]): ReportPlan => ({ generator: 'skolanalys', version: 1, sheets });

describe('planSheetValues', () => {
  it('places blocks at their 0-based positions and fills holes with null', () => {
    expect(planSheetValues(sheetPlan('k', 'K', 'T'))).toEqual([['T'], [], [null, 1, 2], [null, 3, 4]]);
  });
});

describe('MemoryHost', () => {
  const fresh = () => new MemoryHost({ sheets: [{ name: 'Betyg', values: [['Pnr', 'Sv'], ['200901012384', 'A']] }, { name: 'Nämndrapport', values: [['mine']] }] });

  it('lists sheets and reads a copy with its origin', async () => {
    const h = fresh();
    expect(await h.listSheets()).toEqual([{ name: 'Betyg', generated: false }, { name: 'Nämndrapport', generated: false }]);
    const d = await h.read({ sheet: 'Betyg' });
    expect(d).toEqual({ sheet: 'Betyg', values: [['Pnr', 'Sv'], ['200901012384', 'A']], origin: { row: 0, col: 0 } });
    (d.values[0] as unknown[])[0] = 'changed';
    expect(h.workbook.sheets[0].values[0][0]).toBe('Pnr');
    await expect(h.read({ sheet: 'Nope' })).rejects.toThrow(/Nope/);
  });

  it('never overwrites a user sheet of the same name and replaces its own sheet by marker', async () => {
    const h = fresh();
    const progress: string[] = [];
    const r1 = await h.applyPlan(plan(sheetPlan('namndrapport', 'Nämndrapport', 'v1')), (p) => progress.push(`${p.done}/${p.total}`));
    expect(r1.sheets).toEqual(['Nämndrapport (2)']);
    expect(h.workbook.sheets[1].values).toEqual([['mine']]);
    expect(progress).toEqual(['0/1', '1/1']);
    // The user renames the generated sheet; the next run still finds it by its key.
    h.workbook.sheets[2].name = 'Rapport till nämnden';
    const r2 = await h.applyPlan(plan(sheetPlan('namndrapport', 'Nämndrapport', 'v2')));
    expect(r2.sheets).toEqual(['Rapport till nämnden']);
    expect(h.workbook.sheets).toHaveLength(3);
    expect(h.workbook.sheets[2].values[0][0]).toBe('v2');
    expect(h.appliedPlans).toHaveLength(2);
    expect((await h.listSheets())[2]).toEqual({ name: 'Rapport till nämnden', generated: true });
  });

  it('selects cells, reads the selection and inserts formulas there', async () => {
    const h = fresh();
    await h.selectCell('Betyg!B2');
    expect(h.selected).toEqual(['Betyg!B2']);
    expect(await h.read({ selection: true })).toEqual({ sheet: 'Betyg', values: [['A']], origin: { row: 1, col: 1 } });
    await h.insertFormula('=SKOLA.KON(A2)');
    expect(h.inserted).toEqual(['=SKOLA.KON(A2)']);
    expect(h.workbook.sheets[0].values[1][1]).toBe('=SKOLA.KON(A2)');
    await expect(h.selectCell('no address')).rejects.toThrow();
    expect(h.calls.map((c) => c.method)).toEqual(['selectCell', 'read', 'insertFormula', 'selectCell']);
  });

  it('keeps saved settings', async () => {
    const h = fresh();
    expect(await h.loadSettings()).toBeNull();
    await h.saveSettings({ ...DEFAULT_SETTINGS, suppressionThreshold: 5 });
    expect((await h.loadSettings())?.suppressionThreshold).toBe(5);
  });
});
