/**
 * The user's data is sacred: random user workbooks (a grade sheet plus sheets of random values,
 * formulas, and names that collide with ours) go through every report action on every host —
 * the CLI xlsx writer, the Excel executor on its fake, the Sheets executor on its fake and the
 * in-memory host. The user's sheets must be identical cell by cell afterwards, and generating
 * twice must give the same workbook as generating once.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport, REPORT_KINDS, type ReportInputs } from '../../core/app';
import { parseDelimited } from '../../core/table/text';
import { ak8GradeText, DEMO_PUPILS, DEMO_SEED, generatePupils, scbGradeFileText, scbTestFileText, vklassText } from '../../examples/generator';
import type { ReportPlan } from '../../core/report/plan';
import { DEFAULT_SETTINGS, type CellValue } from '../../core/types';
import { main } from '../../cli/main';
import { applyPlanExcel } from '../../excel-addin/executor';
import { FakeExcel, type SheetState } from '../../excel-addin/testing/fake-excel';
import { applyPlanSheets } from '../../sheets-addon/executor';
import { createFakeGas, FakeSpreadsheet, type Cell, type FakeSheet } from '../../sheets-addon/testing/fake-gas';
import { MemoryHost } from '../../ui/memory-host';
import { wideSheetArb } from './arbitraries';

const NOW = new Date('2026-06-15T10:00:00Z');
const SEED = Number(process.env.HARDENING_SEED ?? 20260615);

/** A user's value: text that hosts love to convert, numbers, booleans, and formulas (xlsx only). */
type UserValue = string | number | boolean | null | { formula: string; result: number };
const userValueArb: fc.Arbitrary<UserValue> = fc.oneof(
  fc.constantFrom('0123', '=inte en formel', "'citat", '1/2', 'TRUE', '..', '.', '20100101-0006', 'Åsa', '', '  ', '5,5', '+46701234567', '#N/A'),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -1000, max: 100000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom({ formula: 'SUM(A1:A3)', result: 6 }, { formula: 'Betyg!A2', result: 0 }, { formula: '1+1', result: 2 }),
);

/** User sheet names, including the names our own sheets want (they must get ` (2)`, not replace these). */
const userSheetNameArb = fc.constantFrom('Anteckningar', 'Nämndrapport', 'Elevlista', 'Åtgärdslista', 'Närvaro', 'Progression', 'Blad 2', "Rektors 'egna' blad", 'Diagram');

const userSheetsArb = fc.uniqueArray(
  fc.record({ name: userSheetNameArb, values: fc.array(fc.array(userValueArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }) }),
  { minLength: 1, maxLength: 4, selector: (s) => s.name },
);

const workbookArb = fc.record({ grades: wideSheetArb({ minPupils: 12, maxPupils: 40 }), user: userSheetsArb });
type Workbook = typeof workbookArb extends fc.Arbitrary<infer T> ? T : never;

/** In-memory hosts hold no formulas: a formula becomes its formula text, as a user would type it. */
const plain = (v: UserValue): string | number | boolean | null => (v !== null && typeof v === 'object' ? `=${v.formula}` : v);

function planFor(grades: CellValue[][]): ReportPlan {
  return buildReport({ grades: { sheet: 'Betyg', values: grades } }, REPORT_KINDS, DEFAULT_SETTINGS, NOW).plan;
}

describe('Excel executor (fake): user sheets untouched, regenerating is idempotent', () => {
  const snap = (s: SheetState) => JSON.stringify({ ...s, activations: 0 });
  const generatedView = (fx: FakeExcel) => fx.sheets.filter((s) => s.customProperties.has('skolanalys')).map((s) => {
    const u = s.usedRange();
    return { name: s.name, key: s.customProperties.get('skolanalys'), values: u ? s.read(u.row, u.col, u.rows, u.cols) : [] };
  });

  it('for random workbooks and every report kind', async () => {
    await fc.assert(fc.asyncProperty(workbookArb, async (wb: Workbook) => {
      const fx = new FakeExcel();
      fx.addSheet('Betyg', wb.grades);
      for (const u of wb.user) fx.addSheet(u.name, u.values.map((r) => r.map(plain)));
      const before = fx.sheets.map((s) => [s.name, snap(s)]);
      const plan = planFor(wb.grades);
      await applyPlanExcel(fx.context as unknown as Excel.RequestContext, plan);
      const once = generatedView(fx);
      expect(once.map((g) => g.key).sort()).toEqual(plan.sheets.map((s) => s.key).sort());
      await applyPlanExcel(fx.context as unknown as Excel.RequestContext, planFor(wb.grades));
      for (const [name, s] of before) expect(snap(fx.sheet(name)!), name).toBe(s);
      expect(generatedView(fx)).toEqual(once);
      expect(fx.sheets.length).toBe(before.length + plan.sheets.length);
    }), { numRuns: 15, seed: SEED, endOnFailure: true });
  });
});

describe('Sheets executor (fake): user sheets untouched, regenerating is idempotent', () => {
  const snap = (s: FakeSheet) => JSON.stringify({
    name: s.name, values: s.values, formulas: s.formulas, styles: [...s.styles], metadata: s.metadata, charts: s.charts, rules: s.rules,
    borders: s.borders, filters: s.filters, tabColor: s.tabColor, frozen: [s.frozenRows, s.frozenColumns], widths: [...s.columnWidths],
  });
  const generatedView = (ss: FakeSpreadsheet) => ss.sheets.filter((s) => s.metadata.some((m) => m.key === 'skolanalys')).map((s) => ({ name: s.name, values: s.dump(), formulas: s.formulas }));

  it('for random workbooks and every report kind', () => {
    fc.assert(fc.property(workbookArb, (wb: Workbook) => {
      const ss = new FakeSpreadsheet();
      ss.add('Betyg', wb.grades.map((r) => r.map((v) => (v ?? '') as Cell)));
      for (const u of wb.user) {
        const s = ss.add(u.name, u.values.map((r) => r.map((v) => (plain(v) ?? '') as Cell)));
        // A real formula in a user's cell, and a filter of their own.
        s.formulas = [['=SUM(A1:A3)']];
        s.filters.push('A1:B2');
      }
      // The executor calls the Apps Script globals (SpreadsheetApp, Charts) as the real runtime has them.
      Object.assign(globalThis, createFakeGas(ss).globals);
      const before = ss.sheets.map((s) => [s.name, snap(s)]);
      const plan = planFor(wb.grades);
      applyPlanSheets(ss as never, plan);
      const once = generatedView(ss);
      expect(once.length).toBe(plan.sheets.length);
      applyPlanSheets(ss as never, planFor(wb.grades));
      for (const [name, s] of before) expect(snap(ss.byName(name)!), name).toBe(s);
      expect(generatedView(ss)).toEqual(once);
      expect(ss.sheets.length).toBe(before.length + plan.sheets.length);
    }), { numRuns: 20, seed: SEED, endOnFailure: true });
  });
});

describe('MemoryHost: user sheets untouched, regenerating is idempotent', () => {
  it('for random workbooks and every report kind, read through the host like the panel does', async () => {
    await fc.assert(fc.asyncProperty(workbookArb, async (wb: Workbook) => {
      const host = new MemoryHost({ sheets: [{ name: 'Betyg', values: wb.grades.map((r) => [...r]) }, ...wb.user.map((u) => ({ name: u.name, values: u.values.map((r) => r.map(plain)) }))] });
      const before = structuredClone(host.workbook.sheets);
      const run = async () => {
        const data = await host.read({ sheet: 'Betyg' });
        await host.applyPlan(buildReport({ grades: data }, REPORT_KINDS, DEFAULT_SETTINGS, NOW).plan);
      };
      await run();
      const once = structuredClone(host.workbook.sheets.slice(before.length));
      await run();
      expect(host.workbook.sheets.slice(0, before.length)).toEqual(before);
      expect(host.workbook.sheets.slice(before.length)).toEqual(once);
    }), { numRuns: 25, seed: SEED, endOnFailure: true });
  });
});

describe('CLI xlsx writer: user sheets survive `report`, and a report of the report changes nothing else', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skolanalys-hardening-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const quiet = { out: () => {}, err: () => {} };

  /** Every cell of a sheet as ExcelJS reads it: value (formulas as objects), number format. */
  function cells(ws: ExcelJS.Worksheet): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => {
      out[c.address] = { v: c.value, f: c.numFmt ?? null };
    }));
    return out;
  }
  async function open(file: string) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb;
  }
  const byName = (wb: ExcelJS.Workbook) => new Map(wb.worksheets.map((w) => [w.name, w]));

  it('for random workbooks with formulas and number formats', async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(workbookArb, async (wb: Workbook) => {
      const k = n++;
      const input = new ExcelJS.Workbook();
      const g = input.addWorksheet('Betyg');
      for (const r of wb.grades) g.addRow(r.map((v) => v ?? null));
      for (const u of wb.user) {
        const ws = input.addWorksheet(u.name);
        u.values.forEach((r, i) => r.forEach((v, j) => {
          const c = ws.getCell(i + 1, j + 1);
          c.value = v === null ? null : (v as ExcelJS.CellValue);
          if (typeof v === 'number' && j === 0) c.numFmt = '0.00%';
        }));
      }
      // One file name in three folders: the Nämndrapport names its source file.
      const inFile = join(dir, `in-${k}`, 'betyg.xlsx');
      const out1 = join(dir, `out1-${k}`, 'betyg.xlsx');
      const out2 = join(dir, `out2-${k}`, 'betyg.xlsx');
      mkdirSync(dirname(inFile));
      await input.xlsx.writeFile(inFile);
      const before = byName(await open(inFile));

      expect(await main(['report', inFile, '--sheet', 'Betyg', '--out', out1], quiet)).toBe(0);
      const once = byName(await open(out1));
      for (const [name, ws] of before) {
        expect(once.has(name), `${name} kept`).toBe(true);
        expect(cells(once.get(name)!), name).toEqual(cells(ws));
      }
      const made = [...once.keys()].filter((x) => !before.has(x));
      expect(made.length).toBeGreaterThan(0);

      // Regenerate on the output: the same generated sheets with the same values, user sheets as before.
      expect(await main(['report', out1, '--sheet', 'Betyg', '--out', out2], quiet)).toBe(0);
      const twice = byName(await open(out2));
      expect([...twice.keys()]).toEqual([...once.keys()]);
      for (const [name, ws] of once) {
        if (before.has(name)) expect(cells(twice.get(name)!), name).toEqual(cells(before.get(name)!));
        else expect(cells(twice.get(name)!), name).toEqual(cells(ws));
      }
    }), { numRuns: 6, seed: SEED, endOnFailure: true });
  });
});

describe('every report kind, with attendance and an earlier year (demo data)', () => {
  it('Närvaro and Progression too: user sheets untouched and idempotent on the Excel fake, the Sheets fake and MemoryHost', async () => {
    const pupils = generatePupils(DEMO_PUPILS, DEMO_SEED);
    const inputs: ReportInputs = {
      grades: { sheet: 'betyg', values: parseDelimited(scbGradeFileText(pupils)) },
      tests: { sheet: 'np', values: parseDelimited(scbTestFileText(pupils)) },
      attendance: { sheet: 'franvaro', values: parseDelimited(vklassText(pupils)) },
      previous: { sheet: 'ak8', values: parseDelimited(ak8GradeText(pupils, DEMO_SEED)) },
    };
    const plan = buildReport(inputs, REPORT_KINDS, DEFAULT_SETTINGS, NOW).plan;
    expect(plan.sheets.map((s) => s.key)).toEqual(expect.arrayContaining(['namndrapport', 'elevlista', 'atgardslista', 'narvaro', 'progression']));
    const user: [string, (string | number | boolean)[][]][] = [['Närvaro', [['Min egen närvaro', 0.12, true]]], ['Anteckningar', [['0123', '=inte en formel', 42]]]];

    const fx = new FakeExcel();
    for (const [name, values] of user) fx.addSheet(name, values);
    const ex = () => fx.sheets.map((s) => JSON.stringify({ ...s, activations: 0 })).slice(0, user.length);
    const exBefore = ex();
    await applyPlanExcel(fx.context as unknown as Excel.RequestContext, plan);
    const exOnce = fx.sheets.slice(user.length).map((s) => [s.name, JSON.stringify(s.read(0, 0, 400, 30))]);
    await applyPlanExcel(fx.context as unknown as Excel.RequestContext, plan);
    expect(ex()).toEqual(exBefore);
    expect(fx.sheets.slice(user.length).map((s) => [s.name, JSON.stringify(s.read(0, 0, 400, 30))])).toEqual(exOnce);

    const ss = new FakeSpreadsheet();
    for (const [name, values] of user) ss.add(name, values);
    Object.assign(globalThis, createFakeGas(ss).globals);
    const sh = () => ss.sheets.slice(0, user.length).map((s) => JSON.stringify([s.name, s.values, s.formulas, [...s.styles], s.metadata]));
    const shBefore = sh();
    applyPlanSheets(ss as never, plan);
    const shOnce = ss.sheets.slice(user.length).map((s) => [s.name, s.dump()]);
    applyPlanSheets(ss as never, plan);
    expect(sh()).toEqual(shBefore);
    expect(ss.sheets.slice(user.length).map((s) => [s.name, s.dump()])).toEqual(shOnce);
    // The user's "Närvaro" keeps its name; ours sidesteps it.
    expect(ss.sheets.map((s) => s.name)).toContain('Närvaro (2)');

    const host = new MemoryHost({ sheets: user.map(([name, values]) => ({ name, values: values.map((r) => [...r]) })) });
    const before = structuredClone(host.workbook.sheets);
    await host.applyPlan(plan);
    const once = structuredClone(host.workbook.sheets);
    await host.applyPlan(plan);
    expect(host.workbook.sheets.slice(0, user.length)).toEqual(before);
    expect(host.workbook.sheets).toEqual(once);
  });
});
