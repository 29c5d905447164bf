/**
 * The writer over plans from the real sheet builders of core/report (from a hand-made model):
 * everything they lay out reaches the file, and the terminal headline matches the sheet.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XlsxPackage, writeReportPackage } from './index';
import { reportModel } from '../../core/report/fixtures';
import { buildNamndrapport } from '../../core/report/namndrapport';
import { buildAtgardslista, buildElevlista } from '../../core/report/lists';
import { PLAN_VERSION, type ReportPlan } from '../../core/report/plan';
import { headlineTable, formatPlanValue } from '../headline';

function plan(n: number): ReportPlan {
  const m = reportModel(n);
  return { generator: 'skolanalys', version: PLAN_VERSION, sheets: [buildNamndrapport(m), buildElevlista(m), buildAtgardslista(m)] };
}

describe('writer over the report builders', () => {
  it('writes every block corner, table and chart of the plan', async () => {
    const p = plan(40);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Betyg').getCell('A1').value = 'Personnummer';
    const buf = (await writeReportPackage(XlsxPackage.open(Buffer.from(await wb.xlsx.writeBuffer())), p, [], new Date(Date.UTC(2026, 5, 15)))).bytes;
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(buf as unknown as ArrayBuffer);
    for (const sp of p.sheets) {
      const ws = out.getWorksheet(sp.name)!;
      expect(ws, sp.name).toBeDefined();
      for (const b of sp.blocks) {
        const last = b.values.length - 1;
        const lastCol = b.values[last].length - 1;
        const corner = (i: number, j: number) => ws.getCell(b.row + i + 1, b.col + j + 1).value;
        const want = (v: unknown) => (v === '' ? null : v); // '' is written as a blank cell
        // Table headers may be made unique; everything else is exactly the plan's value.
        if (!b.table) expect(corner(0, 0), `${sp.key}/${b.id}`).toEqual(want(b.values[0][0]));
        expect(corner(last, lastCol), `${sp.key}/${b.id}`).toEqual(want(b.values[last][lastCol]));
      }
    }
    const zip = await JSZip.loadAsync(buf);
    const planTables = p.sheets.flatMap((s) => s.blocks.filter((b) => b.table && b.values.length >= 2));
    expect(zip.file(/^xl\/tables\/table\d+\.xml$/).length).toBe(planTables.length);
    const planCharts = p.sheets.flatMap((s) => s.charts ?? []);
    expect(planCharts.length).toBeGreaterThan(0);
    expect(zip.file(/^xl\/charts\/chart\d+\.xml$/).length).toBe(planCharts.length);
  });

  it('prints the Nämndrapport headline as the sheet shows it', () => {
    const lines = headlineTable(plan(40), 'sv');
    // Header, pupils, 8 indicators (HEADLINE in namndrapport.ts).
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^Indikator\s+Totalt\s+Flickor\s+Pojkar/);
    expect(lines[1]).toMatch(/\s40\s+20\s+20\s/);
    // YRK: total 0.75 → '75,0 %', girls suppressed '..', previous 0.70 → '70,0 %', change +5.0 pp.
    const yrk = lines.find((l) => l.includes('yrkesprogram'))!;
    expect(yrk).toMatch(/75,0 %\s+\.\.\s+75,0 %\s+70,0 %\s+\+5,0$/);
  });

  it('formats values by their number format', () => {
    expect(formatPlanValue(0.853, '0.0%', 'sv')).toBe('85,3 %');
    expect(formatPlanValue(0.853, '0.0%', 'en')).toBe('85.3%');
    expect(formatPlanValue(231.25, '0.0', 'sv')).toBe('231,3');
    expect(formatPlanValue(-2, '+0.0;-0.0;0.0', 'sv')).toBe('-2,0');
    expect(formatPlanValue(1234, '0', 'sv')).toBe('1 234');
    expect(formatPlanValue('..', '0.0%', 'sv')).toBe('..');
    expect(formatPlanValue(null, null, 'sv')).toBe('');
  });
});
