/**
 * The executor over plans made by the real sheet builders of core/report (from a hand-made report
 * model, until buildReport lands): everything they lay out must reach the workbook, in a number of
 * syncs that does not grow with the pupil count.
 */
import { describe, expect, it } from 'vitest';
import { applyPlanExcel, MARKER_KEY } from './executor';
import { FakeExcel } from './testing/fake-excel';
import { buildNamndrapport } from '../core/report/namndrapport';
import { buildAtgardslista, buildElevlista } from '../core/report/lists';
import { reportModel } from '../core/report/fixtures';
import { PLAN_VERSION, type ReportPlan } from '../core/report/plan';

function plan(n: number): ReportPlan {
  const m = reportModel(n);
  return { generator: 'skolanalys', version: PLAN_VERSION, sheets: [buildNamndrapport(m), buildElevlista(m), buildAtgardslista(m)] };
}

describe('applyPlanExcel with the report builders', () => {
  it('writes every block, table, chart and highlight of the plan', async () => {
    const p = plan(40);
    const fx = new FakeExcel();
    fx.addSheet('Betyg', [['Namn']]);
    const res = await applyPlanExcel(fx.context as unknown as Excel.RequestContext, p);
    expect(res.sheets).toEqual(p.sheets.map((s) => s.name));
    for (const sp of p.sheets) {
      const s = fx.sheet(sp.name)!;
      expect(s.customProperties.get(MARKER_KEY)).toBe(sp.key);
      for (const b of sp.blocks) {
        // Corners of each block hold the plan's values.
        const last = b.values.length - 1;
        const lastCol = b.values[0].length - 1;
        expect(s.cell(b.row, b.col), `${sp.key}/${b.id}`).toEqual(b.values[0][0] ?? '');
        expect(s.cell(b.row + last, b.col + lastCol), `${sp.key}/${b.id}`).toEqual(b.values[last][lastCol] ?? '');
      }
      expect(s.tables.map((t) => t.name).sort()).toEqual(sp.blocks.filter((b) => b.table).map((b) => b.table!.name.replace(/[^\p{L}\p{N}_]/gu, '_')).sort());
      expect(s.charts).toHaveLength(sp.charts?.length ?? 0);
      expect(s.conditionalFormats).toHaveLength(sp.conditionalFormats?.length ?? 0);
    }
  });

  it('prints the Nämndrapport as the plan says: A4 portrait at 85 %, half-inch margins, title row, breaks, row heights', async () => {
    const p = plan(40);
    const nr = p.sheets.find((s) => s.key === 'namndrapport')!;
    const fx = new FakeExcel();
    fx.addSheet('Betyg');
    await applyPlanExcel(fx.context as unknown as Excel.RequestContext, p);
    const s = fx.sheet(nr.name)!;
    // Margins in points: 0.5 in × 72 = 36 pt (header and footer 0.2 in × 72 = 14.4 pt).
    expect(s.pageLayout.props).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', zoom: { scale: 85 }, topMargin: 36, bottomMargin: 36, leftMargin: 36, rightMargin: 36, headerMargin: 14.4, footerMargin: 14.4 });
    expect(s.pageLayout.printArea).toBe(`A1:H${nr.print!.area!.rows}`);
    expect(s.pageLayout.titleRows).toBe('$1:$1');
    expect(s.pageLayout.breaks).toEqual((nr.print!.rowBreaks ?? []).map((r) => `A${r + 1}`));
    // Every wrapped row's height reaches the sheet, in points.
    expect(nr.rowHeights!.length).toBeGreaterThan(0);
    for (const h of nr.rowHeights!) expect(s.rowHeight(h.row), `row ${h.row + 1}`).toBe(h.points);
  });

  it('takes as many syncs for 5 000 pupils as for 50', async () => {
    const counts: number[] = [];
    for (const n of [50, 5000]) {
      const fx = new FakeExcel();
      fx.addSheet('Betyg');
      await applyPlanExcel(fx.context as unknown as Excel.RequestContext, plan(n));
      counts.push(fx.syncs);
    }
    expect(counts[0]).toBe(3);
    expect(counts[1]).toBe(counts[0]);
  });
});
