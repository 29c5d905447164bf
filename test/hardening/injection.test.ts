/**
 * Text from the user's files reaches our sheets (names, classes, school names, problem values).
 * A host must show it as the text it was: never a formula (`=HYPERLINK(…)` in a pupil's name),
 * never a number or boolean (`0123`, `1/2`, `TRUE`). Checked on the Sheets fake (which models
 * Sheets' parsing), the Excel fake (text format `@` where Excel would convert) and the CLI xlsx.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport, REPORT_KINDS } from '../../core/app';
import type { ReportPlan } from '../../core/report/plan';
import { DEFAULT_SETTINGS, type CellValue } from '../../core/types';
import { main } from '../../cli/main';
import { applyPlanExcel } from '../../excel-addin/executor';
import { FakeExcel } from '../../excel-addin/testing/fake-excel';
import { applyPlanSheets } from '../../sheets-addon/executor';
import { createFakeGas, FakeSpreadsheet } from '../../sheets-addon/testing/fake-gas';
import { personnummerArb, WIDE_SUBJECTS } from './arbitraries';

const NOW = new Date('2026-06-15T10:00:00Z');
const SEED = Number(process.env.HARDENING_SEED ?? 20260615);

/** Strings a spreadsheet would turn into something else. */
const NASTY = ['=1+1', '=HYPERLINK("http://example.invalid";"klicka")', '+46701234567', '-5', '@SUM(A1)', '0123', "'citat", 'TRUE', 'false', '1/2', '12%', '5,5', '3.0', ' 42 ', '=', '..'];
const nastyArb = fc.oneof(fc.constantFrom(...NASTY), fc.constantFrom('Anna', 'Öberg'));

const sheetArb = fc.array(fc.record({ pnr: personnummerArb, first: nastyArb, last: nastyArb, klass: nastyArb, school: nastyArb, grades: fc.array(fc.constantFrom('A', 'C', 'E', 'F', '-'), { minLength: WIDE_SUBJECTS.length, maxLength: WIDE_SUBJECTS.length }) }), { minLength: 1, maxLength: 15 })
  .map((rows) => [['Personnummer', 'Förnamn', 'Efternamn', 'Klass', 'Skola', ...WIDE_SUBJECTS], ...rows.map((r) => [r.pnr, r.first, r.last, r.klass, r.school, ...r.grades])] as CellValue[][]);

/** Every string cell of a plan, with its absolute 0-based position on its sheet. */
function stringCells(plan: ReportPlan): { sheet: number; row: number; col: number; v: string }[] {
  const out: { sheet: number; row: number; col: number; v: string }[] = [];
  plan.sheets.forEach((s, i) => s.blocks.forEach((b) => b.values.forEach((r, dr) => r.forEach((v, dc) => {
    if (typeof v === 'string') out.push({ sheet: i, row: b.row + dr, col: b.col + dc, v });
  }))));
  return out;
}

/** What Excel would not keep as text in a General cell (numbers, dates, percents, formulas, booleans). */
const EXCEL_CONVERTS = /^\s*(?:[=+@]|-\S|[-+]?[\s.,:/]*\d[\d\s.,:/]*%?\s*$|(?:true|false)\s*$)/i;

const plan = (values: CellValue[][]) => buildReport({ grades: { sheet: 'Betyg', values } }, REPORT_KINDS, DEFAULT_SETTINGS, NOW).plan;

describe('user text stays text on every host', () => {
  it('Sheets: every string of the plan reads back as the same string, no formula', () => {
    fc.assert(fc.property(sheetArb, (values) => {
      const ss = new FakeSpreadsheet();
      ss.add('Betyg', [['x']]);
      Object.assign(globalThis, createFakeGas(ss).globals);
      const p = plan(values);
      const r = applyPlanSheets(ss as never, p);
      for (const c of stringCells(p)) {
        const sheet = ss.byName(r.sheets[c.sheet])!;
        const got = sheet.read(c.row + 1, c.col + 1, 1, 1)[0][0];
        const formula = sheet.formulas[c.row]?.[c.col];
        if (formula || got !== c.v) throw new Error(`${sheet.name}!R${c.row + 1}C${c.col + 1}: plan ${JSON.stringify(c.v)} → value ${JSON.stringify(got)}, formula ${JSON.stringify(formula)}`);
      }
    }), { numRuns: 25, seed: SEED, endOnFailure: true });
  });

  it('Excel: every string Excel would convert sits in a text-formatted (@) cell', async () => {
    await fc.assert(fc.asyncProperty(sheetArb, async (values) => {
      const fx = new FakeExcel();
      fx.addSheet('Betyg', [['x']]);
      const p = plan(values);
      await applyPlanExcel(fx.context as unknown as Excel.RequestContext, p);
      const made = fx.sheets.filter((s) => s.customProperties.has('skolanalys'));
      for (const c of stringCells(p)) {
        if (!EXCEL_CONVERTS.test(c.v)) continue;
        const s = made.find((m) => m.customProperties.get('skolanalys') === p.sheets[c.sheet].key)!;
        expect(s.formulas.filter((f) => c.row >= f.row && c.row < f.row + f.values.length && c.col >= f.col && c.col < f.col + (f.values[0]?.length ?? 0))).toEqual([]);
        if (s.numberFormat(c.row, c.col) !== '@') throw new Error(`${s.name}!R${c.row + 1}C${c.col + 1}: ${JSON.stringify(c.v)} written with format ${s.numberFormat(c.row, c.col)}`);
      }
    }), { numRuns: 25, seed: SEED, endOnFailure: true });
  });

  describe('CLI xlsx', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skolanalys-injection-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it('every string of the plan is a plain string cell in the written workbook, no formula', async () => {
      let n = 0;
      await fc.assert(fc.asyncProperty(sheetArb, async (values) => {
        const k = n++;
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Betyg');
        for (const r of values) ws.addRow(r);
        const input = join(dir, `in-${k}.xlsx`);
        const output = join(dir, `out-${k}.xlsx`);
        await wb.xlsx.writeFile(input);
        expect(await main(['report', input, '--out', output], { out: () => {}, err: () => {} })).toBe(0);
        const back = new ExcelJS.Workbook();
        await back.xlsx.readFile(output);
        const generated = back.worksheets.filter((w) => w.name !== 'Betyg');
        let seen = 0;
        for (const w of generated) w.eachRow((row) => row.eachCell((cell) => {
          const v = cell.value as unknown;
          if (v !== null && typeof v === 'object' && !(v instanceof Date) && ('formula' in (v as object) || 'sharedFormula' in (v as object))) throw new Error(`${w.name}!${cell.address}: formula ${JSON.stringify(v)}`);
          if (typeof v === 'string' && NASTY.includes(v)) seen++;
        }));
        // The names and classes made it into the Elevlista as text.
        const nasty = values.slice(1).flatMap((r) => r.slice(1, 5)).filter((v) => typeof v === 'string' && NASTY.includes(v) && v.trim() === v && v !== '..');
        if (nasty.length) expect(seen).toBeGreaterThan(0);
      }), { numRuns: 5, seed: SEED, endOnFailure: true });
    });
  });
});
