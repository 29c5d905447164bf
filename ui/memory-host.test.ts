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
    expect((await h.listSheets())[2]).toEqual({ name: 'Rapport till nämnden', generated: true, key: 'namndrapport' });
  });

  it("keeps a generated sheet's name when the plan names it in another language", async () => {
    const h = new MemoryHost({ sheets: [{ name: 'Betyg', values: [['x']] }] });
    expect((await h.applyPlan(plan(sheetPlan('namndrapport', 'Nämndrapport', 'sv')))).sheets).toEqual(['Nämndrapport']);
    const r = await h.applyPlan(plan(sheetPlan('namndrapport', 'Board report', 'en')));
    expect(r.sheets).toEqual(['Nämndrapport']);
    expect(h.workbook.sheets.map((x) => [x.name, x.values[0][0]])).toEqual([['Betyg', 'x'], ['Nämndrapport', 'en']]);
  });

  it('selects cells, reads the selection, and inserts formulas only into empty cells', async () => {
    const h = fresh();
    await h.selectCell('Betyg!B2');
    expect(h.selected).toEqual(['Betyg!B2']);
    expect(await h.read({ selection: true })).toEqual({ sheet: 'Betyg', values: [['A']], origin: { row: 1, col: 1 } });
    // B2 holds a grade: left alone, and C2 (the first column after the used range A:B) offered.
    expect(await h.insertFormula('=SKOLA.KON(A2)')).toEqual({ written: false, cell: 'Betyg!B2', next: 'Betyg!C2' });
    expect(h.workbook.sheets[0].values[1]).toEqual(['200901012384', 'A']);
    expect(h.inserted).toEqual([]);
    // Written into the offered cell; the example's row 2 is the cell's row (2), so unchanged.
    expect(await h.insertFormula('=SKOLA.KON(A2)', 'Betyg!C2')).toEqual({ written: true, cell: 'Betyg!C2', formula: '=SKOLA.KON(A2)' });
    expect(h.workbook.sheets[0].values[1]).toEqual(['200901012384', 'A', '=SKOLA.KON(A2)']);
    // On row 5 the example's relative rows move by 5 − 2 = 3; the fixed $1 stays.
    expect(await h.insertFormula('=SKOLA.MERITVARDE(C2:S2; $C$1:$S$1; 17)', 'Betyg!D5')).toEqual({ written: true, cell: 'Betyg!D5', formula: '=SKOLA.MERITVARDE(C5:S5; $C$1:$S$1; 17)' });
    expect(h.workbook.sheets[0].values[4]).toEqual([null, null, null, '=SKOLA.MERITVARDE(C5:S5; $C$1:$S$1; 17)']);
    expect(h.inserted).toEqual(['=SKOLA.KON(A2)', '=SKOLA.MERITVARDE(C5:S5; $C$1:$S$1; 17)']);
    await expect(h.selectCell('no address')).rejects.toThrow();
    expect(h.calls.map((c) => c.method)).toEqual(['selectCell', 'read', 'insertFormula', 'insertFormula', 'insertFormula', 'selectCell']);
  });

  it('refuses to insert without a selected cell', async () => {
    await expect(fresh().insertFormula('=SKOLA.KON(A2)')).rejects.toThrow(/markerad/);
  });

  it('keeps saved settings', async () => {
    const h = fresh();
    expect(await h.loadSettings()).toBeNull();
    await h.saveSettings({ ...DEFAULT_SETTINGS, suppressionThreshold: 5 });
    expect((await h.loadSettings())?.suppressionThreshold).toBe(5);
  });
});
