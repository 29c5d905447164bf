/**
 * The executor over the demo plan from buildReport (synthetic SCB grade file): what the pane
 * really applies. Sync counts must not grow with the number of pupils.
 */
import { describe, expect, it } from 'vitest';
import { applyPlanExcel, MARKER_KEY } from './executor';
import { FakeExcel } from './testing/fake-excel';
import { demoPlan } from './testing/demo-plan';

const ctx = (fx: FakeExcel) => fx.context as unknown as Excel.RequestContext;

describe('applyPlanExcel with the demo plan from buildReport', () => {
  it('writes every sheet, block, table, chart and highlight', async () => {
    const plan = demoPlan(60);
    const fx = new FakeExcel();
    fx.addSheet('Betyg', [['egen data']]);
    const res = await applyPlanExcel(ctx(fx), plan);
    expect(res.sheets).toEqual(plan.sheets.map((s) => s.name));
    for (const sp of plan.sheets) {
      const s = fx.sheet(sp.name)!;
      expect(s.customProperties.get(MARKER_KEY)).toBe(sp.key);
      for (const b of sp.blocks) {
        const r = b.values.length - 1;
        const c = b.values[0].length - 1;
        expect(s.cell(b.row + r, b.col + c), `${sp.key}/${b.id}`).toEqual(b.values[r][c] ?? '');
      }
      expect(s.tables).toHaveLength(sp.blocks.filter((b) => b.table).length);
      expect(s.charts).toHaveLength(sp.charts?.length ?? 0);
      expect(s.conditionalFormats).toHaveLength(sp.conditionalFormats?.length ?? 0);
    }
    expect(fx.sheet('Betyg')!.cell(0, 0)).toBe('egen data');
    expect(fx.sheet('Betyg')!.values).toHaveLength(1);
  });

  it('takes 3 syncs for 50 pupils and for 5 000', async () => {
    const counts: number[] = [];
    for (const n of [50, 5000]) {
      const fx = new FakeExcel();
      fx.addSheet('Betyg');
      await applyPlanExcel(ctx(fx), demoPlan(n));
      counts.push(fx.syncs);
    }
    expect(counts).toEqual([3, 3]);
  });

  it('regenerating replaces its sheets and leaves a renamed copy of none behind', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Betyg', [['x']]);
    await applyPlanExcel(ctx(fx), demoPlan(30));
    const names = fx.sheets.map((s) => s.name);
    fx.sheet('Elevlista')!.name = 'Elever 9';
    await applyPlanExcel(ctx(fx), demoPlan(30));
    // The renamed sheet is replaced under the user's name, in its place; nothing else is added.
    expect(fx.sheets.map((s) => s.name)).toEqual(names.map((n) => (n === 'Elevlista' ? 'Elever 9' : n)));
    expect(fx.sheet('Elever 9')!.customProperties.get('skolanalys')).toBe('elevlista');
  });
});
